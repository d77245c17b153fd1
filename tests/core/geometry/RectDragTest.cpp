#include "core/geometry/RectDrag.h"
#include "core/geometry/AspectSolver.h"

#include "GeometryTestSupport.h"

#include <QTest>

#include <random>

using namespace cropwise;

namespace {

// Bounds that do not start at the origin: x in [100, 500), y in [50, 350).
constexpr Rect bounds { 100, 50, 400, 300 };
// A free crop (edges 200..300 x 100..180) and a 4:3 crop (k = 25; edges 200..300 x 100..175).
constexpr Rect freeCrop { 200, 100, 100, 80 };
constexpr Rect crop43 { 200, 100, 100, 75 };
constexpr AspectRatio ratio43 { 4, 3 };

using OptionalRatio = std::optional<AspectRatio>;

void addColumns()
{
    QTest::addColumn<Handle>("handle");
    QTest::addColumn<Rect>("atPress");
    QTest::addColumn<Point>("delta");
    QTest::addColumn<OptionalRatio>("aspect");
    QTest::addColumn<Size>("minimum");
    QTest::addColumn<ResizeMode>("mode");
    QTest::addColumn<Rect>("bounds");
    QTest::addColumn<Rect>("expected");
}

void addFree(
    const char *name, Handle h, Point delta, Rect expected, Rect atPress = freeCrop, Size minimum = { 1, 1 })
{
    QTest::newRow(name) << h << atPress << delta << OptionalRatio() << minimum << ResizeMode::FromAnchor
                        << bounds << expected;
}

void addLocked(
    const char *name, Handle h, Point delta, Rect expected, Rect atPress = crop43, Size minimum = { 1, 1 })
{
    QTest::newRow(name) << h << atPress << delta << OptionalRatio(ratio43) << minimum
                        << ResizeMode::FromAnchor << bounds << expected;
}

void addCentred(const char *name, Handle h, Point delta, OptionalRatio aspect, Rect atPress, Rect expected)
{
    QTest::newRow(name) << h << atPress << delta << aspect << Size { 1, 1 } << ResizeMode::FromCentre
                        << bounds << expected;
}

Rect randomRectInside(std::mt19937 &rng, const Rect &b)
{
    const int x = b.x + int(rng() % b.width);
    const int y = b.y + int(rng() % b.height);
    return { x, y, 1 + int(rng() % (b.rightEdge() - x)), 1 + int(rng() % (b.bottomEdge() - y)) };
}

bool touchesHorizontalBorder(const Rect &r, const Rect &b)
{
    return r.x == b.x || r.rightEdge() == b.rightEdge();
}

bool touchesVerticalBorder(const Rect &r, const Rect &b)
{
    return r.y == b.y || r.bottomEdge() == b.bottomEdge();
}

} // namespace

class RectDragTest : public QObject
{
    Q_OBJECT

private slots:
    void dragHandle_movesEdgesFreely_data()
    {
        addColumns();
        addFree("top left", Handle::TopLeft, { -10, -20 }, { 190, 80, 110, 100 });
        addFree("top ignores dx", Handle::Top, { 5, -20 }, { 200, 80, 100, 100 });
        addFree("top right", Handle::TopRight, { 10, -20 }, { 200, 80, 110, 100 });
        addFree("right ignores dy", Handle::Right, { 30, 7 }, { 200, 100, 130, 80 });
        addFree("bottom right", Handle::BottomRight, { 30, 20 }, { 200, 100, 130, 100 });
        addFree("bottom", Handle::Bottom, { 0, 20 }, { 200, 100, 100, 100 });
        addFree("bottom left", Handle::BottomLeft, { -10, 20 }, { 190, 100, 110, 100 });
        addFree("left", Handle::Left, { -10, 0 }, { 190, 100, 110, 80 });
        addFree("move", Handle::Move, { 10, 10 }, { 210, 110, 100, 80 });
        addFree("none keeps the rect", Handle::None, { 10, 10 }, freeCrop);
    }
    void dragHandle_movesEdgesFreely() { checkDrag(); }

