#pragma once

// Runs the built cropwise-cli (CROPWISE_CLI_PATH) and collects exit code, stdout and stderr.
// Header-only, QtCore only.

#include <QByteArray>
#include <QDateTime>
#include <QDirIterator>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QProcess>
#include <QString>
#include <QStringList>

namespace cropwise::test {

struct CliRun
{
    int exitCode = -1;
    bool finished = false; // false: crashed or timed out
    QByteArray out;
    QByteArray err;

    // stdout split into lines (without the final empty one).
    QList<QByteArray> outLines() const
    {
        QList<QByteArray> lines = out.split('\n');
        if (!lines.isEmpty() && lines.last().isEmpty())
            lines.removeLast();
        return lines;
    }
    QList<QByteArray> errLines() const
    {
        QList<QByteArray> lines = err.split('\n');
        if (!lines.isEmpty() && lines.last().isEmpty())
            lines.removeLast();
        return lines;
    }
    // Each stdout line parsed as one JSON object (an empty object for a line that is not one).
    QList<QJsonObject> jsonLines() const
    {
        QList<QJsonObject> objects;
        for (const QByteArray &line : outLines()) {
            QJsonParseError error;
            const QJsonDocument doc = QJsonDocument::fromJson(line, &error);
            objects.append(
                error.error == QJsonParseError::NoError && doc.isObject() ? doc.object() : QJsonObject());
        }
        return objects;
    }
};

inline CliRun runCli(
    const QStringList &arguments, const QString &workingDirectory = {}, int timeoutMs = 30000)
{
    QProcess process;
    if (!workingDirectory.isEmpty())
        process.setWorkingDirectory(workingDirectory);
    process.start(QStringLiteral(CROPWISE_CLI_PATH), arguments);
    CliRun run;
    run.finished = process.waitForFinished(timeoutMs) && process.exitStatus() == QProcess::NormalExit;
    run.exitCode = process.exitCode();
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
}

// Every file and folder under `folder` with size and modification time, to prove a command
// wrote nothing.
inline QStringList folderSnapshot(const QString &folder)
{
    QStringList entries;
    QDirIterator it(folder, QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot,
        QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QFileInfo info(it.next());
        entries << QStringLiteral("%1 %2 %3")
                       .arg(info.filePath())
                       .arg(info.size())
                       .arg(info.lastModified().toMSecsSinceEpoch());
    }
    entries.sort();
    return entries;
}

} // namespace cropwise::test
