#include "core/geometry/ViewTransform.h"

#include "GeometryTestSupport.h"

#include <QTest>

#include <cmath>
#include <limits>
#include <random>

using namespace cropwise;

namespace {

bool near(PointF a, PointF b, double tolerance = 1e-9)
{
    return std::abs(a.x - b.x) <= tolerance && std::abs(a.y - b.y) <= tolerance;
}

} // namespace

class ViewTransformTest : public QObject
{
    Q_OBJECT

private slots:
    void fit_centresWholeImage_data()
    {
        QTest::addColumn<Size>("image");
        QTest::addColumn<Size>("viewport");
        QTest::addColumn<int>("margin");
        QTest::addColumn<double>("scale");
        QTest::addColumn<PointF>("offset");
        QTest::newRow("height decides")
            << Size { 400, 300 } << Size { 820, 320 } << 10 << 1.0 << PointF { 210, 10 };
        QTest::newRow("downscaled") << Size { 4000, 3000 } << Size { 1000, 800 } << 0 << 0.25
                                    << PointF { 0, 25 };
        QTest::newRow("upscaled, capped at maximum") << Size { 10, 10 } << Size { 1000, 1000 } << 0
                                                     << ViewTransform::maximumScale << PointF { 340, 340 };
        QTest::newRow("empty image") << Size {} << Size { 100, 100 } << 0 << 1.0 << PointF {};
        QTest::newRow("empty viewport") << Size { 100, 100 } << Size {} << 0 << 1.0 << PointF {};
    }
    void fit_centresWholeImage()
    {
        QFETCH(Size, image);
        QFETCH(Size, viewport);
        QFETCH(int, margin);
        QFETCH(double, scale);
        QFETCH(PointF, offset);
        const ViewTransform t = ViewTransform::fit(image, viewport, margin);
        QCOMPARE(t.scale(), scale);
        QCOMPARE(t.offset(), offset);
    }

    void fit_keepsImageInsideMargins_forRandomSizes()
    {
        std::mt19937 rng(5);
        for (int i = 0; i < 2000; ++i) {
            const Size image { 1 + int(rng() % 6000), 1 + int(rng() % 6000) };
            const Size viewport { 100 + int(rng() % 2000), 100 + int(rng() % 2000) };
            const int margin = int(rng() % 40);
            const ViewTransform t = ViewTransform::fit(image, viewport, margin);
            const RectF r = t.imageToCanvas(Rect::fromSize(image));
            if (t.scale() == ViewTransform::minimumScale)
                continue; // a huge image may not fit at the smallest zoom; that is the documented cap
            QVERIFY(r.x >= margin - 1e-9 && r.y >= margin - 1e-9);
            QVERIFY(r.rightEdge() <= viewport.width - margin + 1e-9);
            QVERIFY(r.bottomEdge() <= viewport.height - margin + 1e-9);
            // one dimension touches the margins (largest fit) unless capped at the maximum zoom
            if (t.scale() < ViewTransform::maximumScale)
                QVERIFY(std::abs(r.x - margin) < 1e-6 || std::abs(r.y - margin) < 1e-6);
        }
    }

    void imageToCanvas_mapsRectByEdges()
    {
        const ViewTransform t(2.0, { 10, 20 });
        QCOMPARE(t.imageToCanvas(Rect { 1, 2, 3, 4 }), RectF(12, 24, 6, 8));
        QCOMPARE(t.canvasToImage(RectF { 12, 24, 6, 8 }), RectF(1, 2, 3, 4));
        QCOMPARE(t.imageToCanvas(PointF { 0, 0 }), PointF(10, 20));
    }

    void canvasToImage_invertsImageToCanvas_forRandomTransforms()
    {
        std::mt19937 rng(42);
        std::uniform_real_distribution<double> scales(
            ViewTransform::minimumScale, ViewTransform::maximumScale);
        std::uniform_real_distribution<double> coords(-5000.0, 5000.0);
        for (int i = 0; i < 5000; ++i) {
            const ViewTransform t(scales(rng), { coords(rng), coords(rng) });
            const PointF image { coords(rng), coords(rng) };
            QVERIFY(near(t.canvasToImage(t.imageToCanvas(image)), image, 1e-6));
            const PointF canvas { coords(rng), coords(rng) };
            QVERIFY(near(t.imageToCanvas(t.canvasToImage(canvas)), canvas, 1e-6));
        }
    }

