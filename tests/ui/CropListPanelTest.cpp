// The Crops panel: numeric entry keeps the lock exactly and stays inside the image; the table shows
// the document and edits of name and label become one undo step each; selection follows both ways;
// a drag's live rect shows in the readout.

#include "ui/panels/CropListPanel.h"
#include "core/model/ImageDocument.h"
#include "ui/CropEditController.h"
#include "ui/canvas/CropCanvas.h"
#include "ui/panels/CropListModel.h"

#include <QItemSelectionModel>
#include <QSpinBox>
#include <QTableView>
#include <QTest>
#include <QUndoStack>

using namespace cropwise;

Q_DECLARE_METATYPE(std::optional<cropwise::Rect>)

class CropListPanelTest : public QObject
{
    Q_OBJECT

private slots:
    void numericEdit_data();
    void numericEdit();
    void table_showsDocument_andEditsAreUndoSteps();
    void selection_followsBothWays();
    void spinBoxes_editSelectedCrop_andBlankWithoutSelection();
    void liveRect_showsInReadout();

private:
    struct Fixture
    {
        ImageDocument document { QStringLiteral("/nowhere/photo.jpg"), Size { 400, 300 } };
        QUndoStack stack;
        CropCanvas canvas;
        CropEditController controller { &canvas };
        CropListPanel panel { &controller };
        Fixture()
        {
            controller.setDocument(&document);
            controller.setUndoStack(&stack);
            panel.setDocument(&document);
        }
    };
};

void CropListPanelTest::numericEdit_data()
{
    using F = CropListPanel::Field;
    QTest::addColumn<Rect>("current");
    QTest::addColumn<int>("field");
    QTest::addColumn<int>("value");
    QTest::addColumn<int>("lockNum"); // 0 = free
    QTest::addColumn<int>("lockDen");
    QTest::addColumn<std::optional<Rect>>("expected");
    const Size image { 400, 300 };
    Q_UNUSED(image);
    QTest::newRow("x moves") << Rect { 10, 10, 100, 50 } << int(F::X) << 30 << 0 << 0
                             << std::optional(Rect { 30, 10, 100, 50 });
    QTest::newRow("x past the edge shifts back inside")
        << Rect { 10, 10, 100, 50 } << int(F::X) << 350 << 0 << 0 << std::optional(Rect { 300, 10, 100, 50 });
    QTest::newRow("free width") << Rect { 10, 10, 100, 50 } << int(F::Width) << 150 << 0 << 0
                                << std::optional(Rect { 10, 10, 150, 50 });
    QTest::newRow("wider than the image is clamped and shifted") << Rect { 50, 10, 100,
        50 } << int(F::Width) << 500 << 0 << 0 << std::optional(Rect { 0, 10, 400, 50 });
    QTest::newRow("locked width snaps to the nearest exact size")
        << Rect { 0, 0, 40, 50 } << int(F::Width) << 83 << 4 << 5 << std::optional(Rect { 0, 0, 84, 105 });
    QTest::newRow("locked height moves the width") << Rect { 0, 0, 160, 90 } << int(F::Height) << 180 << 16
                                                   << 9 << std::optional(Rect { 0, 0, 320, 180 });
    QTest::newRow("locked and too big: the largest that fits")
        << Rect { 0, 0, 40, 50 } << int(F::Width) << 1000 << 4 << 5 << std::optional(Rect { 0, 0, 240, 300 });
    QTest::newRow("zero width is refused")
        << Rect { 10, 10, 100, 50 } << int(F::Width) << 0 << 0 << 0 << std::optional<Rect>();
}

void CropListPanelTest::numericEdit()
{
    QFETCH(Rect, current);
    QFETCH(int, field);
    QFETCH(int, value);
    QFETCH(int, lockNum);
    QFETCH(int, lockDen);
    QFETCH(std::optional<Rect>, expected);
    const auto lock = lockNum > 0 ? AspectRatio::make(lockNum, lockDen) : std::nullopt;
    const auto result
        = CropListPanel::numericEdit(current, CropListPanel::Field(field), value, lock, Size { 400, 300 });
    QCOMPARE(result.has_value(), expected.has_value());
    if (expected) {
        QCOMPARE(*result, *expected);
        if (lock)
            QVERIFY(lock->matches(result->size()));
    }
}

