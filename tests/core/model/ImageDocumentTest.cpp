#include "core/model/ImageDocument.h"

#include <QSignalSpy>
#include <QTest>

using namespace cropwise;

Q_DECLARE_METATYPE(cropwise::Rect)

namespace {

const Size kImage { 200, 100 };

Crop makeCrop(const QString &id, Rect rect, const QString &name = QStringLiteral("c"))
{
    return Crop { id, name, QString(), rect, std::nullopt, {} };
}

// Every signal of one document, in order, as "name(args)".
class SignalLog : public QObject
{
public:
    explicit SignalLog(ImageDocument *doc)
    {
        connect(doc, &ImageDocument::cropAdded, this,
            [this](int i) { events << QStringLiteral("added(%1)").arg(i); });
        connect(doc, &ImageDocument::cropRemoved, this,
            [this](const QString &id, int i) { events << QStringLiteral("removed(%1,%2)").arg(id).arg(i); });
        connect(doc, &ImageDocument::cropChanged, this,
            [this](const QString &id) { events << QStringLiteral("changed(%1)").arg(id); });
        connect(doc, &ImageDocument::cropsReset, this, [this] { events << QStringLiteral("reset"); });
        connect(doc, &ImageDocument::userTurnChanged, this, [this] { events << QStringLiteral("turned"); });
        connect(doc, &ImageDocument::verifiedChanged, this,
            [this](bool v) { events << QStringLiteral("verified(%1)").arg(v); });
        connect(doc, &ImageDocument::changed, this, [this] { events << QStringLiteral("any"); });
    }
    QStringList events;
};

} // namespace

class ImageDocumentTest : public QObject
{
    Q_OBJECT

private slots:
    void addCrop_emitsAddedThenChanged()
    {
        ImageDocument doc(QStringLiteral("/x/a.jpg"), kImage);
        SignalLog log(&doc);
        QVERIFY(doc.addCrop(makeCrop("a", { 0, 0, 10, 10 })));
        QVERIFY(doc.addCrop(makeCrop("b", { 5, 5, 10, 10 })));
        QVERIFY(doc.addCrop(makeCrop("c", { 5, 5, 10, 10 }), 0));
        QCOMPARE(log.events, (QStringList { "added(0)", "any", "added(1)", "any", "added(0)", "any" }));
        QCOMPARE(doc.indexOf("c"), 0);
        QCOMPARE(doc.indexOf("a"), 1);
        QCOMPARE(doc.indexOf("b"), 2);
        QCOMPARE(doc.indexOf("zzz"), -1);
    }

    void addCrop_outOfRangeIndex_appends()
    {
        ImageDocument doc(QStringLiteral("/x/a.jpg"), kImage);
        QVERIFY(doc.addCrop(makeCrop("a", { 0, 0, 10, 10 })));
        QVERIFY(doc.addCrop(makeCrop("b", { 0, 0, 10, 10 }), 99));
        QCOMPARE(doc.indexOf("b"), 1);
    }

