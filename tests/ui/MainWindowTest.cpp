// The main window driven like a user: open a folder, step through images with the keys, draw a crop
// on the real canvas, undo it, quit and come back to find it restored; bad files give one summary
// and no dialog; every keyed action comes from the shortcuts table; export writes the expected
// files and never replaces one without consent; paste onto several selected images; rotate.
//
// Runs offscreen with isolated settings and per-user data (QStandardPaths test mode) on a copy of
// the bundled samples in a temporary folder.

#include "ui/MainWindow.h"
#include "core/model/ImageDocument.h"
#include "core/model/Sidecar.h"
#include "support/FixtureImages.h"
#include "ui/CropEditController.h"
#include "ui/ExportRunner.h"
#include "ui/ImageSession.h"
#include "ui/Shortcuts.h"
#include "ui/canvas/CropCanvas.h"
#include "ui/dialogs/ShortcutsDialog.h"
#include "ui/panels/CropListPanel.h"
#include "ui/panels/MessageBar.h"
#include "ui/panels/ThumbnailModel.h"
#include "ui/panels/ThumbnailStrip.h"

#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QMessageBox>
#include <QMimeData>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>
#include <QUrl>

#include <opencv2/imgcodecs.hpp>

using namespace cropwise;

namespace {

// A copy of resources/samples (the originals are read-only and must stay free of sidecars).
QString copySamples(const QTemporaryDir &dir)
{
    const QDir samples(QStringLiteral(CROPWISE_SAMPLES_DIR));
    for (const QString &name :
        samples.entryList({ QStringLiteral("*.png"), QStringLiteral("*.jpg") }, QDir::Files)) {
        const QString to = dir.filePath(name);
        QFile::copy(samples.filePath(name), to);
        QFile(to).setPermissions(QFile::ReadOwner | QFile::WriteOwner);
    }
    return dir.path();
}

QPoint toWidget(const CropCanvas *canvas, double x, double y)
{
    const PointF p = canvas->viewTransform().imageToCanvas(PointF { x, y });
    return QPoint(qRound(p.x), qRound(p.y));
}

// Drags with the left button from one image point to another, in several steps (the canvas starts
// a draw only after a few pixels of movement).
void dragOnCanvas(CropCanvas *canvas, QPointF fromImage, QPointF toImage)
{
    const QPoint a = toWidget(canvas, fromImage.x(), fromImage.y());
    const QPoint b = toWidget(canvas, toImage.x(), toImage.y());
    QTest::mousePress(canvas, Qt::LeftButton, Qt::NoModifier, a);
    for (int i = 1; i <= 5; ++i)
        QTest::mouseMove(canvas, a + (b - a) * i / 5);
    QTest::mouseRelease(canvas, Qt::LeftButton, Qt::NoModifier, b);
}

bool anyMessageBoxOpen()
{
    for (QWidget *w : QApplication::topLevelWidgets()) {
        if (w->isVisible() && (qobject_cast<QMessageBox *>(w) || qobject_cast<QDialog *>(w)))
            return true;
    }
    return QApplication::activeModalWidget() != nullptr;
}

} // namespace

class MainWindowTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();

    void openFolder_showsFirstImage_andKeysStepThroughImages();
    void drawCrop_onCanvas_isUndoable_andSurvivesQuitAndReopen();
    void badFiles_giveOneSummary_andNoDialog();
    void brokenSidecar_isKeptAside_andShownInTheBar();
    void oneFileOnCommandLine_opensItsFolderAtThatFile();
    void dropFolder_opensIt();
    void keyedActions_allComeFromTheShortcutsTable();
    void shortcutsDialog_opensWithF1_andListsTheTable();
    void numericEntry_changesCrop_throughUndoStack();
    void aspectPreset_locksAndReshapesSelectedCrop();
    void originalAspect_followsEachImage_andIsRemembered();
    void export_writesFiles_andNeverOverwritesWithoutConsent();
    void paste_ontoSelectedImages_oneUndoStepEach();
    void rotate_turnsCrops_andUndoRestores();
};