    void dragHandle_stopsAtEveryBorder_whenFree_data()
    {
        addColumns();
        addFree("left border", Handle::Left, { -500, 0 }, { 100, 100, 200, 80 });
        addFree("right border", Handle::Right, { 500, 0 }, { 200, 100, 300, 80 });
        addFree("top border", Handle::Top, { 0, -500 }, { 200, 50, 100, 130 });
        addFree("bottom border", Handle::Bottom, { 0, 500 }, { 200, 100, 100, 250 });
        addFree("top left corner", Handle::TopLeft, { -500, -500 }, { 100, 50, 200, 130 });
        addFree("top right corner", Handle::TopRight, { 500, -500 }, { 200, 50, 300, 130 });
        addFree("bottom right corner", Handle::BottomRight, { 500, 500 }, { 200, 100, 300, 250 });
        addFree("bottom left corner", Handle::BottomLeft, { -500, 500 }, { 100, 100, 200, 250 });
        addFree("move to top left", Handle::Move, { -1000, -1000 }, { 100, 50, 100, 80 });
        addFree("move to bottom right", Handle::Move, { 1000, 1000 }, { 400, 270, 100, 80 });
    }
    void dragHandle_stopsAtEveryBorder_whenFree() { checkDrag(); }

    void dragHandle_flipsPastTheAnchor_data()
    {
        addColumns();
        addFree("right past left edge", Handle::Right, { -150, 0 }, { 150, 100, 50, 80 });
        addFree("left past right edge", Handle::Left, { 150, 0 }, { 300, 100, 50, 80 });
        addFree("bottom past top edge", Handle::Bottom, { 0, -120 }, { 200, 60, 100, 40 });
        addFree("top past bottom edge", Handle::Top, { 0, 120 }, { 200, 180, 100, 40 });
        addFree("top left past both", Handle::TopLeft, { 150, 120 }, { 300, 180, 50, 40 });
        addFree("onto the anchor: minimum width", Handle::Right, { -100, 0 }, { 200, 100, 1, 80 });
        addFree("flipped to the left border", Handle::Right, { -500, 0 }, { 100, 100, 100, 80 });
        addLocked("4:3 corner flips both axes", Handle::BottomRight, { -150, -120 }, { 148, 61, 52, 39 });
        addLocked("4:3 edge flips and re-centres", Handle::Right, { -140, 0 }, { 160, 122, 40, 30 });
    }
    void dragHandle_flipsPastTheAnchor() { checkDrag(); }

    void dragHandle_keepsMinimumSize_data()
    {
        addColumns();
        const Size min { 20, 20 };
        addFree("just before the anchor", Handle::Right, { -95, 0 }, { 200, 100, 20, 80 }, freeCrop, min);
        addFree("just past the anchor", Handle::Right, { -105, 0 }, { 180, 100, 20, 80 }, freeCrop, min);
        addFree("bottom", Handle::Bottom, { 0, -75 }, { 200, 100, 100, 20 }, freeCrop, min);
        addFree("no room past the border: pushed back", Handle::Left, { 100, 0 }, { 480, 100, 20, 80 },
            { 450, 100, 50, 80 }, min);
        addFree("minimum larger than bounds is clipped", Handle::Right, { -100, 0 }, { 100, 100, 400, 80 },
            freeCrop, { 1000, 10 });
        // 50x50 rounded up to 4:3 is 68x51 (k = 17)
        addLocked("4:3 minimum rounded up to the ratio", Handle::Right, { -90, 0 }, { 200, 112, 68, 51 },
            crop43, { 50, 50 });
        addLocked("4:3 minimum against the right border", Handle::Left, { 100, 0 }, { 432, 104, 68, 51 },
            { 420, 100, 80, 60 }, { 50, 50 });
    }
    void dragHandle_keepsMinimumSize() { checkDrag(); }

