#pragma once

// The filmstrip's review filter: show every image, only the images that still need review (some
// suggestion pending), or only those whose least confident pending suggestion scores below
// kLowConfidenceScore. Rows are hidden in the strip (QListView::setRowHidden), never removed, so
// row numbers stay the session's image indexes; the current image always stays visible (it is on
// the canvas), and leaves the filmstrip once the user moves on.
// Thread: GUI thread only.

#include <QObject>
#include <QPointer>

namespace cropwise {

class ReviewIndex;
class ThumbnailStrip;

// A pending suggestion scoring below this is "low confidence" (scores are the suggester's [0, 1];
// on the bundled samples the best suggestions score 0.64..0.92; below 0.7 is their weakest quarter,
// mostly tall crops of wide scenes without faces).
inline constexpr double kLowConfidenceScore = 0.7;

class ReviewFilter : public QObject
{
    Q_OBJECT

public:
    enum class Mode { AllImages, NeedsReview, LowConfidence };

    ReviewFilter(const ReviewIndex *index, ThumbnailStrip *strip, QObject *parent = nullptr);

    void setMode(Mode mode);
    Mode mode() const { return m_mode; }
    // Whether row passes the filter (the current row is shown regardless).
    bool accepts(int row) const;
    int shownCount() const;
    // Re-applies to every row (after the list or the current image changed).
    void apply();

Q_SIGNALS:
    void modeChanged(cropwise::ReviewFilter::Mode mode);
    void applied(int shown, int total);

private:
    void applyRow(int row);

    QPointer<const ReviewIndex> m_index;
    QPointer<ThumbnailStrip> m_strip;
    Mode m_mode = Mode::AllImages;
    bool m_countScheduled = false;
};

} // namespace cropwise
