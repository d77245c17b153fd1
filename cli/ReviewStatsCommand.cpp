#include "cli/ReviewStatsCommand.h"

#include "cli/CliSupport.h"
#include "core/model/ImageCatalog.h"
#include "core/model/ReviewStats.h"
#include "core/model/Sidecar.h"
#include "core/model/SidecarPeek.h"

#include <QDir>
#include <QFileInfo>
#include <QSet>

namespace cropwise::cli {

namespace {

QString absoluteClean(const QString &path)
{
    return QDir::cleanPath(QFileInfo(path).absoluteFilePath());
}

// One image's sidecar (empty = the image has none), keyed so an image named twice counts once.
struct Input
{
    QString key;
    QString sidecarPath;
};

} // namespace

QString reviewStatsCommandSummary()
{
    return QStringLiteral(
        "print review metrics of suggested crops (per suggester version) as one JSON object");
}

int runReviewStats(const QStringList &args)
{
    const QString command = QStringLiteral("review-stats");
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Counts accepted, edited, rejected and pending suggested "
                                                    "crops per suggester version, and the mean IoU "
                                                    "between suggested and final crops, from the sidecars of "
                                                    "the images. Writes nothing. Output contract: "
                                                    "docs/review.md."));
    parser.addPositionalArgument(QStringLiteral("PATH"),
        QStringLiteral("Folders (recursive), images or sidecar files."), QStringLiteral("PATH..."));
    int exitCode = ExitSuccess;
    if (!parseCommandLine(
            parser, command, QStringLiteral("cropwise-cli review-stats PATH..."), args, &exitCode))
        return exitCode;
    const QStringList paths = parser.positionalArguments();
    if (paths.isEmpty())
        return usageError(command, QStringLiteral("no path given"));

    const SidecarStore store;
    QList<Input> inputs;
    QSet<QString> seen;
    const auto add = [&](const QString &imageOrSidecar, const QString &sidecar) {
        const QString key = absoluteClean(sidecar.isEmpty() ? imageOrSidecar : sidecar);
        if (seen.contains(key))
            return;
        seen.insert(key);
        inputs.append({ key, sidecar });
    };
    for (const QString &path : paths) {
        const QFileInfo info(path);
        if (!info.exists()) {
            printError(path, QStringLiteral("no such file or folder"));
            exitCode = ExitInputError;
        } else if (info.isDir()) {
            const CatalogResult catalog = scanFolder(path, FolderDepth::Recursive);
            if (!catalog.ok()) {
                printError(path, catalog.error);
                exitCode = ExitInputError;
            }
            for (const QString &image : catalog.imagePaths)
                add(image, sidecarPathOf(store, image));
        } else if (path.endsWith(QLatin1String(".json"), Qt::CaseInsensitive)) {
            add(path, path); // a sidecar named explicitly; a per-user one is "<sha1>.json"
        } else {
            add(path, sidecarPathOf(store, path)); // an image: its content does not matter here
        }
    }

    QList<ImageState> states;
    for (const Input &input : inputs) {
        if (input.sidecarPath.isEmpty()) {
            states.append(ImageState {}); // an image nobody has worked on yet
            continue;
        }
        // Read-only: a broken sidecar is reported and left where it is.
        const SidecarPeekResult peeked = peekSidecarFile(input.sidecarPath);
        if (!peeked.ok()) {
            printError(input.sidecarPath, peeked.error);
            exitCode = ExitInputError;
            continue;
        }
        states.append(peeked.state);
    }
    printJsonLine(reviewStatsToJson(computeReviewStats(states)));
    return exitCode;
}

} // namespace cropwise::cli
