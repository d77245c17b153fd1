// Reviewing suggestions like a user, keyboard only (QTest::keyClick on the main window): suggest
// the current image (S), triage with A / R / N, undo, accept all (Shift+A), run the whole folder
// (Shift+S) and find the decisions and suggestions in the sidecars (core's Sidecar reader); a rerun
// on unchanged images reuses the stored suggestions, other aspects recompute; must-include (M)
// recomputes at once and one undo takes it back; the overlays and the filmstrip filter follow.
//
// Runs offscreen with isolated settings on copies of two bundled samples (a portrait with a face
// and a cat), asking for two aspects only, to stay quick. Checks results, never timing.

#include "core/model/ImageDocument.h"
#include "core/model/ReviewState.h"
#include "core/model/Sidecar.h"
#include "ui/CropEditController.h"
#include "ui/ImageSession.h"
#include "ui/MainWindow.h"
#include "ui/Shortcuts.h"
#include "ui/canvas/CropCanvas.h"
#include "ui/panels/ThumbnailStrip.h"
#include "ui/review/FaceLayer.h"
#include "ui/review/HeatMapLayer.h"
#include "ui/review/ReviewController.h"
#include "ui/review/ReviewIndex.h"
#include "ui/review/ReviewPanel.h"
#include "ui/review/ReviewStateCommand.h"
#include "ui/review/ReviewStatsDialog.h"
#include "ui/review/ReviewWorkbench.h"
#include "ui/review/SuggestionRunner.h"

#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QSettings>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace cropwise;

namespace {

constexpr int kJobTimeoutMs = 60000; // a generous bound on slow CI machines; nothing measures it

// grace_hopper.jpg (a face) and chelsea.png (a cat, no face), in that order in the folder.
QString copySamples(const QTemporaryDir &dir)
{
    const QDir samples(QStringLiteral(CROPWISE_SAMPLES_DIR));
    for (const QString &name : { QStringLiteral("chelsea.png"), QStringLiteral("grace_hopper.jpg") }) {
        const QString to = dir.filePath(name);
        QFile::copy(samples.filePath(name), to);
        QFile(to).setPermissions(QFile::ReadOwner | QFile::WriteOwner);
    }
    return dir.path();
}

QList<ReviewStatus> statuses(const QList<Crop> &crops)
{
    QList<ReviewStatus> out;
    for (const Crop &c : crops)
        out << reviewStatus(c);
    return out;
}

ImageState savedState(const QString &imagePath)
{
    const SidecarReadResult r = readSidecar(imagePath, Size());
    return r.state;
}

} // namespace

class ReviewWorkflowTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();

    void suggestAndTriage_byKeysOnly_savesStatesInTheSidecar();
    void folderRun_storesOtherImages_rerunUsesCache_andOtherAspectsRecompute();
    void dragSuggestionHandle_makesItEdited_andUndoMakesItSuggestedAgain();
    void mustInclude_recomputesAtOnce_andOneUndoTakesItBack();
    void overlays_toggleByKey_andShowFacesAndHeatMap();
    void alternatives_cycleByKey_inPlace_andUndo();
    void folderRun_cancel_stopsAndKeepsWhatFinished();

private:
    struct Fixture
    {
        QTemporaryDir dir;
        MainWindow window;
        ReviewController *review = nullptr;
    };
    void open(Fixture &f);
    void suggestCurrent(Fixture &f);
};

void ReviewWorkflowTest::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("CropwiseTest"));
    QCoreApplication::setApplicationName(QStringLiteral("ReviewWorkflowTest"));
}

void ReviewWorkflowTest::init()
{
    QSettings().clear();
    QSettings().setValue(QStringLiteral("review/aspects"), QStringLiteral("1:1,4:5"));
}

