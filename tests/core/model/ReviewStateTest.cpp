#include "core/model/ReviewState.h"
#include "core/model/ImageDocument.h"

#include <QSignalSpy>
#include <QTest>

using namespace cropwise;

Q_DECLARE_METATYPE(cropwise::ReviewStatus)

namespace {

const Size kImage { 200, 100 };
const QString kVersion = QStringLiteral("cropwise-suggest/1");

SuggestionRecord suggestion(
    Rect rect, std::optional<AspectRatio> aspect, double score = 0.8, int alternative = 0)
{
    return { rect, aspect, score, { QStringLiteral("keeps the subject") }, alternative };
}

Crop suggestedCrop(Rect rect = { 10, 10, 80, 80 }, std::optional<AspectRatio> aspect = AspectRatio { 1, 1 })
{
    return cropFromSuggestion(suggestion(rect, aspect), kVersion, suggestedCropName(aspect));
}

SuggestionCache cacheWith(
    QList<AspectSuggestionRecords> aspects, UserTurn turn = {}, QList<MustIncludeRegion> regions = {})
{
    SuggestionCache cache;
    cache.key.contentSha256 = QStringLiteral("ab").repeated(32);
    cache.key.suggester = kVersion;
    for (const auto &a : aspects)
        cache.key.aspects.append(a.aspect);
    cache.key.userTurn = turn;
    cache.key.mustInclude = regions;
    cache.aspects = aspects;
    return cache;
}

AspectSuggestionRecords aspectRecords(std::optional<AspectRatio> aspect, QList<Rect> rects)
{
    AspectSuggestionRecords a;
    a.aspect = aspect;
    for (int k = 0; k < rects.size(); ++k)
        a.suggestions.append(suggestion(rects[k], aspect, 0.9 - 0.1 * k, k));
    return a;
}

} // namespace

class ReviewStateTest : public QObject
{
    Q_OBJECT

private slots:
    void transitions_followTheTable_data()
    {
        QTest::addColumn<ReviewStatus>("from");
        QTest::addColumn<ReviewStatus>("afterEdit");
        QTest::addColumn<ReviewStatus>("afterAccept");
        QTest::addColumn<ReviewStatus>("afterReject");
        using S = ReviewStatus;
        QTest::newRow("suggested") << S::Suggested << S::Edited << S::Accepted << S::Rejected;
        QTest::newRow("accepted") << S::Accepted << S::Edited << S::Accepted << S::Rejected;
        QTest::newRow("edited") << S::Edited << S::Edited << S::Edited << S::Rejected;
        QTest::newRow("rejected") << S::Rejected << S::Edited << S::Accepted << S::Rejected;
        QTest::newRow("manual") << S::Manual << S::Manual << S::Manual << S::Manual;
    }
    void transitions_followTheTable()
    {
        QFETCH(ReviewStatus, from);
        QFETCH(ReviewStatus, afterEdit);
        QFETCH(ReviewStatus, afterAccept);
        QFETCH(ReviewStatus, afterReject);
        QCOMPARE(statusAfterEdit(from), afterEdit);
        QCOMPARE(statusAfterAccept(from), afterAccept);
        QCOMPARE(statusAfterReject(from), afterReject);
    }

    void consistentStatus_movedSuggestionCountsAsEdited_data()
    {
        QTest::addColumn<ReviewStatus>("stored");
        QTest::addColumn<bool>("moved");
        QTest::addColumn<ReviewStatus>("expected");
        using S = ReviewStatus;
        QTest::newRow("suggested in place") << S::Suggested << false << S::Suggested;
        QTest::newRow("suggested moved") << S::Suggested << true << S::Edited;
        QTest::newRow("accepted in place") << S::Accepted << false << S::Accepted;
        QTest::newRow("accepted moved") << S::Accepted << true << S::Edited;
        QTest::newRow("edited back in place") << S::Edited << false << S::Edited;
        QTest::newRow("rejected moved") << S::Rejected << true << S::Rejected;
    }
    void consistentStatus_movedSuggestionCountsAsEdited()
    {
        QFETCH(ReviewStatus, stored);
        QFETCH(bool, moved);
        QFETCH(ReviewStatus, expected);
        const Rect suggested { 10, 10, 50, 50 };
        const Rect rect = moved ? Rect { 11, 10, 50, 50 } : suggested;
        QCOMPARE(consistentStatus(stored, rect, suggested), expected);
    }

