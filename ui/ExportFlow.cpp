#include "ui/ExportFlow.h"

#include "core/model/ImageDocument.h"
#include "ui/ExportRunner.h"
#include "ui/ImageSession.h"

#include <QDir>
#include <QMessageBox>
#include <QPushButton>

namespace cropwise {

ExportFlow::ExportFlow(ImageSession *session, QWidget *dialogParent, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_dialogParent(dialogParent)
    , m_runner(new ExportRunner(dialogParent, this))
{
    m_prompt = [this](const QStringList &existing) {
        QMessageBox box(QMessageBox::Warning, tr("Replace Existing Files?"),
            existing.size() == 1 ? tr("One of the files to export already exists.")
                                 : tr("%1 of the files to export already exist.").arg(existing.size()),
            QMessageBox::NoButton, m_dialogParent);
        box.setInformativeText(tr("Replace them, keep them and skip those crops, or cancel the export?"));
        QStringList names;
        for (const QString &p : existing)
            names << QDir::toNativeSeparators(p);
        box.setDetailedText(names.join(QLatin1Char('\n')));
        QPushButton *replace = box.addButton(tr("Replace"), QMessageBox::DestructiveRole);
        QPushButton *skip = box.addButton(tr("Skip Existing"), QMessageBox::AcceptRole);
        box.addButton(QMessageBox::Cancel);
        box.setDefaultButton(skip);
        box.exec();
        if (box.clickedButton() == replace)
            return OverwriteChoice::Replace;
        if (box.clickedButton() == skip)
            return OverwriteChoice::Skip;
        return OverwriteChoice::Cancel;
    };
}

ExportSource ExportFlow::sourceOf(const ImageDocument &document)
{
    return ExportSource { document.imagePath(), document.userTurn().toOrientation(), document.crops() };
}

QList<ExportSource> ExportFlow::sourcesForImages(const QStringList &imagePaths, QStringList *problems) const
{
    QList<ExportSource> sources;
    if (!m_session)
        return sources;
    for (const QString &path : imagePaths) {
        if (m_session->isOpen(path)) {
            if (const ImageDocument *doc = m_session->document(path))
                sources << sourceOf(*doc);
            continue;
        }
        // Not open: the sidecar is the truth (the caller flushed pending changes first).
        const SidecarReadResult r = m_session->sidecarStore().read(path, Size {});
        if (!r.error.isEmpty() && problems)
            *problems << r.error;
        if (r.status == SidecarReadResult::Status::Loaded)
            sources << ExportSource { path, r.state.userTurn.toOrientation(), r.state.crops };
    }
    return sources;
}

ExportFlow::Outcome ExportFlow::start(
    const QList<ExportSource> &sources, const ExportSettings &settings, int *skipped, int *planned)
{
    if (skipped)
        *skipped = 0;
    if (planned)
        *planned = 0;
    if (m_runner->isRunning())
        return Outcome::Busy;
    QList<ExportItem> items = planExport(sources, settings);
    if (items.isEmpty())
        return Outcome::NothingToExport;

    const QStringList existing = existingOutputs(items);
    int kept = 0;
    if (!existing.isEmpty()) {
        // Never overwrite silently: one question for the whole export.
        const OverwriteChoice choice = m_prompt ? m_prompt(existing) : OverwriteChoice::Cancel;
        if (choice == OverwriteChoice::Cancel)
            return Outcome::Cancelled;
        if (choice == OverwriteChoice::Replace) {
            for (ExportItem &item : items) {
                if (existing.contains(item.outPath))
                    item.overwrite = OverwritePolicy::Replace;
            }
        } else {
            items.removeIf([&existing](const ExportItem &item) { return existing.contains(item.outPath); });
            kept = int(existing.size());
            if (skipped)
                *skipped = kept;
            if (items.isEmpty())
                return Outcome::AllExist;
        }
    }
    if (!QDir().mkpath(settings.folder))
        return Outcome::FolderError;
    m_runner->start(items, settings, kept);
    if (planned)
        *planned = int(items.size());
    return Outcome::Started;
}

} // namespace cropwise
