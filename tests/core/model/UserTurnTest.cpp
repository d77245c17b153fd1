#include "core/model/UserTurn.h"
#include "core/geometry/ImageTurn.h"

#include <QTest>

using namespace cropwise;

Q_DECLARE_METATYPE(cropwise::Turn)

namespace {

const QList<Turn> kAllTurns
    = { Turn::RotateClockwise, Turn::RotateCounterClockwise, Turn::FlipHorizontal, Turn::FlipVertical };

QString turnName(Turn t)
{
    switch (t) {
    case Turn::RotateClockwise:
        return QStringLiteral("cw");
    case Turn::RotateCounterClockwise:
        return QStringLiteral("ccw");
    case Turn::FlipHorizontal:
        return QStringLiteral("flipH");
    case Turn::FlipVertical:
        return QStringLiteral("flipV");
    }
    return {};
}

} // namespace

class UserTurnTest : public QObject
{
    Q_OBJECT

private slots:
    void then_composesLikeOrientations_data()
    {
        QTest::addColumn<QList<Turn>>("turns");
        for (Turn a : kAllTurns)
            for (Turn b : kAllTurns)
                for (Turn c : kAllTurns)
                    QTest::newRow(qPrintable(turnName(a) + "," + turnName(b) + "," + turnName(c)))
                        << QList<Turn> { a, b, c };
    }
    void then_composesLikeOrientations()
    {
        QFETCH(QList<Turn>, turns);
        UserTurn userTurn;
        int orientation = 1;
        for (Turn t : turns) {
            userTurn = userTurn.then(t);
            orientation = composeOrientation(orientation, t);
            QCOMPARE(userTurn.toOrientation(), orientation);
        }
    }

    void apply_rect_matchesTurningStepByStep_data()
    {
        QTest::addColumn<QList<Turn>>("turns");
        for (Turn a : kAllTurns)
            for (Turn b : kAllTurns)
                QTest::newRow(qPrintable(turnName(a) + "," + turnName(b))) << QList<Turn> { a, b };
    }
    void apply_rect_matchesTurningStepByStep()
    {
        QFETCH(QList<Turn>, turns);
        const Size oriented { 40, 30 };
        const Rect original { 3, 5, 10, 7 };
        UserTurn userTurn;
        Rect stepwise = original;
        Size size = oriented;
        for (Turn t : turns) {
            stepwise = turnRect(stepwise, size, t);
            size = turnedSize(size, t);
            userTurn = userTurn.then(t);
        }
        // The compact (mirror, rotation) form must land on the same pixels as the history of turns.
        QCOMPARE(userTurn.apply(original, oriented), stepwise);
        QCOMPARE(userTurn.apply(oriented), size);
        QCOMPARE(rawToOriented(original, oriented, userTurn.toOrientation()), stepwise);
    }

    void then_inverse_restoresIdentity()
    {
        for (Turn t : kAllTurns) {
            const UserTurn start = UserTurn().then(Turn::RotateClockwise).then(Turn::FlipVertical);
            QCOMPARE(start.then(t).then(inverse(t)), start);
        }
        UserTurn fourTimes;
        for (int i = 0; i < 4; ++i)
            fourTimes = fourTimes.then(Turn::RotateClockwise);
        QVERIFY(fourTimes.isIdentity());
    }

    void fromParts_acceptsOnlyQuarterTurns_data()
    {
        QTest::addColumn<int>("degrees");
        QTest::addColumn<bool>("valid");
        QTest::newRow("0") << 0 << true;
        QTest::newRow("90") << 90 << true;
        QTest::newRow("180") << 180 << true;
        QTest::newRow("270") << 270 << true;
        QTest::newRow("360") << 360 << false;
        QTest::newRow("45") << 45 << false;
        QTest::newRow("-90") << -90 << false;
    }
    void fromParts_acceptsOnlyQuarterTurns()
    {
        QFETCH(int, degrees);
        QFETCH(bool, valid);
        const auto t = UserTurn::fromParts(degrees, UserTurn::Mirror::Yes);
        QCOMPARE(t.has_value(), valid);
        if (valid) {
            QCOMPARE(t->clockwiseDegrees(), degrees);
            QVERIFY(t->isMirrored());
        }
    }

    void fromOrientation_roundTrips()
    {
        for (int o = 1; o <= 8; ++o)
            QCOMPARE(UserTurn::fromOrientation(o).toOrientation(), o);
        QVERIFY(UserTurn::fromOrientation(0).isIdentity());
        QVERIFY(UserTurn::fromOrientation(9).isIdentity());
    }

    void steps_mirrorFirstThenRotate()
    {
        const UserTurn t = *UserTurn::fromParts(180, UserTurn::Mirror::Yes);
        QCOMPARE(
            t.steps(), (QList<Turn> { Turn::FlipHorizontal, Turn::RotateClockwise, Turn::RotateClockwise }));
        QVERIFY(UserTurn().steps().isEmpty());
    }
};

QTEST_GUILESS_MAIN(UserTurnTest)
#include "UserTurnTest.moc"
