// The rendition export job (core/renditions/RenditionExport.h): exact sizes on the right pixels
// (EXIF orientation, the user's turn, reduced JPEG decodes), saved crops from sidecars, suggestions,
// one bad image not stopping the batch, no silent replacing, colliding file names, cancel.

#include "core/renditions/RenditionExport.h"
#include "core/io/ImageDecoder.h"
#include "core/io/ImageProbe.h"
#include "core/model/Sidecar.h"
#include "core/renditions/BuiltinRenditionSets.h"
#include "core/suggest/CropSuggester.h"

#include "core/renditions/ExportFixtures.h"
#include "support/FixtureImages.h"

#include <QDir>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>
#include <QThreadPool>

using namespace cropwise;
using namespace cropwise::test;

namespace {

RenditionSet socialSet()
{
    return parseRenditionSet(builtinRenditionSetJson(QStringLiteral("social")), QStringLiteral("social")).set;
}

RenditionSet setOf(const QByteArray &renditionsJson)
{
    const RenditionSetParseResult r = parseRenditionSet(
        "{\"name\": \"t\", \"renditions\": [" + renditionsJson + "]}", QStringLiteral("test"));
    return r.set;
}

QList<ImageExportResult> runAll(const RenditionExportPlan &plan, const RenditionExportOptions &options)
{
    QThreadPool pool;
    pool.setMaxThreadCount(2);
    QFuture<ImageExportResult> future = startRenditionExport(plan, options, &pool);
    future.waitForFinished();
    return future.results();
}

// The colour of `expected` (the displayed source) at the point of the crop that maps to output
// pixel (x, y), compared with the output's pixel there. Flat quadrants: a generous tolerance
// covers JPEG and resampling at the quadrant borders, which the sample points stay away from.
bool sameColourAt(const cv::Mat &output, const cv::Mat &expected, const Rect &crop, double fx, double fy)
{
    const int ox = int(fx * output.cols);
    const int oy = int(fy * output.rows);
    const int ex = crop.x + int(fx * crop.width);
    const int ey = crop.y + int(fy * crop.height);
    const cv::Vec3b a = output.at<cv::Vec3b>(oy, ox);
    const cv::Vec3b b = expected.at<cv::Vec3b>(ey, ex);
    for (int c = 0; c < 3; ++c) {
        if (std::abs(int(a[c]) - int(b[c])) > 60)
            return false;
    }
    return true;
}

void verifyPixels(const QString &path, const cv::Mat &displayed, const Rect &crop)
{
    const DecodedImage out = decodeImage(path);
    QVERIFY2(out.ok(), qPrintable(out.error));
    QCOMPARE(out.orientation, 1);
    const cv::Mat bgr = toBgr8(out.pixels);
    // Sample points away from the quadrant borders of the source (which sit at the image's centre).
    for (double fx : { 0.1, 0.9 }) {
        for (double fy : { 0.1, 0.9 }) {
            const double sx = (crop.x + fx * crop.width) / displayed.cols;
            const double sy = (crop.y + fy * crop.height) / displayed.rows;
            if (std::abs(sx - 0.5) < 0.05 || std::abs(sy - 0.5) < 0.05)
                continue;
            QVERIFY2(sameColourAt(bgr, displayed, crop, fx, fy),
                qPrintable(QStringLiteral("%1 at %2,%3").arg(QFileInfo(path).fileName()).arg(fx).arg(fy)));
        }
    }
}

// Eight 512 x 384 photos and the social set (4 renditions each) into dir/out.
RenditionExportPlan eightPhotoSocialPlan(const QTemporaryDir &dir, RenditionExportOptions &options)
{
    QStringList images;
    for (int i = 0; i < 8; ++i)
        images << writeFixture(dir.path(), QStringLiteral("img%1.jpg").arg(i), richJpeg(512, 384, 1));
    options.set = socialSet();
    options.outputFolder = dir.filePath(QStringLiteral("out"));
    if (!QDir().mkpath(options.outputFolder))
        qFatal("cannot make %s", qPrintable(options.outputFolder));
    return planRenditionExport(collectExportInputs(images).inputs, options);
}

} // namespace

