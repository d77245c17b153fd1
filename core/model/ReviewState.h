#pragma once

// The review rules for suggested crops, as pure functions over values (docs/review.md).
//
// Transitions of ReviewStatus (rows: current status; columns: what the user does):
//
//                 edit (drag/resize/nudge/type)   accept       reject
//   Suggested     Edited                          Accepted     Rejected
//   Accepted      Edited                          Accepted     Rejected
//   Edited        Edited                          Edited (1)   Rejected
//   Rejected      Edited (2)                      Accepted (1) Rejected
//   Manual        Manual                          Manual       Manual (3)
//
//   (1) accepting keeps the user's edit: a crop whose rect differs from the suggestion is Edited.
//   (2) fixing a rejected suggestion by hand brings it back, as an edited one.
//   (3) manual crops are not suggestions: they are deleted, not rejected.
// "Restore suggestion" puts the suggested rect back and the status to Suggested.
//
// Consistency: Suggested and Accepted mean "rect == suggested". A crop that says otherwise (written
// by an older Cropwise that moved it without knowing about reviews, or edited by hand) counts as
// Edited: consistentStatus() and reviewStatus() apply that, and the sidecar reader stores it.
//
// Who applies the edit rule: ImageDocument::setCropRect() (every rect change of the UI goes through
// it), using editedCrop(). ImageDocument::setCrop() stores a crop verbatim: it is the undo path, so
// undoing a drag restores the status the crop had before. Accept/reject/restore are the UI's
// commands: they compute the after value with acceptedCrop()/rejectedCrop()/restoredCrop() and
// call ImageDocument::setCrop() (or setCropReview()) with before/after values.

#include "core/model/Crop.h"
#include "core/model/CropReview.h"
#include "core/model/ImageState.h"
#include "core/model/SuggestionCache.h"
#include "core/model/SuggestionRecord.h"

#include <QList>
#include <QString>

#include <optional>

namespace cropwise {

// --- The transition table, on statuses only ---
ReviewStatus statusAfterEdit(ReviewStatus status);
ReviewStatus statusAfterAccept(ReviewStatus status);
ReviewStatus statusAfterReject(ReviewStatus status);
// Suggested/Accepted with rect != suggested -> Edited; anything else unchanged.
ReviewStatus consistentStatus(ReviewStatus stored, const Rect &rect, const Rect &suggested);

// The crop's status: Manual without a review, else consistentStatus() of its review.
ReviewStatus reviewStatus(const Crop &crop);

// --- Crops (each returns the new value; nothing is changed in place) ---

// A new crop (fresh id) from a suggestion: rect and aspect lock as suggested, status Suggested.
Crop cropFromSuggestion(const SuggestionRecord &suggestion, const QString &suggester, const QString &name);
// The default name of a crop made from a suggestion of that aspect: "1:1", "4:5", "Free".
QString suggestedCropName(const std::optional<AspectRatio> &aspect);
// The crop after its rect became `rect` (the edit rule when the rect actually changes).
Crop editedCrop(const Crop &crop, const Rect &rect);
Crop acceptedCrop(const Crop &crop); // Manual crops come back unchanged
Crop rejectedCrop(const Crop &crop); // Manual crops come back unchanged
// Back to the suggestion: rect = review's suggested rect, status Suggested. Manual: unchanged.
Crop restoredCrop(const Crop &crop);
// Shows another alternative of the same run in this crop (the "cycle alternatives" key): keeps
// id, name and label; rect, aspect lock and review become the alternative's, status Suggested.
Crop cropWithSuggestion(const Crop &crop, const SuggestionRecord &suggestion, const QString &suggester);

// Final crops are the ones to export and train on: Manual, Accepted, Edited. Pending (Suggested)
// and Rejected crops are review material, not results.
bool isFinalCrop(const Crop &crop);

// --- Images ---

// True when some crop is still Suggested (the "needs review" filter).
bool needsReview(const ImageState &state);
// The lowest score among the Suggested crops (the "low confidence" filter); nullopt when none.
std::optional<double> lowestPendingScore(const ImageState &state);
// Every Suggested crop accepted, the others unchanged ("accept all of this image").
QList<Crop> acceptedAllPending(const QList<Crop> &crops);

// Puts a fresh suggestion run into an image's state:
//  - state.suggestions becomes `cache`;
//  - pending (Suggested) crops are proposals of an earlier run: each is replaced by the new best
//    suggestion of its aspect (keeping its id, name and label, so a selection stays put) or
//    removed when the new run has none for that aspect;
//  - every requested aspect with a suggestion and without a decided crop of that aspect
//    (Accepted, Edited or Rejected review with that aspect) gets a new Suggested crop, appended;
//  - Accepted, Edited, Rejected and Manual crops are never touched.
// nullopt when the run does not fit the state: it was computed for another user turn or other
// must-include regions (the user changed them while it ran); recompute then.
std::optional<ImageState> withSuggestions(const ImageState &state, const SuggestionCache &cache);

} // namespace cropwise
