#include "core/model/CropPaste.h"

#include <QTest>

#include <cmath>

using namespace cropwise;

Q_DECLARE_METATYPE(cropwise::Size)
Q_DECLARE_METATYPE(cropwise::Rect)

namespace {

Crop crop(Rect rect, std::optional<AspectRatio> aspect = std::nullopt)
{
    Crop c { "src", "Crop 1", "face", rect, aspect, {} };
    c.extraFields.insert("review", "accepted");
    return c;
}

} // namespace

class CropPasteTest : public QObject
{
    Q_OBJECT

private slots:
    void sameSize_keepsRectsAndGivesNewIds()
    {
        const QList<Crop> copied { crop({ 10, 20, 30, 40 }),
            crop({ 0, 0, 100, 80 }, AspectRatio::make(5, 4)) };
        const QList<Crop> pasted = pasteCrops(copied, { 100, 80 }, { 100, 80 });
        QCOMPARE(pasted.size(), 2);
        for (int i = 0; i < 2; ++i) {
            QCOMPARE(pasted[i].rect, copied[i].rect);
            QVERIFY(pasted[i].id != copied[i].id);
            QVERIFY(!pasted[i].id.isEmpty());
            QCOMPARE(pasted[i].name, copied[i].name);
            QCOMPARE(pasted[i].label, copied[i].label);
            QCOMPARE(pasted[i].aspect, copied[i].aspect);
            QVERIFY(pasted[i].extraFields.isEmpty()); // review state belongs to the source image
        }
        QVERIFY(pasted[0].id != pasted[1].id);
    }

    void sameShape_scalesProportionally()
    {
        const QList<Crop> pasted = pasteCrops({ crop({ 10, 20, 30, 40 }) }, { 100, 80 }, { 200, 160 });
        QCOMPARE(pasted.size(), 1);
        QCOMPARE(pasted[0].rect, (Rect { 20, 40, 60, 80 }));
    }

    void lockedAspect_isKeptExactly_data()
    {
        QTest::addColumn<Rect>("rect");
        QTest::addColumn<int>("num");
        QTest::addColumn<int>("den");
        QTest::addColumn<Size>("from");
        QTest::addColumn<Size>("to");
        QTest::newRow("4:5 to wider")
            << Rect { 100, 50, 400, 500 } << 4 << 5 << Size { 1000, 800 } << Size { 1920, 1080 };
        QTest::newRow("4:5 to taller")
            << Rect { 100, 50, 400, 500 } << 4 << 5 << Size { 1000, 800 } << Size { 600, 900 };
        QTest::newRow("16:9 to tiny")
            << Rect { 0, 0, 1600, 900 } << 16 << 9 << Size { 1600, 900 } << Size { 333, 250 };
        QTest::newRow("1:1 full height")
            << Rect { 0, 0, 800, 800 } << 1 << 1 << Size { 1000, 800 } << Size { 640, 480 };
    }
    void lockedAspect_isKeptExactly()
    {
        QFETCH(Rect, rect);
        QFETCH(int, num);
        QFETCH(int, den);
        QFETCH(Size, from);
        QFETCH(Size, to);
        const QList<Crop> pasted = pasteCrops({ crop(rect, AspectRatio::make(num, den)) }, from, to);
        QCOMPARE(pasted.size(), 1);
        const Rect r = pasted[0].rect;
        QVERIFY(!r.isEmpty());
        QVERIFY(Rect::fromSize(to).contains(r));
        QCOMPARE(qint64(r.width) * den, qint64(r.height) * num);
    }

    void freeCrop_keepsItsOwnRatioToRounding_data()
    {
        QTest::addColumn<Rect>("rect");
        QTest::addColumn<Size>("from");
        QTest::addColumn<Size>("to");
        QTest::newRow("landscape to portrait")
            << Rect { 100, 100, 300, 200 } << Size { 1000, 800 } << Size { 600, 900 };
        QTest::newRow("to much smaller")
            << Rect { 0, 0, 1234, 567 } << Size { 2000, 1500 } << Size { 160, 90 };
        QTest::newRow("full image to other shape")
            << Rect { 0, 0, 1000, 800 } << Size { 1000, 800 } << Size { 640, 640 };
        QTest::newRow("near corner") << Rect { 900, 700, 100, 100 } << Size { 1000, 800 }
                                     << Size { 500, 800 };
    }
    void freeCrop_keepsItsOwnRatioToRounding()
    {
        QFETCH(Rect, rect);
        QFETCH(Size, from);
        QFETCH(Size, to);
        const QList<Crop> pasted = pasteCrops({ crop(rect) }, from, to);
        QCOMPARE(pasted.size(), 1);
        const Rect r = pasted[0].rect;
        QVERIFY(!r.isEmpty());
        QVERIFY(Rect::fromSize(to).contains(r));
        // Rounding each side moves the ratio by at most half a pixel per side.
        const double expected = double(rect.width) / rect.height;
        const double tolerance = expected * (0.5 / r.width + 0.5 / r.height) + 1e-9;
        QVERIFY2(std::abs(double(r.width) / r.height - expected) <= tolerance,
            qPrintable(QString("%1x%2").arg(r.width).arg(r.height)));
    }

    void emptySizes_pasteNothing()
    {
        QVERIFY(pasteCrops({ crop({ 0, 0, 5, 5 }) }, {}, { 10, 10 }).isEmpty());
        QVERIFY(pasteCrops({ crop({ 0, 0, 5, 5 }) }, { 10, 10 }, { 0, 10 }).isEmpty());
    }
};

QTEST_GUILESS_MAIN(CropPasteTest)
#include "CropPasteTest.moc"