class RenditionExportTest : public QObject
{
    Q_OBJECT

private slots:
    void socialSet_isWrittenAtExactSizesUpright()
    {
        QTemporaryDir dir;
        const QString image = writeFixture(dir.path(), QStringLiteral("phone.jpg"), richJpeg(640, 480, 6));
        QVERIFY(!image.isEmpty());
        const QString out = dir.filePath(QStringLiteral("out"));
        QVERIFY(QDir().mkpath(out));

        RenditionExportOptions options;
        options.set = socialSet();
        options.outputFolder = out;
        const RenditionExportPlan plan = planRenditionExport(collectExportInputs({ image }).inputs, options);
        QCOMPARE(plan.images.size(), 1);
        QCOMPARE(plan.images[0].displayedSize, (Size { 480, 640 })); // EXIF 6: turned upright
        QCOMPARE(plan.renditionCount(), 4);

        const QList<ImageExportResult> results = runAll(plan, options);
        QCOMPARE(results.size(), 1);
        const ImageExportResult &r = results[0];
        QVERIFY2(r.ok(), qPrintable(r.error));
        const cv::Mat displayed = displayedQuadrants(640, 480, 6);
        const QList<Size> sizes = { { 1080, 1080 }, { 1080, 1350 }, { 1920, 1080 }, { 1080, 1920 } };
        const QStringList names = { QStringLiteral("square"), QStringLiteral("portrait"),
            QStringLiteral("landscape"), QStringLiteral("story") };
        for (int i = 0; i < 4; ++i) {
            const RenditionOutcome &o = r.renditions[i];
            QVERIFY2(o.ok(), qPrintable(o.error));
            QCOMPARE(o.rendition, names[i]);
            QCOMPARE(o.outputPath, out + QStringLiteral("/phone_%1.jpg").arg(names[i]));
            QCOMPARE(o.source, CropSource::Centred);
            QVERIFY(o.upscaled); // a 480x640 photo is smaller than every output: enlarged, with a warning
            QVERIFY(!o.warnings.isEmpty());
            const ProbeResult probe = probeImage(o.outputPath);
            QVERIFY2(probe.ok(), qPrintable(probe.error));
            QCOMPARE(probe.storedSize, sizes[i]);
            QCOMPARE(probe.orientation, 1);
            verifyPixels(o.outputPath, displayed, o.crop);
        }
    }

    void reducedJpegDecode_keepsSizesAndPixels()
    {
        // Small outputs from a larger JPEG: decoded at a DCT reduction, crops mapped onto it.
        QTemporaryDir dir;
        const QString image = writeFixture(dir.path(), QStringLiteral("big.jpg"), richJpeg(1280, 960, 6));
        RenditionExportOptions options;
        options.set = setOf(R"({"name": "thumb", "aspect": "1:1", "size": "100x100"},
                               {"name": "wide", "aspect": "16:9", "size": "160x90"},
                               {"name": "tall", "aspect": "2:3", "size": 150, "format": "png"})");
        options.outputFolder = dir.path();
        const RenditionExportPlan plan = planRenditionExport(collectExportInputs({ image }).inputs, options);
        const QList<ImageExportResult> results = runAll(plan, options);
        QVERIFY2(results[0].ok(), qPrintable(results[0].error));
        const cv::Mat displayed = displayedQuadrants(1280, 960, 6);
        const QList<Size> sizes = { { 100, 100 }, { 160, 90 }, { 100, 150 } };
        for (int i = 0; i < 3; ++i) {
            const RenditionOutcome &o = results[0].renditions[i];
            QVERIFY2(o.ok(), qPrintable(o.error));
            QVERIFY(!o.upscaled);
            QCOMPARE(probeImage(o.outputPath).storedSize, sizes[i]);
            verifyPixels(o.outputPath, displayed, o.crop);
        }
    }

