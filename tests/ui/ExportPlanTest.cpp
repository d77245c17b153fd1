// Export planning (file names from the pattern, unique names, existing files) and the background
// job: crops of a turned image land on the right pixels, sizes keep the aspect, existing files are
// refused unless the item says Replace, and cancel stops between crops.

#include "ui/ExportPlan.h"
#include "support/FixtureImages.h"
#include "ui/ExportRunner.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QtConcurrent/QtConcurrentRun>

#include <opencv2/imgcodecs.hpp>

using namespace cropwise;

namespace {
Crop crop(const QString &name, Rect rect, const QString &label = {})
{
    Crop c = Crop::create(name, rect, std::nullopt, label);
    return c;
}
} // namespace

class ExportPlanTest : public QObject
{
    Q_OBJECT

private slots:
    void pattern_expandsTokens_data();
    void pattern_expandsTokens();
    void sanitize_removesWhatFileSystemsRefuse_data();
    void sanitize_removesWhatFileSystemsRefuse();
    void plan_givesUniqueNames_andFindsExistingFiles();
    void job_cutsTurnedImage_atTheRightPixels();
    void job_refusesExistingFiles_unlessReplace();
    void runner_reportsSummary_andCancelStops();
};

void ExportPlanTest::pattern_expandsTokens_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<QString>("expected");
    QTest::newRow("default") << QString(kDefaultFileNamePattern) << QStringLiteral("IMG_0042_Crop_1");
    QTest::newRow("label and index") << QStringLiteral("{label}/{index}") << QStringLiteral("face_03");
    QTest::newRow("size and ratio") << QStringLiteral("{stem}-{w}x{h}-{ratio}")
                                    << QStringLiteral("IMG_0042-800x1000-4x5");
    QTest::newRow("plain text") << QStringLiteral("crop") << QStringLiteral("crop");
}

void ExportPlanTest::pattern_expandsTokens()
{
    QFETCH(QString, pattern);
    QFETCH(QString, expected);
    const Crop c = crop(QStringLiteral("Crop 1"), Rect { 0, 0, 400, 500 }, QStringLiteral("face"));
    QCOMPARE(expandFileNamePattern(pattern, QStringLiteral("/photos/IMG_0042.JPG"), c, 3, Size { 800, 1000 }),
        expected);
}

void ExportPlanTest::sanitize_removesWhatFileSystemsRefuse_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("expected");
    QTest::newRow("slashes") << QStringLiteral("a/b\\c") << QStringLiteral("a_b_c");
    QTest::newRow("reserved") << QStringLiteral("x:*?\"<>|y") << QStringLiteral("x_______y");
    QTest::newRow("spaces") << QStringLiteral("My   crop") << QStringLiteral("My_crop");
    QTest::newRow("leading dots") << QStringLiteral("..hidden") << QStringLiteral("hidden");
    QTest::newRow("empty") << QString() << QStringLiteral("crop");
    QTest::newRow("only dots") << QStringLiteral("...") << QStringLiteral("crop");
    QTest::newRow("unicode kept") << QStringLiteral("Café ☕") << QStringLiteral("Café_☕");
}

void ExportPlanTest::sanitize_removesWhatFileSystemsRefuse()
{
    QFETCH(QString, name);
    QFETCH(QString, expected);
    QCOMPARE(sanitizeFileName(name), expected);
}

void ExportPlanTest::plan_givesUniqueNames_andFindsExistingFiles()
{
    QTemporaryDir dir;
    ExportSettings settings;
    settings.folder = dir.path();
    settings.format = OutputFormat::Jpeg;
    ExportSource a { QStringLiteral("/p/a.jpg"), 1,
        { crop(QStringLiteral("Face"), Rect { 0, 0, 10, 10 }),
            crop(QStringLiteral("face"), Rect { 0, 0, 20, 20 }) } };
    ExportSource b { QStringLiteral("/q/a.png"), 6, { crop(QStringLiteral("Face"), Rect { 0, 0, 30, 30 }) } };
    const QList<ExportItem> items = planExport({ a, b }, settings);
    QCOMPARE(items.size(), 3);
    QCOMPARE(QFileInfo(items[0].outPath).fileName(), QStringLiteral("a_Face.jpg"));
    QCOMPARE(QFileInfo(items[1].outPath).fileName(), QStringLiteral("a_face_2.jpg")); // same name, other case
    QCOMPARE(QFileInfo(items[2].outPath).fileName(), QStringLiteral("a_Face_3.jpg"));
    QCOMPARE(items[2].turnOrientation, 6);
    QCOMPARE(items[1].overwrite, OverwritePolicy::Refuse);

    QVERIFY(existingOutputs(items).isEmpty());
    QFile(items[1].outPath).open(QIODevice::WriteOnly);
    QCOMPARE(existingOutputs(items), QStringList { items[1].outPath });
}

