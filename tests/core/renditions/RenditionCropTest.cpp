// Which crop a rendition uses: the saved crop linked to it (by tag, else by aspect), else the
// suggestion, else the largest centred crop; saved crops that are not quite the aspect are fitted,
// never stretched; the upscaling check.

#include "core/renditions/RenditionCrop.h"

#include "core/model/ReviewState.h"

#include <QTest>

using namespace cropwise;

Q_DECLARE_METATYPE(cropwise::Size)

namespace {

Rendition rendition(const QString &name, std::optional<AspectRatio> aspect, RenditionSize size)
{
    Rendition r;
    r.name = name;
    r.aspect = aspect;
    r.size = size;
    return r;
}

const Rendition kSquare
    = rendition(QStringLiteral("square"), AspectRatio { 1, 1 }, RenditionSize::exact(1080, 1080));
const Rendition kPortrait
    = rendition(QStringLiteral("portrait"), AspectRatio { 4, 5 }, RenditionSize::exact(1080, 1350));
const Rendition kFull = rendition(QStringLiteral("full"), std::nullopt, RenditionSize::longest(2048));
constexpr Size kImage { 4000, 3000 };

} // namespace

class RenditionCropTest : public QObject
{
    Q_OBJECT

private slots:
    void tag_isStoredInTheCropAndSurvivesItsJson()
    {
        Crop crop = makeRenditionCrop(kPortrait, { 0, 0, 400, 500 });
        QCOMPARE(renditionTag(crop), QStringLiteral("portrait"));
        QCOMPARE(crop.name, QStringLiteral("portrait"));
        QCOMPARE(crop.aspect, AspectRatio::make(4, 5));
        QVERIFY(!crop.id.isEmpty());
        setRenditionTag(crop, {});
        QCOMPARE(renditionTag(crop), QString());
        QVERIFY(crop.extraFields.isEmpty());
    }

    void linkedCrop_prefersTheTaggedCrop()
    {
        const Crop untaggedSquare
            = Crop::create(QStringLiteral("any square"), { 0, 0, 1000, 1000 }, AspectRatio { 1, 1 });
        Crop taggedSquare = makeRenditionCrop(kSquare, { 500, 500, 2000, 2000 });
        const QList<Crop> crops { untaggedSquare, taggedSquare };
        QCOMPARE(linkedCrop(crops, kSquare)->id, taggedSquare.id);
    }

    void linkedCrop_takesTheFirstUntaggedCropOfTheAspect()
    {
        const Crop free = Crop::create(QStringLiteral("free"), { 0, 0, 1000, 700 });
        Crop otherRendition
            = Crop::create(QStringLiteral("for thumb"), { 0, 0, 800, 800 }, AspectRatio { 1, 1 });
        setRenditionTag(otherRendition, QStringLiteral("thumb")); // belongs to another rendition
        const Crop byRect = Crop::create(QStringLiteral("exact square, no lock"), { 10, 10, 900, 900 });
        const Crop byLock = Crop::create(QStringLiteral("locked"), { 0, 0, 500, 500 }, AspectRatio { 1, 1 });
        QCOMPARE(linkedCrop({ free, otherRendition, byRect, byLock }, kSquare)->id, byRect.id);
        QCOMPARE(linkedCrop({ free, otherRendition }, kSquare), std::nullopt);
        // "original" renditions link by tag only (every crop has "its own" aspect).
        QCOMPARE(linkedCrop({ free, byRect }, kFull), std::nullopt);
    }

    void linkedCrop_skipsRejectedSuggestions()
    {
        SuggestionRecord suggestion;
        suggestion.rect = { 0, 0, 900, 900 };
        suggestion.aspect = AspectRatio { 1, 1 };
        suggestion.score = 0.8;
        const Crop rejected = rejectedCrop(cropFromSuggestion(suggestion, QStringLiteral("test"), QStringLiteral("1:1")));
        const Crop accepted = acceptedCrop(cropFromSuggestion(suggestion, QStringLiteral("test"), QStringLiteral("1:1")));
        QCOMPARE(linkedCrop({ rejected }, kSquare), std::nullopt);
        QCOMPARE(linkedCrop({ rejected, accepted }, kSquare)->id, accepted.id);
    }

