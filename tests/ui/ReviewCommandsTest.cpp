// The review's undo commands as push -> undo -> redo round trips on a real ImageDocument: a
// decision restores the exact crop (status included), a drag of a suggestion makes it "edited"
// and undo makes it "suggested" again, and a must-include change merges with the suggestion run
// it started into one undo step.

#include "core/model/ImageDocument.h"
#include "core/model/ReviewState.h"
#include "ui/commands/CropEditKind.h"
#include "ui/commands/SetCropRectCommand.h"
#include "ui/review/ReviewCropCommand.h"
#include "ui/review/ReviewStateCommand.h"

#include <QTest>
#include <QUndoStack>

using namespace cropwise;

namespace {

SuggestionRecord record(Rect rect, double score, int alternative = 0)
{
    return { rect, AspectRatio { 1, 1 }, score, { QStringLiteral("keeps 1 of 1 face") }, alternative };
}

Crop suggestedCrop()
{
    return cropFromSuggestion(
        record({ 100, 100, 200, 200 }, 0.8), QStringLiteral("cropwise-suggest/1"), QStringLiteral("1:1"));
}

SuggestionCache cacheFor(const QList<MustIncludeRegion> &regions, const Rect &best)
{
    SuggestionCache cache;
    cache.key.contentSha256 = QString(64, QLatin1Char('a'));
    cache.key.suggester = QStringLiteral("cropwise-suggest/1");
    cache.key.aspects = { AspectRatio { 1, 1 } };
    cache.key.mustInclude = regions;
    cache.key.top = 2;
    AspectSuggestionRecords a;
    a.aspect = AspectRatio { 1, 1 };
    a.suggestions = { record(best, 0.8), record({ 0, 0, 150, 150 }, 0.6, 1) };
    cache.aspects = { a };
    return cache;
}

} // namespace

class ReviewCommandsTest : public QObject
{
    Q_OBJECT

private slots:
    void decision_undoRestoresTheWholeCrop_data();
    void decision_undoRestoresTheWholeCrop();
    void dragOfSuggestion_isEdited_keepsOriginal_andUndoMakesItSuggestedAgain();
    void nudgeBurst_undoRestoresSuggestedStatus();
    void mustInclude_mergesWithItsSuggestionRun_intoOneUndoStep();
};

void ReviewCommandsTest::decision_undoRestoresTheWholeCrop_data()
{
    QTest::addColumn<int>("decision"); // 0 accept, 1 reject, 2 restore after an edit
    QTest::addColumn<int>("expected");
    QTest::newRow("accept") << 0 << int(ReviewStatus::Accepted);
    QTest::newRow("reject") << 1 << int(ReviewStatus::Rejected);
    QTest::newRow("restore") << 2 << int(ReviewStatus::Suggested);
}

void ReviewCommandsTest::decision_undoRestoresTheWholeCrop()
{
    QFETCH(int, decision);
    QFETCH(int, expected);
    ImageDocument doc(QStringLiteral("/tmp/x.jpg"), { 800, 600 });
    Crop crop = suggestedCrop();
    if (decision == 2)
        crop = editedCrop(crop, { 110, 110, 180, 180 });
    QVERIFY(doc.addCrop(crop));
    const Crop after = decision == 0 ? acceptedCrop(crop)
        : decision == 1              ? rejectedCrop(crop)
                                     : restoredCrop(crop);
    QUndoStack stack;
    stack.push(new ReviewCropCommand(&doc, crop, after, QStringLiteral("Decide")));
    QCOMPARE(int(reviewStatus(*doc.crop(crop.id))), expected);
    stack.undo();
    QCOMPARE(*doc.crop(crop.id), crop);
    stack.redo();
    QCOMPARE(*doc.crop(crop.id), after);
}

