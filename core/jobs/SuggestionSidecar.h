#pragma once

// Keeping a suggestion job's result in an image's sidecar when the image is NOT open in an
// ImageDocument (a folder run: the GUI calls this from resultReadyAt for every image but the open
// one, whose result goes through the document so its autosaver stays the only writer).
//
// Thread: reentrant (plain file I/O, no QObject): GUI thread or a worker; never for an image that
// another writer (an Autosaver) is saving at the same time.

#include "core/jobs/SuggestJob.h"
#include "core/model/Sidecar.h"

#include <QString>

namespace cropwise {

enum class SuggestionUse {
    CacheOnly, // store the cache; the crops stay as they are
    ProposeCrops, // also replace/add pending crops (ReviewState.h withSuggestions())
};

struct StoreSuggestionsResult
{
    enum class Outcome {
        Written, // the sidecar now holds the result
        Unchanged, // it already did; nothing written
        Stale, // the image's turn or must-include regions changed since the job started: recompute
        Failed, // see error
    };
    Outcome outcome = Outcome::Failed;
    QString sidecarPath; // the sidecar read or written
    QString error; // Failed: a sentence naming the file (from SidecarStore); else empty
    QStringList warnings; // what reading the sidecar repaired or reported
};

StoreSuggestionsResult storeSuggestions(
    const SidecarStore &store, const SuggestJobResult &result, SuggestionUse use);

} // namespace cropwise
