#pragma once

// Reading sidecars WITHOUT side effects, for tools that look at many images without opening them
// (review-stats, the review filter of a folder): unlike SidecarStore::read(), a broken sidecar is
// reported and left where it is (the app renames it aside only when the user opens the image), and
// no image file is read (crops are checked against the size the sidecar records).
// Thread: reentrant.

#include "core/model/ImageState.h"
#include "core/model/Sidecar.h"

#include <QString>

namespace cropwise {

struct SidecarPeekResult
{
    QString sidecarPath; // the file read; empty when the image has no sidecar (state is the default)
    ImageState state;
    QString error; // non-empty: the sidecar exists but cannot be used (a short reason, no path)
    bool ok() const { return error.isEmpty(); }
};

// The sidecar SidecarStore::read() would load for the image (beside it or in the per-user folder;
// the more recently modified when both exist), without reading the image.
QString sidecarPathOf(const SidecarStore &store, const QString &imagePath);

// The state in the image's sidecar (default state when it has none).
SidecarPeekResult peekSidecar(const SidecarStore &store, const QString &imagePath);
// The state in one sidecar file.
SidecarPeekResult peekSidecarFile(const QString &sidecarPath);

} // namespace cropwise
