#pragma once

// Changes the review material of one image in one undo step: its crops, must-include regions and
// cached suggestions, as before/after values ("Suggest crops", "Must include area", "Pin face").
// Everything else of the image (turn, verified flag, unknown fields) is left alone.
//
// Merging: a must-include change followed directly by the suggestion run it started (the results
// arrive a moment later) become ONE undo step, so undo brings back the old regions together with
// the old suggestions (whose cache is then current again: nothing is recomputed), and redo both.

#include "core/model/Crop.h"
#include "core/model/ImageDocument.h"
#include "core/model/MustIncludeRegion.h"
#include "core/model/SuggestionCache.h"

#include <QList>
#include <QPointer>
#include <QUndoCommand>

#include <optional>

namespace cropwise {

struct ReviewSnapshot
{
    QList<Crop> crops;
    QList<MustIncludeRegion> mustInclude;
    std::optional<SuggestionCache> suggestions;

    static ReviewSnapshot of(const ImageDocument &document);
    friend bool operator==(const ReviewSnapshot &, const ReviewSnapshot &) = default;
};

class ReviewStateCommand final : public QUndoCommand
{
public:
    enum class Kind {
        Suggest, // a suggestion run's result was put in
        MustInclude, // the regions changed (absorbs the Suggest step that follows it)
    };

    ReviewStateCommand(ImageDocument *document, const ReviewSnapshot &before, const ReviewSnapshot &after,
        Kind kind, const QString &text, QUndoCommand *parent = nullptr);

    void redo() override;
    void undo() override;
    int id() const override;
    bool mergeWith(const QUndoCommand *other) override;

    Kind kind() const { return m_kind; }
    const ReviewSnapshot &after() const { return m_after; }

private:
    void apply(const ReviewSnapshot &snapshot);

    QPointer<ImageDocument> m_document;
    ReviewSnapshot m_before;
    ReviewSnapshot m_after;
    Kind m_kind;
};

} // namespace cropwise