    void dragHandle_keepsAspect_data()
    {
        addColumns();
        // corners: k = round((wantedW*4 + wantedH*3) / 25), the projection on the ratio's diagonal
        addLocked("bottom right along x", Handle::BottomRight, { 40, 0 }, { 200, 100, 124, 93 });
        addLocked("bottom right on the diagonal", Handle::BottomRight, { 40, 30 }, { 200, 100, 140, 105 });
        addLocked("top left", Handle::TopLeft, { -40, -30 }, { 160, 70, 140, 105 });
        addLocked("top right", Handle::TopRight, { 40, -30 }, { 200, 70, 140, 105 });
        addLocked("bottom left", Handle::BottomLeft, { -40, 30 }, { 160, 100, 140, 105 });
        // edges: the other dimension follows symmetrically about the centre line
        addLocked("right", Handle::Right, { 40, 0 }, { 200, 85, 140, 105 });
        addLocked("left", Handle::Left, { -40, 0 }, { 160, 85, 140, 105 });
        addLocked("bottom", Handle::Bottom, { 0, 30 }, { 180, 100, 140, 105 });
        addLocked("top", Handle::Top, { 0, -30 }, { 180, 70, 140, 105 });
        addLocked(
            "right, odd growth centred within half a pixel", Handle::Right, { 2, 0 }, { 200, 98, 104, 78 });
        addLocked("move keeps size", Handle::Move, { -7, 9 }, { 193, 109, 100, 75 });
        addLocked("a free rect at press snaps to the ratio", Handle::Right, { 0, 0 }, { 200, 102, 100, 75 },
            freeCrop);
    }
    void dragHandle_keepsAspect() { checkDrag(); }

    void dragHandle_keepsAspectAgainstEveryBorder_data()
    {
        addColumns();
        addLocked("bottom right: right border decides", Handle::BottomRight, { 1000, 1000 },
            { 200, 100, 300, 225 });
        addLocked("top left: top border decides", Handle::TopLeft, { -1000, -1000 }, { 136, 52, 164, 123 });
        addLocked("top right", Handle::TopRight, { 1000, -1000 }, { 200, 52, 164, 123 });
        addLocked(
            "bottom left: left border decides", Handle::BottomLeft, { -1000, 1000 }, { 100, 100, 200, 150 });
        addLocked("right: centred height hits the top", Handle::Right, { 1000, 0 }, { 200, 50, 232, 174 });
        addLocked("left: left border decides", Handle::Left, { -1000, 0 }, { 100, 62, 200, 150 });
        addLocked(
            "bottom: centred width fills the bounds", Handle::Bottom, { 0, 1000 }, { 100, 100, 300, 225 });
        addLocked("top: top border decides", Handle::Top, { 0, -1000 }, { 168, 52, 164, 123 });
        addLocked("move clamps", Handle::Move, { 1000, -1000 }, { 400, 50, 100, 75 });
    }
    void dragHandle_keepsAspectAgainstEveryBorder() { checkDrag(); }

    void dragHandle_resizesAroundCentre_whenFromCentre_data()
    {
        addColumns();
        addCentred("right grows both sides", Handle::Right, { 10, 0 }, {}, freeCrop, { 190, 100, 120, 80 });
        addCentred("bottom right", Handle::BottomRight, { 10, 10 }, {}, freeCrop, { 190, 90, 120, 100 });
        addCentred("top left outward", Handle::TopLeft, { -10, -10 }, {}, freeCrop, { 190, 90, 120, 100 });
        addCentred("left inward", Handle::Left, { 60, 0 }, {}, freeCrop, { 240, 100, 20, 80 });
        addCentred(
            "odd growth stays exactly centred", Handle::Right, { 1, 0 }, {}, freeCrop, { 199, 100, 102, 80 });
        addCentred("left: the nearer border limits both sides", Handle::Left, { -500, 0 }, {}, freeCrop,
            { 100, 100, 300, 80 });
        addCentred("top: the nearer border limits both sides", Handle::Top, { 0, -500 }, {}, freeCrop,
            { 200, 50, 100, 180 });
        addCentred("4:3 corner", Handle::BottomRight, { 10, 10 }, ratio43, crop43, { 188, 91, 124, 93 });
        addCentred("4:3 edge", Handle::Right, { 10, 0 }, ratio43, crop43, { 190, 92, 120, 90 });
        addCentred(
            "4:3 far corner", Handle::BottomRight, { 1000, 1000 }, ratio43, crop43, { 134, 50, 232, 174 });
    }
    void dragHandle_resizesAroundCentre_whenFromCentre() { checkDrag(); }

