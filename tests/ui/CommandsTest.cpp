// Every QUndoCommand as a push -> undo -> redo round trip on a real ImageDocument, plus the rules
// that are easy to get wrong: nudges merge (only nudges, only of one crop), a removed crop comes
// back at its index, obsolete commands leave no empty step.

#include "core/geometry/ImageTurn.h"
#include "core/model/ImageDocument.h"
#include "ui/commands/AddCropCommand.h"
#include "ui/commands/PasteCropsCommand.h"
#include "ui/commands/RemoveCropCommand.h"
#include "ui/commands/RenameCropCommand.h"
#include "ui/commands/SetCropAspectCommand.h"
#include "ui/commands/SetCropLabelCommand.h"
#include "ui/commands/SetCropRectCommand.h"
#include "ui/commands/TurnImageCommand.h"

#include <QTest>
#include <QUndoStack>

#include <functional>
#include <memory>

using namespace cropwise;

using CommandFactory = std::function<QUndoCommand *(ImageDocument *)>;
using StateEdit = std::function<void(ImageState &)>; // what the command must do to the state
Q_DECLARE_METATYPE(CommandFactory)
Q_DECLARE_METATYPE(StateEdit)

namespace {

constexpr Size kImage { 400, 300 };

Crop makeCrop(const QString &id, const QString &name, Rect rect, std::optional<AspectRatio> aspect = {},
    const QString &label = {})
{
    Crop c;
    c.id = id;
    c.name = name;
    c.label = label;
    c.rect = rect;
    c.aspect = aspect;
    return c;
}

std::unique_ptr<ImageDocument> makeDocument()
{
    auto doc = std::make_unique<ImageDocument>(QStringLiteral("/photos/test.jpg"), kImage);
    doc->addCrop(makeCrop("a", "Crop 1", { 10, 10, 100, 80 }));
    doc->addCrop(makeCrop("b", "Crop 2", { 200, 100, 120, 150 }, AspectRatio::make(4, 5), "face"));
    doc->addCrop(makeCrop("c", "Crop 3", { 50, 150, 60, 60 }, AspectRatio::make(1, 1)));
    return doc;
}

Crop &cropIn(ImageState &s, const QString &id)
{
    for (Crop &c : s.crops)
        if (c.id == id)
            return c;
    qFatal("no crop %s", qPrintable(id));
}

} // namespace

class CommandsTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void command_roundTrips_data();
    void command_roundTrips();
    void nudges_mergeIntoOneStep_whenConsecutiveOnOneCrop();
    void nudges_doNotMerge_acrossCropsOrOtherEdits();
    void nudges_backToStart_leaveNoStep();
    void removeCommand_isObsolete_whenCropMissing();
    void removeCommand_restoresAtSameIndex_data();
    void removeCommand_restoresAtSameIndex();
    void turnCommands_undoExactly_data();
    void turnCommands_undoExactly();
    void commands_doNothing_whenDocumentGone();
    void pasteCommand_skipsRefusedCrops();
};

