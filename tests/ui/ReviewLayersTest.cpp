// The review's canvas layers and filmstrip filter as values: the heat map colours importance by
// lightness and fades unimportant areas out, a pinned face is recognised as pinned, badges show
// only the crop in focus, and the filter hides exactly the rows it should (never the current one).

#include "core/model/ImageDocument.h"
#include "core/model/ReviewState.h"
#include "ui/canvas/CropCanvas.h"
#include "ui/panels/ThumbnailModel.h"
#include "ui/panels/ThumbnailStrip.h"
#include "ui/review/FaceLayer.h"
#include "ui/review/HeatMapLayer.h"
#include "ui/review/ReviewFilter.h"
#include "ui/review/ReviewIndex.h"
#include "ui/review/ReviewPainting.h"

#include <QColor>
#include <QDir>
#include <QSet>
#include <QSignalSpy>
#include <QTest>

using namespace cropwise;

class ReviewLayersTest : public QObject
{
    Q_OBJECT

private slots:
    void heatMap_colour_growsLighterAndMoreOpaqueWithImportance();
    void heatMap_preview_becomesAnImageOfTheCells();
    void faceLayer_knowsPinnedFaces();
    void statusColours_areDistinct();
    void filter_hidesRowsThatDoNotPass_butNeverTheCurrentOne();
};

void ReviewLayersTest::heatMap_colour_growsLighterAndMoreOpaqueWithImportance()
{
    QCOMPARE(qAlpha(HeatMapLayer::colorFor(0)), 0);
    double lastLightness = -1;
    int lastAlpha = -1;
    for (int v = 0; v <= 255; v += 15) {
        const QRgb c = HeatMapLayer::colorFor(v);
        const double lightness = QColor(c).lightnessF();
        QVERIFY2(lightness >= lastLightness - 0.02, qPrintable(QString::number(v)));
        QVERIFY(qAlpha(c) >= lastAlpha);
        lastLightness = lightness;
        lastAlpha = qAlpha(c);
    }
    QVERIFY(qAlpha(HeatMapLayer::colorFor(255)) > 200);
}

void ReviewLayersTest::heatMap_preview_becomesAnImageOfTheCells()
{
    HeatMapLayer layer;
    QSignalSpy changed(&layer, &CanvasLayer::changed);
    ImportancePreview preview;
    preview.size = { 4, 2 };
    preview.values = QByteArray("\x00\x40\x80\xff\x00\x00\x00\x00", 8);
    layer.setPreview(preview, { 400, 200 });
    QVERIFY(layer.hasPreview());
    QCOMPARE(layer.image().size(), QSize(4, 2));
    QCOMPARE(layer.image().pixel(3, 0), HeatMapLayer::colorFor(255));
    QCOMPARE(changed.count(), 1);
    layer.setPreview(preview, { 400, 200 }); // same: no repaint
    QCOMPARE(changed.count(), 1);
    layer.setPreview(ImportancePreview(), { 400, 200 });
    QVERIFY(!layer.hasPreview());
}

void ReviewLayersTest::faceLayer_knowsPinnedFaces()
{
    FaceLayer layer;
    const FaceRecord a { { 10, 10, 40, 40 }, 0.9 };
    const FaceRecord b { { 100, 10, 40, 40 }, 0.8 };
    layer.setFaces(
        { a, b }, { { MustIncludeRegion::Kind::Face, b.rect }, { MustIncludeRegion::Kind::Region, a.rect } });
    QVERIFY(!layer.isPinned(a)); // a box with the same rect is not a pinned face
    QVERIFY(layer.isPinned(b));
}

void ReviewLayersTest::statusColours_areDistinct()
{
    QSet<QRgb> colours;
    for (ReviewStatus s : { ReviewStatus::Suggested, ReviewStatus::Accepted, ReviewStatus::Edited,
             ReviewStatus::Rejected, ReviewStatus::Manual })
        colours.insert(review::statusColor(s).rgb());
    QCOMPARE(colours.size(), 5);
    Crop crop = cropFromSuggestion(
        { { 0, 0, 10, 10 }, AspectRatio { 1, 1 }, 0.82, { QStringLiteral("keeps 1 of 1 face") }, 0 },
        QStringLiteral("v1"), QStringLiteral("1:1"));
    QCOMPARE(
        review::suggestionSummary(crop), QStringLiteral("1:1 · suggested · score 82 %\nkeeps 1 of 1 face"));
}

void ReviewLayersTest::filter_hidesRowsThatDoNotPass_butNeverTheCurrentOne()
{
    const QStringList paths { QStringLiteral("/nonexistent/a.jpg"), QStringLiteral("/nonexistent/b.jpg"),
        QStringLiteral("/nonexistent/c.jpg") };
    ThumbnailModel model;
    model.setImages(paths);
    ThumbnailStrip strip;
    strip.setThumbnailModel(&model);
    ReviewIndex index(SidecarStore(QDir::tempPath() + QStringLiteral("/cropwise-review-layers-test"),
        [](const QString &) { return false; }));
    index.setImages(paths);
    QTRY_VERIFY_WITH_TIMEOUT(!index.isScanning(), 30000); // background work: slow under sanitizers
    ReviewFilter filter(&index, &strip);

    // b: one pending suggestion scoring 0.5 (low); c: one pending at 0.9; a: nothing to review.
    const auto stateWith = [](double score) {
        ImageState s;
        s.crops = { cropFromSuggestion({ { 0, 0, 10, 10 }, AspectRatio { 1, 1 }, score, {}, 0 },
            QStringLiteral("v1"), QStringLiteral("1:1")) };
        return s;
    };
    index.update(paths[1], stateWith(0.5));
    index.update(paths[2], stateWith(0.9));
    strip.setCurrentRow(0);

    filter.setMode(ReviewFilter::Mode::NeedsReview);
    QVERIFY(!strip.isRowHidden(0)); // current, although it needs nothing
    QVERIFY(!strip.isRowHidden(1));
    QVERIFY(!strip.isRowHidden(2));
    strip.setCurrentRow(1);
    filter.apply();
    QVERIFY(strip.isRowHidden(0));

    filter.setMode(ReviewFilter::Mode::LowConfidence);
    QVERIFY(!strip.isRowHidden(1));
    QVERIFY(strip.isRowHidden(2));
    QVERIFY(filter.accepts(1) && !filter.accepts(2));

    // Accepting b's suggestion takes it out of both filters.
    ImageState decided = stateWith(0.5);
    decided.crops[0] = acceptedCrop(decided.crops[0]);
    index.update(paths[1], decided);
    QVERIFY(!filter.accepts(1));

    filter.setMode(ReviewFilter::Mode::AllImages);
    for (int row = 0; row < 3; ++row)
        QVERIFY(!strip.isRowHidden(row));
}

QTEST_MAIN(ReviewLayersTest)
#include "ReviewLayersTest.moc"