void MainWindowTest::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("CropwiseTest"));
    QCoreApplication::setApplicationName(QStringLiteral("MainWindowTest"));
}

void MainWindowTest::init()
{
    QSettings().clear(); // every test starts like a first run
}

void MainWindowTest::openFolder_showsFirstImage_andKeysStepThroughImages()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    copySamples(dir);
    MainWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    w.openPaths({ dir.path() });

    QCOMPARE(w.session()->count(), 6);
    QCOMPARE(w.session()->currentIndex(), 0);
    QTRY_VERIFY_WITH_TIMEOUT(w.canvas()->hasImage(), 30000); // background work: slow under sanitizers
    QVERIFY(w.statusText().contains(QStringLiteral("1 / 6")));
    QCOMPARE(w.thumbnailStrip()->currentRow(), 0);

    w.canvas()->setFocus();
    QTest::keyClick(w.canvas(), Qt::Key_PageDown);
    QCOMPARE(w.session()->currentIndex(), 1);
    QTest::keyClick(w.canvas(), Qt::Key_Right, Qt::ControlModifier);
    QCOMPARE(w.session()->currentIndex(), 2);
    QCOMPARE(w.thumbnailStrip()->currentRow(), 2);
    QVERIFY(w.statusText().contains(QStringLiteral("3 / 6")));
    QTest::keyClick(w.canvas(), Qt::Key_PageUp);
    QCOMPARE(w.session()->currentIndex(), 1);
    QTest::keyClick(w.canvas(), Qt::Key_Left, Qt::ControlModifier);
    QCOMPARE(w.session()->currentIndex(), 0);
    // At the start, previous stays put.
    QTest::keyClick(w.canvas(), Qt::Key_PageUp);
    QCOMPARE(w.session()->currentIndex(), 0);
    QTest::keyClick(w.canvas(), Qt::Key_End, Qt::ControlModifier);
    QCOMPARE(w.session()->currentIndex(), 5);

    // Clicking a thumbnail switches too.
    const QRect r = w.thumbnailStrip()->visualRect(w.thumbnailModel()->index(3));
    QTest::mouseClick(w.thumbnailStrip()->viewport(), Qt::LeftButton, Qt::NoModifier, r.center());
    QCOMPARE(w.session()->currentIndex(), 3);
    QTRY_VERIFY_WITH_TIMEOUT(!w.thumbnailModel()->isLoading(), 30000); // background work: slow under sanitizers
    QCOMPARE(w.thumbnailModel()->failedCount(), 0);
    QVERIFY(!w.messageBar()->isVisible());
}