void ReviewWorkflowTest::open(Fixture &f)
{
    QVERIFY(f.dir.isValid());
    copySamples(f.dir);
    f.review = f.window.review()->controller();
    QCOMPARE(f.review->aspectsText(), QStringLiteral("1:1,4:5"));
    f.window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&f.window));
    f.window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&f.window)); // window shortcuts need the active window
    f.window.openPaths({ f.dir.path() });
    QTRY_VERIFY_WITH_TIMEOUT(f.window.canvas()->hasImage(), kJobTimeoutMs);
    f.window.canvas()->setFocus();
}

void ReviewWorkflowTest::suggestCurrent(Fixture &f)
{
    QVERIFY(f.window.action(ShortcutId::SuggestImage)->isEnabled());
    QTest::keyClick(&f.window, Qt::Key_S);
    QVERIFY(f.review->isSuggesting());
    QStringList messages;
    QObject scope; // the connection ends with this function
    connect(f.review, &ReviewController::message, &scope, [&messages](const QString &m) { messages << m; });
    QTRY_VERIFY_WITH_TIMEOUT(!f.review->isSuggesting(), kJobTimeoutMs);
    QVERIFY2(f.review->document()->currentSuggestions(), qPrintable(messages.join(QLatin1Char('\n'))));
}

void ReviewWorkflowTest::suggestAndTriage_byKeysOnly_savesStatesInTheSidecar()
{
    Fixture f;
    open(f);
    ImageDocument *doc = f.review->document();
    QCOMPARE(QFileInfo(doc->imagePath()).fileName(), QStringLiteral("chelsea.png"));
    suggestCurrent(f);

    // One pending crop per aspect, the first selected, with score and reasons.
    QCOMPARE(
        statuses(doc->crops()), (QList<ReviewStatus> { ReviewStatus::Suggested, ReviewStatus::Suggested }));
    QCOMPARE(f.window.controller()->selectedCropId(), doc->crops().at(0).id);
    QVERIFY(!doc->crops().at(0).review->reasons.isEmpty());
    QVERIFY(f.window.review()->panel()->selectedText().contains(QStringLiteral("1:1")));

    QTest::keyClick(&f.window, Qt::Key_A); // accept, then on to the next pending one
    QCOMPARE(reviewStatus(doc->crops().at(0)), ReviewStatus::Accepted);
    QCOMPARE(f.window.controller()->selectedCropId(), doc->crops().at(1).id);
    QTest::keyClick(&f.window, Qt::Key_R);
    QCOMPARE(
        statuses(doc->crops()), (QList<ReviewStatus> { ReviewStatus::Accepted, ReviewStatus::Rejected }));

    QTest::keyClick(&f.window, Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(reviewStatus(doc->crops().at(1)), ReviewStatus::Suggested);
    QTest::keyClick(&f.window, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(reviewStatus(doc->crops().at(1)), ReviewStatus::Rejected);

    // Next pending suggestion: none left here, so N goes to the next image needing review. That one
    // has no suggestions yet, so N stays and says so.
    QTest::keyClick(&f.window, Qt::Key_N);
    QCOMPARE(f.window.session()->currentIndex(), 0);

    // Restore (Shift+R) and accept all (Shift+A) in one step each.
    QTest::keyClick(&f.window, Qt::Key_R, Qt::ShiftModifier);
    QCOMPARE(reviewStatus(doc->crops().at(1)), ReviewStatus::Suggested);
    QTest::keyClick(&f.window, Qt::Key_A, Qt::ShiftModifier);
    QCOMPARE(
        statuses(doc->crops()), (QList<ReviewStatus> { ReviewStatus::Accepted, ReviewStatus::Accepted }));
    QTest::keyClick(&f.window, Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(reviewStatus(doc->crops().at(1)), ReviewStatus::Suggested);
    QTest::keyClick(&f.window, Qt::Key_R);

    // Saved: the decisions, the original suggestion, the suggester's version and the cache.
    QVERIFY(f.window.session()->flushAll().isEmpty());
    const ImageState saved = savedState(doc->imagePath());
    QCOMPARE(statuses(saved.crops), (QList<ReviewStatus> { ReviewStatus::Accepted, ReviewStatus::Rejected }));
    QCOMPARE(saved.crops.at(0).review->suggester, QStringLiteral("cropwise-suggest/1"));
    QCOMPARE(saved.crops.at(0).review->suggested, saved.crops.at(0).rect);
    QVERIFY(saved.suggestions);
    QCOMPARE(saved.suggestions->aspects.size(), 2);

    // The metrics count them (and the dialog shows them per version).
    QTRY_COMPARE_WITH_TIMEOUT(f.review->index()->stats().total.accepted, 1, kJobTimeoutMs);
    QCOMPARE(f.review->index()->stats().total.rejected, 1);
    QTest::keyClick(&f.window, Qt::Key_M, Qt::ControlModifier | Qt::ShiftModifier);
    auto *dialog = f.window.findChild<ReviewStatsDialog *>();
    QVERIFY(dialog && dialog->isVisible());
    QCOMPARE(dialog->table()->rowCount(), 2); // cropwise-suggest/1 + all versions
    QCOMPARE(dialog->table()->item(0, 1)->text(), QStringLiteral("1"));
    dialog->close();
}

void ReviewWorkflowTest::folderRun_storesOtherImages_rerunUsesCache_andOtherAspectsRecompute()
{
    Fixture f;
    open(f);
    const QString other = f.window.session()->imagePaths().at(1);
    QTest::keyClick(&f.window, Qt::Key_S, Qt::ShiftModifier);
    QTRY_VERIFY_WITH_TIMEOUT(!f.review->isSuggesting(), kJobTimeoutMs);
    SuggestionRunner *folder = f.review->runner(ReviewController::Scope::AllImages);
    QCOMPARE(folder->total(), 2);
    QCOMPARE(folder->computedCount(), 2);
    QCOMPARE(folder->failedCount(), 0);

    // The image on screen got its crops through its document; the other one through its sidecar.
    QCOMPARE(statuses(f.review->document()->crops()),
        (QList<ReviewStatus> { ReviewStatus::Suggested, ReviewStatus::Suggested }));
    QVERIFY(!f.window.session()->isOpen(other));
    const ImageState stored = savedState(other);
    QCOMPARE(
        statuses(stored.crops), (QList<ReviewStatus> { ReviewStatus::Suggested, ReviewStatus::Suggested }));
    QVERIFY(stored.suggestions && !stored.suggestions->faces.isEmpty()); // Grace Hopper's face
    QVERIFY(f.review->index()->needsReview(1));

    // Accept all here; N then moves on to the other image's first pending suggestion.
    QTest::keyClick(&f.window, Qt::Key_A, Qt::ShiftModifier);
    QTest::keyClick(&f.window, Qt::Key_N);
    QCOMPARE(f.window.session()->currentIndex(), 1);
    const ImageDocument *second = f.review->document();
    QCOMPARE(f.window.controller()->selectedCropId(), second->crops().at(0).id);
    QCOMPARE(second->crops(), stored.crops);

    // Filter: only images still to review; the finished first image leaves the filmstrip.
    auto *combo = f.window.review()->panel()->filterCombo();
    combo->setCurrentIndex(combo->findData(int(ReviewFilter::Mode::NeedsReview)));
    QVERIFY(f.window.thumbnailStrip()->isRowHidden(0));
    QVERIFY(!f.window.thumbnailStrip()->isRowHidden(1));
    combo->setCurrentIndex(combo->findData(int(ReviewFilter::Mode::AllImages)));
    QVERIFY(!f.window.thumbnailStrip()->isRowHidden(0));

    // A rerun on unchanged files and settings reuses every stored suggestion.
    QVERIFY(f.window.session()->flushAll().isEmpty());
    QTest::keyClick(&f.window, Qt::Key_S, Qt::ShiftModifier);
    QTRY_VERIFY_WITH_TIMEOUT(!f.review->isSuggesting(), kJobTimeoutMs);
    QCOMPARE(folder->cachedCount(), 2);
    QCOMPARE(folder->computedCount(), 0);
    QCOMPARE(statuses(f.review->document()->crops()),
        (QList<ReviewStatus> { ReviewStatus::Suggested, ReviewStatus::Suggested }));

    // Other aspects are another cache key: computed again, and the new aspect is proposed while
    // the decided ones stay decided.
    QVERIFY(f.review->setAspectsText(QStringLiteral("1:1,4:5,16:9")));
    QTest::keyClick(&f.window, Qt::Key_S, Qt::ShiftModifier);
    QTRY_VERIFY_WITH_TIMEOUT(!f.review->isSuggesting(), kJobTimeoutMs);
    QCOMPARE(folder->computedCount(), 2);
    QVERIFY(f.window.session()->flushAll().isEmpty());
    QCOMPARE(statuses(savedState(f.window.session()->imagePaths().at(0)).crops),
        (QList<ReviewStatus> { ReviewStatus::Accepted, ReviewStatus::Accepted, ReviewStatus::Suggested }));

    // Reopening the folder in a new window: the sidecars answer, nothing is computed.
    MainWindow again;
    again.show();
    QVERIFY(QTest::qWaitForWindowExposed(&again));
    again.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&again));
    again.openPaths({ f.dir.path() });
    QTRY_VERIFY_WITH_TIMEOUT(again.canvas()->hasImage(), kJobTimeoutMs);
    QTest::keyClick(&again, Qt::Key_S, Qt::ShiftModifier);
    ReviewController *review = again.review()->controller();
    QTRY_VERIFY_WITH_TIMEOUT(!review->isSuggesting(), kJobTimeoutMs);
    QCOMPARE(review->runner(ReviewController::Scope::AllImages)->cachedCount(), 2);
    QCOMPARE(review->runner(ReviewController::Scope::AllImages)->computedCount(), 0);
    QTRY_COMPARE_WITH_TIMEOUT(review->index()->stats().total.accepted, 2, kJobTimeoutMs);
}

void ReviewWorkflowTest::dragSuggestionHandle_makesItEdited_andUndoMakesItSuggestedAgain()
{
    Fixture f;
    open(f);
    suggestCurrent(f);
    ImageDocument *doc = f.review->document();
    const Crop before = doc->crops().at(0);
    QCOMPARE(f.window.controller()->selectedCropId(), before.id);

    // Drag the bottom-right corner handle inwards with the mouse.
    CropCanvas *canvas = f.window.canvas();
    const auto toWidget = [canvas](double x, double y) {
        const PointF p = canvas->viewTransform().imageToCanvas(PointF { x, y });
        return QPoint(qRound(p.x), qRound(p.y));
    };
    const QPoint from = toWidget(before.rect.rightEdge(), before.rect.bottomEdge());
    const QPoint to = toWidget(before.rect.rightEdge() - 60, before.rect.bottomEdge() - 60);
    QTest::mousePress(canvas, Qt::LeftButton, Qt::NoModifier, from);
    for (int i = 1; i <= 5; ++i)
        QTest::mouseMove(canvas, from + (to - from) * i / 5);
    QTest::mouseRelease(canvas, Qt::LeftButton, Qt::NoModifier, to);

    const Crop edited = *doc->crop(before.id);
    QVERIFY(edited.rect != before.rect);
    QCOMPARE(reviewStatus(edited), ReviewStatus::Edited);
    QCOMPARE(edited.review->suggested, before.rect); // the original is kept for the metrics
    QTest::keyClick(&f.window, Qt::Key_A); // accepting keeps the edit
    QCOMPARE(reviewStatus(*doc->crop(before.id)), ReviewStatus::Edited);

    // Accepting an edited crop changes nothing (no undo step), so one undo takes back the drag.
    QTest::keyClick(&f.window, Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(*doc->crop(before.id), before);
    QCOMPARE(doc->crop(before.id)->review->status, ReviewStatus::Suggested);
}

void ReviewWorkflowTest::mustInclude_recomputesAtOnce_andOneUndoTakesItBack()
{
    Fixture f;
    open(f);
    suggestCurrent(f);
    ImageDocument *doc = f.review->document();
    const ReviewSnapshot original = ReviewSnapshot::of(*doc);

    // Draw a box in the top-left corner (a manual crop) and make it a must-include area with M.
    const Rect corner { 4, 4, 60, 50 };
    QVERIFY(f.window.controller()->addCrop(corner));
    QTest::keyClick(&f.window, Qt::Key_M);
    QCOMPARE(doc->mustInclude().size(), 1);
    QCOMPARE(doc->mustInclude().first().rect, corner);
    QVERIFY(
        std::none_of(doc->crops().cbegin(), doc->crops().cend(), [](const Crop &c) { return !c.review; }));

    // Recomputed at once: every suggestion now keeps the area whole.
    QTRY_VERIFY_WITH_TIMEOUT(
        doc->currentSuggestions().has_value() && !f.review->isSuggesting(), kJobTimeoutMs);
    QVERIFY(!doc->crops().isEmpty());
    for (const Crop &c : doc->crops())
        QVERIFY2(c.rect.contains(corner), qPrintable(c.name));

    // One undo takes back the area and the recomputed suggestions together (the box comes back
    // with the next undo); nothing is recomputed for the old state.
    QTest::keyClick(&f.window, Qt::Key_Z, Qt::ControlModifier);
    QVERIFY(doc->mustInclude().isEmpty());
    QVERIFY(doc->currentSuggestions());
    QTest::keyClick(&f.window, Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(ReviewSnapshot::of(*doc), original);
    QTest::qWait(50);
    QVERIFY(!f.review->isSuggesting());
}

void ReviewWorkflowTest::overlays_toggleByKey_andShowFacesAndHeatMap()
{
    Fixture f;
    open(f);
    QTest::keyClick(&f.window, Qt::Key_PageDown); // grace_hopper.jpg
    QTRY_VERIFY_WITH_TIMEOUT(f.window.canvas()->hasImage(), kJobTimeoutMs);
    suggestCurrent(f);
    QVERIFY(f.review->heatMapLayer()->hasPreview());
    QVERIFY(!f.review->faceLayer()->faces().isEmpty());

    QVERIFY(f.review->faceLayer()->isVisible()); // faces shown by default, heat map not
    QVERIFY(!f.review->heatMapLayer()->isVisible());
    QTest::keyClick(&f.window, Qt::Key_F);
    QTest::keyClick(&f.window, Qt::Key_I);
    QVERIFY(!f.review->faceLayer()->isVisible());
    QVERIFY(f.review->heatMapLayer()->isVisible());

    // Pinning the face makes it a must-include region and recomputes.
    f.review->toggleFacePin(f.review->faceLayer()->faces().first());
    QCOMPARE(f.review->document()->mustInclude().first().kind, MustIncludeRegion::Kind::Face);
    QTRY_VERIFY_WITH_TIMEOUT(
        f.review->document()->currentSuggestions().has_value() && !f.review->isSuggesting(), kJobTimeoutMs);

    // "Not a face" unpins it, and the recomputed suggestions no longer see it; undo brings it back.
    const FaceRecord face = f.review->faceLayer()->faces().first();
    f.review->markNotFace(face);
    QCOMPARE(f.review->document()->mustInclude().size(), 1);
    QCOMPARE(f.review->document()->mustInclude().first().kind, MustIncludeRegion::Kind::NotFace);
    QTRY_VERIFY_WITH_TIMEOUT(
        f.review->document()->currentSuggestions().has_value() && !f.review->isSuggesting(), kJobTimeoutMs);
    QVERIFY(f.review->document()->currentSuggestions()->faces.isEmpty());
    QVERIFY(f.review->faceLayer()->faces().isEmpty());
    f.window.controller()->undoStack()->undo();
    QCOMPARE(f.review->document()->mustInclude().first().kind, MustIncludeRegion::Kind::Face);
}

void ReviewWorkflowTest::alternatives_cycleByKey_inPlace_andUndo()
{
    Fixture f;
    open(f);
    ImageDocument *doc = f.review->document();
    // A stored run with three 1:1 suggestions (as the suggester leaves in the sidecar), current
    // for this image: no job needed.
    SuggestionCache cache;
    cache.key.contentSha256 = QString(64, QLatin1Char('b'));
    cache.key.suggester = QStringLiteral("cropwise-suggest/1");
    cache.key.aspects = { AspectRatio { 1, 1 } };
    cache.key.top = 3;
    AspectSuggestionRecords square;
    square.aspect = AspectRatio { 1, 1 };
    for (int k = 0; k < 3; ++k)
        square.suggestions << SuggestionRecord { { 20 * k, 0, 200, 200 }, AspectRatio { 1, 1 }, 0.9 - 0.1 * k,
            { QStringLiteral("alternative %1").arg(k) }, k };
    cache.aspects = { square };
    QVERIFY(doc->setState(*withSuggestions(doc->state(), cache)).isEmpty());
    f.window.controller()->setSelectedCropId(doc->crops().first().id);
    const Crop best = doc->crops().first();
    QCOMPARE(f.review->alternativesOfSelected().size(), 3);

    QTest::keyClick(&f.window, Qt::Key_C);
    QCOMPARE(doc->crops().first().id, best.id); // same crop, another proposal
    QCOMPARE(doc->crops().first().review->alternative, 1);
    QCOMPARE(doc->crops().first().rect, (Rect { 20, 0, 200, 200 }));
    QVERIFY(f.window.review()->panel()->selectedText().contains(QStringLiteral("alternative 2 of 3")));
    QTest::keyClick(&f.window, Qt::Key_C, Qt::ShiftModifier);
    QTest::keyClick(&f.window, Qt::Key_C, Qt::ShiftModifier); // wraps to the last
    QCOMPARE(doc->crops().first().review->alternative, 2);
    QTest::keyClick(&f.window, Qt::Key_A);
    QCOMPARE(reviewStatus(doc->crops().first()), ReviewStatus::Accepted);
    QCOMPARE(doc->crops().first().review->alternative, 2); // the metrics know which one was taken
    for (int i = 0; i < 4; ++i)
        QTest::keyClick(&f.window, Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(doc->crops().first(), best);
}

void ReviewWorkflowTest::folderRun_cancel_stopsAndKeepsWhatFinished()
{
    Fixture f;
    open(f);
    QTest::keyClick(&f.window, Qt::Key_S, Qt::ShiftModifier);
    QVERIFY(f.review->isSuggesting());
    f.review->cancelSuggestions();
    QTRY_VERIFY_WITH_TIMEOUT(!f.review->isSuggesting(), kJobTimeoutMs);
    QVERIFY(f.window.session()->flushAll().isEmpty());
    // Whatever finished before the cancel is complete and saved; the rest is untouched.
    const SuggestionRunner *folder = f.review->runner(ReviewController::Scope::AllImages);
    int withSuggestions = 0;
    for (const QString &path : f.window.session()->imagePaths()) {
        const ImageState state = savedState(path);
        if (!state.suggestions)
            continue;
        ++withSuggestions;
        QCOMPARE(state.suggestions->aspects.size(), 2);
        QCOMPARE(state.crops.size(), 2);
    }
    QCOMPARE(withSuggestions, folder->computedCount());
    QVERIFY(folder->computedCount() <= 2);
}

QTEST_MAIN(ReviewWorkflowTest)
#include "ReviewWorkflowTest.moc"
