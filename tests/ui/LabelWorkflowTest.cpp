// Labelling a folder like a user, in the real main window (offscreen): import object boxes (COCO
// with one bad entry: reported, not fatal), see them on the canvas, label crops with the number
// keys (undoable), mark the image verified with a Space tap (and not with Space + drag, which
// pans), export datasets from the GUI (dialog bypassed) and read them back with core's importers.
// Also: the label set is edited through the panel's controller and saved per folder; a non-empty
// dataset folder is never replaced without consent. Correctness only, no timing.

#include "core/annotations/CocoImporter.h"
#include "core/annotations/LabelSet.h"
#include "core/annotations/ObjectBoxStore.h"
#include "core/annotations/YoloImporter.h"
#include "core/model/ImageDocument.h"
#include "core/model/SidecarPeek.h"
#include "support/FixtureImages.h"
#include "ui/CropEditController.h"
#include "ui/ImageSession.h"
#include "ui/MainWindow.h"
#include "ui/canvas/CropCanvas.h"
#include "ui/labels/DatasetExportDialog.h"
#include "ui/labels/DatasetExportRunner.h"
#include "ui/labels/LabelPanel.h"
#include "ui/labels/LabelsController.h"
#include "ui/labels/LabelsWorkbench.h"
#include "ui/labels/ObjectBoxCatalog.h"
#include "ui/labels/ObjectBoxLayer.h"
#include "ui/labels/ObjectBoxPanel.h"
#include "ui/panels/MessageBar.h"
#include "ui/panels/ThumbnailModel.h"

#include <QDir>
#include <QFile>
#include <QLineEdit>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace cropwise;

namespace {

// Two quadrant photos and, outside the folder, a COCO file: two good boxes on a.jpg and one bad
// bbox (three numbers) on b.jpg.
struct Fixture
{
    QTemporaryDir root;
    QString folder;
    QString coco;

    bool make()
    {
        folder = root.filePath(QStringLiteral("photos"));
        if (!QDir().mkpath(folder) || !QDir().mkpath(root.filePath(QStringLiteral("annotations"))))
            return false;
        if (test::writeFixture(folder, QStringLiteral("a.jpg"),
                test::encodeWithOpenCv(test::quadrantImage(320, 224), ".jpg"))
                .isEmpty()
            || test::writeFixture(folder, QStringLiteral("b.jpg"),
                test::encodeWithOpenCv(test::quadrantImage(256, 192), ".jpg"))
                   .isEmpty())
            return false;
        const QByteArray json = R"({
  "images": [ { "id": 1, "file_name": "a.jpg", "width": 320, "height": 224 },
              { "id": 2, "file_name": "b.jpg", "width": 256, "height": 192 } ],
  "categories": [ { "id": 1, "name": "car" }, { "id": 2, "name": "person" } ],
  "annotations": [
    { "id": 1, "image_id": 1, "category_id": 1, "bbox": [20, 20, 100, 80], "area": 8000, "iscrowd": 0 },
    { "id": 2, "image_id": 1, "category_id": 2, "bbox": [180, 100, 60, 100], "area": 6000, "iscrowd": 0 },
    { "id": 3, "image_id": 2, "category_id": 1, "bbox": [10, 10, 50], "area": 0, "iscrowd": 0 }
  ]
})";
        coco = test::writeFixture(
            root.filePath(QStringLiteral("annotations")), QStringLiteral("instances.json"), json);
        return !coco.isEmpty();
    }
};

QString labelOf(const ImageDocument *doc, const QString &cropId)
{
    const auto crop = doc->crop(cropId);
    return crop ? crop->label : QStringLiteral("<no crop>");
}

// The boxes of the image whose file name is name.
QList<ObjectBox> boxesOf(const ImportResult &r, const QString &name)
{
    for (const ImageAnnotations &a : r.images)
        if (QFileInfo(a.imagePath).fileName() == name)
            return a.boxes;
    return {};
}

bool near(const BoxF &a, const BoxF &b)
{
    return qAbs(a.x - b.x) <= 0.5 && qAbs(a.y - b.y) <= 0.5 && qAbs(a.width - b.width) <= 0.5
        && qAbs(a.height - b.height) <= 0.5;
}

} // namespace

class LabelWorkflowTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();

    void importBoxes_showsThem_andReportsBadEntries();
    void numberKeys_labelSelectedCrop_undoably();
    void spaceTap_togglesVerified_butSpaceDragPans();
    void labelSet_editsAreSaved_andRenameRelabelsCrops();
    void exportDataset_fromGui_readsBackWithCoreImporters();
    void exportDataset_neverReplacesAFolderWithoutConsent();
    void exportDialog_keepsTheRequest_andFoldersAlwaysMeansCrops();

private:
    // Opens the fixture folder in w and waits for the first image.
    static bool open(MainWindow &w, const Fixture &f);
    // Imports the COCO file and draws two crops on a.jpg labelled with keys 2 and 1; their ids.
    static QStringList labelTwoCrops(MainWindow &w, const Fixture &f);
    static DatasetExportReport runExport(
        MainWindow &w, DatasetFormat format, DatasetMode mode, const QString &out);
};

void LabelWorkflowTest::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("CropwiseTest"));
    QCoreApplication::setApplicationName(QStringLiteral("LabelWorkflowTest"));
}

void LabelWorkflowTest::init()
{
    QSettings().clear();
}

bool LabelWorkflowTest::open(MainWindow &w, const Fixture &f)
{
    w.show();
    if (!QTest::qWaitForWindowExposed(&w))
        return false;
    w.openPaths({ f.folder });
    return QTest::qWaitFor([&w] { return w.canvas()->hasImage(); }) && w.session()->count() == 2;
}

QStringList LabelWorkflowTest::labelTwoCrops(MainWindow &w, const Fixture &f)
{
    w.labels()->importBoxes(AnnotationFormat::Coco, f.coco);
    CropEditController *c = w.controller();
    QStringList ids;
    if (!c->addCrop(Rect { 10, 10, 150, 120 }))
        return {};
    ids << c->selectedCropId(); // a new crop is selected
    QTest::keyClick(&w, Qt::Key_2);
    if (!c->addCrop(Rect { 150, 90, 160, 130 }))
        return {};
    ids << c->selectedCropId();
    QTest::keyClick(&w, Qt::Key_1);
    return ids;
}

DatasetExportReport LabelWorkflowTest::runExport(
    MainWindow &w, DatasetFormat format, DatasetMode mode, const QString &out)
{
    const auto failed = [](const QString &why) {
        DatasetExportReport r;
        r.error = why;
        return r;
    };
    QSignalSpy done(w.labels(), &LabelsWorkbench::datasetExported);
    DatasetRequest request;
    request.options.format = format;
    request.options.mode = mode;
    request.options.outputFolder = out;
    if (!w.exportDataset(request))
        return failed(QStringLiteral("not started"));
    if (!done.wait(60000) && done.isEmpty())
        return failed(QStringLiteral("no report"));
    return done.first().first().value<DatasetExportReport>();
}