    void dragHandle_dropsAspect_whenRatioCannotFitBounds()
    {
        CropConstraints c { { 0, 0, 10, 10 }, AspectRatio { 16, 9 } };
        QCOMPARE(dragHandle(Handle::Right, { 2, 2, 4, 4 }, { 3, 0 }, c), Rect(2, 2, 7, 4));
    }

    void dragHandle_returnsAtPress_whenBoundsEmpty()
    {
        QCOMPARE(dragHandle(Handle::Right, freeCrop, { 3, 0 }, CropConstraints {}), freeCrop);
    }

    void dragHandle_holdsInvariants_forRandomDrags()
    {
        std::mt19937 rng(12345); // fixed seed: failures are reproducible
        const OptionalRatio ratios[] = { std::nullopt, AspectRatio { 1, 1 }, AspectRatio { 4, 5 },
            AspectRatio { 5, 4 }, AspectRatio { 3, 2 }, AspectRatio { 16, 9 }, AspectRatio { 9, 16 },
            AspectRatio { 7, 3 }, AspectRatio { 1, 32 } };
        const Handle handles[] = { Handle::Move, Handle::TopLeft, Handle::Top, Handle::TopRight,
            Handle::Right, Handle::Left, Handle::BottomLeft, Handle::Bottom, Handle::BottomRight };
        for (int i = 0; i < 30000; ++i) {
            CropConstraints c;
            c.bounds = { int(rng() % 400) - 200, int(rng() % 400) - 200, 1 + int(rng() % 600),
                1 + int(rng() % 600) };
            c.aspect = ratios[rng() % std::size(ratios)];
            c.minimumSize = { 1 + int(rng() % 60), 1 + int(rng() % 60) };
            c.mode = rng() % 2 ? ResizeMode::FromCentre : ResizeMode::FromAnchor;
            const Handle h = handles[rng() % std::size(handles)];
            const Rect atPress = randomRectInside(rng, c.bounds);
            const Point delta { int(rng() % 1400) - 700, int(rng() % 1400) - 700 };
            const Rect result = dragHandle(h, atPress, delta, c);
            const QByteArray context = QByteArray("case ") + QByteArray::number(i) + " " + handleName(h) + " "
                + toString(atPress) + " -> " + toString(result);
            checkInvariants(h, atPress, result, c, context);
        }
    }

    void drawRect_followsCursorInAnyDirection_data()
    {
        QTest::addColumn<Point>("anchor");
        QTest::addColumn<Point>("current");
        QTest::addColumn<OptionalRatio>("aspect");
        QTest::addColumn<ResizeMode>("mode");
        QTest::addColumn<Rect>("expected");
        const Point a { 200, 100 };
        const auto fromAnchor = ResizeMode::FromAnchor;
        QTest::newRow("down right") << a << Point { 260, 140 } << OptionalRatio() << fromAnchor
                                    << Rect { 200, 100, 60, 40 };
        QTest::newRow("up left") << a << Point { 150, 60 } << OptionalRatio() << fromAnchor
                                 << Rect { 150, 60, 50, 40 };
        QTest::newRow("up right") << a << Point { 260, 60 } << OptionalRatio() << fromAnchor
                                  << Rect { 200, 60, 60, 40 };
        QTest::newRow("down left") << a << Point { 150, 140 } << OptionalRatio() << fromAnchor
                                   << Rect { 150, 100, 50, 40 };
        QTest::newRow("past the bounds")
            << a << Point { 1000, 1000 } << OptionalRatio() << fromAnchor << Rect { 200, 100, 300, 250 };
        QTest::newRow("anchor outside bounds is clamped")
            << Point { 0, 0 } << a << OptionalRatio() << fromAnchor << Rect { 100, 50, 100, 50 };
        QTest::newRow("click gives minimum size")
            << a << a << OptionalRatio() << fromAnchor << Rect { 200, 100, 1, 1 };
        QTest::newRow("square down right") << a << Point { 260, 140 } << OptionalRatio(AspectRatio { 1, 1 })
                                           << fromAnchor << Rect { 200, 100, 50, 50 };
        QTest::newRow("square up left") << a << Point { 150, 60 } << OptionalRatio(AspectRatio { 1, 1 })
                                        << fromAnchor << Rect { 155, 55, 45, 45 };
        QTest::newRow("16:9 to the corner")
            << a << Point { 1000, 1000 } << OptionalRatio(AspectRatio { 16, 9 }) << fromAnchor
            << Rect { 200, 100, 288, 162 };
        QTest::newRow("from centre") << a << Point { 230, 120 } << OptionalRatio() << ResizeMode::FromCentre
                                     << Rect { 170, 80, 60, 40 };
        QTest::newRow("square from centre") << a << Point { 230, 120 } << OptionalRatio(AspectRatio { 1, 1 })
                                            << ResizeMode::FromCentre << Rect { 175, 75, 50, 50 };
    }
    void drawRect_followsCursorInAnyDirection()
    {
        QFETCH(Point, anchor);
        QFETCH(Point, current);
        QFETCH(OptionalRatio, aspect);
        QFETCH(ResizeMode, mode);
        QFETCH(Rect, expected);
        QCOMPARE(drawRect(anchor, current, { bounds, aspect, { 1, 1 }, mode }), expected);
    }

