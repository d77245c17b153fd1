#include "ui/labels/DatasetSources.h"

#include "core/model/ImageDocument.h"
#include "core/model/ReviewState.h"
#include "core/model/SidecarPeek.h"
#include "ui/ImageSession.h"
#include "ui/labels/ObjectBoxCatalog.h"

#include <QFileInfo>

namespace cropwise {

QList<DatasetSource> collectDatasetSources(
    ImageSession &session, const ObjectBoxCatalog &catalog, DatasetImages images, QStringList *problems)
{
    QList<DatasetSource> sources;
    for (const QString &path : session.imagePaths()) {
        DatasetSource source;
        source.imagePath = path;
        if (session.isOpen(path)) {
            const ImageDocument *doc = session.document(path);
            if (!doc)
                continue;
            source.crops = doc->crops();
            source.userTurn = doc->userTurn();
            source.verified = doc->isVerified();
        } else {
            // Not open: the sidecar is the truth (the caller flushed pending changes first).
            const SidecarPeekResult peek = peekSidecar(session.sidecarStore(), path);
            if (!peek.ok()) {
                if (problems)
                    *problems << QStringLiteral("%1: %2").arg(QFileInfo(path).fileName(), peek.error);
                continue;
            }
            source.crops = peek.state.crops;
            source.userTurn = peek.state.userTurn;
            source.verified = peek.state.verified;
        }
        // Pending and rejected suggestions are review material, not training data.
        source.crops.removeIf([](const Crop &crop) { return !isFinalCrop(crop); });
        source.objects = catalog.boxes(path);
        source.verified = source.verified || catalog.isVerifiedInFile(path); // as the CLI does
        if (images == DatasetImages::VerifiedOnly && !source.verified)
            continue;
        if (source.crops.isEmpty() && source.objects.isEmpty())
            continue;
        sources << source;
    }
    return sources;
}

} // namespace cropwise
