#include "ui/review/ReviewStateCommand.h"

namespace cropwise {

namespace {
// Above ui/commands/CommandIds.h's values; only ReviewStateCommands carry it.
constexpr int kReviewStateCommandId = 0x4000;
} // namespace

ReviewSnapshot ReviewSnapshot::of(const ImageDocument &document)
{
    return { document.crops(), document.mustInclude(), document.suggestions() };
}

ReviewStateCommand::ReviewStateCommand(ImageDocument *document, const ReviewSnapshot &before,
    const ReviewSnapshot &after, Kind kind, const QString &text, QUndoCommand *parent)
    : QUndoCommand(text, parent)
    , m_document(document)
    , m_before(before)
    , m_after(after)
    , m_kind(kind)
{
    setObsolete(before == after);
}

void ReviewStateCommand::apply(const ReviewSnapshot &snapshot)
{
    if (!m_document)
        return;
    // Regions and cache first, crops last: views re-reading the crops then see a consistent image.
    m_document->setMustInclude(snapshot.mustInclude);
    m_document->setSuggestions(snapshot.suggestions);
    m_document->setCrops(snapshot.crops);
}

void ReviewStateCommand::redo()
{
    apply(m_after);
}

void ReviewStateCommand::undo()
{
    apply(m_before);
}

int ReviewStateCommand::id() const
{
    return kReviewStateCommandId;
}

bool ReviewStateCommand::mergeWith(const QUndoCommand *other)
{
    const auto *next = dynamic_cast<const ReviewStateCommand *>(other);
    if (!next || m_kind != Kind::MustInclude || next->m_kind != Kind::Suggest
        || next->m_document != m_document || next->m_before.mustInclude != m_after.mustInclude)
        return false;
    m_after = next->m_after;
    return true;
}

} // namespace cropwise