void MainWindowTest::drawCrop_onCanvas_isUndoable_andSurvivesQuitAndReopen()
{
    QTemporaryDir dir;
    copySamples(dir);
    QString imagePath;
    Rect drawn;
    {
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        w.openPaths({ dir.path() });
        QTRY_VERIFY_WITH_TIMEOUT(w.canvas()->hasImage(), 30000); // background work: slow under sanitizers
        imagePath = w.session()->currentPath();
        const Size size = w.canvas()->imageSize();

        dragOnCanvas(w.canvas(), QPointF(size.width * 0.2, size.height * 0.25),
            QPointF(size.width * 0.7, size.height * 0.75));
        ImageDocument *doc = w.session()->currentDocument();
        QVERIFY(doc);
        QCOMPARE(doc->cropCount(), 1);
        drawn = doc->crops().first().rect;
        // Where the mouse went, to within the rounding of a fitted view.
        const double tolerance = 2.0 / w.canvas()->viewTransform().scale() + 1;
        QVERIFY2(qAbs(drawn.x - size.width * 0.2) <= tolerance, qPrintable(QString::number(drawn.x)));
        QVERIFY(qAbs(drawn.rightEdge() - size.width * 0.7) <= tolerance);
        QCOMPARE(w.cropPanel()->spinBox(CropListPanel::Field::Width)->value(), drawn.width);

        // Undo / redo with the keys of the table, from the canvas.
        QTest::keyClick(w.canvas(), Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(doc->cropCount(), 0);
        QTest::keyClick(w.canvas(), Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(doc->cropCount(), 1);
        QVERIFY(w.action(ShortcutId::Undo)->text().contains(QStringLiteral("Undo")));

        // Nudge with an arrow (canvas key), then undo it.
        w.controller()->setSelectedCropId(doc->crops().first().id);
        QTest::keyClick(w.canvas(), Qt::Key_Right);
        QCOMPARE(doc->crops().first().rect.x, drawn.x + 1);
        QTest::keyClick(w.canvas(), Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(doc->crops().first().rect, drawn);

        // Switching image flushes: the sidecar is written now.
        QTest::keyClick(w.canvas(), Qt::Key_PageDown);
        QVERIFY(QFile::exists(imagePath + QLatin1String(kSidecarSuffix)));
        QVERIFY(w.close());
    }
    QVERIFY(QFile::exists(imagePath + QLatin1String(kSidecarSuffix)));

    MainWindow again;
    again.show();
    QVERIFY(QTest::qWaitForWindowExposed(&again));
    again.openPaths({ dir.path() });
    ImageDocument *doc = again.session()->document(imagePath);
    QVERIFY(doc);
    QCOMPARE(doc->cropCount(), 1);
    QCOMPARE(doc->crops().first().rect, drawn);
}

void MainWindowTest::badFiles_giveOneSummary_andNoDialog()
{
    QTemporaryDir dir;
    const cv::Mat good = test::quadrantImage(64, 48);
    QVERIFY(cv::imwrite(dir.filePath(QStringLiteral("a_good.png")).toStdString(), good));
    QFile(dir.filePath(QStringLiteral("b_empty.jpg"))).open(QIODevice::WriteOnly); // zero bytes
    {
        QFile f(dir.filePath(QStringLiteral("c_text.png")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("this is not an image at all, just words\n");
    }
    {
        // A JPEG cut in the middle of its data.
        const QByteArray jpeg = test::encodeWithOpenCv(test::noiseImage(128, 96), ".jpg");
        QFile f(dir.filePath(QStringLiteral("d_truncated.jpg")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(jpeg.left(jpeg.size() / 2));
    }

    MainWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    w.openPaths({ dir.path() });
    QCOMPARE(w.session()->count(), 4);
    QTRY_VERIFY_WITH_TIMEOUT(!w.thumbnailModel()->isLoading(), 30000); // background work: slow under sanitizers
    QVERIFY(w.thumbnailModel()->failedCount() >= 2); // empty + text (+ truncated, as error or warning)
    QTRY_VERIFY_WITH_TIMEOUT(w.messageBar()->isVisible(), 30000); // background work: slow under sanitizers
    QVERIFY2(w.messageBar()->text().contains(QStringLiteral("cannot be opened")),
        qPrintable(w.messageBar()->text()));
    QVERIFY(w.messageBar()->details().contains(QStringLiteral("b_empty.jpg")));
    QVERIFY(w.messageBar()->details().contains(QStringLiteral("c_text.png")));
    QVERIFY(!anyMessageBoxOpen());
    // The reason is in the thumbnail's tool tip.
    const QString tip = w.thumbnailModel()->data(w.thumbnailModel()->index(1), Qt::ToolTipRole).toString();
    QVERIFY2(tip.contains(QStringLiteral("Cannot be opened")), qPrintable(tip));

    // Stepping onto a bad file: one message in the bar, no dialog, no crash; editing is off.
    QTest::keyClick(w.canvas(), Qt::Key_PageDown);
    QCOMPARE(w.session()->currentIndex(), 1);
    QVERIFY(!w.session()->currentDocument());
    QTRY_VERIFY_WITH_TIMEOUT(w.messageBar()->text().contains(QStringLiteral("b_empty.jpg")), 30000); // background work: slow under sanitizers
    QCOMPARE(w.messageBar()->level(), MessageBar::Level::Error);
    QVERIFY(!w.action(ShortcutId::AddCrop)->isEnabled());
    QTest::keyClick(w.canvas(), Qt::Key_N, Qt::ControlModifier); // ignored
    QTest::keyClick(w.canvas(), Qt::Key_PageDown);
    QTest::keyClick(w.canvas(), Qt::Key_PageDown);
    QCOMPARE(w.session()->currentIndex(), 3);
    QVERIFY(!anyMessageBoxOpen());

    // An unreadable folder: one clear message.
    w.openPaths({ dir.filePath(QStringLiteral("no-such-folder")) });
    QTRY_VERIFY_WITH_TIMEOUT(w.messageBar()->isVisible(), 30000); // background work: slow under sanitizers
    QVERIFY(!anyMessageBoxOpen());
}

void MainWindowTest::brokenSidecar_isKeptAside_andShownInTheBar()
{
    QTemporaryDir dir;
    QVERIFY(
        cv::imwrite(dir.filePath(QStringLiteral("photo.png")).toStdString(), test::quadrantImage(64, 64)));
    const QString sidecar = dir.filePath(QStringLiteral("photo.png") + QLatin1String(kSidecarSuffix));
    {
        QFile f(sidecar);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{ this is not json");
    }
    MainWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    w.openPaths({ dir.path() });
    QVERIFY(w.session()->currentDocument());
    QCOMPARE(w.session()->currentDocument()->cropCount(), 0);
    QTRY_VERIFY_WITH_TIMEOUT(w.messageBar()->isVisible(), 30000); // background work: slow under sanitizers
    QVERIFY2(w.messageBar()->text().contains(QStringLiteral("broken"))
            || w.messageBar()->text().contains(QStringLiteral("kept")),
        qPrintable(w.messageBar()->text()));
    const QStringList aside
        = QDir(dir.path()).entryList({ QStringLiteral("photo.png.cropwise.json.broken-*") });
    QCOMPARE(aside.size(), 1);
    QVERIFY(!anyMessageBoxOpen());
}

void MainWindowTest::oneFileOnCommandLine_opensItsFolderAtThatFile()
{
    QTemporaryDir dir;
    copySamples(dir);
    MainWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    w.openPaths({ dir.filePath(QStringLiteral("coffee.png")) });
    QCOMPARE(w.session()->count(), 6);
    QCOMPARE(QFileInfo(w.session()->currentPath()).fileName(), QStringLiteral("coffee.png"));

    // Several files: just those.
    w.openPaths({ dir.filePath(QStringLiteral("rocket.jpg")), dir.filePath(QStringLiteral("camera.png")) });
    QCOMPARE(w.session()->count(), 2);
}

void MainWindowTest::dropFolder_opensIt()
{
    QTemporaryDir dir;
    copySamples(dir);
    MainWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QMimeData mime;
    mime.setUrls({ QUrl::fromLocalFile(dir.path()) });
    QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&w, &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&w, &drop);
    QCOMPARE(w.session()->count(), 6);
}

void MainWindowTest::keyedActions_allComeFromTheShortcutsTable()
{
    MainWindow w;
    QMap<QString, const ShortcutEntry *> byName;
    for (const ShortcutEntry &e : shortcutTable())
        byName.insert(e.key, &e);
    QMap<QString, QString> taken; // portable key -> action name
    const QList<QAction *> actions = w.findChildren<QAction *>();
    int keyed = 0;
    for (const QAction *a : actions) {
        if (a->shortcuts().isEmpty())
            continue;
        ++keyed;
        QVERIFY2(byName.contains(a->objectName()),
            qPrintable(QStringLiteral("action \"%1\" has keys but is not in the table").arg(a->text())));
        QCOMPARE(a->shortcuts(), byName[a->objectName()]->keys);
        for (const QKeySequence &k : a->shortcuts()) {
            const QString key = k.toString(QKeySequence::PortableText);
            QVERIFY2(!taken.contains(key),
                qPrintable(
                    QStringLiteral("%1 used by %2 and %3").arg(key, taken.value(key), a->objectName())));
            taken.insert(key, a->objectName());
        }
    }
    int tableActions = 0;
    for (const ShortcutEntry &e : shortcutTable())
        tableActions += e.kind == ShortcutKind::Action ? 1 : 0;
    QCOMPARE(keyed, tableActions); // every Action row became exactly one action
}

void MainWindowTest::shortcutsDialog_opensWithF1_andListsTheTable()
{
    MainWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QTest::keyClick(&w, Qt::Key_F1);
    auto *dialog = w.findChild<ShortcutsDialog *>();
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    QCOMPARE(dialog->visibleRowCount(), int(shortcutTable().size()));
    dialog->close();
}

void MainWindowTest::numericEntry_changesCrop_throughUndoStack()
{
    QTemporaryDir dir;
    copySamples(dir);
    MainWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    w.openPaths({ dir.filePath(QStringLiteral("chelsea.png")) });
    ImageDocument *doc = w.session()->currentDocument();
    QVERIFY(doc);
    QVERIFY(w.controller()->addCrop(Rect { 10, 20, 100, 80 }));
    QUndoStack *stack = w.session()->undoStack(w.session()->currentPath());
    const int steps = stack->count();

    QSpinBox *x = w.cropPanel()->spinBox(CropListPanel::Field::X);
    QCOMPARE(x->value(), 10);
    x->setValue(42); // what Enter / focus-out / arrows do (keyboard tracking is off)
    QCOMPARE(doc->crops().first().rect, (Rect { 42, 20, 100, 80 }));
    QCOMPARE(stack->count(), steps + 1);
    stack->undo();
    QCOMPARE(doc->crops().first().rect.x, 10);
    QCOMPARE(x->value(), 10);

    // Too wide for the image: the crop shifts back inside rather than leaving it.
    const int imageWidth = doc->displayedSize().width;
    w.cropPanel()->spinBox(CropListPanel::Field::Width)->setValue(imageWidth);
    QCOMPARE(doc->crops().first().rect.x, 0);
    QCOMPARE(doc->crops().first().rect.width, imageWidth);
}

void MainWindowTest::aspectPreset_locksAndReshapesSelectedCrop()
{
    QTemporaryDir dir;
    copySamples(dir);
    MainWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    w.openPaths({ dir.filePath(QStringLiteral("chelsea.png")) });
    ImageDocument *doc = w.session()->currentDocument();
    QVERIFY(w.controller()->addCrop(Rect { 20, 20, 200, 150 }));
    QComboBox *combo = w.aspectCombo();
    const int fourFive = combo->findText(QStringLiteral("4:5"));
    QVERIFY(fourFive >= 0);
    combo->setCurrentIndex(fourFive);
    emit combo->activated(fourFive); // what a user's pick sends
    QVERIFY(w.action(ShortcutId::LockAspect)->isChecked());
    const Rect r = doc->crops().first().rect;
    QCOMPARE(qint64(r.width) * 5, qint64(r.height) * 4);

    // X swaps to 5:4, and the combo follows.
    QTest::keyClick(w.canvas(), Qt::Key_X);
    const Rect s = doc->crops().first().rect;
    QCOMPARE(qint64(s.width) * 4, qint64(s.height) * 5);
    QCOMPARE(combo->currentText(), QStringLiteral("5:4"));

    // L unlocks: new crops are free again.
    QTest::keyClick(w.canvas(), Qt::Key_L);
    QVERIFY(!w.action(ShortcutId::LockAspect)->isChecked());
    QVERIFY(!w.controller()->aspect().has_value());

    // Numeric entry with a lock keeps the ratio exactly.
    const auto edited = CropListPanel::numericEdit(
        Rect { 0, 0, 40, 50 }, CropListPanel::Field::Width, 83, AspectRatio { 4, 5 }, Size { 400, 300 });
    QVERIFY(edited);
    QCOMPARE(qint64(edited->width) * 5, qint64(edited->height) * 4);
    QCOMPARE(edited->width, 84); // nearest multiple of 4
}

void MainWindowTest::originalAspect_followsEachImage_andIsRemembered()
{
    QTemporaryDir dir;
    copySamples(dir);
    {
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        w.openPaths({ dir.filePath(QStringLiteral("chelsea.png")) }); // 451 x 300
        QComboBox *combo = w.aspectCombo();
        const int original = combo->findText(QStringLiteral("Original"));
        QVERIFY(original >= 0);
        combo->setCurrentIndex(original);
        emit combo->activated(original);
        QCOMPARE(w.controller()->aspect(), std::optional(AspectRatio { 3, 2 }));
        QCOMPARE(combo->currentText(), QStringLiteral("Original"));
        // The next image is coffee.png, 600 x 400 (3:2); then grace_hopper.jpg, 512 x 600.
        QTest::keyClick(w.canvas(), Qt::Key_PageDown);
        QTest::keyClick(w.canvas(), Qt::Key_PageDown);
        QCOMPARE(w.controller()->aspect(), std::optional(AspectRatio::approximate(Size { 512, 600 })));
        QCOMPARE(combo->currentText(), QStringLiteral("Original"));
        QVERIFY(w.close());
    }
    MainWindow again;
    again.show();
    again.openPaths({ dir.filePath(QStringLiteral("camera.png")) }); // 512 x 512
    QCOMPARE(again.aspectCombo()->currentText(), QStringLiteral("Original"));
    QCOMPARE(again.controller()->aspect(), std::optional(AspectRatio { 1, 1 }));
}

void MainWindowTest::export_writesFiles_andNeverOverwritesWithoutConsent()
{
    QTemporaryDir dir;
    copySamples(dir);
    MainWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    w.openPaths({ dir.filePath(QStringLiteral("chelsea.png")) });
    QVERIFY(w.controller()->addCrop(Rect { 10, 20, 120, 90 }));
    QVERIFY(w.controller()->addCrop(Rect { 50, 40, 64, 64 }));

    QStringList asked;
    MainWindow::OverwriteChoice answer = MainWindow::OverwriteChoice::Cancel;
    w.setOverwritePrompt([&](const QStringList &existing) {
        asked = existing;
        return answer;
    });

    ExportSettings settings;
    settings.folder = dir.filePath(QStringLiteral("out"));
    settings.format = OutputFormat::Png;
    QSignalSpy finished(&w, &MainWindow::exportFinished);
    QVERIFY(w.exportCrops(settings, ExportDialog::Scope::CurrentImage));
    QVERIFY(finished.wait(20000));
    const QString first = dir.filePath(QStringLiteral("out/chelsea_Crop_1.png"));
    const QString second = dir.filePath(QStringLiteral("out/chelsea_Crop_2.png"));
    QVERIFY(QFile::exists(first));
    QVERIFY(QFile::exists(second));
    cv::Mat pixels = cv::imread(first.toStdString(), cv::IMREAD_UNCHANGED);
    QCOMPARE(pixels.cols, 120);
    QCOMPARE(pixels.rows, 90);
    QVERIFY(asked.isEmpty()); // nothing existed: no question
    QVERIFY(w.messageBar()->text().contains(QStringLiteral("Exported 2 crops")));

    // Again, at a long side of 60: the files exist, so the user is asked; Cancel writes nothing.
    settings.size = ExportSize::longestSide(60);
    answer = MainWindow::OverwriteChoice::Cancel;
    QVERIFY(!w.exportCrops(settings, ExportDialog::Scope::CurrentImage));
    QCOMPARE(asked.size(), 2);
    QCOMPARE(cv::imread(first.toStdString()).cols, 120);

    // Skip keeps them (nothing left to write).
    answer = MainWindow::OverwriteChoice::Skip;
    QVERIFY(!w.exportCrops(settings, ExportDialog::Scope::CurrentImage));
    QCOMPARE(cv::imread(first.toStdString()).cols, 120);

    // Replace: written again at the new size, aspect kept.
    answer = MainWindow::OverwriteChoice::Replace;
    QVERIFY(w.exportCrops(settings, ExportDialog::Scope::CurrentImage));
    QVERIFY(finished.wait(20000));
    pixels = cv::imread(first.toStdString(), cv::IMREAD_UNCHANGED);
    QCOMPARE(pixels.cols, 60);
    QCOMPARE(pixels.rows, 45);
    const auto summary = finished.last().first().value<ExportSummary>();
    QCOMPARE(summary.written.size(), 2);
    QVERIFY(summary.failures.isEmpty());
}

void MainWindowTest::paste_ontoSelectedImages_oneUndoStepEach()
{
    QTemporaryDir dir;
    copySamples(dir);
    MainWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    w.openPaths({ dir.path() });
    ImageDocument *source = w.session()->currentDocument();
    w.controller()->setAspect(AspectRatio { 4, 5 }); // locked: pasted crops keep it exactly
    QVERIFY(w.controller()->addCrop(Rect { 64, 64, 256, 320 }));
    QCOMPARE(w.copyCrops(), 1);

    // Select images 0, 2 and 4 in the strip (Ctrl+click), as a user would.
    ThumbnailStrip *strip = w.thumbnailStrip();
    for (int row : { 2, 4 }) {
        strip->scrollTo(w.thumbnailModel()->index(row));
        QTest::mouseClick(strip->viewport(), Qt::LeftButton, Qt::ControlModifier,
            strip->visualRect(w.thumbnailModel()->index(row)).center());
    }
    QCOMPARE(strip->selectedRows(), (QList<int> { 0, 2, 4 }));
    QCOMPARE(w.pasteCrops(), 2); // not back onto the image it came from
    QCOMPARE(source->cropCount(), 1);
    for (int row : { 2, 4 }) {
        const QString path = w.session()->imagePaths().at(row);
        ImageDocument *doc = w.session()->document(path);
        QVERIFY(doc);
        QCOMPARE(doc->cropCount(), 1);
        const Rect r = doc->crops().first().rect;
        QCOMPARE(qint64(r.width) * 5, qint64(r.height) * 4); // aspect kept exactly
        QUndoStack *stack = w.session()->undoStack(path);
        QCOMPARE(stack->count(), 1);
        stack->undo();
        QCOMPARE(doc->cropCount(), 0);
    }
}

void MainWindowTest::rotate_turnsCrops_andUndoRestores()
{
    QTemporaryDir dir;
    copySamples(dir);
    MainWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    w.openPaths({ dir.filePath(QStringLiteral("chelsea.png")) });
    ImageDocument *doc = w.session()->currentDocument();
    const Size before = doc->displayedSize();
    QVERIFY(w.controller()->addCrop(Rect { 10, 20, 100, 50 }));
    QTest::keyClick(w.canvas(), Qt::Key_BracketRight);
    QCOMPARE(doc->userTurn().clockwiseDegrees(), 90);
    QCOMPARE(doc->displayedSize(), (Size { before.height, before.width }));
    QCOMPARE(doc->crops().first().rect.size(), (Size { 50, 100 }));
    QVERIFY(w.statusText().contains(QStringLiteral("%1 × %2").arg(before.height).arg(before.width)));
    QTest::keyClick(w.canvas(), Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(doc->displayedSize(), before);
    QCOMPARE(doc->crops().first().rect, (Rect { 10, 20, 100, 50 }));
}

QTEST_MAIN(MainWindowTest)
#include "MainWindowTest.moc"
