#pragma once

// One open image's editable state: its crops, the user's turn, the verified flag. The single source
// of truth while the image is open; views listen to its signals, QUndoCommands (in ui/) call its
// setters with before/after values. It never keeps an undo history itself.
//
// Coordinates: crops are in *displayed* pixels = the file's pixels with EXIF orientation applied
// (orientedSize(), what probeImage()/decodeImage() report as displayed size) and then the user's
// turn (displayedSize()). Edges at x and x + width.
//
// Invariants (every setter keeps them and refuses a change that would break them, returning false
// and emitting nothing): every crop has a non-empty id unique within the document; every crop rect
// is non-empty and lies inside Rect::fromSize(displayedSize()). Setting a value equal to the current
// one returns true and emits nothing.
//
// Thread: a QObject of the GUI thread (or whichever thread owns it); not thread-safe. Workers get
// a copy of state() instead.

#include "core/geometry/ImageTurn.h"
#include "core/geometry/Rect.h"
#include "core/model/Crop.h"
#include "core/model/ImageState.h"
#include "core/model/MustIncludeRegion.h"
#include "core/model/SuggestionCache.h"
#include "core/model/UserTurn.h"

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace cropwise {

class ImageDocument : public QObject
{
    Q_OBJECT

public:
    // orientedSize: the image's size after EXIF orientation (ProbeResult::displayedSize); must not
    // be empty. The document starts with the default state (no crops, no turn, not verified).
    ImageDocument(const QString &imagePath, Size orientedSize, QObject *parent = nullptr);

    QString imagePath() const { return m_imagePath; }
    Size orientedSize() const { return m_orientedSize; }
    Size displayedSize() const { return m_userTurn.apply(m_orientedSize); }
    UserTurn userTurn() const { return m_userTurn; }
    bool isVerified() const { return m_verified; }

    const QList<Crop> &crops() const { return m_crops; }
    int cropCount() const { return int(m_crops.size()); }
    int indexOf(const QString &cropId) const; // -1 when absent
    std::optional<Crop> crop(const QString &cropId) const;

    // True when rect is non-empty and inside the displayed image.
    bool isValidCropRect(const Rect &rect) const;
    // "Crop N" with the smallest N >= cropCount() + 1 not used by another crop's name.
    QString nextCropName() const;

    // Inserts at index (clamped to 0..cropCount(); -1 = append). Refused when the id is empty or
    // already present, or the rect is invalid. Emits cropAdded(index), changed().
    bool addCrop(const Crop &crop, int index = -1);
    // Refused when absent. Emits cropRemoved(id, formerIndex), changed().
    bool removeCrop(const QString &cropId);
    // Replaces every field of the crop with crop.id (for multi-field undo). Emits cropChanged, changed.
    // Stores crop.review verbatim (no review rule is applied: this is the undo path).
    bool setCrop(const Crop &crop);
    // Also applies the review edit rule (ReviewState.h editedCrop()): a Suggested or Accepted crop
    // whose rect changes becomes Edited, keeping its suggested rect. To undo such a change exactly,
    // restore the whole crop with setCrop().
    bool setCropRect(const QString &cropId, const Rect &rect);
    bool setCropName(const QString &cropId, const QString &name);
    bool setCropLabel(const QString &cropId, const QString &label);
    bool setCropAspect(const QString &cropId, std::optional<AspectRatio> aspect);
    // Sets the review as given (accept/reject commands compute it with ReviewState.h). A review
    // inconsistent with the rect is stored as it is and counts as ReviewState.h says.
    // Emits cropChanged, changed.
    bool setCropReview(const QString &cropId, const std::optional<CropReview> &review);
    // Replaces the whole list (all-or-nothing: refused if any crop is invalid or ids repeat).
    // Emits cropsReset(), changed().
    bool setCrops(const QList<Crop> &crops);

    // Turns the image and every crop with it (exact: integer rects turn without rounding, so
    // applyTurn(inverse(t)) undoes applyTurn(t)); the crops' suggested rects and the must-include
    // regions turn too. The suggestion cache is kept as it is: it was computed for the former turn
    // (currentSuggestions() is nullopt until turned back or recomputed). Emits userTurnChanged(),
    // cropsReset(), mustIncludeChanged() when there are regions, changed().
    void applyTurn(Turn turn);

    // Regions every suggestion must keep whole. setMustInclude refuses (false, nothing emitted) a
    // list with an empty region or one outside the displayed image. Emits mustIncludeChanged(),
    // changed(). The UI then starts a suggestion job for this image (SuggestJob.h).
    const QList<MustIncludeRegion> &mustInclude() const { return m_mustInclude; }
    bool setMustInclude(const QList<MustIncludeRegion> &regions);

    // The stored suggestion cache (may describe another turn or other regions: see below).
    const std::optional<SuggestionCache> &suggestions() const { return m_suggestions; }
    // The cache when it was computed for the current turn and must-include regions (what the
    // overlays may show); nullopt otherwise. Whether the file itself changed is the job's business.
    std::optional<SuggestionCache> currentSuggestions() const;
    // Emits suggestionsChanged(), changed(). Does not touch the crops: to also propose crops, use
    // setState(*withSuggestions(state(), cache)) (ReviewState.h) or the equivalent crop commands.
    void setSuggestions(const std::optional<SuggestionCache> &suggestions);

    // Emits verifiedChanged(bool), changed().
    void setVerified(bool verified);

    ImageState state() const;
    // Imports a state (e.g. read from the sidecar), repairing instead of refusing: crops with an
    // invalid rect are dropped, empty or repeated ids get new ids, must-include regions outside the
    // image are dropped. Returns one human-readable line
    // per repair (empty when the state was taken as is). Emits userTurnChanged() if the turn
    // differs, verifiedChanged() if the flag differs, mustIncludeChanged() / suggestionsChanged() if
    // those differ, then cropsReset() and changed() — unless the
    // resulting state equals the current one, in which case nothing is emitted.
    QStringList setState(const ImageState &state);

signals:
    void cropAdded(int index);
    void cropRemoved(const QString &cropId, int formerIndex);
    void cropChanged(const QString &cropId);
    void cropsReset(); // the whole list (or every rect) changed: re-read crops()
    void userTurnChanged(); // displayedSize() may have changed; the picture must be re-turned
    void verifiedChanged(bool verified);
    void mustIncludeChanged();
    void suggestionsChanged();
    void changed(); // after any of the above; the autosaver listens to this one

private:
    Crop *findCrop(const QString &cropId);
    bool updateCrop(const QString &cropId, const std::function<bool(Crop &)> &edit);

    QString m_imagePath;
    Size m_orientedSize;
    UserTurn m_userTurn;
    bool m_verified = false;
    QList<Crop> m_crops;
    QJsonObject m_extraFields; // carried from state() to state() untouched (see ImageState)
    QList<MustIncludeRegion> m_mustInclude;
    std::optional<SuggestionCache> m_suggestions;
};

} // namespace cropwise