void LabelWorkflowTest::importBoxes_showsThem_andReportsBadEntries()
{
    Fixture f;
    QVERIFY(f.make());
    MainWindow w;
    QVERIFY(open(w, f));

    const ImportResult r = w.labels()->importBoxes(AnnotationFormat::Coco, f.coco);
    QVERIFY2(r.ok(), qPrintable(r.error));
    QCOMPARE(r.boxCount(), 2);
    QCOMPARE(r.skippedCount(), 1);
    QVERIFY2(r.messageLines().join(QLatin1Char('\n')).contains(QStringLiteral("annotations[2].bbox")),
        qPrintable(r.messageLines().join(QLatin1Char('\n'))));
    // Told to the user, in the window (not a dialog, not a crash).
    QVERIFY(w.messageBar()->isVisible());
    QCOMPARE(w.messageBar()->level(), MessageBar::Level::Warning);

    // On the canvas of a.jpg (the current image), with their class names.
    ObjectBoxLayer *layer = w.labels()->boxLayer();
    QCOMPARE(layer->shownBoxes().size(), 2);
    QCOMPARE(layer->shownBoxes().first().label, QStringLiteral("car"));
    QCOMPARE(layer->shownBoxes().first().box, (BoxF { 20, 20, 100, 80 }));
    QVERIFY(layer->isVisible());
    // Boxes follow the user's turn (stored unturned, drawn like the crops).
    QTest::keyClick(&w, Qt::Key_BracketRight); // rotate right: 320 x 224 -> 224 x 320
    QCOMPARE(layer->shownBoxes().first().box, (BoxF { 224 - 20 - 80, 20, 80, 100 }));
    QTest::keyClick(&w, Qt::Key_BracketLeft);
    QCOMPARE(layer->shownBoxes().first().box, (BoxF { 20, 20, 100, 80 }));
    QTest::keyClick(&w, Qt::Key_B); // the overlay toggles
    QVERIFY(!layer->isVisible());
    QTest::keyClick(&w, Qt::Key_B);
    QVERIFY(layer->isVisible());

    // Kept per folder, and the dataset's classes joined the label set with keys 1 and 2.
    const ObjectBoxesLoadResult stored = loadObjectBoxes(f.folder);
    QVERIFY(stored.ok());
    QCOMPARE(indexByImagePath(stored.images).value(imageKey(w.session()->currentPath())).boxes.size(), 2);
    const LabelSetLoadResult labels = LabelSet::load(LabelSet::pathInFolder(f.folder));
    QCOMPARE(labels.labels.names(), (QStringList { QStringLiteral("car"), QStringLiteral("person") }));
    QCOMPARE(labels.labels.labelForHotkey(1)->name, QStringLiteral("car"));

    // A flag ticked in the Object Boxes panel is saved at once.
    QTableWidget *table = w.labels()->boxPanel()->table();
    QTRY_COMPARE(table->rowCount(), 2);
    table->item(1, ObjectBoxPanel::DifficultColumn)->setCheckState(Qt::Checked);
    const auto stored1 = [&] {
        return indexByImagePath(loadObjectBoxes(f.folder).images)
            .value(imageKey(w.session()->currentPath()))
            .boxes[1];
    };
    QVERIFY(stored1().difficult);
    QVERIFY(!stored1().truncated);
    QVERIFY(layer->shownBoxes()[1].difficult); // drawn dashed
    QTRY_COMPARE(table->item(1, ObjectBoxPanel::DifficultColumn)->checkState(), Qt::Checked);
}

void LabelWorkflowTest::numberKeys_labelSelectedCrop_undoably()
{
    Fixture f;
    QVERIFY(f.make());
    MainWindow w;
    QVERIFY(open(w, f));
    const QStringList ids = labelTwoCrops(w, f);
    QCOMPARE(ids.size(), 2);

    ImageDocument *doc = w.session()->currentDocument();
    const QString first = ids[0];
    const QString second = ids[1];
    QCOMPARE(labelOf(doc, first), QStringLiteral("person"));
    QCOMPARE(labelOf(doc, second), QStringLiteral("car"));
    // The number key also sets the label new crops get.
    QCOMPARE(w.controller()->currentLabel(), QStringLiteral("car"));

    // Each key press is one undo step. (The second crop was born "person": the label key 2 chose.)
    QUndoStack *stack = w.session()->undoStack(w.session()->currentPath());
    QCOMPARE(stack->command(stack->index() - 1)->text(), QStringLiteral("Set label"));
    stack->undo();
    QCOMPARE(labelOf(doc, second), QStringLiteral("person"));
    stack->redo();
    QCOMPARE(labelOf(doc, second), QStringLiteral("car"));

    // Relabel the first crop from the keyboard.
    w.controller()->setSelectedCropId(first);
    QTest::keyClick(&w, Qt::Key_1);
    QCOMPARE(labelOf(doc, first), QStringLiteral("car"));
    // A key with no label changes nothing.
    QTest::keyClick(&w, Qt::Key_7);
    QCOMPARE(labelOf(doc, first), QStringLiteral("car"));

    // Saved in the sidecar.
    QVERIFY(w.session()->flushAll().isEmpty());
    const SidecarPeekResult peek = peekSidecar(w.session()->sidecarStore(), doc->imagePath());
    QVERIFY(peek.ok());
    for (const Crop &crop : peek.state.crops)
        if (ids.contains(crop.id))
            QCOMPARE(crop.label, QStringLiteral("car"));
}

