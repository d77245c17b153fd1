// Review metrics (ReviewStats.h): counts per suggester version and the mean IoU between
// suggested and final crops, and their JSON form (the review-stats contract, docs/review.md).

#include "core/model/ReviewStats.h"
#include "core/model/ReviewState.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace cropwise;

Q_DECLARE_METATYPE(QList<cropwise::ImageState>)

namespace {

const QString v1 = QStringLiteral("cropwise-suggest/1");
const QString v2 = QStringLiteral("cropwise-suggest/2");

// A crop suggested at `suggested` by `version`, now at `final` with the stored `status`.
Crop reviewed(ReviewStatus status, Rect suggested, Rect final, const QString &version = v1)
{
    Crop c
        = cropFromSuggestion({ suggested, AspectRatio { 1, 1 }, 0.5, {}, 0 }, version, QStringLiteral("s"));
    c.rect = final;
    c.review->status = status;
    return c;
}

Crop accepted(const QString &version = v1)
{
    return reviewed(ReviewStatus::Accepted, { 0, 0, 100, 100 }, { 0, 0, 100, 100 }, version);
}

Crop pending(const QString &version = v1)
{
    return reviewed(ReviewStatus::Suggested, { 0, 0, 100, 100 }, { 0, 0, 100, 100 }, version);
}

Crop rejected(const QString &version = v1)
{
    return reviewed(ReviewStatus::Rejected, { 0, 0, 100, 100 }, { 0, 0, 100, 100 }, version);
}

// Edited so that IoU(suggested, final) = final area / 10000 (final inside the suggestion).
Crop editedTo(Rect final, const QString &version = v1)
{
    return reviewed(ReviewStatus::Edited, { 0, 0, 100, 100 }, final, version);
}

ImageState image(QList<Crop> crops)
{
    ImageState s;
    s.crops = crops;
    return s;
}

QJsonObject json(const char *text)
{
    QJsonParseError error;
    const QJsonObject o = QJsonDocument::fromJson(QByteArray(text), &error).object();
    Q_ASSERT(error.error == QJsonParseError::NoError);
    return o;
}

} // namespace

