#pragma once

// `cropwise-cli review-stats PATH...`: how the automatic suggestions fared in review.
//
// PATHs are folders (searched recursively: hidden files and folders skipped), images (their
// sidecar, beside the image or in the per-user folder, is read) or sidecar files (any *.json file
// named explicitly; its image need not exist). Each image counts once however it was named.
// Read-only: no sidecar is written, renamed or created, no image is decoded.
//
// stdout: ONE JSON object on one line (the contract, docs/review.md):
//   {"images": N, "reviewed_images": n, "pending_images": p, "manual_crops": m,
//    "versions": {"<suggester version>": COUNTS, ...}, "total": COUNTS}
//   COUNTS = {"accepted": a, "edited": e, "rejected": r, "pending": s,
//             "mean_iou": x|null, "mean_iou_edited": y|null}
// printed also when nothing has been reviewed yet (counts 0, means null, "versions": {}).
// stderr: one line per path that could not be used ("cropwise-cli: <path>: <reason>").
// Exit codes: 0 success (also with nothing reviewed or no images at all), 1 some path or sidecar
// could not be read (the JSON then covers the others), 2 bad usage (no PATH, unknown option).

#include <QString>
#include <QStringList>

namespace cropwise::cli {

int runReviewStats(const QStringList &args);
QString reviewStatsCommandSummary();

} // namespace cropwise::cli
