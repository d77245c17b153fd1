#include "core/geometry/ImageTurn.h"

#include "GeometryTestSupport.h"

#include <QTest>

#include <random>
#include <vector>

using namespace cropwise;

namespace {

// An independent model: the elementary pixel operations as the EXIF/TIFF spec words them, applied
// to one pixel (x, y) of an image of size s. The product code uses a symmetry table instead.
enum class Step { MirrorHorizontal, MirrorVertical, RotateClockwise };

std::pair<Point, Size> apply(Step step, Point p, Size s)
{
    switch (step) {
    case Step::MirrorHorizontal:
        return { { s.width - 1 - p.x, p.y }, s };
    case Step::MirrorVertical:
        return { { p.x, s.height - 1 - p.y }, s };
    case Step::RotateClockwise:
        return { { s.height - 1 - p.y, p.x }, { s.height, s.width } };
    }
    return { p, s };
}

std::vector<Step> stepsOf(int orientation)
{
    using S = Step;
    switch (orientation) {
    case 2:
        return { S::MirrorHorizontal };
    case 3:
        return { S::RotateClockwise, S::RotateClockwise };
    case 4:
        return { S::MirrorVertical };
    case 5:
        return { S::MirrorHorizontal, S::RotateClockwise, S::RotateClockwise, S::RotateClockwise };
    case 6:
        return { S::RotateClockwise };
    case 7:
        return { S::MirrorHorizontal, S::RotateClockwise };
    case 8:
        return { S::RotateClockwise, S::RotateClockwise, S::RotateClockwise };
    default:
        return {};
    }
}

std::vector<Step> stepsOf(Turn t)
{
    switch (t) {
    case Turn::RotateClockwise:
        return stepsOf(6);
    case Turn::RotateCounterClockwise:
        return stepsOf(8);
    case Turn::FlipHorizontal:
        return stepsOf(2);
    case Turn::FlipVertical:
        return stepsOf(4);
    }
    return {};
}

// The bounding box of the images of r's pixels under the steps (a rect, since each step is a symmetry).
Rect mapRectByPixels(const Rect &r, Size s, const std::vector<Step> &steps)
{
    int left = INT_MAX, top = INT_MAX, right = INT_MIN, bottom = INT_MIN;
    for (int y = r.y; y < r.bottomEdge(); ++y) {
        for (int x = r.x; x < r.rightEdge(); ++x) {
            Point p { x, y };
            Size size = s;
            for (Step step : steps)
                std::tie(p, size) = apply(step, p, size);
            left = std::min(left, p.x);
            top = std::min(top, p.y);
            right = std::max(right, p.x + 1);
            bottom = std::max(bottom, p.y + 1);
        }
    }
    return Rect::fromEdges(left, top, right, bottom);
}

Rect randomRect(std::mt19937 &rng, Size s)
{
    const int x = int(rng() % s.width);
    const int y = int(rng() % s.height);
    return { x, y, 1 + int(rng() % (s.width - x)), 1 + int(rng() % (s.height - y)) };
}

const Turn allTurns[]
    = { Turn::RotateClockwise, Turn::RotateCounterClockwise, Turn::FlipHorizontal, Turn::FlipVertical };

} // namespace

class ImageTurnTest : public QObject
{
    Q_OBJECT

private slots:
    void turnRect_mapsRect_data()
    {
        QTest::addColumn<Turn>("turn");
        QTest::addColumn<Size>("expectedSize");
        QTest::addColumn<Rect>("expected");
        // image 400x300, rect {10, 20, 30, 40}
        QTest::newRow("clockwise") << Turn::RotateClockwise << Size { 300, 400 } << Rect { 240, 10, 40, 30 };
        QTest::newRow("counter-clockwise")
            << Turn::RotateCounterClockwise << Size { 300, 400 } << Rect { 20, 360, 40, 30 };
        QTest::newRow("flip horizontal")
            << Turn::FlipHorizontal << Size { 400, 300 } << Rect { 360, 20, 30, 40 };
        QTest::newRow("flip vertical") << Turn::FlipVertical << Size { 400, 300 } << Rect { 10, 240, 30, 40 };
    }
    void turnRect_mapsRect()
    {
        QFETCH(Turn, turn);
        QFETCH(Size, expectedSize);
        QFETCH(Rect, expected);
        const Size image { 400, 300 };
        const Rect r { 10, 20, 30, 40 };
        QCOMPARE(turnedSize(image, turn), expectedSize);
        QCOMPARE(turnRect(r, image, turn), expected);
        QCOMPARE(turnRect(r, image, turn), mapRectByPixels(r, image, stepsOf(turn)));
    }

