// The linked rendition editor and the rendition export, driven like a user in the real main window:
// choose the social set, find its 4 linked crops with exact aspects in the document, drag one on
// the canvas (preview and crop follow, aspect stays exact, undo restores), see the upscaling badge
// on a small image, export every rendition of every image (dialog bypassed) at exactly the sizes
// asked, and never overwrite without asking. Correctness only, never timing.
//
// Offscreen, isolated settings and preset folder (QStandardPaths test mode), generated images in a
// temporary folder.

#include "core/geometry/AspectRatio.h"
#include "core/jobs/SuggestJob.h"
#include "core/model/ImageDocument.h"
#include "core/renditions/BuiltinRenditionSets.h"
#include "core/renditions/RenditionCrop.h"
#include "core/renditions/RenditionPresetStore.h"
#include "ui/CropEditController.h"
#include "ui/ImageSession.h"
#include "ui/MainWindow.h"
#include "ui/Shortcuts.h"
#include "ui/canvas/CropCanvas.h"
#include "ui/renditions/RenditionExportDialog.h"
#include "ui/renditions/RenditionLinker.h"
#include "ui/renditions/RenditionPresetDialog.h"
#include "ui/renditions/RenditionPreview.h"
#include "ui/renditions/RenditionsFeature.h"
#include "ui/renditions/RenditionsPanel.h"

#include <QComboBox>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

using namespace cropwise;

namespace {

// Background decodes and suggestions: a generous bound for slow (sanitizer) builds; nothing measures it.
constexpr int kJobTimeoutMs = 120000;

// A photo-like test picture: a gradient sky, a dark "subject" disc right of centre.
void writeImage(const QString &path, int width, int height)
{
    cv::Mat image(height, width, CV_8UC3);
    for (int y = 0; y < height; ++y)
        image.row(y).setTo(cv::Scalar(200 - 100 * y / height, 160, 90 + 100 * y / height));
    cv::circle(image, { width * 3 / 5, height / 2 }, std::min(width, height) / 6, cv::Scalar(30, 40, 60), -1);
    QVERIFY(cv::imwrite(path.toStdString(), image));
}

QPoint toWidget(const CropCanvas *canvas, double x, double y)
{
    const PointF p = canvas->viewTransform().imageToCanvas(PointF { x, y });
    return QPoint(qRound(p.x), qRound(p.y));
}

const Rendition &socialRendition(const QString &name)
{
    static const RenditionSet social = [] {
        for (const RenditionSet &s : builtinRenditionSets()) {
            if (s.name == QLatin1String("social"))
                return s;
        }
        return RenditionSet();
    }();
    for (const Rendition &r : social.renditions) {
        if (r.name == name)
            return r;
    }
    static const Rendition none;
    return none;
}

QList<Crop> renditionCrops(const ImageDocument &doc)
{
    QList<Crop> result;
    for (const Crop &c : doc.crops()) {
        if (!renditionTag(c).isEmpty())
            result << c;
    }
    return result;
}

} // namespace

class RenditionEditorTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();

    void socialSet_linksFourCrops_withExactAspects();
    void dragOnCanvas_editsLinkedCrop_previewFollows_aspectStaysExact();
    void smallImage_showsUpscalingBadge_withFactorInToolTip();
    void exportAll_writesExactSizes_andNeverOverwritesWithoutAsking();
    void exportCancelled_leavesOnlyWholeFiles();
    void exportDialog_roundTripsTheRequest();
    void presetDialog_savesUserSet_andNamesTheBadField();
    void badPresetFile_isReported_namingTheField();

private:
    // Opens folder in a fresh window with the Renditions panel shown and the social set chosen.
    void openWithPanel(MainWindow &w, const QString &folder);

    QTemporaryDir m_dir;
    QString m_big; // folder with one 3000 x 2000 photo
    QString m_both; // folder with a 3000 x 2000 and a 600 x 400 photo
    QString m_small; // folder with the 600 x 400 photo
};