    void statusNames_roundTrip()
    {
        for (ReviewStatus s : { ReviewStatus::Suggested, ReviewStatus::Accepted, ReviewStatus::Edited,
                 ReviewStatus::Rejected, ReviewStatus::Manual })
            QCOMPARE(parseReviewStatus(reviewStatusName(s)), std::optional<ReviewStatus>(s));
        QCOMPARE(reviewStatusName(ReviewStatus::Edited), QStringLiteral("edited"));
        QVERIFY(!parseReviewStatus(QStringLiteral("Accepted")));
        QVERIFY(!parseReviewStatus(QStringLiteral("flagged")));
    }

    void cropFromSuggestion_keepsEverythingTheSuggesterSaid()
    {
        const Crop c = cropFromSuggestion(
            suggestion({ 5, 6, 40, 50 }, AspectRatio { 4, 5 }, 0.61, 2), kVersion, "4:5");
        QVERIFY(!c.id.isEmpty());
        QCOMPARE(c.name, QStringLiteral("4:5"));
        QCOMPARE(c.rect, (Rect { 5, 6, 40, 50 }));
        QCOMPARE(c.aspect, std::optional<AspectRatio>(AspectRatio { 4, 5 }));
        QVERIFY(c.review);
        QCOMPARE(c.review->status, ReviewStatus::Suggested);
        QCOMPARE(c.review->suggested, c.rect);
        QCOMPARE(c.review->score, 0.61);
        QCOMPARE(c.review->reasons, QStringList { "keeps the subject" });
        QCOMPARE(c.review->suggester, kVersion);
        QCOMPARE(c.review->alternative, 2);
        QCOMPARE(reviewStatus(c), ReviewStatus::Suggested);
        QCOMPARE(suggestedCropName(std::nullopt), QStringLiteral("Free"));
    }

    void editedCrop_keepsTheOriginalSuggestion()
    {
        const Crop s = suggestedCrop({ 10, 10, 80, 80 });
        const Crop e = editedCrop(s, { 20, 10, 80, 80 });
        QCOMPARE(e.rect, (Rect { 20, 10, 80, 80 }));
        QCOMPARE(e.review->status, ReviewStatus::Edited);
        QCOMPARE(e.review->suggested, (Rect { 10, 10, 80, 80 }));
        // Same rect: no edit happened.
        QCOMPARE(editedCrop(s, s.rect), s);
        // A manual crop stays manual.
        const Crop manual = Crop::create("m", { 0, 0, 10, 10 });
        QCOMPARE(reviewStatus(editedCrop(manual, { 1, 1, 10, 10 })), ReviewStatus::Manual);
    }

    void accept_keepsAnEdit_andRejectedCanComeBack()
    {
        const Crop s = suggestedCrop();
        QCOMPARE(reviewStatus(acceptedCrop(s)), ReviewStatus::Accepted);
        const Crop e = editedCrop(s, { 0, 0, 80, 80 });
        QCOMPARE(reviewStatus(acceptedCrop(e)), ReviewStatus::Edited);
        const Crop r = rejectedCrop(s);
        QCOMPARE(reviewStatus(r), ReviewStatus::Rejected);
        QCOMPARE(reviewStatus(acceptedCrop(r)), ReviewStatus::Accepted);
        // Rejected after an edit, then accepted: the rect still differs, so it is an edit.
        QCOMPARE(reviewStatus(acceptedCrop(rejectedCrop(e))), ReviewStatus::Edited);
        // Fixing a rejected one by hand brings it back as edited.
        QCOMPARE(reviewStatus(editedCrop(r, { 1, 1, 80, 80 })), ReviewStatus::Edited);
        // Manual crops are not reviewed.
        const Crop manual = Crop::create("m", { 0, 0, 10, 10 });
        QCOMPARE(acceptedCrop(manual), manual);
        QCOMPARE(rejectedCrop(manual), manual);
    }

    void restoredCrop_putsTheSuggestionBack()
    {
        const Crop e = acceptedCrop(editedCrop(suggestedCrop({ 10, 10, 80, 80 }), { 30, 10, 60, 60 }));
        const Crop r = restoredCrop(e);
        QCOMPARE(r.rect, (Rect { 10, 10, 80, 80 }));
        QCOMPARE(reviewStatus(r), ReviewStatus::Suggested);
        QCOMPARE(r.id, e.id);
    }