    void turnRect_roundTrips_forRandomRects()
    {
        std::mt19937 rng(3);
        for (int i = 0; i < 5000; ++i) {
            const Size image { 1 + int(rng() % 700), 1 + int(rng() % 700) };
            const Rect r = randomRect(rng, image);
            for (Turn t : allTurns) {
                const Rect turned = turnRect(r, image, t);
                QVERIFY(Rect::fromSize(turnedSize(image, t)).contains(turned));
                QCOMPARE(turnRect(turned, turnedSize(image, t), inverse(t)), r);
            }
            Rect spun = r;
            Size size = image;
            for (int n = 0; n < 4; ++n) { // four quarter turns are the identity
                spun = turnRect(spun, size, Turn::RotateClockwise);
                size = turnedSize(size, Turn::RotateClockwise);
            }
            QCOMPARE(spun, r);
            const Rect halfTurn = turnRect(turnRect(r, image, Turn::RotateClockwise),
                turnedSize(image, Turn::RotateClockwise), Turn::RotateClockwise);
            QCOMPARE(halfTurn, turnRect(turnRect(r, image, Turn::FlipHorizontal), image, Turn::FlipVertical));
        }
    }

    void rawToOriented_movesRawTopLeftPixel_data()
    {
        QTest::addColumn<int>("orientation");
        QTest::addColumn<Size>("orientedSize");
        QTest::addColumn<Rect>("topLeftPixelLandsAt");
        // raw 4000x3000: where the raw top-left pixel is displayed
        QTest::newRow("1 identity") << 1 << Size { 4000, 3000 } << Rect { 0, 0, 1, 1 };
        QTest::newRow("2 mirror horizontal") << 2 << Size { 4000, 3000 } << Rect { 3999, 0, 1, 1 };
        QTest::newRow("3 rotate 180") << 3 << Size { 4000, 3000 } << Rect { 3999, 2999, 1, 1 };
        QTest::newRow("4 mirror vertical") << 4 << Size { 4000, 3000 } << Rect { 0, 2999, 1, 1 };
        QTest::newRow("5 transpose") << 5 << Size { 3000, 4000 } << Rect { 0, 0, 1, 1 };
        QTest::newRow("6 rotate 90 CW: top right") << 6 << Size { 3000, 4000 } << Rect { 2999, 0, 1, 1 };
        QTest::newRow("7 transverse") << 7 << Size { 3000, 4000 } << Rect { 2999, 3999, 1, 1 };
        QTest::newRow("8 rotate 270 CW: bottom left") << 8 << Size { 3000, 4000 } << Rect { 0, 3999, 1, 1 };
        QTest::newRow("0 is invalid: identity") << 0 << Size { 4000, 3000 } << Rect { 0, 0, 1, 1 };
        QTest::newRow("9 is invalid: identity") << 9 << Size { 4000, 3000 } << Rect { 0, 0, 1, 1 };
    }
    void rawToOriented_movesRawTopLeftPixel()
    {
        QFETCH(int, orientation);
        QFETCH(Size, orientedSize);
        QFETCH(Rect, topLeftPixelLandsAt);
        const Size raw { 4000, 3000 };
        QCOMPARE(cropwise::orientedSize(raw, orientation), orientedSize);
        QCOMPARE(rawToOriented({ 0, 0, 1, 1 }, raw, orientation), topLeftPixelLandsAt);
        QCOMPARE(orientedToRaw(topLeftPixelLandsAt, raw, orientation), Rect(0, 0, 1, 1));
    }

