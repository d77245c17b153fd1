#include "ui/renditions/RenditionLinker.h"

#include "core/renditions/RenditionCrop.h"
#include "ui/commands/SetCropRectCommand.h"
#include "ui/renditions/AddRenditionCropsCommand.h"

#include <QCoreApplication>

#include <algorithm>

namespace cropwise {

namespace {

// The suggester's best rect for the aspect in the document's current cache, if any.
std::optional<Rect> cachedSuggestion(const ImageDocument &document, const std::optional<AspectRatio> &aspect)
{
    const std::optional<SuggestionCache> cache = document.currentSuggestions();
    if (!cache || !aspect)
        return std::nullopt;
    const AspectSuggestionRecords *records = cache->forAspect(aspect);
    if (!records || records->suggestions.isEmpty())
        return std::nullopt;
    return records->suggestions.first().rect;
}

} // namespace

RenditionLinker::RenditionLinker(QObject *parent)
    : QObject(parent)
{
    connect(
        &m_watcher, &QFutureWatcher<SuggestJobResult>::finished, this, &RenditionLinker::onSuggestionsReady);
}

RenditionLinker::~RenditionLinker()
{
    if (m_watcher.isRunning()) {
        m_watcher.cancel();
        m_watcher.waitForFinished();
    }
}

void RenditionLinker::setTarget(ImageDocument *document, QUndoStack *stack)
{
    if (document == m_document && stack == m_stack)
        return;
    m_document = document;
    m_stack = stack;
    // Results for the former image are dropped in onSuggestionsReady (document mismatch).
    m_watcher.cancel();
}

QString RenditionLinker::linkedCropId(const ImageDocument &document, const QString &renditionName)
{
    for (const Crop &crop : document.crops()) {
        if (renditionTag(crop).compare(renditionName, Qt::CaseInsensitive) == 0)
            return crop.id;
    }
    return QString();
}

int RenditionLinker::linkMissing(const QString &onlyRendition)
{
    if (!m_document || !m_stack || m_set.renditions.isEmpty())
        return 0;
    const Size size = m_document->displayedSize();
    QList<Crop> crops;
    QList<QPair<QString, std::optional<AspectRatio>>> centred;
    for (const Rendition &rendition : m_set.renditions) {
        if (!onlyRendition.isEmpty() && rendition.name.compare(onlyRendition, Qt::CaseInsensitive) != 0)
            continue;
        if (!linkedCropId(*m_document, rendition.name).isEmpty())
            continue;
        const RenditionCropChoice choice = chooseRenditionCrop(
            rendition, size, m_document->crops(), cachedSuggestion(*m_document, rendition.aspect));
        if (!choice.ok())
            continue; // the image is too small for the aspect: the preview says so
        const Crop crop = makeRenditionCrop(rendition, choice.rect);
        crops << crop;
        if (choice.source == CropSource::Centred)
            centred.append({ crop.id, rendition.aspect });
    }
    if (crops.isEmpty())
        return 0;
    auto *command = new AddRenditionCropsCommand(m_document, crops);
    m_stack->push(command);
    if (!centred.isEmpty()) {
        startSuggestions(centred);
        m_pending.command = command;
    }
    return int(crops.size());
}

void RenditionLinker::startSuggestions(const QList<QPair<QString, std::optional<AspectRatio>>> &cropAspects)
{
    if (m_watcher.isRunning()) {
        // One job at a time: the older one's crops stay centred (still fine to edit by hand).
        m_watcher.cancel();
        m_watcher.waitForFinished();
    }
    SuggestJobRequest request;
    request.items.append({ m_document->imagePath(), m_document->userTurn(), m_document->mustInclude(),
        m_document->suggestions() });
    request.aspects.clear();
    // In the set's order, so the request (and its cache key) is the same every time.
    for (const auto &[cropId, aspect] : cropAspects) {
        if (std::find(request.aspects.begin(), request.aspects.end(), aspect) == request.aspects.end())
            request.aspects.push_back(aspect);
    }
    request.top = 1;
    m_pending = Pending { m_document, m_document->userTurn(), nullptr, cropAspects };
    m_suggesting = true;
    m_watcher.setFuture(startSuggestJob(request));
}

bool RenditionLinker::isOnStack(const AddRenditionCropsCommand *command) const
{
    for (int i = 0; i < m_stack->count(); ++i) {
        if (m_stack->command(i) == command)
            return true;
    }
    return false;
}

bool RenditionLinker::isNewestStep(const AddRenditionCropsCommand *command) const
{
    const int index = m_stack->index();
    return command && index > 0 && index == m_stack->count() && m_stack->command(index - 1) == command;
}

void RenditionLinker::onSuggestionsReady()
{
    const QFuture<SuggestJobResult> future = m_watcher.future();
    const Pending pending = m_pending;
    m_pending = Pending();
    m_suggesting = false;
    if (future.isCanceled() || future.resultCount() == 0 || !pending.document
        || pending.document != m_document || !m_stack || m_document->userTurn() != pending.turn)
        return;
    const SuggestJobResult result = future.resultAt(0);
    if (!result.ok())
        return; // the centred crops stay; nothing to tell: they are valid crops
    QHash<QString, Rect> rects;
    for (const auto &[cropId, aspect] : pending.aspects) {
        const AspectSuggestionRecords *records = result.suggestions.forAspect(aspect);
        if (records && !records->suggestions.isEmpty()
            && m_document->isValidCropRect(records->suggestions.first().rect))
            rects.insert(cropId, records->suggestions.first().rect);
    }
    int changed = 0;
    // The stack owns the command and may have deleted it: compare the pointer before using it.
    auto *command = const_cast<AddRenditionCropsCommand *>(pending.command);
    if (!command || !isOnStack(command)) {
        emit suggestionsApplied(0);
        return;
    }
    if (isNewestStep(command)) {
        changed = command->updateRects(rects);
    } else {
        // The user did something else meanwhile: crops still at their creation rect move, one step.
        QList<QUndoCommand *> steps;
        for (const Crop &created : command->crops()) {
            const auto it = rects.constFind(created.id);
            const std::optional<Crop> now = m_document->crop(created.id);
            if (it != rects.constEnd() && now && now->rect == created.rect && *it != created.rect)
                steps << new SetCropRectCommand(
                    m_document, created.id, created.rect, *it, CropEditKind::Aspect);
        }
        if (!steps.isEmpty()) {
            m_stack->beginMacro(QCoreApplication::translate("Commands", "Use suggested rendition crops"));
            for (QUndoCommand *step : steps)
                m_stack->push(step);
            m_stack->endMacro();
            changed = int(steps.size());
        }
    }
    emit suggestionsApplied(changed);
}

} // namespace cropwise
