#include "core/geometry/AspectSolver.h"

#include "GeometryTestSupport.h"

#include <QTest>

#include <random>

using namespace cropwise;

class AspectSolverTest : public QObject
{
    Q_OBJECT

private slots:
    void largestSizeWithAspect_takesLargestMultiple_data()
    {
        QTest::addColumn<Size>("bound");
        QTest::addColumn<AspectRatio>("ratio");
        QTest::addColumn<Size>("expected");
        QTest::newRow("exact fit") << Size { 1920, 1080 } << AspectRatio { 16, 9 } << Size { 1920, 1080 };
        QTest::newRow("square bound") << Size { 1000, 1000 } << AspectRatio { 16, 9 } << Size { 992, 558 };
        QTest::newRow("camera 3:2 loses a pixel")
            << Size { 4000, 2667 } << AspectRatio { 3, 2 } << Size { 3999, 2666 };
        QTest::newRow("portrait ratio") << Size { 1000, 1000 } << AspectRatio { 4, 5 } << Size { 800, 1000 };
        QTest::newRow("too narrow for one step") << Size { 15, 100 } << AspectRatio { 16, 9 } << Size {};
        QTest::newRow("empty bound") << Size { 0, 0 } << AspectRatio { 1, 1 } << Size {};
    }
    void largestSizeWithAspect_takesLargestMultiple()
    {
        QFETCH(Size, bound);
        QFETCH(AspectRatio, ratio);
        QFETCH(Size, expected);
        QCOMPARE(largestSizeWithAspect(bound, ratio), expected);
    }

    void smallestSizeWithAspect_roundsMinimumUp_data()
    {
        QTest::addColumn<Size>("atLeast");
        QTest::addColumn<AspectRatio>("ratio");
        QTest::addColumn<Size>("expected");
        QTest::newRow("4:3 over 50x50") << Size { 50, 50 } << AspectRatio { 4, 3 } << Size { 68, 51 };
        QTest::newRow("one step") << Size { 1, 1 } << AspectRatio { 16, 9 } << Size { 16, 9 };
        QTest::newRow("zero minimum is one step") << Size { 0, 0 } << AspectRatio { 3, 2 } << Size { 3, 2 };
        QTest::newRow("width decides") << Size { 64, 1 } << AspectRatio { 16, 9 } << Size { 64, 36 };
        QTest::newRow("already exact") << Size { 32, 18 } << AspectRatio { 16, 9 } << Size { 32, 18 };
    }
    void smallestSizeWithAspect_roundsMinimumUp()
    {
        QFETCH(Size, atLeast);
        QFETCH(AspectRatio, ratio);
        QFETCH(Size, expected);
        QCOMPARE(smallestSizeWithAspect(atLeast, ratio), expected);
    }

    void fitAspectInside_centresLargestExactRect_data()
    {
        QTest::addColumn<Rect>("rect");
        QTest::addColumn<AspectRatio>("ratio");
        QTest::addColumn<Rect>("bounds");
        QTest::addColumn<Rect>("expected");
        const Rect b { 100, 50, 400, 300 };
        QTest::newRow("square in offset bounds")
            << b << AspectRatio { 1, 1 } << b << Rect { 150, 50, 300, 300 };
        QTest::newRow("wide inside a crop")
            << Rect { 200, 100, 100, 100 } << AspectRatio { 16, 9 } << b << Rect { 202, 123, 96, 54 };
        QTest::newRow("rect partly outside bounds: centred in the overlap")
            << Rect { 50, 0, 200, 200 } << AspectRatio { 16, 9 } << b << Rect { 103, 84, 144, 81 };
        QTest::newRow("nothing fits")
            << Rect { 0, 0, 10, 10 } << AspectRatio { 16, 9 } << Rect { 0, 0, 100, 100 } << Rect {};
        QTest::newRow("disjoint") << Rect { 0, 0, 10, 10 } << AspectRatio { 1, 1 } << b << Rect {};
    }
    void fitAspectInside_centresLargestExactRect()
    {
        QFETCH(Rect, rect);
        QFETCH(AspectRatio, ratio);
        QFETCH(Rect, bounds);
        QFETCH(Rect, expected);
        QCOMPARE(fitAspectInside(rect, ratio, bounds), expected);
    }

    void centredCrop_isLargestCentredExactCrop_data()
    {
        QTest::addColumn<Size>("image");
        QTest::addColumn<AspectRatio>("ratio");
        QTest::addColumn<Rect>("expected");
        QTest::newRow("whole image") << Size { 1920, 1080 } << AspectRatio { 16, 9 }
                                     << Rect { 0, 0, 1920, 1080 };
        QTest::newRow("square from landscape")
            << Size { 1920, 1080 } << AspectRatio { 1, 1 } << Rect { 420, 0, 1080, 1080 };
        QTest::newRow("4:5 from portrait")
            << Size { 1080, 1920 } << AspectRatio { 4, 5 } << Rect { 0, 285, 1080, 1350 };
        QTest::newRow("camera original")
            << Size { 4000, 2667 } << AspectRatio { 3, 2 } << Rect { 0, 0, 3999, 2666 };
        QTest::newRow("image too small") << Size { 10, 10 } << AspectRatio { 16, 9 } << Rect {};
    }
    void centredCrop_isLargestCentredExactCrop()
    {
        QFETCH(Size, image);
        QFETCH(AspectRatio, ratio);
        QFETCH(Rect, expected);
        QCOMPARE(centredCrop(image, ratio), expected);
    }

    void fitAspectInside_isExactInsideAndMaximal_forRandomRects()
    {
        std::mt19937 rng(20240601);
        const AspectRatio ratios[] = { { 1, 1 }, { 4, 5 }, { 3, 2 }, { 16, 9 }, { 9, 16 }, { 7, 3 } };
        for (int i = 0; i < 5000; ++i) {
            const Rect bounds { int(rng() % 200) - 100, int(rng() % 200) - 100, 1 + int(rng() % 500),
                1 + int(rng() % 500) };
            const Rect r { bounds.x + int(rng() % 300) - 50, bounds.y + int(rng() % 300) - 50,
                1 + int(rng() % 400), 1 + int(rng() % 400) };
            const AspectRatio a = ratios[rng() % std::size(ratios)];
            const Rect fitted = fitAspectInside(r, a, bounds);
            const Rect region = r.intersected(bounds);
            if (fitted.isEmpty()) {
                QVERIFY(region.width < a.num || region.height < a.den);
                continue;
            }
            QVERIFY(a.matches(fitted.size()));
            QVERIFY(region.contains(fitted));
            // maximal: one more step would not fit
            QVERIFY(fitted.width + a.num > region.width || fitted.height + a.den > region.height);
            // centred to within half a pixel
            QVERIFY(std::abs((2 * fitted.x + fitted.width) - (2 * region.x + region.width)) <= 1);
            QVERIFY(std::abs((2 * fitted.y + fitted.height) - (2 * region.y + region.height)) <= 1);
        }
    }
};

QTEST_APPLESS_MAIN(AspectSolverTest)
#include "AspectSolverTest.moc"