    void cropWithSuggestion_showsAnotherAlternative()
    {
        Crop c = suggestedCrop({ 10, 10, 80, 80 });
        c.label = QStringLiteral("cat");
        const Crop alt
            = cropWithSuggestion(c, suggestion({ 100, 0, 90, 90 }, AspectRatio { 1, 1 }, 0.5, 1), kVersion);
        QCOMPARE(alt.id, c.id);
        QCOMPARE(alt.name, c.name);
        QCOMPARE(alt.label, QStringLiteral("cat"));
        QCOMPARE(alt.rect, (Rect { 100, 0, 90, 90 }));
        QCOMPARE(alt.review->alternative, 1);
        QCOMPARE(alt.review->suggested, alt.rect);
        QCOMPARE(reviewStatus(alt), ReviewStatus::Suggested);
    }

    void finalCrops_areManualAcceptedEdited()
    {
        const Crop s = suggestedCrop();
        QVERIFY(isFinalCrop(Crop::create("m", { 0, 0, 10, 10 })));
        QVERIFY(isFinalCrop(acceptedCrop(s)));
        QVERIFY(isFinalCrop(editedCrop(s, { 0, 0, 70, 70 })));
        QVERIFY(!isFinalCrop(s));
        QVERIFY(!isFinalCrop(rejectedCrop(s)));
    }

    void imageFilters_needsReviewAndLowestScore()
    {
        ImageState state;
        state.crops = { Crop::create("m", { 0, 0, 10, 10 }) };
        QVERIFY(!needsReview(state));
        QCOMPARE(lowestPendingScore(state), std::optional<double>());

        Crop a = cropFromSuggestion(suggestion({ 0, 0, 50, 50 }, AspectRatio { 1, 1 }, 0.9), kVersion, "a");
        Crop b = cropFromSuggestion(suggestion({ 0, 0, 40, 50 }, AspectRatio { 4, 5 }, 0.3), kVersion, "b");
        Crop c = cropFromSuggestion(suggestion({ 0, 0, 16, 9 }, AspectRatio { 16, 9 }, 0.1), kVersion, "c");
        state.crops << a << b << rejectedCrop(c);
        QVERIFY(needsReview(state));
        QCOMPARE(lowestPendingScore(state), std::optional<double>(0.3)); // the rejected 0.1 is decided

        state.crops = acceptedAllPending(state.crops);
        QVERIFY(!needsReview(state));
        QCOMPARE(reviewStatus(state.crops[0]), ReviewStatus::Manual);
        QCOMPARE(reviewStatus(state.crops[1]), ReviewStatus::Accepted);
        QCOMPARE(reviewStatus(state.crops[2]), ReviewStatus::Accepted);
        QCOMPARE(reviewStatus(state.crops[3]), ReviewStatus::Rejected);
    }

    void withSuggestions_proposesOneCropPerOpenAspect()
    {
        ImageState state;
        const Crop manual = Crop::create("mine", { 0, 0, 20, 20 });
        state.crops = { manual };
        const SuggestionCache cache
            = cacheWith({ aspectRecords(AspectRatio { 1, 1 }, { { 10, 0, 100, 100 }, { 90, 0, 100, 100 } }),
                aspectRecords(std::nullopt, { { 5, 5, 150, 80 } }), [] {
                    AspectSuggestionRecords failed = aspectRecords(AspectRatio { 9, 16 }, {});
                    failed.error = QStringLiteral("does not fit");
                    return failed;
                }() });
        const std::optional<ImageState> out = withSuggestions(state, cache);
        QVERIFY(out);
        QCOMPARE(out->suggestions, std::optional<SuggestionCache>(cache));
        QCOMPARE(out->crops.size(), 3);
        QCOMPARE(out->crops[0], manual);
        QCOMPARE(out->crops[1].rect, (Rect { 10, 0, 100, 100 })); // the best, not the alternative
        QCOMPARE(out->crops[1].name, QStringLiteral("1:1"));
        QCOMPARE(reviewStatus(out->crops[1]), ReviewStatus::Suggested);
        QCOMPARE(out->crops[1].review->suggester, kVersion);
        QCOMPARE(out->crops[2].rect, (Rect { 5, 5, 150, 80 }));
        QCOMPARE(out->crops[2].aspect, std::optional<AspectRatio>());
    }