void ReviewCommandsTest::dragOfSuggestion_isEdited_keepsOriginal_andUndoMakesItSuggestedAgain()
{
    ImageDocument doc(QStringLiteral("/tmp/x.jpg"), { 800, 600 });
    const Crop crop = suggestedCrop();
    QVERIFY(doc.addCrop(crop));
    QUndoStack stack;
    const Rect moved { 140, 120, 200, 200 };
    stack.push(new SetCropRectCommand(&doc, crop.id, crop.rect, moved, CropEditKind::Move));
    QCOMPARE(reviewStatus(*doc.crop(crop.id)), ReviewStatus::Edited);
    QCOMPARE(doc.crop(crop.id)->review->suggested, crop.rect); // the original suggestion is kept
    stack.undo();
    QCOMPARE(*doc.crop(crop.id), crop);
    QCOMPARE(doc.crop(crop.id)->review->status, ReviewStatus::Suggested);
    stack.redo();
    QCOMPARE(doc.crop(crop.id)->rect, moved);
    QCOMPARE(reviewStatus(*doc.crop(crop.id)), ReviewStatus::Edited);
}

void ReviewCommandsTest::nudgeBurst_undoRestoresSuggestedStatus()
{
    ImageDocument doc(QStringLiteral("/tmp/x.jpg"), { 800, 600 });
    Crop crop = acceptedCrop(suggestedCrop());
    QVERIFY(doc.addCrop(crop));
    QUndoStack stack;
    Rect r = crop.rect;
    for (int i = 0; i < 3; ++i) {
        const Rect next { r.x + 1, r.y, r.width, r.height };
        stack.push(new SetCropRectCommand(&doc, crop.id, r, next, CropEditKind::Nudge));
        r = next;
    }
    QCOMPARE(stack.count(), 1); // one burst, one step
    QCOMPARE(reviewStatus(*doc.crop(crop.id)), ReviewStatus::Edited);
    stack.undo();
    QCOMPARE(*doc.crop(crop.id), crop); // accepted again, not "edited back"
}

void ReviewCommandsTest::mustInclude_mergesWithItsSuggestionRun_intoOneUndoStep()
{
    ImageDocument doc(QStringLiteral("/tmp/x.jpg"), { 800, 600 });
    QVERIFY(doc.setState(*withSuggestions(doc.state(), cacheFor({}, { 100, 100, 200, 200 }))).isEmpty());
    const ReviewSnapshot original = ReviewSnapshot::of(doc);
    QVERIFY(doc.currentSuggestions());
    QUndoStack stack;

    ReviewSnapshot regions = original;
    const MustIncludeRegion region { MustIncludeRegion::Kind::Region, { 500, 300, 50, 50 } };
    regions.mustInclude = { region };
    stack.push(new ReviewStateCommand(
        &doc, original, regions, ReviewStateCommand::Kind::MustInclude, QStringLiteral("Must include area")));
    QVERIFY(!doc.currentSuggestions()); // the cache no longer fits: the UI recomputes

    // The recomputed run arrives and is put in: merged into the must-include step.
    const std::optional<ImageState> next
        = withSuggestions(doc.state(), cacheFor({ region }, { 400, 200, 300, 300 }));
    QVERIFY(next);
    const ReviewSnapshot recomputed { next->crops, next->mustInclude, next->suggestions };
    stack.push(new ReviewStateCommand(&doc, ReviewSnapshot::of(doc), recomputed,
        ReviewStateCommand::Kind::Suggest, QStringLiteral("Suggest crops")));
    QCOMPARE(stack.count(), 1);
    QCOMPARE(doc.crops().first().rect, (Rect { 400, 200, 300, 300 }));

    stack.undo();
    QCOMPARE(ReviewSnapshot::of(doc), original);
    QVERIFY(doc.currentSuggestions()); // old regions + old cache: nothing to recompute
    stack.redo();
    QCOMPARE(ReviewSnapshot::of(doc), recomputed);
}

QTEST_MAIN(ReviewCommandsTest)
#include "ReviewCommandsTest.moc"
