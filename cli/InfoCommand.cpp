#include "cli/InfoCommand.h"

#include "cli/CliSupport.h"
#include "core/io/ImageProbe.h"

namespace cropwise::cli {

QString infoCommandSummary()
{
    return QStringLiteral("print size, orientation and format of images as JSON Lines");
}

int runInfo(const QStringList &args)
{
    const QString command = QStringLiteral("info");
    QCommandLineParser parser;
    parser.setApplicationDescription(infoCommandSummary());
    parser.addPositionalArgument(
        QStringLiteral("IMAGE"), QStringLiteral("Image files to describe."), QStringLiteral("IMAGE..."));
    int exitCode = ExitSuccess;
    if (!parseCommandLine(parser, command, QStringLiteral("cropwise-cli info IMAGE..."), args, &exitCode))
        return exitCode;
    const QStringList images = parser.positionalArguments();
    if (images.isEmpty())
        return usageError(command, QStringLiteral("no image given"));

    for (const QString &image : images) {
        const ProbeResult probe = probeImage(image);
        if (!probe.ok()) {
            printError(image, probe.error);
            exitCode = ExitInputError;
            continue;
        }
        printJsonLine(
            { { QStringLiteral("image"), image }, { QStringLiteral("width"), probe.displayedSize.width },
                { QStringLiteral("height"), probe.displayedSize.height },
                { QStringLiteral("orientation"), probe.orientation },
                { QStringLiteral("format"), formatName(probe.format) } });
    }
    return exitCode;
}

} // namespace cropwise::cli