    void withSuggestions_replacesPendingInPlace_andLeavesDecisionsAlone()
    {
        ImageState state;
        Crop pending = suggestedCrop({ 0, 0, 50, 50 }, AspectRatio { 1, 1 });
        pending.label = QStringLiteral("dog");
        const Crop rejected = rejectedCrop(suggestedCrop({ 0, 0, 80, 45 }, AspectRatio { 16, 9 }));
        const Crop stalePending = suggestedCrop({ 0, 0, 40, 50 }, AspectRatio { 4, 5 });
        const Crop manual = Crop::create("mine", { 0, 0, 20, 20 });
        state.crops = { pending, rejected, stalePending, manual };

        const SuggestionCache cache
            = cacheWith({ aspectRecords(AspectRatio { 1, 1 }, { { 50, 0, 100, 100 } }),
                aspectRecords(AspectRatio { 16, 9 }, { { 0, 10, 160, 90 } }) });
        const std::optional<ImageState> out = withSuggestions(state, cache);
        QVERIFY(out);
        QCOMPARE(out->crops.size(), 3); // the stale 4:5 proposal went; 16:9 was decided (rejected)
        QCOMPARE(out->crops[0].id, pending.id);
        QCOMPARE(out->crops[0].label, QStringLiteral("dog"));
        QCOMPARE(out->crops[0].rect, (Rect { 50, 0, 100, 100 }));
        QCOMPARE(out->crops[0].review->suggested, (Rect { 50, 0, 100, 100 }));
        QCOMPARE(out->crops[1], rejected);
        QCOMPARE(out->crops[2], manual);
    }

    void withSuggestions_refusesAStaleRun()
    {
        ImageState state;
        state.mustInclude = { { MustIncludeRegion::Kind::Region, { 0, 0, 10, 10 } } };
        const auto aspects
            = QList<AspectSuggestionRecords> { aspectRecords(AspectRatio { 1, 1 }, { { 0, 0, 50, 50 } }) };
        QVERIFY(!withSuggestions(state, cacheWith(aspects))); // computed without the region
        QVERIFY(withSuggestions(state, cacheWith(aspects, {}, state.mustInclude)));
        state.userTurn = *UserTurn::fromParts(90, UserTurn::Mirror::No);
        QVERIFY(!withSuggestions(state, cacheWith(aspects, {}, state.mustInclude))); // another turn
    }

    // --- ImageDocument: where the edit rule is applied ---

    void document_setCropRect_marksEdited_setCropRestoresForUndo()
    {
        ImageDocument doc(QStringLiteral("/x/a.jpg"), kImage);
        const Crop before = acceptedCrop(suggestedCrop({ 10, 10, 80, 80 }));
        QVERIFY(doc.addCrop(before));
        QVERIFY(doc.setCropRect(before.id, { 12, 10, 80, 80 }));
        const Crop after = *doc.crop(before.id);
        QCOMPARE(after.review->status, ReviewStatus::Edited);
        QCOMPARE(after.review->suggested, (Rect { 10, 10, 80, 80 }));
        // The undo path stores the earlier crop verbatim, status included.
        QVERIFY(doc.setCrop(before));
        QCOMPARE(doc.crop(before.id)->review->status, ReviewStatus::Accepted);
    }

    void document_setCropReview_emitsCropChanged()
    {
        ImageDocument doc(QStringLiteral("/x/a.jpg"), kImage);
        const Crop c = suggestedCrop();
        QVERIFY(doc.addCrop(c));
        QSignalSpy changed(&doc, &ImageDocument::cropChanged);
        QVERIFY(doc.setCropReview(c.id, acceptedCrop(c).review));
        QCOMPARE(changed.size(), 1);
        QCOMPARE(doc.crop(c.id)->review->status, ReviewStatus::Accepted);
        QVERIFY(doc.setCropReview(c.id, acceptedCrop(c).review)); // same value: nothing emitted
        QCOMPARE(changed.size(), 1);
        QVERIFY(!doc.setCropReview(QStringLiteral("nope"), std::nullopt));
    }

