#include "core/annotations/BoxTransform.h"
#include "core/geometry/ImageTurn.h"

#include <QTest>

using namespace cropwise;

Q_DECLARE_METATYPE(cropwise::BoxF)
Q_DECLARE_METATYPE(cropwise::Rect)
Q_DECLARE_METATYPE(cropwise::Size)

namespace {

bool near(const BoxF &a, const BoxF &b, double eps = 1e-9)
{
    return std::abs(a.x - b.x) <= eps && std::abs(a.y - b.y) <= eps && std::abs(a.width - b.width) <= eps
        && std::abs(a.height - b.height) <= eps;
}

QByteArray text(const BoxF &b)
{
    return QStringLiteral("(%1, %2, %3 x %4)").arg(b.x).arg(b.y).arg(b.width).arg(b.height).toUtf8();
}

} // namespace

class BoxTransformTest : public QObject
{
    Q_OBJECT

private slots:
    void boxIntoCrop_shiftsClipsScalesAndDrops_data()
    {
        QTest::addColumn<BoxF>("box");
        QTest::addColumn<Rect>("crop");
        QTest::addColumn<Size>("output");
        QTest::addColumn<double>("minVisibility");
        QTest::addColumn<bool>("kept");
        QTest::addColumn<BoxF>("expected");
        QTest::addColumn<bool>("truncated");

        const Rect crop { 100, 50, 200, 100 };
        QTest::newRow("fully inside: shifted only") << BoxF { 120, 60, 40, 30 } << crop << Size { 200, 100 }
                                                    << 0.5 << true << BoxF { 20, 10, 40, 30 } << false;
        QTest::newRow("fully inside, scaled down by 2")
            << BoxF { 120, 60, 40, 30 } << crop << Size { 100, 50 } << 0.5 << true << BoxF { 10, 5, 20, 15 }
            << false;
        QTest::newRow("non-uniform scale (x 0.5, y 3)")
            << BoxF { 120, 60, 40, 30 } << crop << Size { 100, 300 } << 0.5 << true << BoxF { 10, 30, 20, 90 }
            << false;
        QTest::newRow("sub-pixel box keeps its fraction")
            << BoxF { 100.5, 50.25, 10.5, 4.5 } << crop << Size { 400, 200 } << 0.5 << true
            << BoxF { 1, 0.5, 21, 9 } << false;
        QTest::newRow("the crop itself") << BoxF { 100, 50, 200, 100 } << crop << Size { 200, 100 } << 1.0
                                         << true << BoxF { 0, 0, 200, 100 } << false;
        QTest::newRow("partly outside left: 75% visible, clipped, truncated")
            << BoxF { 90, 60, 40, 20 } << crop << Size { 200, 100 } << 0.5 << true << BoxF { 0, 10, 30, 20 }
            << true;
        QTest::newRow("partly outside right and bottom, scaled")
            << BoxF { 280, 130, 40, 40 } << crop << Size { 400, 200 } << 0.2 << true
            << BoxF { 360, 160, 40, 40 } << true;
        QTest::newRow("exactly at the threshold is kept")
            << BoxF { 90, 60, 20, 10 } << crop << Size { 200, 100 } << 0.5 << true << BoxF { 0, 10, 10, 10 }
            << true;
        QTest::newRow("just below the threshold is dropped")
            << BoxF { 89, 60, 20, 10 } << crop << Size { 200, 100 } << 0.5 << false << BoxF {} << false;
        QTest::newRow("fully outside is dropped even at 0")
            << BoxF { 0, 0, 50, 40 } << crop << Size { 200, 100 } << 0.0 << false << BoxF {} << false;
        QTest::newRow("touching the edge only is dropped")
            << BoxF { 60, 60, 40, 10 } << crop << Size { 200, 100 } << 0.0 << false << BoxF {} << false;
        QTest::newRow("min visibility 0 keeps a sliver")
            << BoxF { 99, 60, 2, 10 } << crop << Size { 200, 100 } << 0.0 << true << BoxF { 0, 10, 1, 10 }
            << true;
        QTest::newRow("min visibility 1 drops any clipping")
            << BoxF { 99, 60, 100, 10 } << crop << Size { 200, 100 } << 1.0 << false << BoxF {} << false;
        QTest::newRow("box larger than the crop, covering it")
            << BoxF { 0, 0, 1000, 1000 } << crop << Size { 200, 100 } << 0.0 << true
            << BoxF { 0, 0, 200, 100 } << true;
        QTest::newRow("empty box is dropped")
            << BoxF { 120, 60, 0, 10 } << crop << Size { 200, 100 } << 0.0 << false << BoxF {} << false;
        QTest::newRow("empty output is dropped")
            << BoxF { 120, 60, 10, 10 } << crop << Size { 0, 100 } << 0.0 << false << BoxF {} << false;
    }
    void boxIntoCrop_shiftsClipsScalesAndDrops()
    {
        QFETCH(BoxF, box);
        QFETCH(Rect, crop);
        QFETCH(Size, output);
        QFETCH(double, minVisibility);
        QFETCH(bool, kept);
        QFETCH(BoxF, expected);
        QFETCH(bool, truncated);

        const ObjectBox in { QStringLiteral("cat"), box, true, false };
        const auto out = boxIntoCrop(in, crop, output, minVisibility);
        QCOMPARE(out.has_value(), kept);
        if (!kept)
            return;
        QVERIFY2(near(out->box, expected), text(out->box) + " != " + text(expected));
        QCOMPARE(out->truncated, truncated);
        QCOMPARE(out->label, QStringLiteral("cat"));
        QVERIFY(out->difficult); // kept as it was
        QVERIFY(out->box.x >= 0 && out->box.rightEdge() <= output.width);
        QVERIFY(out->box.y >= 0 && out->box.bottomEdge() <= output.height);
    }