void LabelWorkflowTest::spaceTap_togglesVerified_butSpaceDragPans()
{
    Fixture f;
    QVERIFY(f.make());
    MainWindow w;
    QVERIFY(open(w, f));
    ImageDocument *doc = w.session()->currentDocument();
    CropCanvas *canvas = w.canvas();
    canvas->setFocus();
    QTRY_VERIFY(canvas->hasFocus());
    QVERIFY(!doc->isVerified());

    QTest::keyClick(canvas, Qt::Key_Space);
    QVERIFY(doc->isVerified());
    QVERIFY(w.labels()->verifiedText().contains(QStringLiteral("Verified")));
    QVERIFY(w.thumbnailModel()->isVerified(0));
    QVERIFY(!w.thumbnailModel()->isVerified(1));

    // Space held while dragging pans: no toggle on release.
    canvas->setZoom(2.0);
    const int crops = doc->cropCount();
    const QPoint from = canvas->rect().center();
    QTest::keyPress(canvas, Qt::Key_Space);
    QTest::mousePress(canvas, Qt::LeftButton, Qt::NoModifier, from);
    for (int i = 1; i <= 5; ++i)
        QTest::mouseMove(canvas, from + QPoint(8 * i, 4 * i));
    QTest::mouseRelease(canvas, Qt::LeftButton, Qt::NoModifier, from + QPoint(40, 20));
    QTest::keyRelease(canvas, Qt::Key_Space);
    QVERIFY(doc->isVerified());
    QCOMPARE(doc->cropCount(), crops); // the drag drew nothing

    // Undoable, and kept in the sidecar.
    w.session()->undoStack(doc->imagePath())->undo();
    QVERIFY(!doc->isVerified());
    QVERIFY(!w.thumbnailModel()->isVerified(0));
    QTest::keyClick(canvas, Qt::Key_Space);
    QVERIFY(w.session()->flushAll().isEmpty());
    QVERIFY(peekSidecar(w.session()->sidecarStore(), doc->imagePath()).state.verified);

    // The second image verified too, then the folder reopened in a new window: the image on screen
    // shows its document's mark, the other one the mark its sidecar holds (read in the background).
    w.action(ShortcutId::NextImage)->trigger();
    QCOMPARE(w.session()->currentIndex(), 1);
    QVERIFY(w.labels()->labels()->toggleVerified());
    QVERIFY(w.session()->currentDocument()->isVerified());
    QVERIFY(w.session()->flushAll().isEmpty());
    MainWindow again;
    QVERIFY(open(again, f));
    QCOMPARE(again.session()->currentIndex(), 0);
    QVERIFY(again.thumbnailModel()->isVerified(0));
    QTRY_VERIFY_WITH_TIMEOUT(again.thumbnailModel()->isVerified(1), 30000); // background work: slow under sanitizers
}