    void choose_followsSavedThenSuggestedThenCentred()
    {
        const Crop saved = Crop::create(QStringLiteral("sq"), { 100, 200, 1500, 1500 }, AspectRatio { 1, 1 });
        const Rect suggestion { 300, 0, 3000, 3000 };

        RenditionCropChoice c = chooseRenditionCrop(kSquare, kImage, { saved }, suggestion);
        QCOMPARE(c.source, CropSource::Saved);
        QCOMPARE(c.rect, saved.rect);
        QCOMPARE(c.cropId, saved.id);

        c = chooseRenditionCrop(kSquare, kImage, {}, suggestion);
        QCOMPARE(c.source, CropSource::Suggested);
        QCOMPARE(c.rect, suggestion);

        c = chooseRenditionCrop(kSquare, kImage, {});
        QCOMPARE(c.source, CropSource::Centred);
        QCOMPARE(c.rect, (Rect { 500, 0, 3000, 3000 }));

        c = chooseRenditionCrop(kPortrait, kImage, {});
        QCOMPARE(c.rect, (Rect { 800, 0, 2400, 3000 }));
        QVERIFY(AspectRatio(4, 5).matches(c.rect.size()));

        c = chooseRenditionCrop(kFull, kImage, {}, suggestion);
        QCOMPARE(c.source, CropSource::Whole);
        QCOMPARE(c.rect, Rect::fromSize(kImage));
    }

    void choose_keepsTheLabelForFileNames()
    {
        Crop saved = makeRenditionCrop(kFull, { 0, 0, 3000, 2000 });
        saved.label = QStringLiteral("dog");
        const RenditionCropChoice c = chooseRenditionCrop(kFull, kImage, { saved });
        QCOMPARE(c.source, CropSource::Saved);
        QCOMPARE(c.label, QStringLiteral("dog"));
        QCOMPARE(c.rect, saved.rect);
    }

    void choose_fitsASavedCropThatIsNotTheAspect()
    {
        // Tagged for the 4:5 rendition but drawn 1:1: the largest 4:5 part, centred, not a stretch.
        const Crop saved = makeRenditionCrop(kPortrait, { 1000, 500, 2000, 2000 });
        const RenditionCropChoice c = chooseRenditionCrop(kPortrait, kImage, { saved });
        QCOMPARE(c.source, CropSource::Saved);
        QVERIFY(saved.rect.contains(c.rect));
        QVERIFY(AspectRatio(4, 5).matches(c.rect.size()));
        QCOMPARE(c.rect.height, 2000);
        QCOMPARE(c.warnings.size(), 1);

        // Off by a pixel of rounding only: used as it is.
        const Crop nearly = makeRenditionCrop(kPortrait, { 0, 0, 1000, 1251 });
        const RenditionCropChoice n = chooseRenditionCrop(kPortrait, kImage, { nearly });
        QCOMPARE(n.rect, nearly.rect);
        QVERIFY(n.warnings.isEmpty());
    }

    void choose_reportsAnImageTooSmallForTheAspect()
    {
        const Rendition og
            = rendition(QStringLiteral("og"), AspectRatio { 40, 21 }, RenditionSize::exact(1200, 630));
        const RenditionCropChoice c = chooseRenditionCrop(og, { 30, 20 }, {});
        QVERIFY(!c.ok());
        QVERIFY2(c.error.contains(QLatin1String("40:21")), qPrintable(c.error));
    }

    void upscaling_data()
    {
        QTest::addColumn<Size>("crop");
        QTest::addColumn<Size>("out");
        QTest::addColumn<bool>("upscaled");
        QTest::addColumn<double>("factor");
        QTest::newRow("shrink") << Size { 3000, 3000 } << Size { 1080, 1080 } << false << 1.0;
        QTest::newRow("same") << Size { 1080, 1080 } << Size { 1080, 1080 } << false << 1.0;
        QTest::newRow("enlarge") << Size { 540, 540 } << Size { 1080, 1080 } << true << 2.0;
        QTest::newRow("one side short")
            << Size { 1080, 1349 } << Size { 1080, 1350 } << true << 1350.0 / 1349.0;
    }
    void upscaling()
    {
        QFETCH(Size, crop);
        QFETCH(Size, out);
        QFETCH(bool, upscaled);
        QFETCH(double, factor);
        QCOMPARE(needsUpscaling(crop, out), upscaled);
        QCOMPARE(upscaleFactor(crop, out), factor);
    }
};

QTEST_GUILESS_MAIN(RenditionCropTest)
#include "RenditionCropTest.moc"