    void boxIntoCrop_keepsTruncatedThatWasSet()
    {
        const ObjectBox in { QStringLiteral("a"), { 10, 10, 5, 5 }, false, true };
        const auto out = boxIntoCrop(in, { 0, 0, 100, 100 }, { 100, 100 });
        QVERIFY(out);
        QVERIFY(out->truncated);
    }

    void boxIntoCrop_defaultThresholdIsHalf()
    {
        const ObjectBox half { QStringLiteral("a"), { -5, 0, 10, 10 }, false, false };
        const ObjectBox less { QStringLiteral("a"), { -6, 0, 10, 10 }, false, false };
        QVERIFY(boxIntoCrop(half, { 0, 0, 100, 100 }, { 100, 100 }));
        QVERIFY(!boxIntoCrop(less, { 0, 0, 100, 100 }, { 100, 100 }));
    }

    // The double version must agree with the integer mapping the crops use (core/geometry).
    void orientBox_matchesRawToOriented_forAllOrientations_data()
    {
        QTest::addColumn<int>("orientation");
        for (int o = 1; o <= 8; ++o)
            QTest::newRow(QByteArray::number(o).constData()) << o;
    }
    void orientBox_matchesRawToOriented_forAllOrientations()
    {
        QFETCH(int, orientation);
        const Size raw { 64, 40 };
        const Rect rects[]
            = { { 0, 0, 1, 1 }, { 3, 5, 10, 7 }, { 50, 30, 14, 10 }, { 0, 0, 64, 40 }, { 20, 1, 30, 38 } };
        for (const Rect &r : rects) {
            const Rect expected = rawToOriented(r, raw, orientation);
            const BoxF got = orientBox(BoxF::fromRect(r), raw, orientation);
            QVERIFY2(
                near(got, BoxF::fromRect(expected)), text(got) + " != " + text(BoxF::fromRect(expected)));
            QVERIFY(near(unorientBox(got, raw, orientation), BoxF::fromRect(r)));
        }
        // Fractions survive exactly.
        const BoxF f { 1.25, 2.5, 3.75, 4.5 };
        QVERIFY(near(unorientBox(orientBox(f, raw, orientation), raw, orientation), f));
    }

    void orientBox_rotate90Clockwise_movesTopLeftToTopRight()
    {
        // Raw 40 wide x 20 high, orientation 6: displayed 20 x 40; the raw top-left pixel is now top-right.
        const BoxF b = orientBox({ 0, 0, 1, 1 }, { 40, 20 }, 6);
        QVERIFY2(near(b, { 19, 0, 1, 1 }), text(b));
    }

    void turnedBox_matchesUserTurnOnRects()
    {
        const Size oriented { 60, 30 };
        const Rect r { 5, 7, 20, 10 };
        UserTurn turn;
        for (Turn step : { Turn::RotateClockwise, Turn::FlipHorizontal, Turn::RotateClockwise,
                 Turn::FlipVertical, Turn::RotateCounterClockwise }) {
            turn = turn.then(step);
            const Rect expected = turn.apply(r, oriented);
            const ObjectBox got
                = turnedBox({ QStringLiteral("x"), BoxF::fromRect(r), false, false }, oriented, turn);
            QVERIFY2(near(got.box, BoxF::fromRect(expected)),
                text(got.box) + " != " + text(BoxF::fromRect(expected)));
        }
    }

    void clipToImage_clipsAndMarksTruncated()
    {
        const auto clipped
            = clipToImage({ QStringLiteral("a"), { -10, 5, 30, 10 }, false, false }, { 100, 50 });
        QVERIFY(clipped);
        QVERIFY(near(clipped->box, { 0, 5, 20, 10 }));
        QVERIFY(clipped->truncated);
        const auto inside
            = clipToImage({ QStringLiteral("a"), { 10, 5, 30, 10 }, false, false }, { 100, 50 });
        QVERIFY(inside && !inside->truncated);
        QVERIFY(!clipToImage({ QStringLiteral("a"), { 200, 5, 30, 10 }, false, false }, { 100, 50 }));
    }
};

QTEST_APPLESS_MAIN(BoxTransformTest)
#include "BoxTransformTest.moc"