void RenditionEditorTest::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("CropwiseTest"));
    QCoreApplication::setApplicationName(QStringLiteral("RenditionEditorTest"));
    QVERIFY(m_dir.isValid());
    QDir root(m_dir.path());
    for (const char *sub : { "big", "both", "small" })
        QVERIFY(root.mkpath(QString::fromLatin1(sub)));
    m_big = root.filePath(QStringLiteral("big"));
    m_both = root.filePath(QStringLiteral("both"));
    m_small = root.filePath(QStringLiteral("small"));
    writeImage(m_big + QStringLiteral("/harbour.jpg"), 3000, 2000);
    writeImage(m_both + QStringLiteral("/a_harbour.jpg"), 3000, 2000);
    writeImage(m_both + QStringLiteral("/b_small.png"), 600, 400);
    writeImage(m_small + QStringLiteral("/small.png"), 600, 400);
}

void RenditionEditorTest::init()
{
    QSettings().clear();
    QDir(RenditionPresetStore().folder()).removeRecursively();
}

void RenditionEditorTest::openWithPanel(MainWindow &w, const QString &folder)
{
    w.resize(1400, 900);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QVERIFY(!w.renditions()->dock()->isVisible()); // hidden until asked for: no crops made
    w.action(ShortcutId::ShowRenditions)->trigger(); // Ctrl+Shift+R
    QVERIFY(w.renditions()->dock()->isVisible());
    QVERIFY(w.renditions()->panel()->setCurrentSet(QStringLiteral("social")));
    w.openPaths({ folder });
    QTRY_VERIFY_WITH_TIMEOUT(w.canvas()->hasImage(), kJobTimeoutMs);
    QTRY_VERIFY(w.renditions()->panel()->isVisible());
}