void LabelWorkflowTest::labelSet_editsAreSaved_andRenameRelabelsCrops()
{
    Fixture f;
    QVERIFY(f.make());
    MainWindow w;
    QVERIFY(open(w, f));
    const QStringList ids = labelTwoCrops(w, f);
    QCOMPARE(ids.size(), 2);
    LabelsController *labels = w.labels()->labels();

    // Typed into the panel.
    LabelPanel *panel = w.labels()->labelPanel();
    panel->nameField()->setText(QStringLiteral("traffic light"));
    panel->addTypedLabel();
    QVERIFY(panel->problemText().isEmpty());
    QCOMPARE(labels->labelSet().labelForHotkey(3)->name, QStringLiteral("traffic light"));
    panel->nameField()->setText(QStringLiteral("CAR")); // same name ignoring case: refused, shown
    panel->addTypedLabel();
    QVERIFY(!panel->problemText().isEmpty());

    // Edited in place in the table: a name, a key (applied once the edit is done).
    QTableWidget *table = panel->table();
    table->item(2, LabelPanel::NameColumn)->setText(QStringLiteral("traffic signal"));
    QTRY_VERIFY(labels->labelSet().label(QStringLiteral("traffic signal")).has_value());
    table->item(2, LabelPanel::KeyColumn)->setText(QStringLiteral("8"));
    QTRY_COMPARE(labels->labelSet().labelForHotkey(8)->name, QStringLiteral("traffic signal"));
    table->item(2, LabelPanel::KeyColumn)->setText(QStringLiteral("eleven")); // refused, shown
    QTRY_VERIFY(!panel->problemText().isEmpty());
    QCOMPARE(labels->labelSet().labelForHotkey(8)->name, QStringLiteral("traffic signal"));
    QVERIFY(labels->renameLabel(QStringLiteral("traffic signal"), QStringLiteral("traffic light")).isEmpty());

    QVERIFY(labels->setLabelColour(QStringLiteral("car"), QStringLiteral("#00ff00")).isEmpty());
    QVERIFY(labels->setLabelHotkey(QStringLiteral("traffic light"), 9).isEmpty());
    QVERIFY(labels->renameLabel(QStringLiteral("person"), QStringLiteral("pedestrian")).isEmpty());

    ImageDocument *doc = w.session()->currentDocument();
    QCOMPARE(labelOf(doc, ids[0]), QStringLiteral("pedestrian"));
    const LabelSet saved = LabelSet::load(LabelSet::pathInFolder(f.folder)).labels;
    QCOMPARE(saved, labels->labelSet());
    QCOMPARE(saved.label(QStringLiteral("car"))->colour, QStringLiteral("#00ff00"));
    QCOMPARE(saved.labelForHotkey(9)->name, QStringLiteral("traffic light"));
    QCOMPARE(saved.names(),
        (QStringList {
            QStringLiteral("car"), QStringLiteral("pedestrian"), QStringLiteral("traffic light") }));
    // Object boxes are relabelled too (and saved).
    QCOMPARE(w.labels()->boxLayer()->shownBoxes()[1].label, QStringLiteral("pedestrian"));
    QCOMPARE(
        indexByImagePath(loadObjectBoxes(f.folder).images).value(imageKey(doc->imagePath())).boxes[1].label,
        QStringLiteral("pedestrian"));
    // The rename is one undo step on the image.
    w.session()->undoStack(doc->imagePath())->undo();
    QCOMPARE(labelOf(doc, ids[0]), QStringLiteral("person"));
}

void LabelWorkflowTest::exportDataset_fromGui_readsBackWithCoreImporters()
{
    Fixture f;
    QVERIFY(f.make());
    MainWindow w;
    QVERIFY(open(w, f));
    QCOMPARE(labelTwoCrops(w, f).size(), 2);

    // Crops mode, YOLO: each crop an image, the object boxes carried into it.
    const QString yolo = f.root.filePath(QStringLiteral("yolo"));
    DatasetExportReport report = runExport(w, DatasetFormat::Yolo, DatasetMode::Crops, yolo);
    QVERIFY2(report.ok(), qPrintable(report.error));
    QCOMPARE(report.cropsExported, 2);
    QCOMPARE(report.classes, (QStringList { QStringLiteral("car"), QStringLiteral("person") }));
    const ImportResult crops = importYolo(QDir(yolo).filePath(QStringLiteral("labels")));
    QVERIFY2(crops.ok(), qPrintable(crops.error));
    QCOMPARE(crops.images.size(), 2);
    QCOMPARE(crops.boxCount(), 2);
    QList<ObjectBox> all;
    for (const ImageAnnotations &a : crops.images)
        all += a.boxes;
    // car (20,20,100,80) inside crop (10,10,150,120); person (180,100,60,100) inside (150,90,160,130).
    bool car = false;
    bool person = false;
    for (const ObjectBox &b : all) {
        car = car || (b.label == QLatin1String("car") && near(b.box, BoxF { 10, 10, 100, 80 }));
        person = person || (b.label == QLatin1String("person") && near(b.box, BoxF { 30, 10, 60, 100 }));
    }
    QVERIFY(car);
    QVERIFY(person);

    // Boxes mode, COCO: the photo with each labelled crop as a box, next to its object boxes.
    const QString coco = f.root.filePath(QStringLiteral("coco"));
    report = runExport(w, DatasetFormat::Coco, DatasetMode::Boxes, coco);
    QVERIFY2(report.ok(), qPrintable(report.error));
    const ImportResult photos = importCoco(QDir(coco).filePath(QStringLiteral("annotations.json")));
    QVERIFY2(photos.ok(), qPrintable(photos.error));
    const QList<ObjectBox> onA = boxesOf(photos, QStringLiteral("a.jpg"));
    QCOMPARE(onA.size(), 4); // 2 crops + 2 object boxes
    int matched = 0;
    for (const ObjectBox &b : onA) {
        matched += (b.label == QLatin1String("person") && near(b.box, BoxF { 10, 10, 150, 120 })) ? 1 : 0;
        matched += (b.label == QLatin1String("car") && near(b.box, BoxF { 150, 90, 160, 130 })) ? 1 : 0;
    }
    QCOMPARE(matched, 2);
}

