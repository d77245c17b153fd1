#pragma once

// `cropwise-cli suggest [--aspects LIST] [--top N] [--jobs N] [--include x,y,w,h]... PATH...`
//
// The contract (docs/suggest.md, README): one JSON object per image per line on stdout,
//   {"image": "<path>", "width": W, "height": H, "faces": [{"rect": [x,y,w,h], "score": s}],
//    "suggestions": [{"aspect": "1:1", "rect": [x,y,w,h], "score": s, "reasons": ["..."]}, ...]}
// in displayed (EXIF-oriented) full-size pixels; per aspect, in the order asked, the best suggestion
// first, then up to N-1 alternatives. An aspect that cannot hold the --include regions gives
// {"aspect": "a:b", "error": "<reason>"} (no rect). An unreadable image gives
// {"image": "<path>", "error": "<reason>"}, the run goes on and the exit code is 1 at the end.
// Folders are searched recursively; files with image extensions only, hidden files and folders and
// sidecars skipped; output in sorted path order whatever --jobs is. Writes no files; nothing on
// stderr but errors (one line each). Exit codes: 0 ok, 1 some image failed, 2 usage error or missing
// face data.
//
// Developer options for bench/tune_suggest.py: --param name=value (repeatable) sets a SuggestParams
// knob (core/suggest/SuggestParams.h); --faces-from FILE takes the faces of an earlier run's output
// instead of detecting them again (also a way to feed known faces).

#include <QString>
#include <QStringList>

namespace cropwise::cli {

// `args` are those after the command name. Results go to stdout, errors to stderr.
int runSuggest(const QStringList &args);

// One-line summary for the command list.
QString suggestCommandSummary();

} // namespace cropwise::cli