    void savedCropsAndTurn_comeFromTheSidecar()
    {
        QTemporaryDir dir;
        const QString image = writeFixture(
            dir.path(), QStringLiteral("plain.png"), encodeWithOpenCv(quadrantImage(320, 256), ".png"));
        const RenditionSet set = socialSet();
        // Turned 90° clockwise by the user: displayed 256 x 320. A square crop saved for "square",
        // inside the (turned) top-left quadrant; "portrait" has no crop and is centred.
        ImageState state;
        state.userTurn = *UserTurn::fromParts(90, UserTurn::Mirror::No);
        Crop square = makeRenditionCrop(*set.rendition(QStringLiteral("square")), { 8, 8, 100, 100 });
        square.label = QStringLiteral("corner");
        state.crops = { square };
        const SidecarStore store(dir.filePath(QStringLiteral("user")), [](const QString &) { return true; });
        QVERIFY(store.write(image, { 320, 256 }, state).ok());

        RenditionExportOptions options;
        options.set = set;
        options.set.renditions[0].fileNameTemplate = QStringLiteral("{stem}_{label}_{rendition}");
        options.outputFolder = dir.path();
        options.sidecars = store;
        const RenditionExportPlan plan = planRenditionExport(collectExportInputs({ image }).inputs, options);
        QCOMPARE(plan.images[0].displayedSize, (Size { 256, 320 }));
        const QList<ImageExportResult> results = runAll(plan, options);
        QVERIFY2(results[0].ok(), qPrintable(results[0].error));
        const RenditionOutcome &sq = results[0].renditions[0];
        QCOMPARE(sq.source, CropSource::Saved);
        QCOMPARE(sq.crop, square.rect);
        QCOMPARE(QFileInfo(sq.outputPath).fileName(), QStringLiteral("plain_corner_square.jpg"));
        QCOMPARE(results[0].renditions[1].source, CropSource::Centred);
        QCOMPARE(results[0].renditions[3].source, CropSource::Centred);

        cv::Mat turned;
        cv::rotate(quadrantImage(320, 256), turned, cv::ROTATE_90_CLOCKWISE);
        verifyPixels(sq.outputPath, turned, sq.crop);
        verifyPixels(results[0].renditions[1].outputPath, turned, results[0].renditions[1].crop);
    }

    // The link by tag survives the sidecar (written and read by core/model): a square crop tagged
    // for the 9:16 story can only be found through its "rendition" member.
    void renditionTag_survivesTheSidecar()
    {
        QTemporaryDir dir;
        const QString image = writeFixture(
            dir.path(), QStringLiteral("t.png"), encodeWithOpenCv(quadrantImage(256, 192), ".png"));
        const RenditionSet set = socialSet();
        ImageState state;
        state.crops = { makeRenditionCrop(*set.rendition(QStringLiteral("story")), { 10, 10, 150, 150 }) };
        state.crops[0].aspect = AspectRatio { 1, 1 };
        const SidecarStore store(dir.filePath(QStringLiteral("user")), [](const QString &) { return true; });
        QVERIFY(store.write(image, { 256, 192 }, state).ok());
        RenditionExportOptions options;
        options.set = set;
        options.outputFolder = dir.path();
        options.sidecars = store;
        const RenditionExportPlan plan = planRenditionExport(collectExportInputs({ image }).inputs, options);
        QCOMPARE(plan.images[0].renditions[0].crop.source, CropSource::Centred); // square: not by aspect
        const PlannedRendition &story = plan.images[0].renditions[3];
        QCOMPARE(story.crop.source, CropSource::Saved);
        QVERIFY((Rect { 10, 10, 150, 150 }).contains(story.crop.rect)); // its 9:16 part, not stretched
        QVERIFY((AspectRatio { 9, 16 }).matches(story.crop.rect.size()));
        QCOMPARE(story.crop.warnings.size(), 1);
    }