class ReviewStatsTest : public QObject
{
    Q_OBJECT

private slots:
    void computeReviewStats_countsAndMeans_data()
    {
        QTest::addColumn<QList<ImageState>>("states");
        QTest::addColumn<QJsonObject>("expected");

        const char *zeros = R"({"accepted": 0, "edited": 0, "rejected": 0, "pending": 0,
                                "mean_iou": null, "mean_iou_edited": null})";
        QTest::newRow("no images") << QList<ImageState> {}
                                   << json(QByteArray(
                                          R"({"images": 0, "reviewed_images": 0, "pending_images": 0,
                                        "manual_crops": 0, "versions": {}, "total": )")
                                               .append(zeros)
                                               .append("}")
                                               .constData());
        QTest::newRow("only manual crops, nothing reviewed")
            << QList<ImageState> { image({ Crop::create("m", { 0, 0, 5, 5 }),
                                       Crop::create("n", { 0, 0, 5, 5 }) }),
                   image({}) }
            << json(QByteArray(R"({"images": 2, "reviewed_images": 0, "pending_images": 0,
                    "manual_crops": 2, "versions": {}, "total": )")
                        .append(zeros)
                        .append("}")
                        .constData());
        QTest::newRow("accepted ones have IoU 1")
            << QList<ImageState> { image({ accepted(), accepted() }) }
            << json(R"({"images": 1, "reviewed_images": 1, "pending_images": 0, "manual_crops": 0,
                    "versions": {"cropwise-suggest/1": {"accepted": 2, "edited": 0, "rejected": 0, "pending": 0,
                                                        "mean_iou": 1, "mean_iou_edited": null}},
                    "total": {"accepted": 2, "edited": 0, "rejected": 0, "pending": 0,
                              "mean_iou": 1, "mean_iou_edited": null}})");
        QTest::newRow("an edit to half the suggestion")
            << QList<ImageState> { image({ accepted(), editedTo({ 0, 0, 50, 100 }) }) }
            << json(R"({"images": 1, "reviewed_images": 1, "pending_images": 0, "manual_crops": 0,
                    "versions": {"cropwise-suggest/1": {"accepted": 1, "edited": 1, "rejected": 0, "pending": 0,
                                                        "mean_iou": 0.75, "mean_iou_edited": 0.5}},
                    "total": {"accepted": 1, "edited": 1, "rejected": 0, "pending": 0,
                              "mean_iou": 0.75, "mean_iou_edited": 0.5}})");
        QTest::newRow("rejected and pending are counted, not averaged")
            << QList<ImageState> { image({ rejected(), pending() }), image({ pending() }) }
            << json(R"({"images": 2, "reviewed_images": 1, "pending_images": 2, "manual_crops": 0,
                    "versions": {"cropwise-suggest/1": {"accepted": 0, "edited": 0, "rejected": 1, "pending": 2,
                                                        "mean_iou": null, "mean_iou_edited": null}},
                    "total": {"accepted": 0, "edited": 0, "rejected": 1, "pending": 2,
                              "mean_iou": null, "mean_iou_edited": null}})");
        QTest::newRow("versions are kept apart, total mixes them")
            << QList<ImageState> { image({ accepted(v1), rejected(v2) }),
                   image({ editedTo({ 0, 0, 50, 50 }, v2), pending(v2), Crop::create("m", { 0, 0, 5, 5 }) }) }
            << json(R"({"images": 2, "reviewed_images": 2, "pending_images": 1, "manual_crops": 1,
                    "versions": {
                      "cropwise-suggest/1": {"accepted": 1, "edited": 0, "rejected": 0, "pending": 0,
                                             "mean_iou": 1, "mean_iou_edited": null},
                      "cropwise-suggest/2": {"accepted": 0, "edited": 1, "rejected": 1, "pending": 1,
                                             "mean_iou": 0.25, "mean_iou_edited": 0.25}},
                    "total": {"accepted": 1, "edited": 1, "rejected": 1, "pending": 1,
                              "mean_iou": 0.625, "mean_iou_edited": 0.25}})");
        QTest::newRow("an edit that moved off the suggestion entirely has IoU 0")
            << QList<ImageState> { image({ editedTo({ 100, 0, 100, 100 }) }) }
            << json(R"({"images": 1, "reviewed_images": 1, "pending_images": 0, "manual_crops": 0,
                    "versions": {"cropwise-suggest/1": {"accepted": 0, "edited": 1, "rejected": 0, "pending": 0,
                                                        "mean_iou": 0, "mean_iou_edited": 0}},
                    "total": {"accepted": 0, "edited": 1, "rejected": 0, "pending": 0,
                              "mean_iou": 0, "mean_iou_edited": 0}})");
        QTest::newRow("a moved 'accepted' crop counts as edited") << QList<ImageState> {
            image({ reviewed(ReviewStatus::Accepted, { 0, 0, 100, 100 }, { 0, 0, 100, 50 }) })
        } << json(R"({"images": 1, "reviewed_images": 1, "pending_images": 0, "manual_crops": 0,
                    "versions": {"cropwise-suggest/1": {"accepted": 0, "edited": 1, "rejected": 0, "pending": 0,
                                                        "mean_iou": 0.5, "mean_iou_edited": 0.5}},
                    "total": {"accepted": 0, "edited": 1, "rejected": 0, "pending": 0,
                              "mean_iou": 0.5, "mean_iou_edited": 0.5}})");
        QTest::newRow("means are rounded to 4 decimals; no version recorded is 'unknown'")
            << QList<ImageState> { image(
                   { editedTo({ 0, 0, 100, 33 }, QString()), accepted(QString()), accepted(QString()) }) }
            << json(R"({"images": 1, "reviewed_images": 1, "pending_images": 0, "manual_crops": 0,
                    "versions": {"unknown": {"accepted": 2, "edited": 1, "rejected": 0, "pending": 0,
                                             "mean_iou": 0.7767, "mean_iou_edited": 0.33}},
                    "total": {"accepted": 2, "edited": 1, "rejected": 0, "pending": 0,
                              "mean_iou": 0.7767, "mean_iou_edited": 0.33}})");
    }
    void computeReviewStats_countsAndMeans()
    {
        QFETCH(QList<ImageState>, states);
        QFETCH(QJsonObject, expected);
        const QJsonObject actual = reviewStatsToJson(computeReviewStats(states));
        QVERIFY2(actual == expected,
            qPrintable(QString::fromUtf8(QJsonDocument(actual).toJson(QJsonDocument::Compact))
                + QStringLiteral("\n")
                + QString::fromUtf8(QJsonDocument(expected).toJson(QJsonDocument::Compact))));
    }

    void meanIou_isExactBeforeRounding()
    {
        const ReviewStats stats
            = computeReviewStats({ image({ editedTo({ 0, 0, 100, 33 }), accepted(), accepted() }) });
        QCOMPARE(stats.total.meanIou(), std::optional<double>((0.33 + 2.0) / 3.0));
        QCOMPARE(stats.total.reviewed(), 3);
        QCOMPARE(stats.versions.keys(), QStringList { v1 });
        QCOMPARE(stats.versions.value(v1), stats.total);
    }
};

QTEST_GUILESS_MAIN(ReviewStatsTest)
#include "ReviewStatsTest.moc"
