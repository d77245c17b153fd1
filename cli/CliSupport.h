#pragma once

// Shared plumbing of the cropwise-cli commands: exit codes, error lines, JSON Lines output and
// QCommandLineParser handling (--help, usage errors), so every command behaves the same.

#include <QCommandLineParser>
#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace cropwise::cli {

enum ExitCode {
    ExitSuccess = 0,
    ExitInputError = 1, // a file could not be read, decoded or written
    ExitUsageError = 2, // bad arguments
};

// Writes "cropwise-cli: <subject>: <reason>\n" to stderr (subject: a file path or a command).
void printError(const QString &subject, const QString &reason);

// A usage error of `command`: prints one line pointing at `cropwise-cli <command> --help` and
// returns ExitUsageError.
int usageError(const QString &command, const QString &reason);

// One compact JSON object and a newline on stdout, flushed (so results stream as they come).
void printJsonLine(const QJsonObject &object);

// Plain text on stdout (help, version).
void printText(const QString &text);

// Parses `args` (after the command name) with `parser`, which must already hold the command's
// options and positional arguments. Adds --help. Returns true when the command should go on;
// otherwise *exitCode is set: ExitSuccess after printing help (usage line from `usage`, then the
// options), ExitUsageError after printing the parse error.
bool parseCommandLine(QCommandLineParser &parser, const QString &command, const QString &usage,
    const QStringList &args, int *exitCode);

} // namespace cropwise::cli