void CommandsTest::command_roundTrips_data()
{
    QTest::addColumn<CommandFactory>("factory");
    QTest::addColumn<StateEdit>("edit");
    QTest::addColumn<QString>("text");

    const Crop added = makeCrop("new", "Crop 4", { 300, 20, 50, 40 }, std::nullopt, "dog");
    QTest::newRow("add appends") << CommandFactory([added](ImageDocument *d) {
        return new AddCropCommand(d, added);
    }) << StateEdit([added](ImageState &s) { s.crops.append(added); })
                                 << "Add crop";
    QTest::newRow("add at index 1") << CommandFactory([added](ImageDocument *d) {
        return new AddCropCommand(d, added, 1);
    }) << StateEdit([added](ImageState &s) { s.crops.insert(1, added); })
                                    << "Add crop";
    QTest::newRow("remove middle") << CommandFactory(
        [](ImageDocument *d) { return new RemoveCropCommand(d, "b"); })
                                   << StateEdit([](ImageState &s) { s.crops.removeAt(1); }) << "Delete crop";
    QTest::newRow("move") << CommandFactory([](ImageDocument *d) {
        return new SetCropRectCommand(d, "a", { 10, 10, 100, 80 }, { 30, 40, 100, 80 }, CropEditKind::Move);
    }) << StateEdit([](ImageState &s) {
        cropIn(s, "a").rect = { 30, 40, 100, 80 };
    }) << "Move crop";
    QTest::newRow("resize") << CommandFactory([](ImageDocument *d) {
        return new SetCropRectCommand(
            d, "b", { 200, 100, 120, 150 }, { 200, 100, 160, 200 }, CropEditKind::Resize);
    }) << StateEdit([](ImageState &s) {
        cropIn(s, "b").rect = { 200, 100, 160, 200 };
    }) << "Resize crop";
    QTest::newRow("numeric") << CommandFactory([](ImageDocument *d) {
        return new SetCropRectCommand(d, "c", { 50, 150, 60, 60 }, { 0, 0, 400, 300 }, CropEditKind::Numeric);
    }) << StateEdit([](ImageState &s) {
        cropIn(s, "c").rect = { 0, 0, 400, 300 };
    }) << "Set crop size";
    QTest::newRow("rename") << CommandFactory([](ImageDocument *d) {
        return new RenameCropCommand(d, "a", "Crop 1", "Portrait");
    }) << StateEdit([](ImageState &s) { cropIn(s, "a").name = "Portrait"; })
                            << "Rename crop";
    QTest::newRow("label") << CommandFactory(
        [](ImageDocument *d) { return new SetCropLabelCommand(d, "b", "face", "cat"); })
                           << StateEdit([](ImageState &s) { cropIn(s, "b").label = "cat"; }) << "Set label";
    QTest::newRow("label cleared") << CommandFactory([](ImageDocument *d) {
        return new SetCropLabelCommand(d, "b", "face", QString());
    }) << StateEdit([](ImageState &s) { cropIn(s, "b").label.clear(); })
                                   << "Set label";
    QTest::newRow("aspect set") << CommandFactory([](ImageDocument *d) {
        return new SetCropAspectCommand(d, "a", std::nullopt, AspectRatio::make(5, 4));
    }) << StateEdit([](ImageState &s) { cropIn(s, "a").aspect = AspectRatio::make(5, 4); })
                                << "Set ratio 5:4";
    QTest::newRow("aspect freed") << CommandFactory([](ImageDocument *d) {
        return new SetCropAspectCommand(d, "c", AspectRatio::make(1, 1), std::nullopt);
    }) << StateEdit([](ImageState &s) { cropIn(s, "c").aspect.reset(); })
                                  << "Set ratio free";
    QTest::newRow("rotate right") << CommandFactory([](ImageDocument *d) {
        return new TurnImageCommand(d, Turn::RotateClockwise);
    }) << StateEdit([](ImageState &s) {
        for (Crop &c : s.crops)
            c.rect = turnRect(c.rect, kImage, Turn::RotateClockwise);
        s.userTurn = s.userTurn.then(Turn::RotateClockwise);
    }) << "Rotate right";
    QTest::newRow("flip horizontally") << CommandFactory([](ImageDocument *d) {
        return new TurnImageCommand(d, Turn::FlipHorizontal);
    }) << StateEdit([](ImageState &s) {
        for (Crop &c : s.crops)
            c.rect = turnRect(c.rect, kImage, Turn::FlipHorizontal);
        s.userTurn = s.userTurn.then(Turn::FlipHorizontal);
    }) << "Flip horizontally";
    const QList<Crop> pasted = { makeCrop("p1", "Crop 1", { 0, 0, 40, 50 }, AspectRatio::make(4, 5)),
        makeCrop("p2", "Wide", { 100, 200, 160, 90 }, AspectRatio::make(16, 9), "sky") };
    QTest::newRow("paste two") << CommandFactory([pasted](ImageDocument *d) {
        return new PasteCropsCommand(d, pasted);
    }) << StateEdit([pasted](ImageState &s) { s.crops.append(pasted); })
                               << "Paste 2 crops";
    QTest::newRow("paste one") << CommandFactory([pasted](ImageDocument *d) {
        return new PasteCropsCommand(d, pasted.mid(0, 1));
    }) << StateEdit([pasted](ImageState &s) { s.crops.append(pasted.first()); })
                               << "Paste crop";
}

