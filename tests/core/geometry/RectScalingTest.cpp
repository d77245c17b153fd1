#include "core/geometry/RectScaling.h"

#include "GeometryTestSupport.h"

#include <QTest>

#include <random>

using namespace cropwise;

class RectScalingTest : public QObject
{
    Q_OBJECT

private slots:
    void scaleRectBetween_scalesProportionally_data()
    {
        QTest::addColumn<Rect>("rect");
        QTest::addColumn<Size>("from");
        QTest::addColumn<Size>("to");
        QTest::addColumn<std::optional<AspectRatio>>("keep");
        QTest::addColumn<Rect>("expected");
        const Rect r { 100, 50, 200, 100 };
        const std::optional<AspectRatio> free;
        QTest::newRow("double") << r << Size { 400, 300 } << Size { 800, 600 } << free
                                << Rect { 200, 100, 400, 200 };
        QTest::newRow("half") << r << Size { 400, 300 } << Size { 200, 150 } << free
                              << Rect { 50, 25, 100, 50 };
        QTest::newRow("other shape bends a free crop")
            << r << Size { 400, 300 } << Size { 300, 400 } << free << Rect { 75, 67, 150, 133 };
        QTest::newRow("other shape keeps 2:1")
            << r << Size { 400, 300 } << Size { 300, 400 } << std::optional(AspectRatio { 2, 1 })
            << Rect { 50, 83, 200, 100 };
        QTest::newRow("kept ratio shrinks to fit")
            << Rect { 0, 0, 400, 300 } << Size { 400, 300 } << Size { 300, 400 }
            << std::optional(AspectRatio { 4, 3 }) << Rect { 0, 87, 300, 225 };
        QTest::newRow("tiny crop stays at least 1x1")
            << Rect { 0, 0, 1, 1 } << Size { 1000, 1000 } << Size { 10, 10 } << free << Rect { 0, 0, 1, 1 };
        QTest::newRow("empty source: clamped only")
            << Rect { 5, 5, 50, 50 } << Size {} << Size { 20, 20 } << free << Rect { 0, 0, 20, 20 };
        QTest::newRow("empty target") << r << Size { 400, 300 } << Size {} << free << Rect {};
    }
    void scaleRectBetween_scalesProportionally()
    {
        QFETCH(Rect, rect);
        QFETCH(Size, from);
        QFETCH(Size, to);
        QFETCH(std::optional<AspectRatio>, keep);
        QFETCH(Rect, expected);
        QCOMPARE(scaleRectBetween(rect, from, to, keep), expected);
    }

    void scaleRectBetween_keepsRatioInsideTarget_forRandomImages()
    {
        std::mt19937 rng(2024);
        const AspectRatio ratios[] = { { 1, 1 }, { 4, 5 }, { 3, 2 }, { 16, 9 } };
        for (int i = 0; i < 5000; ++i) {
            const Size from { 50 + int(rng() % 5000), 50 + int(rng() % 5000) };
            const Size to { 50 + int(rng() % 5000), 50 + int(rng() % 5000) };
            const AspectRatio a = ratios[rng() % std::size(ratios)];
            const Rect source = centredCropLike(from, a, rng);
            const Rect scaled = scaleRectBetween(source, from, to, a);
            QVERIFY(a.matches(scaled.size()));
            QVERIFY(Rect::fromSize(to).contains(scaled));
            const Rect freeScaled = scaleRectBetween(source, from, to, std::nullopt);
            QVERIFY(Rect::fromSize(to).contains(freeScaled));
            QVERIFY(!freeScaled.isEmpty());
        }
    }

    void scaleRectBetween_isIdentity_forSameSize()
    {
        const Rect r { 13, 17, 333, 222 };
        QCOMPARE(scaleRectBetween(r, { 1000, 800 }, { 1000, 800 }, std::nullopt), r);
        QCOMPARE(scaleRectBetween(r, { 1000, 800 }, { 1000, 800 }, AspectRatio { 3, 2 }), r);
    }

private:
    static Rect centredCropLike(Size image, AspectRatio a, std::mt19937 &rng)
    {
        const int k = 1 + int(rng() % std::max(1, std::min(image.width / a.num, image.height / a.den)));
        const Size s { k * a.num, k * a.den };
        return { int(rng() % (image.width - s.width + 1)), int(rng() % (image.height - s.height + 1)),
            s.width, s.height };
    }
};

QTEST_APPLESS_MAIN(RectScalingTest)
#include "RectScalingTest.moc"