    void canvasToImagePixel_roundsToNearestEdge_data()
    {
        QTest::addColumn<PointF>("canvas");
        QTest::addColumn<Point>("expected");
        // scale 4, offset (8, 0): image = (canvas - (8, 0)) / 4
        QTest::newRow("rounds down") << PointF { 13.9, 6.1 } << Point { 1, 2 };
        QTest::newRow("rounds up") << PointF { 14.1, 5.9 } << Point { 2, 1 };
        QTest::newRow("half rounds up") << PointF { 10.0, 2.0 } << Point { 1, 1 };
        QTest::newRow("negative half rounds up") << PointF { 6.0, -2.0 } << Point { 0, 0 };
        QTest::newRow("negative") << PointF { 5.9, -2.1 } << Point { -1, -1 };
        QTest::newRow("outside the image is not clamped") << PointF { -400, 4000 } << Point { -102, 1000 };
    }
    void canvasToImagePixel_roundsToNearestEdge()
    {
        QFETCH(PointF, canvas);
        QFETCH(Point, expected);
        QCOMPARE(ViewTransform(4.0, { 8, 0 }).canvasToImagePixel(canvas), expected);
    }

    void canvasToImagePixel_returnsEdge_forImageEdgesOnCanvas()
    {
        const ViewTransform t(0.37, { 12.5, -3.25 });
        for (int x = -50; x < 5000; x += 13) {
            const Point p { x, 3 * x };
            QCOMPARE(t.canvasToImagePixel(t.imageToCanvas(PointF { double(p.x), double(p.y) })), p);
        }
    }

    void canvasDeltaToImage_roundsToWholePixels_data()
    {
        QTest::addColumn<double>("scale");
        QTest::addColumn<PointF>("delta");
        QTest::addColumn<Point>("expected");
        QTest::newRow("zoomed out") << 0.25 << PointF { 10, -10 } << Point { 40, -40 };
        QTest::newRow("zoomed in") << 3.0 << PointF { 4, 5 } << Point { 1, 2 };
        QTest::newRow("less than half a pixel") << 8.0 << PointF { 3.9, -3.9 } << Point { 0, 0 };
    }
    void canvasDeltaToImage_roundsToWholePixels()
    {
        QFETCH(double, scale);
        QFETCH(PointF, delta);
        QFETCH(Point, expected);
        QCOMPARE(ViewTransform(scale, { 123.4, 56.7 }).canvasDeltaToImage(delta), expected);
    }

    void zoomedAt_keepsImagePointUnderCursor_forRandomZooms()
    {
        std::mt19937 rng(7);
        std::uniform_real_distribution<double> scales(0.001, 100.0); // beyond the range on purpose
        std::uniform_real_distribution<double> coords(-3000.0, 3000.0);
        for (int i = 0; i < 5000; ++i) {
            const ViewTransform before(scales(rng), { coords(rng), coords(rng) });
            const PointF cursor { coords(rng), coords(rng) };
            const double requested = scales(rng);
            const ViewTransform after = before.zoomedAt(cursor, requested);
            QVERIFY(near(after.imageToCanvas(before.canvasToImage(cursor)), cursor, 1e-6));
            QCOMPARE(after.scale(), ViewTransform::clampScale(requested));
        }
    }

    void panned_movesOffsetOnly()
    {
        const ViewTransform t = ViewTransform(2.0, { 10, 20 }).panned({ -5, 7.5 });
        QCOMPARE(t.scale(), 2.0);
        QCOMPARE(t.offset(), PointF(5, 27.5));
    }

    void clampScale_keepsDocumentedRange_data()
    {
        QTest::addColumn<double>("requested");
        QTest::addColumn<double>("expected");
        QTest::newRow("inside") << 1.5 << 1.5;
        QTest::newRow("too small") << 0.0 << ViewTransform::minimumScale;
        QTest::newRow("negative") << -3.0 << ViewTransform::minimumScale;
        QTest::newRow("too large") << 100.0 << ViewTransform::maximumScale;
        QTest::newRow("not a number") << std::numeric_limits<double>::quiet_NaN() << 1.0;
        QTest::newRow("infinite") << std::numeric_limits<double>::infinity() << 1.0;
    }
    void clampScale_keepsDocumentedRange()
    {
        QFETCH(double, requested);
        QFETCH(double, expected);
        QCOMPARE(ViewTransform::clampScale(requested), expected);
        QCOMPARE(ViewTransform(requested, {}).scale(), expected);
    }
};

QTEST_APPLESS_MAIN(ViewTransformTest)
#include "ViewTransformTest.moc"