void CommandsTest::command_roundTrips()
{
    QFETCH(CommandFactory, factory);
    QFETCH(StateEdit, edit);
    QFETCH(QString, text);

    auto doc = makeDocument();
    const ImageState before = doc->state();
    ImageState after = before;
    edit(after);
    QVERIFY(after != before); // the row really describes a change

    QUndoStack stack;
    stack.push(factory(doc.get()));
    QCOMPARE(stack.count(), 1);
    QCOMPARE(stack.undoText(), text);
    QCOMPARE(doc->state(), after);
    stack.undo();
    QCOMPARE(doc->state(), before);
    stack.redo();
    QCOMPARE(doc->state(), after);
    stack.undo();
    QCOMPARE(doc->state(), before);
}

void CommandsTest::nudges_mergeIntoOneStep_whenConsecutiveOnOneCrop()
{
    auto doc = makeDocument();
    QUndoStack stack;
    Rect r = doc->crop("a")->rect;
    const Rect start = r;
    for (Point d : { Point { 1, 0 }, Point { 1, 0 }, Point { 0, 10 }, Point { -1, 0 } }) {
        const Rect next { r.x + d.x, r.y + d.y, r.width, r.height };
        stack.push(new SetCropRectCommand(doc.get(), "a", r, next, CropEditKind::Nudge));
        r = next;
    }
    QCOMPARE(stack.count(), 1);
    QCOMPARE(stack.undoText(), QStringLiteral("Nudge crop"));
    QCOMPARE(doc->crop("a")->rect, (Rect { 11, 20, 100, 80 }));
    stack.undo();
    QCOMPARE(doc->crop("a")->rect, start);
    stack.redo();
    QCOMPARE(doc->crop("a")->rect, (Rect { 11, 20, 100, 80 }));
}

void CommandsTest::nudges_doNotMerge_acrossCropsOrOtherEdits()
{
    auto doc = makeDocument();
    QUndoStack stack;
    stack.push(new SetCropRectCommand(
        doc.get(), "a", { 10, 10, 100, 80 }, { 11, 10, 100, 80 }, CropEditKind::Nudge));
    stack.push(new SetCropRectCommand(
        doc.get(), "c", { 50, 150, 60, 60 }, { 51, 150, 60, 60 }, CropEditKind::Nudge));
    QCOMPARE(stack.count(), 2); // another crop
    stack.push(
        new SetCropRectCommand(doc.get(), "c", { 51, 150, 60, 60 }, { 80, 150, 60, 60 }, CropEditKind::Move));
    stack.push(new SetCropRectCommand(
        doc.get(), "c", { 80, 150, 60, 60 }, { 81, 150, 60, 60 }, CropEditKind::Nudge));
    QCOMPARE(stack.count(), 4); // a drag is its own step and ends the burst
    stack.push(
        new SetCropRectCommand(doc.get(), "c", { 81, 150, 60, 60 }, { 90, 150, 60, 60 }, CropEditKind::Move));
    stack.push(new SetCropRectCommand(
        doc.get(), "c", { 90, 150, 60, 60 }, { 100, 150, 60, 60 }, CropEditKind::Move));
    QCOMPARE(stack.count(), 6); // moves never merge
    while (stack.canUndo())
        stack.undo();
    QCOMPARE(doc->state(), makeDocument()->state());
}