    void addCrop_refusesInvalid_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<Rect>("rect");
        QTest::newRow("empty id") << QString() << Rect { 0, 0, 10, 10 };
        QTest::newRow("duplicate id") << QStringLiteral("existing") << Rect { 0, 0, 10, 10 };
        QTest::newRow("empty rect") << QStringLiteral("n") << Rect { 10, 10, 0, 5 };
        QTest::newRow("negative size") << QStringLiteral("n") << Rect { 10, 10, -5, 5 };
        QTest::newRow("left of image") << QStringLiteral("n") << Rect { -1, 0, 10, 10 };
        QTest::newRow("past right edge") << QStringLiteral("n") << Rect { 191, 0, 10, 10 };
        QTest::newRow("past bottom edge") << QStringLiteral("n") << Rect { 0, 91, 10, 10 };
        QTest::newRow("larger than image") << QStringLiteral("n") << Rect { 0, 0, 201, 100 };
    }
    void addCrop_refusesInvalid()
    {
        QFETCH(QString, id);
        QFETCH(Rect, rect);
        ImageDocument doc(QStringLiteral("/x/a.jpg"), kImage);
        QVERIFY(doc.addCrop(makeCrop("existing", { 0, 0, 10, 10 })));
        SignalLog log(&doc);
        QVERIFY(!doc.addCrop(makeCrop(id, rect)));
        QCOMPARE(doc.cropCount(), 1);
        QVERIFY(log.events.isEmpty());
    }

    void addCrop_acceptsWholeImage()
    {
        ImageDocument doc(QStringLiteral("/x/a.jpg"), kImage);
        QVERIFY(doc.addCrop(makeCrop("all", Rect::fromSize(kImage))));
    }

    void removeCrop_emitsIdAndFormerIndex()
    {
        ImageDocument doc(QStringLiteral("/x/a.jpg"), kImage);
        doc.addCrop(makeCrop("a", { 0, 0, 10, 10 }));
        doc.addCrop(makeCrop("b", { 0, 0, 10, 10 }));
        SignalLog log(&doc);
        QVERIFY(doc.removeCrop("b"));
        QVERIFY(!doc.removeCrop("b"));
        QCOMPARE(log.events, (QStringList { "removed(b,1)", "any" }));
        QCOMPARE(doc.cropCount(), 1);
    }

    void setters_emitCropChanged_onlyWhenValueDiffers()
    {
        ImageDocument doc(QStringLiteral("/x/a.jpg"), kImage);
        doc.addCrop(makeCrop("a", { 0, 0, 10, 10 }, "one"));
        SignalLog log(&doc);
        QVERIFY(doc.setCropRect("a", { 1, 2, 30, 40 }));
        QVERIFY(doc.setCropRect("a", { 1, 2, 30, 40 })); // same value: accepted, silent
        QVERIFY(doc.setCropName("a", "renamed"));
        QVERIFY(doc.setCropLabel("a", "face"));
        QVERIFY(doc.setCropAspect("a", AspectRatio::make(4, 5)));
        QCOMPARE(log.events,
            (QStringList {
                "changed(a)", "any", "changed(a)", "any", "changed(a)", "any", "changed(a)", "any" }));
        const Crop c = *doc.crop("a");
        QCOMPARE(c.rect, (Rect { 1, 2, 30, 40 }));
        QCOMPARE(c.name, QStringLiteral("renamed"));
        QCOMPARE(c.label, QStringLiteral("face"));
        QCOMPARE(c.aspect, AspectRatio::make(4, 5));
    }

    void setters_refuseUnknownIdAndInvalidRect()
    {
        ImageDocument doc(QStringLiteral("/x/a.jpg"), kImage);
        doc.addCrop(makeCrop("a", { 0, 0, 10, 10 }));
        SignalLog log(&doc);
        QVERIFY(!doc.setCropRect("missing", { 0, 0, 5, 5 }));
        QVERIFY(!doc.setCropName("missing", "x"));
        QVERIFY(!doc.setCropRect("a", { 150, 0, 60, 10 }));
        QVERIFY(!doc.setCrop(makeCrop("a", { 0, 0, 0, 0 })));
        QVERIFY(log.events.isEmpty());
        QCOMPARE(doc.crop("a")->rect, (Rect { 0, 0, 10, 10 }));
    }

    void setCrop_replacesAllFields()
    {
        ImageDocument doc(QStringLiteral("/x/a.jpg"), kImage);
        doc.addCrop(makeCrop("a", { 0, 0, 10, 10 }));
        Crop edited { "a", "new", "cat", { 5, 5, 20, 20 }, AspectRatio::make(1, 1), {} };
        SignalLog log(&doc);
        QVERIFY(doc.setCrop(edited));
        QCOMPARE(*doc.crop("a"), edited);
        QCOMPARE(log.events, (QStringList { "changed(a)", "any" }));
    }

    void setCrops_isAllOrNothing()
    {
        ImageDocument doc(QStringLiteral("/x/a.jpg"), kImage);
        doc.addCrop(makeCrop("a", { 0, 0, 10, 10 }));
        SignalLog log(&doc);
        QVERIFY(!doc.setCrops({ makeCrop("x", { 0, 0, 5, 5 }), makeCrop("y", { 0, 0, 500, 5 }) }));
        QVERIFY(!doc.setCrops({ makeCrop("x", { 0, 0, 5, 5 }), makeCrop("x", { 1, 1, 5, 5 }) }));
        QVERIFY(log.events.isEmpty());
        QCOMPARE(doc.cropCount(), 1);
        const QList<Crop> next { makeCrop("x", { 0, 0, 5, 5 }), makeCrop("y", { 1, 1, 5, 5 }) };
        QVERIFY(doc.setCrops(next));
        QCOMPARE(doc.crops(), next);
        QCOMPARE(log.events, (QStringList { "reset", "any" }));
    }

    void applyTurn_turnsSizeAndCrops()
    {
        ImageDocument doc(QStringLiteral("/x/a.jpg"), kImage);
        doc.addCrop(makeCrop("a", { 10, 20, 30, 40 }));
        SignalLog log(&doc);
        doc.applyTurn(Turn::RotateClockwise);
        QCOMPARE(doc.displayedSize(), (Size { 100, 200 }));
        QCOMPARE(doc.orientedSize(), kImage);
        QCOMPARE(doc.userTurn().clockwiseDegrees(), 90);
        // Clockwise: the old left edge becomes the top; old row y maps to column H - y - h.
        QCOMPARE(doc.crop("a")->rect, (Rect { 100 - 20 - 40, 10, 40, 30 }));
        QCOMPARE(log.events, (QStringList { "turned", "reset", "any" }));
    }

    void applyTurn_inverseRestoresExactly()
    {
        const QList<Turn> turns { Turn::RotateClockwise, Turn::RotateCounterClockwise, Turn::FlipHorizontal,
            Turn::FlipVertical };
        for (Turn t : turns) {
            ImageDocument doc(QStringLiteral("/x/a.jpg"), { 37, 23 });
            doc.addCrop(makeCrop("a", { 1, 2, 13, 7 }));
            doc.addCrop(makeCrop("b", { 0, 0, 37, 23 }));
            const ImageState before = doc.state();
            doc.applyTurn(t);
            QVERIFY(doc.state() != before);
            for (const Crop &c : doc.crops())
                QVERIFY(doc.isValidCropRect(c.rect));
            doc.applyTurn(inverse(t));
            QCOMPARE(doc.state(), before);
        }
    }

    void setVerified_emitsOnlyOnChange()
    {
        ImageDocument doc(QStringLiteral("/x/a.jpg"), kImage);
        SignalLog log(&doc);
        doc.setVerified(false);
        doc.setVerified(true);
        doc.setVerified(true);
        QVERIFY(doc.isVerified());
        QCOMPARE(log.events, (QStringList { "verified(1)", "any" }));
    }

    void setState_importsAndRoundTrips()
    {
        ImageDocument doc(QStringLiteral("/x/a.jpg"), kImage);
        ImageState state;
        state.userTurn = *UserTurn::fromParts(90, UserTurn::Mirror::No); // displayed 100 x 200
        state.verified = true;
        state.crops = { makeCrop("a", { 0, 100, 100, 100 }) };
        state.extraFields.insert("future", 42);
        SignalLog log(&doc);
        QVERIFY(doc.setState(state).isEmpty());
        QCOMPARE(doc.state(), state);
        QCOMPARE(log.events, (QStringList { "turned", "verified(1)", "reset", "any" }));
        log.events.clear();
        QVERIFY(doc.setState(state).isEmpty());
        QVERIFY(log.events.isEmpty()); // same state: silent
    }

    void setState_dropsCropsOutsideAndRenewsRepeatedIds()
    {
        ImageDocument doc(QStringLiteral("/x/a.jpg"), kImage);
        ImageState state;
        state.crops = { makeCrop("a", { 0, 0, 10, 10 }, "first"), makeCrop("a", { 5, 5, 10, 10 }, "second"),
            makeCrop("b", { 195, 0, 10, 10 }, "outside"), makeCrop("", { 1, 1, 3, 3 }, "no id") };
        const QStringList repairs = doc.setState(state);
        QCOMPARE(repairs.size(), 3);
        QVERIFY(repairs.join('\n').contains("outside"));
        QCOMPARE(doc.cropCount(), 3);
        QCOMPARE(doc.crops()[0].id, QStringLiteral("a"));
        QVERIFY(doc.crops()[1].id != QStringLiteral("a"));
        QVERIFY(!doc.crops()[2].id.isEmpty());
        QCOMPARE(doc.crops()[1].name, QStringLiteral("second"));
    }

    void nextCropName_skipsUsedNames()
    {
        ImageDocument doc(QStringLiteral("/x/a.jpg"), kImage);
        QCOMPARE(doc.nextCropName(), QStringLiteral("Crop 1"));
        doc.addCrop(makeCrop("a", { 0, 0, 10, 10 }, "Crop 2"));
        QCOMPARE(doc.nextCropName(), QStringLiteral("Crop 3"));
        doc.addCrop(makeCrop("b", { 0, 0, 10, 10 }, "x"));
        QCOMPARE(doc.nextCropName(), QStringLiteral("Crop 3"));
    }

    void createCrop_givesUniqueIdsWithoutBraces()
    {
        const Crop a = Crop::create("a", { 0, 0, 1, 1 });
        const Crop b = Crop::create("a", { 0, 0, 1, 1 });
        QVERIFY(a.id != b.id);
        QVERIFY(!a.id.contains('{'));
        QCOMPARE(a.id.size(), 36);
    }
};

QTEST_GUILESS_MAIN(ImageDocumentTest)
#include "ImageDocumentTest.moc"