void LabelWorkflowTest::exportDataset_neverReplacesAFolderWithoutConsent()
{
    Fixture f;
    QVERIFY(f.make());
    MainWindow w;
    QVERIFY(open(w, f));
    QCOMPARE(labelTwoCrops(w, f).size(), 2);

    const QString out = f.root.filePath(QStringLiteral("folders"));
    QVERIFY(QDir().mkpath(out));
    QVERIFY(!test::writeFixture(out, QStringLiteral("mine.txt"), "keep me").isEmpty());
    int asked = 0;
    bool consent = false;
    w.labels()->setOverwritePrompt([&](const QString &) {
        ++asked;
        return consent;
    });
    DatasetRequest request;
    request.options.format = DatasetFormat::Folders;
    request.options.mode = DatasetMode::Crops;
    request.options.outputFolder = out;
    QVERIFY(!w.exportDataset(request));
    QCOMPARE(asked, 1);
    QCOMPARE(QDir(out).entryList(QDir::AllEntries | QDir::NoDotAndDotDot),
        QStringList { QStringLiteral("mine.txt") });

    consent = true;
    const DatasetExportReport report = runExport(w, DatasetFormat::Folders, DatasetMode::Crops, out);
    QVERIFY2(report.ok(), qPrintable(report.error));
    QCOMPARE(asked, 2);
    QVERIFY(QFileInfo::exists(QDir(out).filePath(QStringLiteral("person"))));
    QVERIFY(QFileInfo::exists(QDir(out).filePath(QStringLiteral("car"))));
    QVERIFY(QFileInfo::exists(QDir(out).filePath(QStringLiteral("mine.txt")))); // not ours: kept
}

void LabelWorkflowTest::exportDialog_keepsTheRequest_andFoldersAlwaysMeansCrops()
{
    DatasetExportDialog dialog;
    DatasetRequest in;
    in.options.format = DatasetFormat::Voc;
    in.options.mode = DatasetMode::Crops;
    in.options.outputFolder = QStringLiteral("/tmp/some dataset");
    in.options.minVisibility = 0.25;
    in.options.cropSize = ExportSize::exact(320, 240);
    in.options.encode.format = OutputFormat::Png;
    in.images = DatasetImages::VerifiedOnly;
    dialog.setRequest(in);
    const DatasetRequest out = dialog.request();
    QCOMPARE(out.options.format, DatasetFormat::Voc);
    QCOMPARE(out.options.mode, DatasetMode::Crops);
    QCOMPARE(out.options.outputFolder, in.options.outputFolder);
    QCOMPARE(out.options.minVisibility, 0.25);
    QCOMPARE(out.options.cropSize.mode, ExportSize::Exact);
    QCOMPARE(out.options.cropSize.width, 320);
    QCOMPARE(out.options.cropSize.height, 240);
    QCOMPARE(out.options.encode.format, OutputFormat::Png);
    QCOMPARE(out.images, DatasetImages::VerifiedOnly);

    // A folder layout cannot hold boxes: asking for folders + boxes gives folders + crops.
    in.options.format = DatasetFormat::Folders;
    in.options.mode = DatasetMode::Boxes;
    dialog.setRequest(in);
    QCOMPARE(dialog.request().options.mode, DatasetMode::Crops);
    // Boxes mode has no crop images to resize.
    in.options.format = DatasetFormat::Coco;
    dialog.setRequest(in);
    QCOMPARE(dialog.request().options.mode, DatasetMode::Boxes);
    QCOMPARE(dialog.request().options.cropSize.mode, ExportSize::Original);
}

QTEST_MAIN(LabelWorkflowTest)
#include "LabelWorkflowTest.moc"
