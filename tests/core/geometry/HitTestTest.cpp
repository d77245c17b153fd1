#include "core/geometry/HitTest.h"

#include "GeometryTestSupport.h"

#include <QTest>

using namespace cropwise;

class HitTestTest : public QObject
{
    Q_OBJECT

private slots:
    void hitTest_findsHandle_data()
    {
        QTest::addColumn<RectF>("crop");
        QTest::addColumn<PointF>("point");
        QTest::addColumn<Handle>("expected");
        const RectF crop { 100, 100, 200, 100 }; // edges 100..300 x 100..200, tolerance 8
        QTest::newRow("top left on the corner") << crop << PointF { 100, 100 } << Handle::TopLeft;
        QTest::newRow("top left just outside") << crop << PointF { 95, 95 } << Handle::TopLeft;
        QTest::newRow("top left at the tolerance") << crop << PointF { 92, 92 } << Handle::TopLeft;
        QTest::newRow("top left just inside") << crop << PointF { 107, 107 } << Handle::TopLeft;
        QTest::newRow("top right") << crop << PointF { 300, 100 } << Handle::TopRight;
        QTest::newRow("bottom right") << crop << PointF { 305, 203 } << Handle::BottomRight;
        QTest::newRow("bottom left") << crop << PointF { 100, 200 } << Handle::BottomLeft;
        QTest::newRow("top") << crop << PointF { 200, 100 } << Handle::Top;
        QTest::newRow("top from outside") << crop << PointF { 200, 95 } << Handle::Top;
        QTest::newRow("bottom") << crop << PointF { 200, 200 } << Handle::Bottom;
        QTest::newRow("left") << crop << PointF { 100, 150 } << Handle::Left;
        QTest::newRow("right") << crop << PointF { 300, 150 } << Handle::Right;
        QTest::newRow("corner wins over edge") << crop << PointF { 106, 101 } << Handle::TopLeft;
        QTest::newRow("inside") << crop << PointF { 200, 150 } << Handle::Move;
        QTest::newRow("inside past the tolerance") << crop << PointF { 109, 150 } << Handle::Move;
        QTest::newRow("outside left") << crop << PointF { 91, 150 } << Handle::None;
        QTest::newRow("outside below") << crop << PointF { 200, 209 } << Handle::None;
        QTest::newRow("outside the corner") << crop << PointF { 309, 209 } << Handle::None;

        const RectF small { 100, 100, 8, 8 }; // inner band shrinks to 2 px, so the middle still moves
        QTest::newRow("small: middle moves") << small << PointF { 104, 104 } << Handle::Move;
        QTest::newRow("small: corner inside") << small << PointF { 101, 101 } << Handle::TopLeft;
        QTest::newRow("small: left from outside") << small << PointF { 95, 104 } << Handle::Left;
        QTest::newRow("small: top from outside") << small << PointF { 104, 92 } << Handle::Top;
        QTest::newRow("small: bottom right outside") << small << PointF { 110, 110 } << Handle::BottomRight;
        QTest::newRow("small: beyond tolerance") << small << PointF { 117, 104 } << Handle::None;

        const RectF collapsed { 100, 100, 0, 50 }; // zero width: the nearer edge wins, ties go right
        QTest::newRow("collapsed: on the line") << collapsed << PointF { 100, 125 } << Handle::Right;
        QTest::newRow("collapsed: left of it") << collapsed << PointF { 99, 125 } << Handle::Left;
        QTest::newRow("collapsed: right of it") << collapsed << PointF { 101, 125 } << Handle::Right;
    }
    void hitTest_findsHandle()
    {
        QFETCH(RectF, crop);
        QFETCH(PointF, point);
        QFETCH(Handle, expected);
        QCOMPARE(hitTest(crop, point, 8.0), expected);
    }

    void hitTest_keepsMoveArea_forEverySmallRect()
    {
        for (double size = 0.5; size < 40; size += 0.5) {
            const RectF r { 50, 50, size, size };
            QCOMPARE(hitTest(r, r.centre(), 10.0), Handle::Move);
        }
    }
};

QTEST_APPLESS_MAIN(HitTestTest)
#include "HitTestTest.moc"
