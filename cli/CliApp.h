#pragma once

#include <QStringList>

namespace cropwise::cli {

// Runs `cropwise-cli` with the given arguments (argv[0] included); returns the exit code.
// stdout carries only results (JSON Lines); errors go to stderr as one line each.
int run(const QStringList &arguments);

} // namespace cropwise::cli