void CommandsTest::nudges_backToStart_leaveNoStep()
{
    auto doc = makeDocument();
    QUndoStack stack;
    stack.push(new SetCropRectCommand(
        doc.get(), "a", { 10, 10, 100, 80 }, { 11, 10, 100, 80 }, CropEditKind::Nudge));
    stack.push(new SetCropRectCommand(
        doc.get(), "a", { 11, 10, 100, 80 }, { 10, 10, 100, 80 }, CropEditKind::Nudge));
    QCOMPARE(stack.count(), 0);
    QCOMPARE(doc->crop("a")->rect, (Rect { 10, 10, 100, 80 }));
}

void CommandsTest::removeCommand_isObsolete_whenCropMissing()
{
    auto doc = makeDocument();
    QUndoStack stack;
    stack.push(new RemoveCropCommand(doc.get(), "nope"));
    QCOMPARE(stack.count(), 0);
    QCOMPARE(doc->cropCount(), 3);
}

void CommandsTest::removeCommand_restoresAtSameIndex_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<int>("index");
    QTest::newRow("first") << "a" << 0;
    QTest::newRow("middle") << "b" << 1;
    QTest::newRow("last") << "c" << 2;
}

void CommandsTest::removeCommand_restoresAtSameIndex()
{
    QFETCH(QString, id);
    QFETCH(int, index);
    auto doc = makeDocument();
    const Crop original = *doc->crop(id);
    QUndoStack stack;
    stack.push(new RemoveCropCommand(doc.get(), id));
    QCOMPARE(doc->indexOf(id), -1);
    stack.undo();
    QCOMPARE(doc->indexOf(id), index);
    QCOMPARE(*doc->crop(id), original); // every field, label and ratio included
}

void CommandsTest::turnCommands_undoExactly_data()
{
    QTest::addColumn<Turn>("turn");
    QTest::newRow("cw") << Turn::RotateClockwise;
    QTest::newRow("ccw") << Turn::RotateCounterClockwise;
    QTest::newRow("flip h") << Turn::FlipHorizontal;
    QTest::newRow("flip v") << Turn::FlipVertical;
}

void CommandsTest::turnCommands_undoExactly()
{
    QFETCH(Turn, turn);
    auto doc = makeDocument();
    const ImageState before = doc->state();
    QUndoStack stack;
    for (int i = 0; i < 3; ++i)
        stack.push(new TurnImageCommand(doc.get(), turn));
    QCOMPARE(doc->displayedSize(), turnedSize(turnedSize(turnedSize(kImage, turn), turn), turn));
    stack.setIndex(0);
    QCOMPARE(doc->state(), before);
    QCOMPARE(doc->displayedSize(), kImage);
}

void CommandsTest::commands_doNothing_whenDocumentGone()
{
    QUndoStack stack;
    {
        auto doc = makeDocument();
        stack.push(new RenameCropCommand(doc.get(), "a", "Crop 1", "X"));
        stack.push(new TurnImageCommand(doc.get(), Turn::RotateClockwise));
    }
    // The document is gone (image closed) while its stack lives on: undo/redo must not crash.
    stack.undo();
    stack.undo();
    stack.redo();
    QCOMPARE(stack.index(), 1);
}

void CommandsTest::pasteCommand_skipsRefusedCrops()
{
    auto doc = makeDocument();
    const QList<Crop> crops = { makeCrop("a", "dup id", { 0, 0, 10, 10 }),
        makeCrop("p", "ok", { 0, 0, 10, 10 }), makeCrop("q", "outside", { 390, 290, 20, 20 }) };
    auto *command = new PasteCropsCommand(doc.get(), crops);
    QUndoStack stack;
    stack.push(command);
    QCOMPARE(command->rejectedCount(), 2);
    QCOMPARE(doc->cropCount(), 4);
    stack.undo();
    QCOMPARE(doc->state(), makeDocument()->state()); // the original "a" was not touched
}

QTEST_MAIN(CommandsTest)
#include "CommandsTest.moc"