    void drawRect_holdsInvariants_forRandomDraws()
    {
        std::mt19937 rng(777);
        const OptionalRatio ratios[]
            = { std::nullopt, AspectRatio { 1, 1 }, AspectRatio { 4, 5 }, AspectRatio { 16, 9 } };
        for (int i = 0; i < 10000; ++i) {
            const CropConstraints c { bounds, ratios[rng() % std::size(ratios)],
                { 1 + int(rng() % 30), 1 + int(rng() % 30) },
                rng() % 2 ? ResizeMode::FromCentre : ResizeMode::FromAnchor };
            const Point anchor { bounds.x + int(rng() % bounds.width),
                bounds.y + int(rng() % bounds.height) };
            const Point current { int(rng() % 800) - 100, int(rng() % 600) - 100 };
            const Rect r = drawRect(anchor, current, c);
            QVERIFY(c.bounds.contains(r));
            QVERIFY(!r.isEmpty());
            if (c.aspect)
                QVERIFY(c.aspect->matches(r.size()));
            if (c.mode == ResizeMode::FromAnchor) { // the anchor is a corner unless a border pushed it
                QVERIFY(r.x == anchor.x || r.rightEdge() == anchor.x || touchesHorizontalBorder(r, bounds));
                QVERIFY(r.y == anchor.y || r.bottomEdge() == anchor.y || touchesVerticalBorder(r, bounds));
            }
        }
    }

    void moveRect_clampsInsideBounds_data()
    {
        QTest::addColumn<Rect>("rect");
        QTest::addColumn<Point>("delta");
        QTest::addColumn<Rect>("expected");
        QTest::newRow("inside") << freeCrop << Point { 5, -5 } << Rect { 205, 95, 100, 80 };
        QTest::newRow("past left and top") << freeCrop << Point { -150, -80 } << Rect { 100, 50, 100, 80 };
        QTest::newRow("past right and bottom")
            << freeCrop << Point { 250, 300 } << Rect { 400, 270, 100, 80 };
        QTest::newRow("larger than bounds shrinks")
            << Rect { 0, 0, 1000, 100 } << Point { 1, 1 } << Rect { 100, 50, 400, 100 };
    }
    void moveRect_clampsInsideBounds()
    {
        QFETCH(Rect, rect);
        QFETCH(Point, delta);
        QFETCH(Rect, expected);
        QCOMPARE(moveRect(rect, delta, bounds), expected);
        QCOMPARE(nudged(rect, delta, bounds), expected);
    }

    void clampInside_movesFirstAndShrinksOnlyWhenTooLarge_data()
    {
        QTest::addColumn<Rect>("rect");
        QTest::addColumn<Rect>("expected");
        QTest::newRow("inside unchanged") << freeCrop << freeCrop;
        QTest::newRow("outside left moved in") << Rect { 0, 100, 50, 50 } << Rect { 100, 100, 50, 50 };
        QTest::newRow("outside bottom right moved in")
            << Rect { 480, 340, 50, 50 } << Rect { 450, 300, 50, 50 };
        QTest::newRow("too wide shrinks to bounds")
            << Rect { 50, 100, 500, 50 } << Rect { 100, 100, 400, 50 };
        QTest::newRow("too tall shrinks to bounds") << Rect { 120, 0, 50, 900 } << Rect { 120, 50, 50, 300 };
    }
    void clampInside_movesFirstAndShrinksOnlyWhenTooLarge()
    {
        QFETCH(Rect, rect);
        QFETCH(Rect, expected);
        QCOMPARE(clampInside(rect, bounds), expected);
    }

