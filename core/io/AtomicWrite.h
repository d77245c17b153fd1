#pragma once

// Every file Cropwise writes goes through here: the data goes to a temporary file in the target
// folder which replaces the target only once fully written (QSaveFile; commit() checked), so a
// crash or a full disk never leaves a half-written file behind. Thread: reentrant.

#include <QByteArrayView>
#include <QString>

namespace cropwise {

enum class OverwritePolicy {
    Refuse, // an existing file is an error ("already exists"); the GUI asks, the CLI needs --overwrite
    Replace, // replace an existing file atomically
};

// Returns an empty string on success, else a short reason without the path, e.g.
// "already exists (not overwritten)", "folder does not exist", "permission denied",
// "no space left on device".
QString writeFileAtomically(const QString &path, QByteArrayView data, OverwritePolicy overwrite);

} // namespace cropwise