    void rawToOriented_matchesExifDefinition_forEveryOrientation_data()
    {
        QTest::addColumn<int>("orientation");
        for (int o = 1; o <= 8; ++o)
            QTest::newRow(qPrintable(QString::number(o))) << o;
    }
    void rawToOriented_matchesExifDefinition_forEveryOrientation()
    {
        QFETCH(int, orientation);
        std::mt19937 rng(orientation);
        for (int i = 0; i < 300; ++i) {
            const Size raw { 1 + int(rng() % 40), 1 + int(rng() % 40) };
            const Rect r = randomRect(rng, raw);
            const Rect oriented = rawToOriented(r, raw, orientation);
            QCOMPARE(oriented, mapRectByPixels(r, raw, stepsOf(orientation)));
            QVERIFY(Rect::fromSize(orientedSize(raw, orientation)).contains(oriented));
            QCOMPARE(orientedToRaw(oriented, raw, orientation), r);
        }
    }

    void composeOrientation_storesUserTurn_data()
    {
        QTest::addColumn<int>("orientation");
        QTest::addColumn<Turn>("turn");
        QTest::addColumn<int>("expected");
        QTest::newRow("1 + CW = 6") << 1 << Turn::RotateClockwise << 6;
        QTest::newRow("6 + CW = 3") << 6 << Turn::RotateClockwise << 3;
        QTest::newRow("3 + CW = 8") << 3 << Turn::RotateClockwise << 8;
        QTest::newRow("8 + CW = 1") << 8 << Turn::RotateClockwise << 1;
        QTest::newRow("6 + CCW = 1") << 6 << Turn::RotateCounterClockwise << 1;
        QTest::newRow("1 + flip H = 2") << 1 << Turn::FlipHorizontal << 2;
        QTest::newRow("2 + flip H = 1") << 2 << Turn::FlipHorizontal << 1;
        QTest::newRow("1 + flip V = 4") << 1 << Turn::FlipVertical << 4;
        QTest::newRow("6 + flip H = 5") << 6 << Turn::FlipHorizontal << 5;
        QTest::newRow("6 + flip V = 7") << 6 << Turn::FlipVertical << 7;
        QTest::newRow("invalid + CW = 6") << 0 << Turn::RotateClockwise << 6;
    }
    void composeOrientation_storesUserTurn()
    {
        QFETCH(int, orientation);
        QFETCH(Turn, turn);
        QFETCH(int, expected);
        QCOMPARE(composeOrientation(orientation, turn), expected);
    }

    void composeOrientation_equalsTurningTheOrientedRect()
    {
        std::mt19937 rng(11);
        for (int o = 1; o <= 8; ++o) {
            for (Turn t : allTurns) {
                for (int i = 0; i < 200; ++i) {
                    const Size raw { 1 + int(rng() % 500), 1 + int(rng() % 500) };
                    const Rect r = randomRect(rng, raw);
                    const int composed = composeOrientation(o, t);
                    QCOMPARE(orientedSize(raw, composed), turnedSize(orientedSize(raw, o), t));
                    QCOMPARE(rawToOriented(r, raw, composed),
                        turnRect(rawToOriented(r, raw, o), orientedSize(raw, o), t));
                }
            }
        }
    }

    void inverseOrientation_undoesOrientation()
    {
        const int expected[] = { 0, 1, 2, 3, 4, 5, 8, 7, 6 };
        for (int o = 1; o <= 8; ++o) {
            QCOMPARE(inverseOrientation(o), expected[o]);
            const Rect r { 3, 5, 7, 11 };
            const Size raw { 40, 30 };
            const Rect oriented = rawToOriented(r, raw, o);
            QCOMPARE(rawToOriented(oriented, orientedSize(raw, o), inverseOrientation(o)), r);
        }
    }
};

QTEST_APPLESS_MAIN(ImageTurnTest)
#include "ImageTurnTest.moc"