void ExportPlanTest::job_cutsTurnedImage_atTheRightPixels()
{
    QTemporaryDir dir;
    const QString image = dir.filePath(QStringLiteral("quad.png"));
    QVERIFY(cv::imwrite(image.toStdString(), test::quadrantImage(64, 32))); // 64 wide, 32 high

    // Turned 90 degrees clockwise (orientation 6): displayed 32 wide, 64 high; the top-left
    // displayed quadrant is the stored bottom-left one (blue).
    ExportSettings settings;
    settings.folder = dir.path();
    settings.format = OutputFormat::Png;
    ExportSource source { image, 6, { crop(QStringLiteral("tl"), Rect { 0, 0, 16, 32 }) } };
    const QList<ExportItem> items = planExport({ source }, settings);
    QFuture<ExportItemResult> f = QtConcurrent::run(&runExportJob, items, settings);
    f.waitForFinished();
    QCOMPARE(f.resultCount(), 1);
    QVERIFY2(f.resultAt(0).error.isEmpty(), qPrintable(f.resultAt(0).error));
    const cv::Mat out = cv::imread(items[0].outPath.toStdString(), cv::IMREAD_COLOR);
    QCOMPARE(out.cols, 16);
    QCOMPARE(out.rows, 32);
    const cv::Vec3b pixel = out.at<cv::Vec3b>(4, 4);
    const cv::Scalar blue = test::quadrantColour(test::Quadrant::BottomLeft);
    QCOMPARE(int(pixel[0]), int(blue[0]));
    QCOMPARE(int(pixel[1]), int(blue[1]));
    QCOMPARE(int(pixel[2]), int(blue[2]));
}

void ExportPlanTest::job_refusesExistingFiles_unlessReplace()
{
    QTemporaryDir dir;
    const QString image = dir.filePath(QStringLiteral("quad.png"));
    QVERIFY(cv::imwrite(image.toStdString(), test::quadrantImage(64, 64)));
    ExportSettings settings;
    settings.folder = dir.path();
    settings.format = OutputFormat::Jpeg;
    settings.size = ExportSize::longestSide(20);
    QList<ExportItem> items = planExport(
        { ExportSource { image, 1, { crop(QStringLiteral("c"), Rect { 0, 0, 40, 20 }) } } }, settings);
    {
        QFile f(items[0].outPath);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("keep me");
    }
    QFuture<ExportItemResult> f = QtConcurrent::run(&runExportJob, items, settings);
    f.waitForFinished();
    QVERIFY(!f.resultAt(0).error.isEmpty());
    QFile kept(items[0].outPath);
    QVERIFY(kept.open(QIODevice::ReadOnly));
    QCOMPARE(kept.readAll(), QByteArray("keep me"));
    kept.close();

    items[0].overwrite = OverwritePolicy::Replace;
    f = QtConcurrent::run(&runExportJob, items, settings);
    f.waitForFinished();
    QVERIFY2(f.resultAt(0).error.isEmpty(), qPrintable(f.resultAt(0).error));
    const cv::Mat out = cv::imread(items[0].outPath.toStdString());
    QCOMPARE(out.cols, 20); // long side 20, aspect 2:1 kept
    QCOMPARE(out.rows, 10);
}

void ExportPlanTest::runner_reportsSummary_andCancelStops()
{
    QTemporaryDir dir;
    QList<ExportSource> sources;
    for (int i = 0; i < 4; ++i) {
        const QString image = dir.filePath(QStringLiteral("n%1.png").arg(i));
        QVERIFY(cv::imwrite(image.toStdString(), test::noiseImage(256, 256, 3, i)));
        sources << ExportSource { image, 1,
            { crop(QStringLiteral("a"), Rect { 0, 0, 100, 100 }),
                crop(QStringLiteral("b"), Rect { 50, 50, 100, 100 }) } };
    }
    sources << ExportSource { dir.filePath(QStringLiteral("missing.png")), 1,
        { crop(QStringLiteral("x"), Rect { 0, 0, 5, 5 }) } };
    ExportSettings settings;
    settings.folder = dir.filePath(QStringLiteral("out"));
    QVERIFY(QDir().mkpath(settings.folder));
    settings.format = OutputFormat::Png;
    const QList<ExportItem> items = planExport(sources, settings);

    ExportRunner runner(nullptr);
    QSignalSpy finished(&runner, &ExportRunner::finished);
    QVERIFY(runner.start(items, settings, 1));
    QVERIFY(!runner.start(items, settings)); // one at a time
    QVERIFY(finished.wait(20000));
    auto summary = finished.first().first().value<ExportSummary>();
    QCOMPARE(summary.written.size(), 8);
    QCOMPARE(summary.failures.size(), 1); // the missing image, in our words
    QVERIFY(summary.failures.first().contains(QStringLiteral("missing.png")));
    QCOMPARE(summary.skipped, 1);
    QVERIFY(!summary.canceled);

    // Cancel right away: stops between crops, says so, and what it wrote is real.
    settings.folder = dir.filePath(QStringLiteral("out2"));
    QVERIFY(QDir().mkpath(settings.folder));
    const QList<ExportItem> again = planExport(sources, settings);
    QVERIFY(runner.start(again, settings));
    runner.cancel();
    QVERIFY(finished.wait(20000));
    summary = finished.last().first().value<ExportSummary>();
    QVERIFY(summary.canceled);
    QVERIFY(summary.written.size() < 8);
    for (const QString &p : summary.written)
        QVERIFY(QFile::exists(p));
}

QTEST_MAIN(ExportPlanTest)
#include "ExportPlanTest.moc"
