#pragma once

// `cropwise-cli COMMAND [ARGS...]`: dispatches on the first argument through a small command table.
//
// Adding a command: write cli/<Name>Command.h/.cpp with
//     int run<Name>(const QStringList &args);   // args: everything after the command name
//     QString <name>CommandSummary();           // one line for `cropwise-cli --help`
// and add one line to kCommands in CliApp.cpp. Use cli/CliSupport.h for argument parsing, error
// lines and JSON output so every command behaves alike:
// - stdout carries only results (JSON Lines: one compact JSON object per line) or --help text;
// - each error is one line on stderr, "cropwise-cli: <file or command>: <reason>";
// - exit codes: 0 success, 1 bad input (some file could not be read or written), 2 bad usage.

#include <QString>
#include <QStringList>

namespace cropwise::cli {

using CommandFunction = int (*)(const QStringList &args);
using SummaryFunction = QString (*)();

struct Command
{
    const char *name;
    CommandFunction run;
    SummaryFunction summary;
};

// Runs `cropwise-cli` with the given arguments (argv[0] included); returns the exit code.
// stdout carries only results (JSON Lines); errors go to stderr as one line each.
int run(const QStringList &arguments);

} // namespace cropwise::cli
