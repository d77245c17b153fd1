// The review members of the sidecar: a crop's "review", the image's "mustInclude" and
// "suggestions" (docs/sidecar.md, docs/review.md).

#include "core/model/ReviewJson.h"
#include "core/model/ReviewState.h"
#include "core/model/Sidecar.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace cropwise;

namespace {

const Size kImage { 400, 300 };
const QString kVersion = QStringLiteral("cropwise-suggest/1");

SidecarImageInfo imageInfo()
{
    SidecarImageInfo info;
    info.fileName = QStringLiteral("photo.jpg");
    info.orientedSize = kImage;
    return info;
}

Crop suggested(Rect rect, std::optional<AspectRatio> aspect, double score, int alternative = 0)
{
    return cropFromSuggestion(
        { rect, aspect, score, { QStringLiteral("keeps 1 of 1 faces"), QStringLiteral("clean edges") },
            alternative },
        kVersion, suggestedCropName(aspect));
}

SuggestionCache sampleCache()
{
    SuggestionCache cache;
    cache.key.contentSha256 = QStringLiteral("0123456789abcdef").repeated(4);
    cache.key.suggester = kVersion;
    cache.key.aspects = { AspectRatio { 1, 1 }, std::nullopt };
    cache.key.mustInclude = { { MustIncludeRegion::Kind::Face, { 100, 50, 40, 40 } } };
    cache.key.top = 2;
    cache.hashedFile.size = 123456;
    cache.hashedFile.modified = QDateTime::fromMSecsSinceEpoch(1735689600123, Qt::UTC);
    cache.faces = { { { 100, 50, 40, 40 }, 0.93 } };
    AspectSuggestionRecords square;
    square.aspect = AspectRatio { 1, 1 };
    square.suggestions = { { { 50, 0, 300, 300 }, square.aspect, 0.8125, { "keeps 1 of 1 faces" }, 0 },
        { { 0, 0, 300, 300 }, square.aspect, 0.5, {}, 1 } };
    AspectSuggestionRecords free;
    free.error = QStringLiteral("the must-include regions do not fit");
    cache.aspects = { square, free };
    cache.importance.size = { 4, 3 };
    cache.importance.values = QByteArray("\x00\x10\x20\x30\x40\x50\x60\x70\x80\x90\xa0\xff", 12);
    return cache;
}

ImageState reviewedState()
{
    ImageState s;
    const Crop a = suggested({ 50, 0, 300, 300 }, AspectRatio { 1, 1 }, 0.8125);
    const Crop b = suggested({ 0, 0, 240, 300 }, AspectRatio { 4, 5 }, 0.7, 1);
    const Crop c = suggested({ 0, 0, 400, 225 }, AspectRatio { 16, 9 }, 0.25);
    const Crop d = suggested({ 10, 10, 300, 200 }, std::nullopt, 0.5);
    s.crops = { acceptedCrop(a), editedCrop(b, { 16, 0, 240, 300 }), rejectedCrop(c), d,
        Crop::create(QStringLiteral("by hand"), { 1, 2, 3, 4 }) };
    s.mustInclude = { { MustIncludeRegion::Kind::Face, { 100, 50, 40, 40 } },
        { MustIncludeRegion::Kind::Region, { 0, 0, 10, 10 } }, { MustIncludeRegion::Kind::NotFace, { 200, 90, 30, 30 } } };
    s.suggestions = sampleCache();
    return s;
}

QJsonObject parseObject(const QByteArray &json)
{
    return QJsonDocument::fromJson(json).object();
}

// A version-1 sidecar as Cropwise wrote it before review state existed.
QByteArray oldSidecar()
{
    return R"({
    "crops": [ { "aspect": "4:5", "id": "id-1", "label": "face", "name": "Crop 1", "rect": [10, 20, 100, 125] } ],
    "format": "cropwise.sidecar",
    "image": { "file": "photo.jpg", "height": 300, "width": 400 },
    "userTurn": { "mirror": false, "rotateClockwise": 0 },
    "verified": true,
    "version": 1
})";
}