    void sidecarGivenExplicitly_isTheOneUsed_andBrokenOnesFailTheImage()
    {
        QTemporaryDir dir;
        const QString image = writeFixture(
            dir.path(), QStringLiteral("a.png"), encodeWithOpenCv(quadrantImage(128, 96), ".png"));
        const RenditionSet set = socialSet();
        ImageState state;
        state.crops = { makeRenditionCrop(*set.rendition(QStringLiteral("square")), { 0, 0, 40, 40 }) };
        QVERIFY(SidecarStore(dir.filePath(QStringLiteral("user")), [](const QString &) { return true; })
                    .write(image, { 128, 96 }, state)
                    .ok());
        const QString sidecar = image + QLatin1String(kSidecarSuffix);
        QVERIFY(QFileInfo::exists(sidecar));

        const ExportInputs inputs = collectExportInputs({ sidecar });
        QVERIFY(inputs.errors.isEmpty());
        QCOMPARE(inputs.inputs.size(), 1);
        QCOMPARE(inputs.inputs[0].imagePath, image);
        RenditionExportOptions options;
        options.set = set;
        options.outputFolder = dir.path();
        options.sidecars
            = SidecarStore(dir.filePath(QStringLiteral("elsewhere")), [](const QString &) { return false; });
        RenditionExportPlan plan = planRenditionExport(inputs.inputs, options);
        QCOMPARE(plan.images[0].renditions[0].crop.source, CropSource::Saved);

        // A broken sidecar: the image fails (no export without the user's crops), the file stays.
        QFile f(sidecar);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write("{ not json");
        f.close();
        plan = planRenditionExport(inputs.inputs, options);
        QVERIFY(plan.images[0].error.contains(sidecar));
        QVERIFY(QFileInfo::exists(sidecar));
        QCOMPARE(runAll(plan, options)[0].writtenCount(), 0);
    }

    void existingFiles_areReplacedOnlyWhenAsked()
    {
        QTemporaryDir dir;
        const QString image = writeFixture(dir.path(), QStringLiteral("x.jpg"), richJpeg(256, 192, 1));
        RenditionExportOptions options;
        options.set = setOf(R"({"name": "s", "aspect": "1:1", "size": "64x64"})");
        options.outputFolder = dir.path();
        const RenditionExportPlan plan = planRenditionExport(collectExportInputs({ image }).inputs, options);
        QVERIFY(plan.existingOutputs().isEmpty());
        QVERIFY(runAll(plan, options)[0].ok());
        const QString out = dir.filePath(QStringLiteral("x_s.jpg"));
        QCOMPARE(plan.existingOutputs(), QStringList { out });

        QFile marker(out);
        QVERIFY(marker.open(QIODevice::WriteOnly | QIODevice::Truncate));
        marker.write("keep me");
        marker.close();
        const ImageExportResult refused = runAll(plan, options)[0];
        QVERIFY(!refused.ok());
        QCOMPARE(refused.renditions[0].error, QStringLiteral("already exists (not overwritten)"));
        QCOMPARE(readFileBytes(out), QByteArray("keep me"));

        options.overwrite = OverwritePolicy::Replace;
        QVERIFY(runAll(plan, options)[0].ok());
        QCOMPARE(probeImage(out).storedSize, (Size { 64, 64 }));
    }