void RenditionEditorTest::socialSet_linksFourCrops_withExactAspects()
{
    MainWindow w;
    openWithPanel(w, m_big);
    RenditionsPanel *panel = w.renditions()->panel();
    ImageDocument *doc = w.controller()->document();
    QVERIFY(doc);
    QTRY_COMPARE_WITH_TIMEOUT(renditionCrops(*doc).size(), 4, kJobTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(!panel->linker()->isSuggesting(), kJobTimeoutMs);

    QCOMPARE(panel->previews().size(), 4);
    // The crops are the suggester's for each aspect (computed in the background), here the same
    // request run synchronously.
    SuggestJobRequest request;
    request.items.append({ doc->imagePath(), doc->userTurn(), {}, std::nullopt });
    request.aspects = { AspectRatio::make(1, 1), AspectRatio::make(4, 5), AspectRatio::make(16, 9),
        AspectRatio::make(9, 16) };
    request.top = 1;
    const std::optional<SuggestJobResult> suggested = suggestForImage(request.items.first(), request);
    QVERIFY(suggested && suggested->ok());
    const QStringList names { "square", "portrait", "landscape", "story" };
    for (const QString &name : names) {
        const Rendition &r = socialRendition(name);
        const QString id = RenditionLinker::linkedCropId(*doc, name);
        QVERIFY2(!id.isEmpty(), qPrintable(name));
        const Crop crop = *doc->crop(id);
        QVERIFY2(r.aspect->matches(crop.rect.size()),
            qPrintable(QStringLiteral("%1: %2x%3").arg(name).arg(crop.rect.width).arg(crop.rect.height)));
        QCOMPARE(crop.aspect, r.aspect); // locked to the rendition's ratio
        QCOMPARE(crop.rect, suggested->suggestions.forAspect(r.aspect)->suggestions.first().rect);
        RenditionPreview *tile = panel->preview(name);
        QVERIFY(tile);
        QCOMPARE(tile->cropId(), id);
        QCOMPARE(tile->cropRect(), crop.rect);
        QCOMPARE(tile->outputSize(), (Size { r.size.width, r.size.height }));
        QVERIFY(!tile->isUpscaled());
        QVERIFY(!tile->thumbnail().isNull());
    }
    // All four were added in one undo step; undo removes them and the linker does not fight it.
    QUndoStack *stack = w.controller()->undoStack();
    stack->undo();
    QCOMPARE(renditionCrops(*doc).size(), 0);
    QTest::qWait(50);
    QCOMPARE(renditionCrops(*doc).size(), 0);
    stack->redo();
    QCOMPARE(renditionCrops(*doc).size(), 4);
}

void RenditionEditorTest::dragOnCanvas_editsLinkedCrop_previewFollows_aspectStaysExact()
{
    MainWindow w;
    openWithPanel(w, m_big);
    RenditionsPanel *panel = w.renditions()->panel();
    ImageDocument *doc = w.controller()->document();
    QTRY_COMPARE_WITH_TIMEOUT(renditionCrops(*doc).size(), 4, kJobTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(!panel->linker()->isSuggesting(), kJobTimeoutMs);

    // A click on the portrait preview selects its crop on the canvas, the aspect locked to 4:5.
    RenditionPreview *tile = panel->preview(QStringLiteral("portrait"));
    QTest::mouseClick(tile, Qt::LeftButton, Qt::NoModifier, tile->rect().center());
    const QString id = RenditionLinker::linkedCropId(*doc, QStringLiteral("portrait"));
    QCOMPARE(w.controller()->selectedCropId(), id);
    QCOMPARE(w.controller()->aspect(), AspectRatio::make(4, 5));
    QVERIFY(tile->isSelected());

    const Rect before = doc->crop(id)->rect;
    const QImage thumbBefore = tile->thumbnail();
    // Drag the bottom-right corner handle up and left by a fifth of the crop.
    const QPoint from = toWidget(w.canvas(), before.x + before.width, before.y + before.height);
    const QPoint to = toWidget(w.canvas(), before.x + before.width * 4 / 5, before.y + before.height * 4 / 5);
    QTest::mousePress(w.canvas(), Qt::LeftButton, Qt::NoModifier, from);
    for (int i = 1; i <= 5; ++i) {
        QTest::mouseMove(w.canvas(), from + (to - from) * i / 5);
        if (i == 3) { // live: the preview follows the drag before the release
            QVERIFY(w.canvas()->isDragging());
            QCOMPARE(tile->cropRect(), *w.canvas()->shownRect(id));
            QVERIFY(tile->cropRect() != before);
        }
    }
    QTest::mouseRelease(w.canvas(), Qt::LeftButton, Qt::NoModifier, to);

    const Rect after = doc->crop(id)->rect;
    QVERIFY(after != before);
    QVERIFY(after.width < before.width);
    QVERIFY2(AspectRatio::make(4, 5)->matches(after.size()),
        qPrintable(QStringLiteral("%1x%2").arg(after.width).arg(after.height)));
    QCOMPARE(renditionTag(*doc->crop(id)), QStringLiteral("portrait")); // still linked
    QCOMPARE(tile->cropRect(), after);
    QVERIFY(tile->thumbnail() != thumbBefore);
    // The other renditions did not move.
    QCOMPARE(panel->preview(QStringLiteral("square"))->cropRect(),
        doc->crop(RenditionLinker::linkedCropId(*doc, QStringLiteral("square")))->rect);

    w.controller()->undoStack()->undo();
    QCOMPARE(doc->crop(id)->rect, before);
    QCOMPARE(tile->cropRect(), before);
}

void RenditionEditorTest::smallImage_showsUpscalingBadge_withFactorInToolTip()
{
    MainWindow w;
    openWithPanel(w, m_small);
    RenditionsPanel *panel = w.renditions()->panel();
    ImageDocument *doc = w.controller()->document();
    QTRY_COMPARE_WITH_TIMEOUT(renditionCrops(*doc).size(), 4, kJobTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(!panel->linker()->isSuggesting(), kJobTimeoutMs);
    for (RenditionPreview *tile : panel->previews()) {
        QVERIFY2(tile->isUpscaled(), qPrintable(tile->rendition().name));
        const double factor = tile->upscaleFactor();
        QVERIFY(factor > 1.0);
        QVERIFY2(tile->toolTip().contains(QStringLiteral("Enlarged %1×").arg(factor, 0, 'f', 2)),
            qPrintable(tile->toolTip()));
    }
    // A square crop of at most 400 px for a 1080 px output: enlarged by 1080 / its side.
    const RenditionPreview *square = panel->preview(QStringLiteral("square"));
    QVERIFY(square->cropRect().width <= 400);
    QCOMPARE(square->upscaleFactor(), 1080.0 / square->cropRect().width);
}

void RenditionEditorTest::exportAll_writesExactSizes_andNeverOverwritesWithoutAsking()
{
    MainWindow w;
    openWithPanel(w, m_both);
    RenditionsFeature *feature = w.renditions();
    ImageDocument *doc = w.controller()->document();
    QTRY_COMPARE_WITH_TIMEOUT(renditionCrops(*doc).size(), 4, kJobTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(!feature->panel()->linker()->isSuggesting(), kJobTimeoutMs);

    QStringList asked;
    feature->setOverwritePrompt([&asked](const QStringList &existing) {
        asked = existing;
        return RenditionsFeature::OverwriteChoice::Cancel;
    });
    const QString out = QDir(m_dir.path()).filePath(QStringLiteral("out"));
    RenditionExportRequest request;
    request.set = feature->panel()->currentSet();
    QCOMPARE(request.set.name, QStringLiteral("social"));
    request.folder = out;
    request.scope = RenditionExportRequest::Scope::AllImages;
    request.fallback = CropFallback::Centred;

    QSignalSpy finished(feature, &RenditionsFeature::exportFinished);
    QVERIFY(feature->exportRenditions(request));
    QVERIFY(finished.wait(120000));
    const auto summary = finished.takeFirst().at(0).value<RenditionExportSummary>();
    QVERIFY2(summary.failures.isEmpty(), qPrintable(summary.failures.join(QLatin1Char('\n'))));
    QCOMPARE(summary.written.size(), 8);
    QCOMPARE(summary.upscaled, 4); // the 600 x 400 image, reported as warnings
    QVERIFY(!summary.warnings.isEmpty());
    QVERIFY(asked.isEmpty());

    const QList<std::pair<QString, QSize>> expected { { "square", { 1080, 1080 } },
        { "portrait", { 1080, 1350 } }, { "landscape", { 1920, 1080 } }, { "story", { 1080, 1920 } } };
    for (const QString &stem : { QStringLiteral("a_harbour"), QStringLiteral("b_small") }) {
        for (const auto &[name, size] : expected) {
            const QString path = QDir(out).filePath(QStringLiteral("%1_%2.jpg").arg(stem, name));
            const cv::Mat m = cv::imread(path.toStdString(), cv::IMREAD_UNCHANGED);
            QVERIFY2(!m.empty(), qPrintable(path));
            QCOMPARE(QSize(m.cols, m.rows), size);
        }
    }

    // The linked crop is what was exported: the portrait file shows the crop the document holds.
    // Again: every file exists now, so the user is asked, and Cancel writes nothing.
    const QFileInfo square(QDir(out).filePath(QStringLiteral("a_harbour_square.jpg")));
    const QDateTime stamp = square.lastModified();
    QVERIFY(!feature->exportRenditions(request));
    QCOMPARE(asked.size(), 8);
    QTest::qWait(100);
    QCOMPARE(finished.size(), 0);
    QCOMPARE(QFileInfo(square.filePath()).lastModified(), stamp);

    // Keep Existing: nothing replaced, all reported as kept, none as failed.
    feature->setOverwritePrompt([](const QStringList &) { return RenditionsFeature::OverwriteChoice::Skip; });
    QVERIFY(feature->exportRenditions(request));
    QVERIFY(finished.wait(120000));
    const auto keptSummary = finished.takeFirst().at(0).value<RenditionExportSummary>();
    QCOMPARE(keptSummary.kept, 8);
    QVERIFY(keptSummary.failures.isEmpty());
    QCOMPARE(QFileInfo(square.filePath()).lastModified(), stamp);
}

void RenditionEditorTest::exportCancelled_leavesOnlyWholeFiles()
{
    MainWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    w.openPaths({ m_both });
    QTRY_VERIFY_WITH_TIMEOUT(w.canvas()->hasImage(), kJobTimeoutMs);
    RenditionsFeature *feature = w.renditions();
    RenditionExportRequest request;
    request.set = feature->panel()->currentSet();
    request.folder = QDir(m_dir.path()).filePath(QStringLiteral("cancelled"));
    request.fallback = CropFallback::Centred;
    QSignalSpy finished(feature, &RenditionsFeature::exportFinished);
    QVERIFY(feature->exportRenditions(request));
    feature->runner()->cancel(); // stops before the next image; whatever was written is whole
    QVERIFY(finished.wait(120000));
    const auto summary = finished.takeFirst().at(0).value<RenditionExportSummary>();
    QVERIFY(summary.failures.isEmpty());
    QVERIFY(summary.written.size() <= 8);
    for (const QString &path : summary.written)
        QVERIFY2(!cv::imread(path.toStdString()).empty(), qPrintable(path));
    QCOMPARE(QDir(request.folder).entryList(QDir::Files).size(), summary.written.size()); // no temporaries
}

void RenditionEditorTest::exportDialog_roundTripsTheRequest()
{
    RenditionExportDialog dialog;
    const QList<RenditionSet> sets = builtinRenditionSets();
    dialog.setSets(sets, QStringLiteral("web"));
    dialog.setImageCounts(1, 12);
    RenditionExportRequest wanted;
    wanted.set = sets[2];
    wanted.folder = QStringLiteral("/tmp/out");
    wanted.scope = RenditionExportRequest::Scope::CurrentImage;
    wanted.metadata = MetadataPolicy::StripGps;
    wanted.fallback = CropFallback::Centred;
    dialog.setRequest(wanted);
    const RenditionExportRequest got = dialog.request();
    QCOMPARE(got.set, wanted.set);
    QCOMPARE(got.folder, wanted.folder);
    QCOMPARE(got.scope, wanted.scope);
    QCOMPARE(got.metadata, wanted.metadata);
    QCOMPARE(got.fallback, wanted.fallback);
}

void RenditionEditorTest::presetDialog_savesUserSet_andNamesTheBadField()
{
    const RenditionPresetStore store;
    RenditionPresetDialog dialog(store);
    for (const RenditionSet &s : builtinRenditionSets()) {
        if (s.name == QLatin1String("social"))
            dialog.setStartingSet(s);
    }
    QCOMPARE(dialog.nameEdit()->text(), QStringLiteral("my-social"));
    QCOMPARE(dialog.table()->rowCount(), 4);
    // A bad size names the field.
    dialog.table()->item(2, 2)->setText(QStringLiteral("big"));
    QVERIFY(!dialog.save().isEmpty());
    QVERIFY2(
        dialog.errorText().contains(QStringLiteral("renditions[2].size")), qPrintable(dialog.errorText()));
    QVERIFY(store.fileFor(QStringLiteral("my-social")).isEmpty());
    // Fixed: saved as JSON where the store keeps user sets, and listed by the panel.
    dialog.table()->item(2, 2)->setText(QStringLiteral("1600x900"));
    QCOMPARE(dialog.save(), QString());
    QVERIFY(QFile::exists(store.fileFor(QStringLiteral("my-social"))));
    const RenditionPresetStore::LoadResult loaded = store.loadUserSets();
    QCOMPARE(loaded.sets.size(), 1);
    QCOMPARE(loaded.sets.first().renditions[2].size, RenditionSize::exact(1600, 900));

    MainWindow w;
    w.renditions()->panel()->reloadSets();
    QVERIFY(w.renditions()->panel()->setCurrentSet(QStringLiteral("my-social")));
}

void RenditionEditorTest::badPresetFile_isReported_namingTheField()
{
    const RenditionPresetStore store;
    QVERIFY(QDir().mkpath(store.folder()));
    QFile bad(QDir(store.folder()).filePath(QStringLiteral("broken.json")));
    QVERIFY(bad.open(QIODevice::WriteOnly));
    bad.write(
        R"({"version": 1, "name": "broken", "renditions": [{"name": "a", "aspect": "1:1", "size": "wide"}]})");
    bad.close();
    MainWindow w;
    RenditionsPanel *panel = w.renditions()->panel();
    panel->reloadSets();
    QCOMPARE(panel->presetErrors().size(), 1);
    QVERIFY2(panel->presetErrors().first().contains(QStringLiteral("renditions[0].size")),
        qPrintable(panel->presetErrors().first()));
    QVERIFY(panel->findChild<QLabel *>(QStringLiteral("renditionPresetErrors"))
                ->text()
                .contains(QStringLiteral("renditions[0].size")));
    QVERIFY(panel->setCurrentSet(QStringLiteral("social"))); // the others are still there
}

QTEST_MAIN(RenditionEditorTest)
#include "RenditionEditorTest.moc"