QByteArray withCropMember(const QString &name, const QJsonValue &value, Rect rect = { 10, 20, 100, 125 })
{
    QJsonObject root = parseObject(oldSidecar());
    QJsonArray crops = root.value("crops").toArray();
    QJsonObject crop = crops[0].toObject();
    crop.insert("rect", rectToJson(rect));
    crop.insert(name, value);
    crops[0] = crop;
    root.insert("crops", crops);
    return QJsonDocument(root).toJson();
}

} // namespace

class ReviewSidecarTest : public QObject
{
    Q_OBJECT

private slots:
    void reviewFields_roundTrip()
    {
        const ImageState state = reviewedState();
        const SidecarParseResult parsed = parseSidecarJson(toSidecarJson(state, imageInfo()), kImage);
        QVERIFY2(parsed.ok(), qPrintable(parsed.error));
        QCOMPARE(parsed.warnings, QStringList());
        QCOMPARE(parsed.state.crops, state.crops);
        QCOMPARE(parsed.state.mustInclude, state.mustInclude);
        QCOMPARE(parsed.state.suggestions, state.suggestions);
        QCOMPARE(parsed.state, state);
    }

    void reviewFields_roundTripThroughTheStore()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString image = dir.filePath("photo.jpg");
        QFile f(image);
        QVERIFY(f.open(QIODevice::WriteOnly) && f.write("x") == 1);
        f.close();
        const SidecarStore store(dir.filePath("user"), [](const QString &) { return true; });
        const ImageState state = reviewedState(); // (fresh crop ids on every call)
        QVERIFY(store.write(image, kImage, state).ok());
        const SidecarReadResult read = store.read(image, kImage);
        QCOMPARE(read.status, SidecarReadResult::Status::Loaded);
        QCOMPARE(read.state, state);
    }

    void review_isWrittenAsDocumented()
    {
        const ImageState state = reviewedState();
        const QJsonObject root = parseObject(toSidecarJson(state, imageInfo()));
        const QJsonObject edited = root.value("crops").toArray()[1].toObject().value("review").toObject();
        QCOMPARE(edited.value("status").toString(), QStringLiteral("edited"));
        QCOMPARE(edited.value("suggested").toArray(), (QJsonArray { 0, 0, 240, 300 }));
        QCOMPARE(edited.value("aspect").toString(), QStringLiteral("4:5"));
        QCOMPARE(edited.value("score").toDouble(), 0.7);
        QCOMPARE(edited.value("reasons").toArray(), (QJsonArray { "keeps 1 of 1 faces", "clean edges" }));
        QCOMPARE(edited.value("suggester").toString(), kVersion);
        QCOMPARE(edited.value("alternative").toInt(), 1);
        QCOMPARE(edited.keys(),
            (QStringList {
                "alternative", "aspect", "reasons", "score", "status", "suggested", "suggester" }));
        QCOMPARE(
            root.value("crops").toArray()[0].toObject().value("review").toObject().value("status").toString(),
            QStringLiteral("accepted"));
        QVERIFY(
            root.value("crops").toArray()[3].toObject().value("review").toObject().value("aspect").isNull());
        QVERIFY(!root.value("crops").toArray()[4].toObject().contains("review")); // manual
        QCOMPARE(root.value("mustInclude").toArray()[0].toObject(),
            (QJsonObject { { "kind", "face" }, { "rect", QJsonArray { 100, 50, 40, 40 } } }));
        const QJsonObject key = root.value("suggestions").toObject().value("key").toObject();
        QCOMPARE(key.value("sha256").toString(), sampleCache().key.contentSha256);
        QCOMPARE(key.value("aspects").toArray(), (QJsonArray { "1:1", "free" }));
        QCOMPARE(key.value("top").toInt(), 2);
    }

    void oldSidecar_withoutReviewFields_loadsAndIsWrittenBackWithoutThem()
    {
        const SidecarParseResult parsed = parseSidecarJson(oldSidecar(), kImage);
        QVERIFY2(parsed.ok(), qPrintable(parsed.error));
        QCOMPARE(parsed.warnings, QStringList());
        QCOMPARE(parsed.state.crops.size(), 1);
        QVERIFY(!parsed.state.crops[0].review);
        QCOMPARE(reviewStatus(parsed.state.crops[0]), ReviewStatus::Manual);
        QVERIFY(parsed.state.mustInclude.isEmpty());
        QVERIFY(!parsed.state.suggestions);
        const QJsonObject written = parseObject(toSidecarJson(parsed.state, imageInfo()));
        QVERIFY(!written.contains("mustInclude"));
        QVERIFY(!written.contains("suggestions"));
        QVERIFY(!written.value("crops").toArray()[0].toObject().contains("review"));
        QCOMPARE(written.value("crops"), parseObject(oldSidecar()).value("crops"));
    }

    void movedAcceptedCrop_loadsAsEdited()
    {
        // An older Cropwise moved an accepted crop without knowing about reviews.
        const QJsonObject review { { "status", "accepted" }, { "suggested", QJsonArray { 0, 0, 100, 125 } },
            { "suggester", kVersion } };
        const SidecarParseResult parsed = parseSidecarJson(withCropMember("review", review), kImage);
        QVERIFY(parsed.ok());
        QCOMPARE(parsed.state.crops[0].review->status, ReviewStatus::Edited);
        QCOMPARE(parsed.state.crops[0].review->suggested, (Rect { 0, 0, 100, 125 }));
        QCOMPARE(parsed.state.crops[0].review->score, 0.0); // optional members fall back
        QCOMPARE(parsed.state.crops[0].review->aspect, std::optional<AspectRatio>());
    }

    void unknownStatus_isKeptVerbatim_withoutWarning()
    {
        const QJsonObject review { { "status", "flagged" }, { "suggested", QJsonArray { 0, 0, 10, 10 } },
            { "by", "a newer Cropwise" } };
        const SidecarParseResult parsed = parseSidecarJson(withCropMember("review", review), kImage);
        QVERIFY(parsed.ok());
        QCOMPARE(parsed.warnings, QStringList());
        QVERIFY(!parsed.state.crops[0].review);
        QCOMPARE(reviewStatus(parsed.state.crops[0]), ReviewStatus::Manual);
        const QJsonObject written = parseObject(toSidecarJson(parsed.state, imageInfo()));
        QCOMPARE(written.value("crops").toArray()[0].toObject().value("review").toObject(), review);
    }

    void unknownMembersInsideReview_arePreserved()
    {
        const QJsonObject review { { "status", "rejected" }, { "suggested", QJsonArray { 0, 0, 10, 10 } },
            { "rejectedBecause", "blurry" } };
        const SidecarParseResult parsed = parseSidecarJson(withCropMember("review", review), kImage);
        QVERIFY(parsed.ok());
        QCOMPARE(parsed.state.crops[0].review->status, ReviewStatus::Rejected);
        QCOMPARE(
            parsed.state.crops[0].review->extraFields, (QJsonObject { { "rejectedBecause", "blurry" } }));
        const QJsonObject written = parseObject(toSidecarJson(parsed.state, imageInfo()))
                                        .value("crops")
                                        .toArray()[0]
                                        .toObject()
                                        .value("review")
                                        .toObject();
        QCOMPARE(written.value("rejectedBecause").toString(), QStringLiteral("blurry"));
        QCOMPARE(written.value("status").toString(), QStringLiteral("rejected"));
    }

    void brokenReview_isReported_andKeptVerbatim_data()
    {
        QTest::addColumn<QJsonValue>("review");
        QTest::newRow("not an object") << QJsonValue("accepted");
        QTest::newRow("no status") << QJsonValue(QJsonObject { { "suggested", QJsonArray { 0, 0, 1, 1 } } });
        QTest::newRow("no suggested rect") << QJsonValue(QJsonObject { { "status", "accepted" } });
        QTest::newRow("bad score") << QJsonValue(QJsonObject {
            { "status", "accepted" }, { "suggested", QJsonArray { 0, 0, 1, 1 } }, { "score", "high" } });
        QTest::newRow("bad alternative") << QJsonValue(QJsonObject {
            { "status", "accepted" }, { "suggested", QJsonArray { 0, 0, 1, 1 } }, { "alternative", -1 } });
    }
    void brokenReview_isReported_andKeptVerbatim()
    {
        QFETCH(QJsonValue, review);
        const SidecarParseResult parsed = parseSidecarJson(withCropMember("review", review), kImage);
        QVERIFY(parsed.ok());
        QCOMPARE(parsed.state.crops.size(), 1); // the crop itself is fine
        QVERIFY(!parsed.state.crops[0].review);
        QCOMPARE(parsed.warnings.size(), 1);
        QVERIFY2(parsed.warnings[0].contains("review state"), qPrintable(parsed.warnings[0]));
        const QJsonObject written = parseObject(toSidecarJson(parsed.state, imageInfo()));
        QCOMPARE(written.value("crops").toArray()[0].toObject().value("review"), review);
    }

    void mustInclude_badEntriesAndRegionsOutsideAreLeftOut()
    {
        QJsonObject root = parseObject(oldSidecar());
        root.insert("mustInclude",
            QJsonArray { QJsonObject { { "kind", "region" }, { "rect", QJsonArray { 0, 0, 10, 10 } } },
                QJsonObject { { "kind", "elbow" }, { "rect", QJsonArray { 0, 0, 10, 10 } } },
                QJsonObject { { "kind", "face" }, { "rect", QJsonArray { 390, 0, 20, 20 } } } });
        const SidecarParseResult parsed = parseSidecarJson(QJsonDocument(root).toJson(), kImage);
        QVERIFY(parsed.ok());
        QCOMPARE(parsed.state.mustInclude,
            (QList<MustIncludeRegion> { { MustIncludeRegion::Kind::Region, { 0, 0, 10, 10 } } }));
        QCOMPARE(parsed.warnings.size(), 2);
    }

    void unreadableCache_isDroppedQuietly()
    {
        QJsonObject cache = suggestionCacheToJson(sampleCache());
        QJsonObject key = cache.value("key").toObject();
        key.insert("aspects", QJsonArray { "1:1" }); // no longer matches the two results
        cache.insert("key", key);
        QJsonObject root = parseObject(oldSidecar());
        root.insert("suggestions", cache);
        const SidecarParseResult parsed = parseSidecarJson(QJsonDocument(root).toJson(), kImage);
        QVERIFY(parsed.ok());
        QVERIFY(!parsed.state.suggestions);
        QCOMPARE(parsed.warnings, QStringList()); // a cache is recomputed, not the user's business
        QVERIFY(!parseObject(toSidecarJson(parsed.state, imageInfo())).contains("suggestions"));
    }

    void cacheJson_rejectsBadImportanceMaps()
    {
        QJsonObject cache = suggestionCacheToJson(sampleCache());
        QString problem;
        QVERIFY(suggestionCacheFromJson(cache, &problem));
        QJsonObject importance = cache.value("importance").toObject();
        importance.insert("width", 5); // 5 x 3 != 12 bytes
        cache.insert("importance", importance);
        QVERIFY(!suggestionCacheFromJson(cache, &problem));
        QVERIFY(problem.contains("importance"));
    }
};

QTEST_GUILESS_MAIN(ReviewSidecarTest)
#include "ReviewSidecarTest.moc"
