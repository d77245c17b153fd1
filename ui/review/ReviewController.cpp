#include "ui/review/ReviewController.h"

#include "core/jobs/SuggestionSidecar.h"
#include "core/model/ImageDocument.h"
#include "core/model/ReviewState.h"
#include "ui/CropEditController.h"
#include "ui/ImageSession.h"
#include "ui/MainWindow.h"
#include "ui/Plural.h"
#include "ui/Shortcuts.h"
#include "ui/canvas/CropCanvas.h"
#include "ui/panels/ThumbnailModel.h"
#include "ui/panels/ThumbnailStrip.h"
#include "ui/review/FaceLayer.h"
#include "ui/review/HeatMapLayer.h"
#include "ui/review/MustIncludeLayer.h"
#include "ui/review/ReviewCropCommand.h"
#include "ui/review/ReviewIndex.h"
#include "ui/review/ReviewStateCommand.h"
#include "ui/review/SuggestionBadgeLayer.h"
#include "ui/review/SuggestionRunner.h"

#include <QAction>
#include <QFileInfo>
#include <QMenu>
#include <QSettings>
#include <QStatusBar>
#include <QTimer>
#include <QUndoStack>

#include <algorithm>
#include <functional>

namespace cropwise {

namespace {

// Whether the image has regions that constrain the suggestions (areas or pinned faces).
bool hasMustInclude(const ImageDocument &doc)
{
    const QList<MustIncludeRegion> &regions = doc.mustInclude();
    return std::any_of(regions.cbegin(), regions.cend(),
        [](const MustIncludeRegion &r) { return r.kind != MustIncludeRegion::Kind::NotFace; });
}

QString aspectsToText(const std::vector<SuggestAspect> &aspects)
{
    QStringList parts;
    for (const SuggestAspect &a : aspects)
        parts << suggestAspectName(a);
    return parts.join(QLatin1Char(','));
}

bool isPending(const Crop &crop)
{
    return reviewStatus(crop) == ReviewStatus::Suggested;
}

} // namespace

ReviewController::ReviewController(MainWindow *window)
    : QObject(window)
    , m_window(window)
    , m_index(new ReviewIndex(window->session()->sidecarStore(), this))
    , m_filter(new ReviewFilter(m_index, window->thumbnailStrip(), this))
    , m_currentRunner(new SuggestionRunner(this))
    , m_folderRunner(new SuggestionRunner(this))
    , m_heatMap(new HeatMapLayer(this))
    , m_faces(new FaceLayer(this))
    , m_mustInclude(new MustIncludeLayer(this))
    , m_badges(new SuggestionBadgeLayer(window->canvas(), this))
{
    m_aspects = defaultSuggestAspects();
    const QString stored = QSettings().value(QStringLiteral("review/aspects")).toString();
    if (const auto parsed = stored.isEmpty() ? std::nullopt : parseSuggestAspects(stored))
        m_aspects = *parsed;
    addLayers();
    connectActions();
    connectWindow();
    updateActions();
}

ReviewController::~ReviewController() = default;

// --- Construction ---------------------------------------------------------------------------------

QAction *ReviewController::action(int id) const
{
    return m_window ? m_window->action(ShortcutId(id)) : nullptr;
}

void ReviewController::addLayers()
{
    CropCanvas *canvas = m_window->canvas();
    QSettings s;
    m_heatMap->setVisible(s.value(QStringLiteral("review/showHeatMap"), false).toBool());
    m_faces->setVisible(s.value(QStringLiteral("review/showFaces"), true).toBool());
    canvas->addLayer(m_heatMap);
    canvas->addLayer(m_mustInclude);
    canvas->addLayer(m_faces);
    canvas->addLayer(m_badges);
}

void ReviewController::connectActions()
{
    using I = ShortcutId;
    auto on = [this](I id, auto slot) {
        if (QAction *a = action(int(id)))
            connect(a, &QAction::triggered, this, slot);
    };
    on(I::SuggestImage, [this] { suggest(Scope::CurrentImage); });
    on(I::SuggestFolder, [this] { suggest(Scope::AllImages); });
    on(I::AcceptSuggestion, [this] { decide(Decision::Accept); });
    on(I::RejectSuggestion, [this] { decide(Decision::Reject); });
    on(I::RestoreSuggestion, [this] { decide(Decision::Restore); });
    on(I::AcceptAllSuggestions, [this] { acceptAllInImage(); });
    on(I::NextSuggestion, [this] { stepSuggestion(+1); });
    on(I::PreviousSuggestion, [this] { stepSuggestion(-1); });
    on(I::NextAlternative, [this] { stepAlternative(+1); });
    on(I::PreviousAlternative, [this] { stepAlternative(-1); });
    on(I::MustIncludeArea, [this] { mustIncludeSelectedArea(); });
    on(I::ClearMustInclude, [this] { clearMustInclude(); });

    const auto toggle = [this](I id, CanvasLayer *layer, const char *setting) {
        QAction *a = action(int(id));
        if (!a)
            return;
        a->setCheckable(true);
        a->setChecked(layer->isVisible());
        connect(a, &QAction::toggled, this, [layer, setting](bool on) {
            layer->setVisible(on);
            QSettings().setValue(QLatin1String(setting), on);
        });
    };
    toggle(I::ToggleFaces, m_faces, "review/showFaces");
    toggle(I::ToggleHeatMap, m_heatMap, "review/showHeatMap");
}

void ReviewController::connectWindow()
{
    ImageSession *session = m_window->session();
    connect(session, &ImageSession::imagesChanged, this, [this] {
        m_folderRunner->cancel();
        m_index->setImages(m_window->session()->imagePaths());
        m_filter->apply();
        scheduleStats();
    });
    connect(session, &ImageSession::currentChanged, this, &ReviewController::onCurrentImageChanged);
    connect(m_window->controller(), &CropEditController::selectedCropChanged, this, [this] {
        updateActions();
        emit selectionChanged();
    });
    connect(m_index, &ReviewIndex::rowChanged, this, &ReviewController::scheduleStats);
    connect(m_index, &ReviewIndex::rowChanged, this, [this](int row) {
        // The filmstrip's amber badge: suggestions still to decide on that image.
        ThumbnailModel *thumbnails = m_window->thumbnailModel();
        if (thumbnails->path(row) == m_index->path(row))
            thumbnails->setPendingReview(row, m_index->pendingCount(row));
    });
    connect(m_index, &ReviewIndex::scanFinished, this, [this] {
        scheduleStats();
        if (m_folderWaitsForScan) {
            m_folderWaitsForScan = false;
            startFolderRun();
        }
    });

    for (SuggestionRunner *runner : { m_currentRunner, m_folderRunner }) {
        connect(runner, &SuggestionRunner::resultReady, this, &ReviewController::onResult);
        connect(runner, &SuggestionRunner::started, this, &ReviewController::jobStateChanged);
        connect(runner, &SuggestionRunner::progressed, this, &ReviewController::jobStateChanged);
    }
    connect(m_currentRunner, &SuggestionRunner::finished, this, [this] {
        updateActions();
        emit jobStateChanged();
    });
    connect(m_folderRunner, &SuggestionRunner::finished, this, &ReviewController::onFolderFinished);

    CropCanvas *canvas = m_window->canvas();
    if (canvas->contextMenuPolicy() == Qt::DefaultContextMenu) {
        canvas->setContextMenuPolicy(Qt::CustomContextMenu);
        connect(canvas, &QWidget::customContextMenuRequested, this, &ReviewController::showContextMenu);
    }
}

// --- The current image ----------------------------------------------------------------------------

ImageDocument *ReviewController::document() const
{
    return m_window ? m_window->controller()->document() : nullptr;
}

void ReviewController::watch(ImageDocument *document)
{
    connect(
        document, &ImageDocument::changed, this, &ReviewController::onDocumentChanged, Qt::UniqueConnection);
    connect(document, &ImageDocument::mustIncludeChanged, this, &ReviewController::onMustIncludeChanged,
        Qt::UniqueConnection);
}

void ReviewController::onCurrentImageChanged()
{
    ImageDocument *doc = document();
    m_document = doc;
    if (doc) {
        watch(doc);
        m_index->update(doc->imagePath(), doc->state());
        // The window selects the first crop; a reviewer wants the first one still to decide.
        const QString pending = selectedPendingOr(QString());
        if (!pending.isEmpty())
            m_window->controller()->setSelectedCropId(pending);
    }
    m_filter->apply();
    refreshOverlays();
    updateActions();
    emit selectionChanged();
}

void ReviewController::onDocumentChanged()
{
    auto *doc = qobject_cast<ImageDocument *>(sender());
    if (!doc)
        return;
    m_index->update(doc->imagePath(), doc->state());
    if (doc == document()) {
        refreshOverlays();
        updateActions();
        emit selectionChanged();
    }
}

void ReviewController::onMustIncludeChanged()
{
    // Queued: an undo restores regions, suggestions and crops one after the other; only once all
    // are back can we tell whether the stored suggestions fit the regions (then nothing to do).
    QTimer::singleShot(
        0, this, [this, doc = QPointer<ImageDocument>(qobject_cast<ImageDocument *>(sender()))] {
            if (!doc || doc != document() || doc->currentSuggestions())
                return;
            if (doc->suggestions() || !doc->mustInclude().isEmpty())
                suggest(Scope::CurrentImage);
        });
}

void ReviewController::refreshOverlays()
{
    const ImageDocument *doc = document();
    const std::optional<SuggestionCache> cache = doc ? doc->currentSuggestions() : std::nullopt;
    const QList<MustIncludeRegion> regions = doc ? doc->mustInclude() : QList<MustIncludeRegion>();
    m_heatMap->setPreview(
        cache ? cache->importance : ImportancePreview(), doc ? doc->displayedSize() : Size());
    QList<FaceRecord> faces = cache ? cache->faces : QList<FaceRecord>();
    for (const MustIncludeRegion &r : regions) {
        // A pinned face stays visible while its suggestions are being recomputed.
        if (r.kind == MustIncludeRegion::Kind::Face
            && std::none_of(
                faces.cbegin(), faces.cend(), [&](const FaceRecord &f) { return f.rect == r.rect; }))
            faces.append(FaceRecord { r.rect, 1.0 });
    }
    m_faces->setFaces(faces, regions);
    m_mustInclude->setRegions(regions);
}

void ReviewController::updateActions()
{
    if (!m_window)
        return;
    const ImageDocument *doc = document();
    const bool hasDoc = doc != nullptr;
    const auto selected = selectedSuggestion();
    const bool anyPending = doc && std::any_of(doc->crops().cbegin(), doc->crops().cend(), isPending);
    const auto enable = [this](ShortcutId id, bool on) {
        if (QAction *a = action(int(id)))
            a->setEnabled(on);
    };
    enable(ShortcutId::SuggestImage, hasDoc);
    enable(ShortcutId::SuggestFolder, m_window->session()->count() > 0);
    enable(ShortcutId::AcceptSuggestion, selected.has_value() || anyPending);
    enable(ShortcutId::RejectSuggestion, selected.has_value() || anyPending);
    enable(ShortcutId::RestoreSuggestion, selected.has_value());
    enable(ShortcutId::AcceptAllSuggestions, anyPending);
    enable(ShortcutId::NextAlternative, alternativesOfSelected().size() > 1);
    enable(ShortcutId::PreviousAlternative, alternativesOfSelected().size() > 1);
    enable(ShortcutId::MustIncludeArea, hasDoc && !m_window->controller()->selectedCropId().isEmpty());
    enable(ShortcutId::ClearMustInclude, hasDoc && hasMustInclude(*doc));
}

// --- Suggesting -----------------------------------------------------------------------------------

SuggestionRunner *ReviewController::runner(Scope scope) const
{
    return scope == Scope::CurrentImage ? m_currentRunner : m_folderRunner;
}

bool ReviewController::isSuggesting() const
{
    return m_currentRunner->isRunning() || m_folderRunner->isRunning() || m_folderWaitsForScan;
}

SuggestJobRequest ReviewController::baseRequest() const
{
    SuggestJobRequest request;
    request.aspects = m_aspects;
    request.top = m_top;
    return request;
}

SuggestJobItem ReviewController::itemFor(const QString &path) const
{
    ImageSession *session = m_window->session();
    ImageState state;
    if (session->isOpen(path)) {
        if (ImageDocument *doc = session->document(path))
            state = doc->state();
    } else {
        state = m_index->state(m_index->rowOf(path));
    }
    return { path, state.userTurn, state.mustInclude, state.suggestions };
}

void ReviewController::suggest(Scope scope)
{
    if (scope == Scope::AllImages) {
        if (m_index->isScanning()) {
            // The run needs every image's stored suggestions (the cache) to skip unchanged ones.
            m_folderWaitsForScan = true;
            say(tr("Reading the folder's saved suggestions first…"));
            emit jobStateChanged();
            return;
        }
        startFolderRun();
        return;
    }
    const ImageDocument *doc = document();
    if (!doc)
        return;
    SuggestJobRequest request = baseRequest();
    request.items = { itemFor(doc->imagePath()) };
    m_currentRunner->start(request);
    updateActions();
}

void ReviewController::startFolderRun()
{
    SuggestJobRequest request = baseRequest();
    for (const QString &path : m_window->session()->imagePaths())
        request.items.append(itemFor(path));
    if (request.items.isEmpty())
        return;
    m_folderErrors.clear();
    m_folderRunner->start(request);
    say(tr("Suggesting crops for %1 in the background…")
            .arg(plural(request.items.size(), tr("%1 image"), tr("%1 images"))));
}

void ReviewController::cancelSuggestions()
{
    m_folderWaitsForScan = false;
    m_currentRunner->cancel();
    m_folderRunner->cancel();
    emit jobStateChanged();
}

bool ReviewController::setAspectsText(const QString &text, QString *error)
{
    const auto parsed = parseSuggestAspects(text, error);
    if (!parsed)
        return false;
    if (*parsed == m_aspects)
        return true;
    m_aspects = *parsed;
    QSettings().setValue(QStringLiteral("review/aspects"), aspectsText());
    // Other aspects are another cache key: the image on screen follows at once.
    if (const ImageDocument *doc = document(); doc && doc->suggestions())
        suggest(Scope::CurrentImage);
    return true;
}

QString ReviewController::aspectsText() const
{
    return aspectsToText(m_aspects);
}

void ReviewController::onResult(const SuggestJobResult &result)
{
    if (!result.ok()) {
        m_folderErrors << tr("%1: %2").arg(QFileInfo(result.imagePath).fileName(), result.error);
        if (sender() == m_currentRunner)
            say(tr("No suggestions for %1: %2").arg(QFileInfo(result.imagePath).fileName(), result.error));
        return;
    }
    ImageSession *session = m_window->session();
    if (session->indexOf(result.imagePath) < 0)
        return; // the list changed meanwhile
    if (session->isOpen(result.imagePath)) {
        if (ImageDocument *doc = session->document(result.imagePath))
            applyToDocument(doc, result);
    } else {
        storeForClosedImage(result);
    }
}

void ReviewController::applyToDocument(ImageDocument *doc, const SuggestJobResult &result)
{
    const std::optional<ImageState> next = withSuggestions(doc->state(), result.suggestions);
    if (!next)
        return; // computed for regions or a turn the image no longer has; a new run follows
    const ReviewSnapshot before = ReviewSnapshot::of(*doc);
    const ReviewSnapshot after { next->crops, next->mustInclude, next->suggestions };
    if (before == after)
        return;
    const bool wasCurrent = doc == document();
    const bool hadPending = std::any_of(before.crops.cbegin(), before.crops.cend(), isPending);
    QUndoStack *stack = m_window->session()->undoStack(doc->imagePath());
    auto *command
        = new ReviewStateCommand(doc, before, after, ReviewStateCommand::Kind::Suggest, tr("Suggest crops"));
    if (stack)
        stack->push(command);
    else {
        command->redo();
        delete command;
    }
    if (wasCurrent && !hadPending) {
        const QString first = selectedPendingOr(QString());
        if (!first.isEmpty())
            m_window->controller()->setSelectedCropId(first);
    }
}

void ReviewController::storeForClosedImage(const SuggestJobResult &result)
{
    const StoreSuggestionsResult stored
        = storeSuggestions(m_window->session()->sidecarStore(), result, SuggestionUse::ProposeCrops);
    if (stored.outcome == StoreSuggestionsResult::Outcome::Failed) {
        m_folderErrors << stored.error;
        return;
    }
    m_index->reread(result.imagePath);
}

void ReviewController::onFolderFinished(bool canceled)
{
    const SuggestionRunner *r = m_folderRunner;
    QString text = canceled
        ? tr("Suggestions stopped: %1 of %2 images done").arg(r->done()).arg(r->total())
        : tr("Suggestions ready for %1").arg(plural(r->total(), tr("%1 image"), tr("%1 images")));
    text += tr(" (%1 computed, %2 unchanged).").arg(r->computedCount()).arg(r->cachedCount());
    if (!m_folderErrors.isEmpty())
        text += QLatin1Char(' ')
            + plural(m_folderErrors.size(), tr("%1 image failed."), tr("%1 images failed."));
    say(text);
    updateActions();
    emit jobStateChanged();
}

// --- Reviewing ------------------------------------------------------------------------------------

std::optional<Crop> ReviewController::selectedSuggestion() const
{
    const ImageDocument *doc = document();
    if (!doc)
        return std::nullopt;
    const auto crop = doc->crop(m_window->controller()->selectedCropId());
    if (!crop || !crop->review)
        return std::nullopt;
    return crop;
}

QList<SuggestionRecord> ReviewController::alternativesOfSelected() const
{
    const auto crop = selectedSuggestion();
    const ImageDocument *doc = document();
    if (!crop || !doc)
        return {};
    const auto cache = doc->currentSuggestions();
    const AspectSuggestionRecords *records = cache ? cache->forAspect(crop->review->aspect) : nullptr;
    return records ? records->suggestions : QList<SuggestionRecord>();
}

QString ReviewController::selectedPendingOr(const QString &fallbackId) const
{
    const ImageDocument *doc = document();
    if (!doc)
        return fallbackId;
    const auto selected = doc->crop(m_window->controller()->selectedCropId());
    if (selected && isPending(*selected))
        return selected->id;
    for (const Crop &c : doc->crops()) {
        if (isPending(c))
            return c.id;
    }
    return fallbackId;
}

void ReviewController::decide(Decision decision)
{
    ImageDocument *doc = document();
    QUndoStack *stack = m_window->controller()->undoStack();
    if (!doc || !stack)
        return;
    // The selected suggestion; with a manual crop or nothing selected, the first pending one.
    std::optional<Crop> crop = selectedSuggestion();
    if (!crop)
        crop = doc->crop(selectedPendingOr(QString()));
    if (!crop || !crop->review) {
        say(tr("No suggestion to review here. %1 suggests crops for this image.")
                .arg(keysText(shortcut(ShortcutId::SuggestImage))));
        return;
    }
    Crop after = *crop;
    QString text;
    switch (decision) {
    case Decision::Accept:
        after = acceptedCrop(*crop);
        text = tr("Accept suggestion");
        break;
    case Decision::Reject:
        after = rejectedCrop(*crop);
        text = tr("Reject suggestion");
        break;
    case Decision::Restore:
        after = restoredCrop(*crop);
        text = tr("Restore suggestion");
        break;
    }
    if (after != *crop)
        stack->push(new ReviewCropCommand(doc, *crop, after, text));
    if (decision == Decision::Restore) {
        m_window->controller()->setSelectedCropId(crop->id);
        return;
    }
    // Triage goes on with the next crop still to decide in this image.
    if (!selectPending(doc->indexOf(crop->id), +1) && !selectPending(-1, +1)) {
        m_window->controller()->setSelectedCropId(crop->id);
        say(tr("This image is reviewed. %1 goes to the next image with suggestions to review.")
                .arg(keysText(shortcut(ShortcutId::NextSuggestion))));
    }
}

void ReviewController::acceptAllInImage()
{
    ImageDocument *doc = document();
    QUndoStack *stack = m_window->controller()->undoStack();
    if (!doc || !stack)
        return;
    const QList<Crop> after = acceptedAllPending(doc->crops());
    auto *all = new QUndoCommand(tr("Accept all suggestions"));
    int accepted = 0;
    for (int i = 0; i < after.size(); ++i) {
        if (after[i] == doc->crops().at(i))
            continue;
        new ReviewCropCommand(doc, doc->crops().at(i), after[i], all->text(), all);
        ++accepted;
    }
    if (accepted == 0) {
        delete all;
        say(tr("Nothing pending in this image."));
        return;
    }
    stack->push(all);
    say(plural(accepted, tr("Accepted %1 suggestion."), tr("Accepted %1 suggestions.")));
}

bool ReviewController::selectPending(int fromIndex, int direction)
{
    const ImageDocument *doc = document();
    if (!doc)
        return false;
    const QList<Crop> &crops = doc->crops();
    for (int i = fromIndex + direction; i >= 0 && i < crops.size(); i += direction) {
        if (isPending(crops[i])) {
            m_window->controller()->setSelectedCropId(crops[i].id);
            return true;
        }
    }
    return false;
}

void ReviewController::stepSuggestion(int direction)
{
    const ImageDocument *doc = document();
    const int here = doc ? doc->indexOf(m_window->controller()->selectedCropId()) : -1;
    const int start = here >= 0 ? here : (direction > 0 ? -1 : (doc ? doc->cropCount() : 0));
    if (selectPending(start, direction))
        return;
    // This image is done: the next (previous) image with something to review, as the filter sees it.
    ImageSession *session = m_window->session();
    for (int row = session->currentIndex() + direction; row >= 0 && row < session->count();
         row += direction) {
        if (!m_index->needsReview(row) || !m_filter->accepts(row))
            continue;
        m_window->goToImage(row);
        const ImageDocument *next = document();
        if (next)
            selectPending(direction > 0 ? -1 : next->cropCount(), direction);
        return;
    }
    say(direction > 0 ? tr("No more suggestions to review after this one.")
                      : tr("No suggestions to review before this one."));
}

void ReviewController::stepAlternative(int direction)
{
    ImageDocument *doc = document();
    QUndoStack *stack = m_window->controller()->undoStack();
    const auto crop = selectedSuggestion();
    const QList<SuggestionRecord> alternatives = alternativesOfSelected();
    if (!doc || !stack || !crop || alternatives.size() < 2) {
        say(tr("No alternatives for the selected crop."));
        return;
    }
    const int n = int(alternatives.size());
    const int at = qBound(0, crop->review->alternative, n - 1);
    const SuggestionRecord &next = alternatives[((at + direction) % n + n) % n];
    const QString suggester = doc->currentSuggestions()->key.suggester;
    stack->push(new ReviewCropCommand(doc, *crop, cropWithSuggestion(*crop, next, suggester),
        tr("Show alternative %1").arg(next.alternative + 1)));
}

// --- Must-include ---------------------------------------------------------------------------------

void ReviewController::mustIncludeSelectedArea()
{
    ImageDocument *doc = document();
    QUndoStack *stack = m_window->controller()->undoStack();
    const auto crop = doc ? doc->crop(m_window->controller()->selectedCropId()) : std::nullopt;
    if (!crop || !stack) {
        say(tr("Draw a box around what every crop must keep, then press %1.")
                .arg(keysText(shortcut(ShortcutId::MustIncludeArea))));
        return;
    }
    ReviewSnapshot after = ReviewSnapshot::of(*doc);
    after.mustInclude.append({ MustIncludeRegion::Kind::Region, crop->rect });
    // A box drawn by hand for this purpose becomes the region; a suggestion stays a suggestion.
    if (!crop->review)
        after.crops.removeAt(doc->indexOf(crop->id));
    stack->push(new ReviewStateCommand(doc, ReviewSnapshot::of(*doc), after,
        ReviewStateCommand::Kind::MustInclude, tr("Must include area")));
    say(tr("Every suggestion keeps this area now; recomputing…"));
}

void ReviewController::editRegions(const std::function<void(QList<MustIncludeRegion> &)> &edit, const QString &text)
{
    ImageDocument *doc = document();
    QUndoStack *stack = m_window->controller()->undoStack();
    if (!doc || !stack)
        return;
    ReviewSnapshot after = ReviewSnapshot::of(*doc);
    edit(after.mustInclude);
    stack->push(new ReviewStateCommand(doc, ReviewSnapshot::of(*doc), after, ReviewStateCommand::Kind::MustInclude, text));
}

void ReviewController::clearMustInclude()
{
    const ImageDocument *doc = document();
    if (!doc || !hasMustInclude(*doc))
        return;
    // Areas and pinned faces; "not a face" marks are corrections of the detector and stay.
    editRegions([](QList<MustIncludeRegion> &regions) {
        regions.removeIf([](const MustIncludeRegion &r) { return r.kind != MustIncludeRegion::Kind::NotFace; });
    }, tr("Clear must-include areas"));
}

void ReviewController::toggleFacePin(const FaceRecord &face)
{
    const MustIncludeRegion pin { MustIncludeRegion::Kind::Face, face.rect };
    const ImageDocument *doc = document();
    const bool pinned = doc && doc->mustInclude().contains(pin);
    editRegions([&](QList<MustIncludeRegion> &regions) {
        if (pinned)
            regions.removeAll(pin);
        else
            regions.append(pin);
    }, pinned ? tr("Unpin face") : tr("Pin face"));
}

void ReviewController::markNotFace(const FaceRecord &face)
{
    editRegions([&](QList<MustIncludeRegion> &regions) {
        regions.removeAll(MustIncludeRegion { MustIncludeRegion::Kind::Face, face.rect }); // no longer pinned
        regions.append(MustIncludeRegion { MustIncludeRegion::Kind::NotFace, face.rect });
    }, tr("Not a face"));
}

void ReviewController::unmarkNotFace(const MustIncludeRegion &mark)
{
    editRegions([&](QList<MustIncludeRegion> &regions) { regions.removeAll(mark); }, tr("A face after all"));
}

void ReviewController::showContextMenu(const QPoint &pos)
{
    ImageDocument *doc = document();
    CropCanvas *canvas = m_window->canvas();
    if (!doc || !canvas->hasImage())
        return;
    const PointF p = canvas->viewTransform().canvasToImage(PointF { double(pos.x()), double(pos.y()) });
    const auto contains = [&p](const Rect &r) {
        return p.x >= r.x && p.x < r.x + r.width && p.y >= r.y && p.y < r.y + r.height;
    };
    QMenu menu(canvas);
    for (const FaceRecord &face : m_faces->faces()) {
        if (!contains(face.rect))
            continue;
        menu.addAction(m_faces->isPinned(face) ? tr("Unpin This Face") : tr("Pin This Face (Must Include)"),
            this, [this, face] { toggleFacePin(face); });
        menu.addAction(tr("Not a Face (Ignore This Detection)"), this, [this, face] { markNotFace(face); });
    }
    for (const MustIncludeRegion &region : doc->mustInclude()) {
        if (region.kind == MustIncludeRegion::Kind::NotFace && contains(region.rect))
            menu.addAction(tr("A Face After All (Take Back \"Not a Face\")"), this,
                [this, region] { unmarkNotFace(region); });
        if (region.kind != MustIncludeRegion::Kind::Region || !contains(region.rect))
            continue;
        menu.addAction(tr("Remove This Must-Include Area"), this, [this, region] {
            editRegions([&](QList<MustIncludeRegion> &regions) { regions.removeAll(region); },
                tr("Remove must-include area"));
        });
    }
    if (!menu.isEmpty())
        menu.addSeparator();
    for (ShortcutId id : { ShortcutId::MustIncludeArea, ShortcutId::AcceptSuggestion,
             ShortcutId::RejectSuggestion, ShortcutId::NextAlternative, ShortcutId::SuggestImage }) {
        if (QAction *a = action(int(id)))
            menu.addAction(a);
    }
    menu.exec(canvas->mapToGlobal(pos));
}

// --- Messages and metrics -------------------------------------------------------------------------

void ReviewController::scheduleStats()
{
    // Coalesced: a folder run changes hundreds of rows; the metrics need recounting once.
    if (m_statsScheduled)
        return;
    m_statsScheduled = true;
    QTimer::singleShot(150, this, [this] {
        m_statsScheduled = false;
        emit statsChanged();
    });
}

void ReviewController::say(const QString &text)
{
    if (m_window)
        m_window->statusBar()->showMessage(text, 6000);
    emit message(text);
}

} // namespace cropwise
