#include "cli/CliSupport.h"

#include <QJsonDocument>

#include <cstdio>

namespace cropwise::cli {

namespace {

void writeUtf8(FILE *stream, const QString &text)
{
    const QByteArray bytes = text.toUtf8();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stream);
    std::fflush(stream);
}

// Messages are one line each: a file name with a newline in it must not split the line.
QString oneLine(QString text)
{
    return text.replace(QLatin1Char('\n'), QLatin1String("\\n"))
        .replace(QLatin1Char('\r'), QLatin1String("\\r"));
}

} // namespace

void printError(const QString &subject, const QString &reason)
{
    writeUtf8(stderr, QStringLiteral("cropwise-cli: %1: %2\n").arg(oneLine(subject), oneLine(reason)));
}

int usageError(const QString &command, const QString &reason)
{
    printError(command, QStringLiteral("%1 (see 'cropwise-cli %2 --help')").arg(reason, command));
    return ExitUsageError;
}

void printJsonLine(const QJsonObject &object)
{
    writeUtf8(
        stdout, QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact)) + QLatin1Char('\n'));
}

void printText(const QString &text)
{
    writeUtf8(stdout, text.endsWith(QLatin1Char('\n')) ? text : text + QLatin1Char('\n'));
}

bool parseCommandLine(QCommandLineParser &parser, const QString &command, const QString &usage,
    const QStringList &args, int *exitCode)
{
    const QCommandLineOption help(
        { QStringLiteral("h"), QStringLiteral("help") }, QStringLiteral("Show this help."));
    parser.addOption(help);
    // QCommandLineParser expects the program name first.
    if (!parser.parse(QStringList { QStringLiteral("cropwise-cli") } + args)) {
        QString reason = parser.errorText();
        if (reason.endsWith(QLatin1Char('.')))
            reason.chop(1);
        *exitCode = usageError(command, reason);
        return false;
    }
    if (parser.isSet(help)) {
        // helpText() starts with its own "Usage:" line naming the executable's full path; ours is clearer.
        QString text = parser.helpText();
        text = text.mid(text.indexOf(QLatin1Char('\n')) + 1);
        printText(QStringLiteral("Usage: %1\n%2").arg(usage, text));
        *exitCode = ExitSuccess;
        return false;
    }
    return true;
}

} // namespace cropwise::cli