    void document_mustInclude_validatedAndSignalled()
    {
        ImageDocument doc(QStringLiteral("/x/a.jpg"), kImage);
        QSignalSpy spy(&doc, &ImageDocument::mustIncludeChanged);
        const QList<MustIncludeRegion> ok { { MustIncludeRegion::Kind::Face, { 10, 10, 20, 20 } } };
        QVERIFY(doc.setMustInclude(ok));
        QCOMPARE(doc.mustInclude(), ok);
        QCOMPARE(spy.size(), 1);
        QVERIFY(!doc.setMustInclude({ { MustIncludeRegion::Kind::Region, { 190, 0, 20, 20 } } }));
        QVERIFY(!doc.setMustInclude({ { MustIncludeRegion::Kind::Region, { 0, 0, 0, 20 } } }));
        QCOMPARE(doc.mustInclude(), ok);
        QCOMPARE(spy.size(), 1);
        QCOMPARE(doc.state().mustInclude, ok);
    }

    void document_applyTurn_turnsSuggestedRectsAndRegions_cacheWaitsForItsTurn()
    {
        ImageDocument doc(QStringLiteral("/x/a.jpg"), kImage);
        const Crop c = editedCrop(suggestedCrop({ 0, 0, 50, 50 }), { 0, 0, 60, 60 });
        QVERIFY(doc.addCrop(c));
        QVERIFY(doc.setMustInclude({ { MustIncludeRegion::Kind::Region, { 0, 0, 10, 20 } } }));
        const SuggestionCache cache
            = cacheWith({ aspectRecords(AspectRatio { 1, 1 }, { { 0, 0, 50, 50 } }) }, {}, doc.mustInclude());
        doc.setSuggestions(cache);
        QVERIFY(doc.currentSuggestions());

        QSignalSpy regions(&doc, &ImageDocument::mustIncludeChanged);
        doc.applyTurn(Turn::RotateClockwise); // 200 x 100 -> 100 x 200
        QCOMPARE(regions.size(), 1);
        const Crop turned = *doc.crop(c.id);
        QCOMPARE(turned.rect, turnRect({ 0, 0, 60, 60 }, kImage, Turn::RotateClockwise));
        QCOMPARE(turned.review->suggested, turnRect({ 0, 0, 50, 50 }, kImage, Turn::RotateClockwise));
        QCOMPARE(doc.mustInclude().first().rect, turnRect({ 0, 0, 10, 20 }, kImage, Turn::RotateClockwise));
        QCOMPARE(doc.suggestions(), std::optional<SuggestionCache>(cache)); // kept...
        QVERIFY(!doc.currentSuggestions()); // ...but not for this turn

        doc.applyTurn(Turn::RotateCounterClockwise);
        QCOMPARE(*doc.crop(c.id), c);
        QVERIFY(doc.currentSuggestions());
    }

    void document_setState_takesReviewFields_andDropsRegionsOutside()
    {
        ImageDocument doc(QStringLiteral("/x/a.jpg"), kImage);
        ImageState s;
        s.crops = { suggestedCrop() };
        s.mustInclude = { { MustIncludeRegion::Kind::Region, { 0, 0, 10, 10 } },
            { MustIncludeRegion::Kind::Region, { 150, 0, 100, 10 } } };
        s.suggestions = cacheWith({ aspectRecords(AspectRatio { 1, 1 }, { { 0, 0, 50, 50 } }) });
        QSignalSpy regions(&doc, &ImageDocument::mustIncludeChanged);
        QSignalSpy suggestions(&doc, &ImageDocument::suggestionsChanged);
        const QStringList repairs = doc.setState(s);
        QCOMPARE(repairs.size(), 1);
        QVERIFY2(repairs.first().contains("150, 0, 100 x 10"), qPrintable(repairs.first()));
        QCOMPARE(doc.mustInclude().size(), 1);
        QCOMPARE(doc.suggestions(), s.suggestions);
        QCOMPARE(doc.crops(), s.crops);
        QCOMPARE(regions.size(), 1);
        QCOMPARE(suggestions.size(), 1);
        ImageState expected = s;
        expected.mustInclude.removeLast();
        QCOMPARE(doc.state(), expected);
    }
};

QTEST_GUILESS_MAIN(ReviewStateTest)
#include "ReviewStateTest.moc"
