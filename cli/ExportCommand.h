#pragma once

// `cropwise-cli export --preset FILE|NAME --out DIR [--suggest] [--overwrite] [--jobs N]
//                     [--metadata keep|strip-gps|strip] PATH...`
// `cropwise-cli export --list-presets`
//
// Writes every rendition of the preset set (built-in "social", "web", "print", a user set, or a
// preset file) for every image: PATHs are images, folders (recursive) or sidecars. Each rendition's
// crop is the saved crop linked to it, else with --suggest the suggester's best crop for its aspect
// (the same rectangle `cropwise-cli suggest` gives), else the largest centred crop of its aspect
// (docs/renditions.md). Sizes are exact (checked after encoding), writes atomic, nothing replaced
// without --overwrite, file names never leave DIR (created if missing). Metadata: docs/metadata.md.
//
// stdout: one JSON line per image, in the order given (folders in natural order), e.g.
//   {"image": "a.jpg", "renditions": [{"name": "square", "out": "out/a_square.jpg", "rect": [x,y,w,h],
//    "crop": "saved|suggested|centred|whole", "width": 1080, "height": 1080, "format": "jpeg",
//    "upscaled": false, "warnings": [...]} | {..., "error": "..."}], "warnings": [...]}
//   {"image": "bad.jpg", "error": "..."}
// stderr: one line per error and per warning ("cropwise-cli: <file>: [warning: ]<text>"), then a
// summary line. Exit codes: 0 everything written, 1 anything failed or was not replaced,
// 2 bad usage (unknown preset, bad preset file, bad option, missing face data for --suggest).
//
// Developer option, as for `cropwise-cli suggest`: --param name=value (repeatable) sets a
// SuggestParams knob, so both commands can be compared under the same settings.

#include <QString>
#include <QStringList>

namespace cropwise::cli {

int runExport(const QStringList &args);
QString exportCommandSummary();

} // namespace cropwise::cli