    void swapOrientation_swapsAboutCentre_data()
    {
        QTest::addColumn<Rect>("rect");
        QTest::addColumn<Rect>("bounds");
        QTest::addColumn<Rect>("expected");
        QTest::newRow("4:5 to 5:4 about the centre")
            << Rect { 200, 100, 80, 100 } << bounds << Rect { 190, 110, 100, 80 };
        QTest::newRow("at the border: moved inside")
            << Rect { 100, 50, 80, 100 } << bounds << Rect { 100, 60, 100, 80 };
        QTest::newRow("too large: shrunk with the exact swapped ratio")
            << Rect { 0, 25, 300, 375 } << Rect { 0, 0, 300, 400 } << Rect { 0, 92, 300, 240 };
        QTest::newRow("free rect with large terms: shrunk proportionally")
            << Rect { 0, 0, 299, 397 } << Rect { 0, 0, 300, 400 } << Rect { 0, 85, 300, 226 };
    }
    void swapOrientation_swapsAboutCentre()
    {
        QFETCH(Rect, rect);
        QFETCH(Rect, bounds);
        QFETCH(Rect, expected);
        QCOMPARE(swapOrientation(rect, bounds), expected);
    }

    void swapOrientation_twiceRestoresRect_whenNothingShrank()
    {
        const Rect r { 201, 101, 81, 100 }; // odd width: the centre sits on a half pixel
        const Rect once = swapOrientation(r, bounds);
        QCOMPARE(once.size(), Size(100, 81));
        QCOMPARE(swapOrientation(once, bounds), r);
    }

    void swapOrientation_givesSwappedRatioExactly_whenLocked()
    {
        const Rect r { 200, 100, 80, 100 };
        QCOMPARE(swapOrientation(r, AspectRatio { 4, 5 }, bounds), Rect(190, 110, 100, 80));
        // A whole-height 4:5 crop becomes the largest 5:4 the bounds allow.
        const Rect tall { 180, 50, 240, 300 };
        const Rect wide = swapOrientation(tall, AspectRatio { 4, 5 }, bounds);
        QVERIFY(AspectRatio(5, 4).matches(wide.size()));
        QVERIFY(bounds.contains(wide));
        QCOMPARE(wide.size(), Size(300, 240));
    }

    void applyAspect_keepsCentreAndArea_data()
    {
        QTest::addColumn<Rect>("rect");
        QTest::addColumn<AspectRatio>("ratio");
        QTest::addColumn<Rect>("bounds");
        QTest::addColumn<Rect>("expected");
        QTest::newRow("square from the whole bounds")
            << bounds << AspectRatio { 1, 1 } << bounds << Rect { 150, 50, 300, 300 };
        QTest::newRow("16:9 keeps area")
            << crop43 << AspectRatio { 16, 9 } << bounds << Rect { 194, 106, 112, 63 };
        QTest::newRow("same ratio is unchanged") << crop43 << ratio43 << bounds << crop43;
        QTest::newRow("near the border: moved inside")
            << Rect { 100, 50, 100, 100 } << AspectRatio { 2, 1 } << bounds << Rect { 100, 64, 142, 71 };
        QTest::newRow("ratio cannot fit: clamped only")
            << Rect { 2, 2, 4, 4 } << AspectRatio { 16, 9 } << Rect { 0, 0, 10, 10 } << Rect { 2, 2, 4, 4 };
    }
    void applyAspect_keepsCentreAndArea()
    {
        QFETCH(Rect, rect);
        QFETCH(AspectRatio, ratio);
        QFETCH(Rect, bounds);
        QFETCH(Rect, expected);
        QCOMPARE(applyAspect(rect, ratio, bounds), expected);
    }