void CropListPanelTest::table_showsDocument_andEditsAreUndoSteps()
{
    Fixture f;
    QVERIFY(f.controller.addCrop(Rect { 10, 20, 100, 50 }));
    QVERIFY(f.controller.addCrop(Rect { 30, 40, 60, 60 }));
    CropListModel *model = f.panel.model();
    QCOMPARE(model->rowCount(), 2);
    QCOMPARE(model->index(0, CropListModel::NameColumn).data().toString(), QStringLiteral("Crop 1"));
    QCOMPARE(model->index(1, CropListModel::SizeColumn).data().toString(), QStringLiteral("60 × 60"));
    QCOMPARE(model->index(1, CropListModel::RatioColumn).data().toString(), QStringLiteral("free (1:1)"));

    const int steps = f.stack.count();
    QVERIFY(model->setData(model->index(0, CropListModel::NameColumn), QStringLiteral("  Banner ")));
    QCOMPARE(f.document.crops().first().name, QStringLiteral("Banner"));
    QVERIFY(model->setData(model->index(0, CropListModel::LabelColumn), QStringLiteral("sky")));
    QCOMPARE(f.document.crops().first().label, QStringLiteral("sky"));
    QCOMPARE(f.stack.count(), steps + 2);
    f.stack.undo();
    f.stack.undo();
    QCOMPARE(f.document.crops().first().name, QStringLiteral("Crop 1"));
    QCOMPARE(f.document.crops().first().label, QString());
    QCOMPARE(model->index(0, CropListModel::NameColumn).data().toString(), QStringLiteral("Crop 1"));

    // Rows follow removal and reset.
    QVERIFY(f.controller.removeCrop(f.document.crops().first().id));
    QCOMPARE(model->rowCount(), 1);
    f.stack.undo();
    QCOMPARE(model->rowCount(), 2);
    // Size is not editable; name and label are.
    QVERIFY(!(model->flags(model->index(0, CropListModel::SizeColumn)) & Qt::ItemIsEditable));
    QVERIFY(model->flags(model->index(0, CropListModel::LabelColumn)) & Qt::ItemIsEditable);
}

void CropListPanelTest::selection_followsBothWays()
{
    Fixture f;
    QVERIFY(f.controller.addCrop(Rect { 10, 20, 100, 50 }));
    QVERIFY(f.controller.addCrop(Rect { 30, 40, 60, 60 }));
    const QString first = f.document.crops().at(0).id;
    const QString second = f.document.crops().at(1).id;

    f.controller.setSelectedCropId(first);
    QCOMPARE(f.panel.table()->selectionModel()->selectedRows().value(0).row(), 0);
    f.panel.table()->selectRow(1);
    QCOMPARE(f.controller.selectedCropId(), second);
    f.controller.setSelectedCropId(QString());
    QVERIFY(f.panel.table()->selectionModel()->selectedRows().isEmpty());
}

void CropListPanelTest::spinBoxes_editSelectedCrop_andBlankWithoutSelection()
{
    Fixture f;
    QVERIFY(f.controller.addCrop(Rect { 10, 20, 100, 50 }));
    f.controller.setSelectedCropId(f.document.crops().first().id);
    QSpinBox *y = f.panel.spinBox(CropListPanel::Field::Y);
    QCOMPARE(y->value(), 20);
    QVERIFY(y->isEnabled());
    y->setValue(25);
    QCOMPARE(f.document.crops().first().rect, (Rect { 10, 25, 100, 50 }));
    QVERIFY(f.panel.readoutText().contains(QStringLiteral("100 × 50 px")));

    f.controller.setSelectedCropId(QString());
    QVERIFY(!y->isEnabled());
    QCOMPARE(y->text(), QStringLiteral("–"));
    QVERIFY(f.panel.readoutText().contains(QStringLiteral("No crop selected")));
}

void CropListPanelTest::liveRect_showsInReadout()
{
    Fixture f;
    QVERIFY(f.controller.addCrop(Rect { 10, 20, 100, 50 }));
    const QString id = f.document.crops().first().id;
    f.controller.setSelectedCropId(id);
    f.panel.showLiveRect(id, Rect { 12, 20, 160, 90 });
    QVERIFY(f.panel.readoutText().contains(QStringLiteral("160 × 90 px")));
    QVERIFY(f.panel.readoutText().contains(QStringLiteral("dragging")));
    QCOMPARE(f.panel.spinBox(CropListPanel::Field::Width)->value(), 160);
    QCOMPARE(f.document.crops().first().rect.width, 100); // the model has not changed
    f.panel.showModelValues();
    QCOMPARE(f.panel.spinBox(CropListPanel::Field::Width)->value(), 100);
}

QTEST_MAIN(CropListPanelTest)
#include "CropListPanelTest.moc"