    void badImage_failsAloneAndTheOthersAreWritten()
    {
        QTemporaryDir dir;
        const QString folder = dir.filePath(QStringLiteral("in"));
        QVERIFY(QDir().mkpath(folder + QStringLiteral("/sub")));
        writeFixture(folder, QStringLiteral("a.jpg"), richJpeg(128, 96, 1));
        writeFixture(folder, QStringLiteral("b.jpg"), QByteArray("this is not a JPEG"));
        const QByteArray good = encodeWithOpenCv(noiseImage(128, 96), ".jpg");
        writeFixture(folder + QStringLiteral("/sub"), QStringLiteral("c.jpg"), good);
        writeFixture(folder, QStringLiteral("d.jpg"), good.first(good.size() / 2)); // truncated

        RenditionExportOptions options;
        options.set = setOf(R"({"name": "s", "aspect": "1:1", "size": "32x32"})");
        options.outputFolder = dir.path();
        const ExportInputs inputs
            = collectExportInputs({ folder, dir.filePath(QStringLiteral("missing.jpg")) });
        QCOMPARE(inputs.errors.size(), 1);
        QCOMPARE(inputs.inputs.size(), 4);
        const RenditionExportPlan plan = planRenditionExport(inputs.inputs, options);
        const QList<ImageExportResult> results = runAll(plan, options);
        QCOMPARE(results.size(), 4);
        QStringList ok;
        QStringList failed;
        for (const ImageExportResult &r : results)
            (r.ok() ? ok : failed) << QFileInfo(r.imagePath).fileName();
        QCOMPARE(ok, (QStringList { QStringLiteral("a.jpg"), QStringLiteral("c.jpg") }));
        QCOMPARE(failed, (QStringList { QStringLiteral("b.jpg"), QStringLiteral("d.jpg") }));
        QVERIFY(QFileInfo::exists(dir.filePath(QStringLiteral("a_s.jpg"))));
        QVERIFY(QFileInfo::exists(dir.filePath(QStringLiteral("c_s.jpg"))));
        QVERIFY(!QFileInfo::exists(dir.filePath(QStringLiteral("b_s.jpg"))));
        QVERIFY(!QFileInfo::exists(dir.filePath(QStringLiteral("d_s.jpg"))));
        // No temporary files are left behind by the failures.
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden).size(), 2);
    }

    void collectInputs_skipsEarlierExportsInsideTheOutputFolder()
    {
        QTemporaryDir dir;
        QVERIFY(QDir().mkpath(dir.filePath(QStringLiteral("out"))));
        const QString photo = writeFixture(dir.path(), QStringLiteral("photo.jpg"), richJpeg(64, 48, 1));
        const QString old = writeFixture(
            dir.filePath(QStringLiteral("out")), QStringLiteral("photo_square.jpg"), richJpeg(64, 64, 1));
        const ExportInputs inputs
            = collectExportInputs({ dir.path(), photo }, dir.filePath(QStringLiteral("out")));
        QCOMPARE(inputs.inputs.size(), 1); // found by the folder search and named: once
        QCOMPARE(inputs.inputs[0].imagePath, photo);
        // Named explicitly, a file inside the output folder is taken.
        QCOMPARE(collectExportInputs({ old }, dir.filePath(QStringLiteral("out"))).inputs.size(), 1);
    }

    void sameFileName_isAnErrorForTheLaterRenditionOnly()
    {
        QTemporaryDir dir;
        const QString a = writeFixture(dir.path(), QStringLiteral("a.jpg"), richJpeg(128, 96, 1));
        const QString b = writeFixture(
            dir.path(), QStringLiteral("a.png"), encodeWithOpenCv(quadrantImage(128, 96), ".png"));
        RenditionExportOptions options;
        options.set = setOf(R"({"name": "one", "aspect": "1:1", "size": "32x32", "fileName": "{stem}"},
                               {"name": "two", "aspect": "1:1", "size": "48x48", "fileName": "{stem}"},
                               {"name": "three", "aspect": "1:1", "size": "16x16", "fileName": "{stem}_{rendition}"})");
        options.outputFolder = dir.filePath(QStringLiteral("out"));
        QVERIFY(QDir().mkpath(options.outputFolder));
        const RenditionExportPlan plan = planRenditionExport(collectExportInputs({ a, b }).inputs, options);
        QVERIFY(plan.images[0].renditions[0].error.isEmpty());
        QVERIFY(plan.images[0].renditions[1].error.contains(QLatin1String("a.jpg, rendition one")));
        QVERIFY(plan.images[0].renditions[2].error.isEmpty());
        // a.png has the same stem: every one of its names is taken by a.jpg.
        for (const PlannedRendition &r : plan.images[1].renditions)
            QVERIFY(!r.error.isEmpty());
        const QList<ImageExportResult> results = runAll(plan, options);
        QCOMPARE(results[0].writtenCount(), 2);
        QCOMPARE(results[1].writtenCount(), 0);
        QCOMPARE(probeImage(options.outputFolder + QStringLiteral("/a.jpg")).storedSize, (Size { 32, 32 }));
    }

    void suggest_usesTheSuggestersRectForTheAspect()
    {
        QTemporaryDir dir;
        const QString image = QStringLiteral(CROPWISE_SAMPLES_DIR "/rocket.jpg");
        RenditionExportOptions options;
        options.set = setOf(R"({"name": "sq", "aspect": "1:1", "size": "64x64"},
                               {"name": "wide", "aspect": "16:9", "size": "64x36"})");
        options.outputFolder = dir.path();
        options.fallback = CropFallback::Suggest;
        QCOMPARE(setSuggestParam(options.suggestParams, QStringLiteral("faces.kind"), QStringLiteral("none")),
            QString());
        const RenditionExportPlan plan = planRenditionExport(collectExportInputs({ image }).inputs, options);
        QVERIFY(plan.images[0].renditions[0].needsSuggestion);
        const ImageExportResult r = runAll(plan, options)[0];
        QVERIFY2(r.ok(), qPrintable(r.error));

        // The same function on the same decode, called directly.
        const DecodedImage small = decodeImage(image, suggestionDecodeOptions(options.suggestParams));
        SuggestRequest request;
        request.aspects = { AspectRatio { 1, 1 }, AspectRatio { 16, 9 } };
        request.params = options.suggestParams;
        const SuggestResult expected = suggestCrops(small.pixels, small.fullSize, request);
        QVERIFY(expected.ok());
        for (int i = 0; i < 2; ++i) {
            QCOMPARE(r.renditions[i].source, CropSource::Suggested);
            QCOMPARE(r.renditions[i].crop, expected.aspects[i].suggestions.front().rect);
        }
    }

    void cancel_stopsBeforeTheNextImage()
    {
        QTemporaryDir dir;
        RenditionExportOptions options;
        const RenditionExportPlan plan = eightPhotoSocialPlan(dir, options);
        QThreadPool pool;
        pool.setMaxThreadCount(1);
        QFuture<ImageExportResult> future = startRenditionExport(plan, options, &pool);
        future.cancel();
        future.waitForFinished();
        QVERIFY(future.isCanceled());
        // Images that did run were finished completely: every output is whole (4 per image).
        const int written = int(QDir(options.outputFolder).entryList(QDir::Files | QDir::Hidden).size());
        QCOMPARE(written % 4, 0);
        QVERIFY2(written < 8 * 4, "the export went on after cancel()");
    }

    void stop_reportsEveryImageThatRan()
    {
        QTemporaryDir dir;
        RenditionExportOptions options;
        const RenditionExportPlan plan = eightPhotoSocialPlan(dir, options);
        QThreadPool pool;
        pool.setMaxThreadCount(1);
        RenditionExportStop stop;
        QFuture<ImageExportResult> future = startRenditionExport(plan, options, &pool, stop);
        QTRY_VERIFY_WITH_TIMEOUT(future.progressValue() >= 1 || future.isFinished(), 60000);
        stop.request();
        future.waitForFinished();
        QVERIFY(!future.isCanceled());
        // Every file on disk is in a reported result, and every image reported wrote all four.
        QStringList reported;
        QCOMPARE(future.resultCount(), int(plan.images.size()));
        for (int i = 0; i < plan.images.size(); ++i) {
            const ImageExportResult r = future.resultAt(i);
            if (r.skipped) {
                QVERIFY(r.renditions.isEmpty());
                continue;
            }
            QCOMPARE(r.writtenCount(), 4);
            for (const RenditionOutcome &o : r.renditions)
                reported << QFileInfo(o.outputPath).fileName();
        }
        QStringList onDisk = QDir(options.outputFolder).entryList(QDir::Files | QDir::Hidden);
        onDisk.sort();
        reported.sort();
        QCOMPARE(onDisk, reported);
        QVERIFY(!reported.isEmpty());
        QVERIFY2(reported.size() < 8 * 4, "the export went on after stop.request()");
    }

    void progress_countsImages()
    {
        QTemporaryDir dir;
        QStringList images;
        for (int i = 0; i < 3; ++i)
            images << writeFixture(dir.path(), QStringLiteral("p%1.jpg").arg(i), richJpeg(128, 96, 1));
        RenditionExportOptions options;
        options.set = setOf(R"({"name": "s", "aspect": "1:1", "size": "32x32"})");
        options.outputFolder = dir.path();
        const RenditionExportPlan plan = planRenditionExport(collectExportInputs(images).inputs, options);
        QFuture<ImageExportResult> future = startRenditionExport(plan, options);
        future.waitForFinished();
        QCOMPARE(future.progressMaximum(), 3);
        QCOMPARE(future.progressValue(), 3);
        QCOMPARE(future.resultCount(), 3);
        for (int i = 0; i < 3; ++i)
            QCOMPARE(future.resultAt(i).imagePath, plan.images[i].imagePath); // plan order
    }
};

QTEST_GUILESS_MAIN(RenditionExportTest)
#include "RenditionExportTest.moc"