    void applyAspect_isExactAndInside_forRandomRects()
    {
        std::mt19937 rng(99);
        const AspectRatio ratios[] = { { 1, 1 }, { 4, 5 }, { 3, 2 }, { 16, 9 }, { 9, 16 }, { 32, 1 } };
        for (int i = 0; i < 10000; ++i) {
            const Rect b { int(rng() % 300) - 150, int(rng() % 300) - 150, 40 + int(rng() % 600),
                40 + int(rng() % 600) };
            const Rect r = randomRectInside(rng, b);
            const AspectRatio a = ratios[rng() % std::size(ratios)];
            const Rect result = applyAspect(r, a, b);
            if (a.num > b.width || a.den > b.height) {
                QCOMPARE(result, r);
                continue;
            }
            QVERIFY(a.matches(result.size()));
            QVERIFY(b.contains(result));
            QCOMPARE(applyAspect(result, a, b), result); // idempotent
        }
    }

private:
    void checkDrag()
    {
        QFETCH(Handle, handle);
        QFETCH(Rect, atPress);
        QFETCH(Point, delta);
        QFETCH(OptionalRatio, aspect);
        QFETCH(Size, minimum);
        QFETCH(ResizeMode, mode);
        QFETCH(Rect, bounds);
        QFETCH(Rect, expected);
        const CropConstraints c { bounds, aspect, minimum, mode };
        const Rect result = dragHandle(handle, atPress, delta, c);
        QCOMPARE(result, expected);
        checkInvariants(handle, atPress, result, c, QTest::currentDataTag());
    }

    void checkInvariants(Handle h, const Rect &atPress, const Rect &result, const CropConstraints &c,
        const QByteArray &context)
    {
        const char *what = context.constData();
        const Rect start = clampInside(atPress, c.bounds);
        QVERIFY2(c.bounds.contains(result), what);
        QVERIFY2(!result.isEmpty(), what);
        const bool ratioFits
            = c.aspect && c.aspect->num <= c.bounds.width && c.aspect->den <= c.bounds.height;
        if (h == Handle::Move) {
            QVERIFY2(result.size() == start.size(), what);
            return;
        }
        if (ratioFits) {
            QVERIFY2(c.aspect->matches(result.size()), what);
            const Size minimum = smallestSizeWithAspect(c.minimumSize, *c.aspect);
            const Size largest = largestSizeWithAspect(c.bounds.size(), *c.aspect);
            QVERIFY2(result.width >= std::min(minimum.width, largest.width), what);
        } else { // a free undragged axis keeps its length at press, even below the minimum
            if (horizontalSide(h) != 0)
                QVERIFY2(result.width >= std::min(c.minimumSize.width, c.bounds.width), what);
            if (verticalSide(h) != 0)
                QVERIFY2(result.height >= std::min(c.minimumSize.height, c.bounds.height), what);
        }
        checkAxis(horizontalSide(h), start.x, start.width, result.x, result.width,
            touchesHorizontalBorder(result, c.bounds), c, ratioFits, what);
        checkAxis(verticalSide(h), start.y, start.height, result.y, result.height,
            touchesVerticalBorder(result, c.bounds), c, ratioFits, what);
    }

    // Per axis: free undragged axes are untouched; anchors stay; centres stay within half a pixel,
    // unless a border had to push the rect (minimum size without room).
    void checkAxis(int side, int lo, int length, int resultLo, int resultLength, bool touchesBorder,
        const CropConstraints &c, bool locked, const char *what)
    {
        if (side == 0 && !locked) {
            QVERIFY2(resultLo == lo && resultLength == length, what);
            return;
        }
        if (touchesBorder)
            return;
        if (side == 0 || c.mode == ResizeMode::FromCentre) {
            QVERIFY2(std::abs((2 * resultLo + resultLength) - (2 * lo + length)) <= 1, what);
            return;
        }
        const int anchor = side > 0 ? lo : lo + length;
        QVERIFY2(resultLo == anchor || resultLo + resultLength == anchor, what);
    }
};

QTEST_APPLESS_MAIN(RectDragTest)
#include "RectDragTest.moc"
