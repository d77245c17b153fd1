#include "cli/CliApp.h"

#include "cli/CliSupport.h"
#include "cli/CropCommand.h"
#include "cli/ExportCommand.h"
#include "cli/ExportDatasetCommand.h"
#include "cli/InfoCommand.h"
#include "cli/ReviewStatsCommand.h"
#include "cli/SuggestCommand.h"

#include <QCoreApplication>

#include <opencv2/core/utils/logger.hpp>

#include <cstdio>
#include <iostream>
#include <streambuf>

namespace cropwise::cli {

namespace {

// The commands, in the order `cropwise-cli --help` lists them. One line per command.
constexpr Command kCommands[] = {
    { "info", runInfo, infoCommandSummary },
    { "crop", runCrop, cropCommandSummary },
    { "suggest", runSuggest, suggestCommandSummary },
    { "export-dataset", runExportDataset, exportDatasetCommandSummary },
    { "export", runExport, exportCommandSummary },
    { "review-stats", runReviewStats, reviewStatsCommandSummary },
};

QString versionText()
{
    return QStringLiteral("cropwise-cli %1").arg(QStringLiteral(CROPWISE_VERSION));
}

QString helpText()
{
    QString text = QStringLiteral("Usage: cropwise-cli COMMAND [OPTIONS] [ARGS...]\n"
                                  "       cropwise-cli COMMAND --help\n\nCommands:\n");
    for (const Command &c : kCommands)
        text += QStringLiteral("  %1%2\n").arg(QString::fromLatin1(c.name), -16).arg(c.summary());
    text
        += QStringLiteral("\nOptions:\n  -h, --help     Show this help.\n  -v, --version  Show the version.\n"
                          "\nResults go to stdout as JSON Lines, errors to stderr as one line each.\n"
                          "Exit codes: 0 success, 1 bad input, 2 bad usage.\n");
    return text;
}

// Library chatter must not reach stderr, which carries only our one-line errors. Our code never
// uses Qt's message functions for output; Qt's own warnings (e.g. from qUncompress on damaged
// metadata) are dropped. Fatal messages still get through.
void quietMessageHandler(QtMsgType type, const QMessageLogContext &, const QString &message)
{
    if (type == QtFatalMsg) {
        const QByteArray text = message.toLocal8Bit();
        std::fprintf(stderr, "cropwise-cli: fatal: %s\n", text.constData());
    }
}

// Swallows everything written to it.
class NullBuffer : public std::streambuf
{
protected:
    int overflow(int c) override { return traits_type::not_eof(c); }
    std::streamsize xsputn(const char *, std::streamsize n) override { return n; }
};

// OpenCV 4.6 prints some caught decoder exceptions straight to std::cerr (imdecode's "can't read
// data" on damaged TIFF strips) and its log goes there too. Our own lines use stdio's stderr, so
// std::cerr and std::clog are pointed at a null buffer for the whole run. This happens before any
// thread starts (no race on the stream), and crash reports (sanitizers, Qt fatal) still reach fd 2.
// The buffer is never destroyed: the standard streams are flushed by ios_base::Init's destructor
// after function-local statics are gone, and a destroyed buffer there crashes at exit.
void silenceLibraryStreams()
{
    static NullBuffer *const nullBuffer = new NullBuffer;
    std::cerr.rdbuf(nullBuffer);
    std::clog.rdbuf(nullBuffer);
    cv::utils::logging::setLogLevel(cv::utils::logging::LOG_LEVEL_SILENT);
    qInstallMessageHandler(quietMessageHandler);
}

} // namespace

int run(const QStringList &arguments)
{
    silenceLibraryStreams();

    const QStringList args = arguments.mid(1);
    if (args.isEmpty()) {
        printError(QStringLiteral("usage"), QStringLiteral("no command given (see 'cropwise-cli --help')"));
        return ExitUsageError;
    }
    const QString first = args.first();
    if (first == QLatin1String("-h") || first == QLatin1String("--help") || first == QLatin1String("help")) {
        printText(helpText());
        return ExitSuccess;
    }
    if (first == QLatin1String("-v") || first == QLatin1String("--version")) {
        printText(versionText());
        return ExitSuccess;
    }
    for (const Command &c : kCommands) {
        if (first == QLatin1String(c.name))
            return c.run(args.mid(1));
    }
    printError(first, QStringLiteral("unknown command (see 'cropwise-cli --help')"));
    return ExitUsageError;
}

} // namespace cropwise::cli
