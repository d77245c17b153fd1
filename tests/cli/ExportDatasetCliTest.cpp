// `cropwise-cli export-dataset` run as a user would: a folder of photos with the sidecars the app
// writes, one export per format, each dataset checked by an independent reader
// (tests/data/check_dataset.py: Python's json, xml.etree and csv, no Cropwise code).

#include "support/FixtureImages.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <exiv2/exiv2.hpp>
#include <opencv2/imgcodecs.hpp>

using namespace cropwise::test;

namespace {

struct CliRun
{
    int exitCode = -1;
    QString out;
    QString err;
};

struct SidecarCrop
{
    QString name;
    QString label;
    int x, y, w, h;
};

bool write(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size();
}

// exiv2 writes the orientation: the photo is made like a camera makes it, not by our code.
bool exivSetOrientation(const QString &path, int orientation)
{
    try {
        auto image = Exiv2::ImageFactory::open(QFile::encodeName(path).toStdString());
        image->readMetadata();
        image->exifData()["Exif.Image.Orientation"] = uint16_t(orientation);
        image->writeMetadata();
        return true;
    } catch (const Exiv2::AnyError &) {
        return false;
    }
}

// A sidecar as the app writes it (docs/sidecar.md): crops in displayed pixels.
QByteArray sidecar(
    const QString &fileName, int width, int height, const QList<SidecarCrop> &crops, bool verified = false)
{
    QJsonArray jsonCrops;
    for (const SidecarCrop &c : crops)
        jsonCrops.append(
            QJsonObject { { QStringLiteral("id"), QUuid::createUuid().toString(QUuid::WithoutBraces) },
                { QStringLiteral("name"), c.name }, { QStringLiteral("label"), c.label },
                { QStringLiteral("rect"), QJsonArray { c.x, c.y, c.w, c.h } },
                { QStringLiteral("aspect"), QJsonValue::Null } });
    const QJsonObject root {
        { QStringLiteral("format"), QStringLiteral("cropwise.sidecar") },
        { QStringLiteral("version"), 1 },
        { QStringLiteral("image"),
            QJsonObject { { QStringLiteral("file"), fileName }, { QStringLiteral("width"), width },
                { QStringLiteral("height"), height } } },
        { QStringLiteral("userTurn"),
            QJsonObject { { QStringLiteral("rotateClockwise"), 0 }, { QStringLiteral("mirror"), false } } },
        { QStringLiteral("verified"), verified },
        { QStringLiteral("crops"), jsonCrops },
    };
    return QJsonDocument(root).toJson();
}

// A QJsonValue, not a QJsonArray: "{box(...)}" must make a list of one box, not copy the box.
QJsonValue box(const QString &label, double x, double y, double w, double h)
{
    return QJsonArray { label, x, y, w, h };
}

QJsonObject image(QJsonValue width, QJsonValue height, const QJsonArray &boxes)
{
    return QJsonObject { { QStringLiteral("width"), width }, { QStringLiteral("height"), height },
        { QStringLiteral("boxes"), boxes } };
}

QJsonObject cropRow(const QString &label, const QString &source, int x, int y, int w, int h)
{
    return QJsonObject { { QStringLiteral("label"), label }, { QStringLiteral("source"), source },
        { QStringLiteral("rect"), QJsonArray { x, y, w, h } } };
}

bool colourNear(const cv::Vec3b &got, const cv::Scalar &want)
{
    for (int c = 0; c < 3; ++c)
        if (std::abs(int(got[c]) - int(want[c])) > 40)
            return false;
    return true;
}

} // namespace

class ExportDatasetCliTest : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_photos;

    CliRun cli(const QStringList &args)
    {
        QProcess p;
        p.start(QStringLiteral(CROPWISE_CLI_PATH), QStringList { QStringLiteral("export-dataset") } + args);
        CliRun run;
        if (!p.waitForFinished(60000))
            return run;
        run.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
        run.out = QString::fromUtf8(p.readAllStandardOutput());
        run.err = QString::fromUtf8(p.readAllStandardError());
        return run;
    }

    // Runs the independent checker; returns its complaints (empty = OK).
    QString pythonCheck(
        const QString &format, const QString &mode, const QString &out, const QJsonObject &expected)
    {
        const QString python = QStandardPaths::findExecutable(QStringLiteral("python3"));
        if (python.isEmpty())
            return QStringLiteral("python3 not found (it is in scripts/debian-packages.txt)");
        const QString expectedPath = out + QStringLiteral(".expected.json");
        if (!write(expectedPath, QJsonDocument(expected).toJson()))
            return QStringLiteral("cannot write ") + expectedPath;
        QProcess p;
        p.start(python,
            { QStringLiteral(CROPWISE_TEST_DATA_DIR "/check_dataset.py"), format, mode, out, expectedPath });
        if (!p.waitForFinished(60000))
            return QStringLiteral("checker did not finish");
        const QString err = QString::fromUtf8(p.readAllStandardError());
        if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0)
            return QStringLiteral("checker failed (%1):\n%2").arg(p.exitCode()).arg(err);
        return {};
    }

    QJsonObject detectionExpected() const
    {
        return { { QStringLiteral("classes"),
                     QJsonArray { QStringLiteral("dog"), QStringLiteral("face"), QStringLiteral("cat/dog"),
                         QStringLiteral("blue"), QStringLiteral("red") } },
            { QStringLiteral("images"),
                QJsonObject {
                    { QStringLiteral("a"),
                        image(64, 48, { box("face", 0, 0, 32, 24), box("dog", 32, 24, 32, 24) }) },
                    { QStringLiteral("b"),
                        image(96, 64, { box("cat/dog", 0, 0, 48, 32), box("face", 10, 10, 20, 20) }) },
                    // The rotated photo: upright (32 x 64) with boxes in the displayed orientation.
                    { QStringLiteral("r"),
                        image(32, 64, { box("blue", 0, 0, 16, 32), box("red", 16, 0, 16, 32) }) },
                } } };
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_photos = m_dir.filePath(QStringLiteral("photos"));
        // a: PNG 64 x 48; b: JPEG 96 x 64; r: JPEG stored 64 x 32 with EXIF orientation 6 (shown 32 x 64).
        QVERIFY(write(m_photos + QStringLiteral("/a.png"), encodeWithOpenCv(quadrantImage(64, 48), ".png")));
        QVERIFY(write(m_photos + QStringLiteral("/b.jpg"), encodeWithOpenCv(quadrantImage(96, 64), ".jpg")));
        QVERIFY(write(m_photos + QStringLiteral("/r.jpg"),
            encodeWithOpenCv(quadrantImage(64, 32), ".jpg", { cv::IMWRITE_JPEG_QUALITY, 95 })));
        QVERIFY(exivSetOrientation(m_photos + QStringLiteral("/r.jpg"), 6));
        QVERIFY(write(m_photos + QStringLiteral("/n.png"),
            encodeWithOpenCv(quadrantImage(32, 32), ".png"))); // no sidecar

        QVERIFY(write(m_photos + QStringLiteral("/a.png.cropwise.json"),
            sidecar(QStringLiteral("a.png"), 64, 48,
                { { QStringLiteral("face1"), QStringLiteral("face"), 0, 0, 32, 24 },
                    { QStringLiteral("dog1"), QStringLiteral("dog"), 32, 24, 32, 24 } })));
        QVERIFY(write(m_photos + QStringLiteral("/b.jpg.cropwise.json"),
            sidecar(QStringLiteral("b.jpg"), 96, 64,
                { { QStringLiteral("catdog"), QStringLiteral("cat/dog"), 0, 0, 48, 32 },
                    { QStringLiteral("nolabel"), QString(), 48, 32, 48, 32 },
                    { QStringLiteral("face2"), QStringLiteral("face"), 10, 10, 20, 20 } },
                true)));
        // Displayed coordinates: the top-left 16 x 32 of the upright photo is the raw bottom-left (blue).
        QVERIFY(write(m_photos + QStringLiteral("/r.jpg.cropwise.json"),
            sidecar(QStringLiteral("r.jpg"), 32, 64,
                { { QStringLiteral("blue"), QStringLiteral("blue"), 0, 0, 16, 32 },
                    { QStringLiteral("red"), QStringLiteral("red"), 16, 0, 16, 32 } })));
        // The project's label set fixes the first class ids.
        QVERIFY(write(m_photos + QStringLiteral("/cropwise-labels.json"),
            R"({"format": "cropwise.labels", "version": 1, "labels": [
                          {"name": "dog", "colour": "#ff0000", "hotkey": 1},
                          {"name": "face", "colour": "#00ff00", "hotkey": 2}]})"));
    }

    void exportsEachFormat_checkedByAnIndependentReader_data()
    {
        QTest::addColumn<QString>("format");
        QTest::addColumn<QString>("mode");
        QTest::newRow("coco") << QStringLiteral("coco") << QStringLiteral("boxes");
        QTest::newRow("voc") << QStringLiteral("voc") << QStringLiteral("boxes");
        QTest::newRow("yolo") << QStringLiteral("yolo") << QStringLiteral("boxes");
        QTest::newRow("csv") << QStringLiteral("csv") << QStringLiteral("boxes");
        QTest::newRow("folders") << QStringLiteral("folders") << QStringLiteral("crops");
    }
    void exportsEachFormat_checkedByAnIndependentReader()
    {
        QFETCH(QString, format);
        QFETCH(QString, mode);
        const QString out = m_dir.filePath(QStringLiteral("out-") + format);
        const CliRun run
            = cli({ QStringLiteral("--format"), format, QStringLiteral("--out"), out, m_photos });
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));

        // stdout: one JSON line with the totals.
        const QStringList lines = run.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 1);
        const QJsonObject summary = QJsonDocument::fromJson(lines[0].toUtf8()).object();
        QCOMPARE(summary.value(QStringLiteral("format")).toString(), format);
        QCOMPARE(summary.value(QStringLiteral("mode")).toString(), mode);
        QCOMPARE(summary.value(QStringLiteral("crops")).toInt(), 6);
        QCOMPARE(summary.value(QStringLiteral("source_images")).toInt(), 3);
        // stderr: the unlabelled crop is reported, and a summary line; every line is ours.
        QVERIFY2(run.err.contains(QLatin1String("\"nolabel\" has no label")), qPrintable(run.err));
        QVERIFY2(run.err.contains(QLatin1String("wrote ")), qPrintable(run.err));
        for (const QString &line : run.err.split(QLatin1Char('\n'), Qt::SkipEmptyParts))
            QVERIFY2(line.startsWith(QLatin1String("cropwise-cli: ")), qPrintable(line));

        QJsonObject expected = detectionExpected();
        if (format == QLatin1String("folders")) {
            expected = { { QStringLiteral("crops"),
                QJsonArray { cropRow("face", "a.png", 0, 0, 32, 24), cropRow("dog", "a.png", 32, 24, 32, 24),
                    cropRow("cat/dog", "b.jpg", 0, 0, 48, 32), cropRow("face", "b.jpg", 10, 10, 20, 20),
                    cropRow("blue", "r.jpg", 0, 0, 16, 32), cropRow("red", "r.jpg", 16, 0, 16, 32) } } };
            QVERIFY(QFileInfo(out + QStringLiteral("/cat_dog")).isDir()); // the slash never became a path
        }
        const QString why = pythonCheck(format, mode, out, expected);
        QVERIFY2(why.isEmpty(), qPrintable(why));

        // The pixels of the rotated photo agree with its boxes (the checker verified sizes and the
        // absence of an EXIF turn; here the colours): blue box on blue, red box on red.
        if (format == QLatin1String("yolo")) {
            const cv::Mat pixels
                = cv::imread(QFile::encodeName(out + QStringLiteral("/images/r.jpg")).toStdString(),
                    cv::IMREAD_COLOR | cv::IMREAD_IGNORE_ORIENTATION);
            QCOMPARE(pixels.cols, 32);
            QCOMPARE(pixels.rows, 64);
            QVERIFY(colourNear(pixels.at<cv::Vec3b>(16, 8), quadrantColour(Quadrant::BottomLeft))); // blue
            QVERIFY(colourNear(pixels.at<cv::Vec3b>(16, 24), quadrantColour(Quadrant::TopLeft))); // red
        }
    }

    // Crops mode with object boxes imported from a COCO file elsewhere (its image paths do not
    // match; the file names do): the boxes are carried into each crop image, scaled, clipped.
    void cropsMode_carriesImportedBoxesIntoEachCrop()
    {
        const QString coco = m_dir.filePath(QStringLiteral("ann/instances.json"));
        QVERIFY(write(coco, R"({"images": [{"id": 1, "file_name": "train/a.png", "width": 64, "height": 48}],
            "annotations": [{"id": 1, "image_id": 1, "category_id": 1, "bbox": [4, 4, 8, 8], "iscrowd": 0},
                            {"id": 2, "image_id": 1, "category_id": 2, "bbox": [28, 20, 8, 8], "iscrowd": 0}],
            "categories": [{"id": 1, "name": "eye"}, {"id": 2, "name": "tail"}]})"));
        const QString out = m_dir.filePath(QStringLiteral("out-crops-yolo"));
        const CliRun run = cli({ QStringLiteral("--format"), QStringLiteral("yolo"), QStringLiteral("--mode"),
            QStringLiteral("crops"), QStringLiteral("--out"), out, QStringLiteral("--boxes"),
            QStringLiteral("coco:") + coco, QStringLiteral("--long-side"), QStringLiteral("64"),
            QStringLiteral("--min-visibility"), QStringLiteral("0.25"), m_photos });
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const QJsonObject summary = QJsonDocument::fromJson(run.out.toUtf8()).object();
        QCOMPARE(summary.value(QStringLiteral("crops")).toInt(), 7); // unlabelled crops are images too here
        QCOMPARE(summary.value(QStringLiteral("boxes")).toInt(), 3);

        // The "tail" box is a quarter inside each crop of a.png: exactly at 0.25, kept (truncated).
        const QJsonObject expected { { QStringLiteral("classes"),
                                         QJsonArray { QStringLiteral("dog"), QStringLiteral("face"),
                                             QStringLiteral("eye"), QStringLiteral("tail") } },
            { QStringLiteral("images"),
                QJsonObject {
                    { QStringLiteral("a_face1"),
                        image(64, 48, { box("eye", 8, 8, 16, 16), box("tail", 56, 40, 8, 8) }) },
                    { QStringLiteral("a_dog1"), image(64, 48, { box("tail", 0, 0, 8, 8) }) },
                    { QStringLiteral("b_catdog"), image(QJsonValue::Null, QJsonValue::Null, {}) },
                    { QStringLiteral("b_nolabel"), image(QJsonValue::Null, QJsonValue::Null, {}) },
                    { QStringLiteral("b_face2"), image(64, 64, {}) },
                    { QStringLiteral("r_blue"), image(32, 64, {}) },
                    { QStringLiteral("r_red"), image(32, 64, {}) },
                } } };
        const QString why = pythonCheck(QStringLiteral("yolo"), QStringLiteral("crops"), out, expected);
        QVERIFY2(why.isEmpty(), qPrintable(why));

        // Raising the threshold drops the quarter-visible boxes.
        const CliRun strict
            = cli({ QStringLiteral("--format"), QStringLiteral("coco"), QStringLiteral("--mode"),
                QStringLiteral("crops"), QStringLiteral("--out"), out + QStringLiteral("-strict"),
                QStringLiteral("--boxes"), QStringLiteral("coco:") + coco, m_photos });
        QVERIFY2(strict.exitCode == 0, qPrintable(strict.err));
        const QJsonObject s = QJsonDocument::fromJson(strict.out.toUtf8()).object();
        QCOMPARE(s.value(QStringLiteral("boxes")).toInt(), 1);
        QCOMPARE(s.value(QStringLiteral("dropped_boxes")).toInt(), 2);
    }

    void verifiedOnly_exportsOnlyVerifiedImages()
    {
        const QString out = m_dir.filePath(QStringLiteral("out-verified"));
        const CliRun run = cli({ QStringLiteral("--format"), QStringLiteral("csv"),
            QStringLiteral("--verified-only"), QStringLiteral("--out"), out, m_photos });
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QJsonObject expected { { QStringLiteral("images"),
            QJsonObject { { QStringLiteral("b"),
                image(96, 64, { box("cat/dog", 0, 0, 48, 32), box("face", 10, 10, 20, 20) }) } } } };
        const QString why = pythonCheck(QStringLiteral("csv"), QStringLiteral("boxes"), out, expected);
        QVERIFY2(why.isEmpty(), qPrintable(why));
    }

    void suggestions_onlyFinalCropsAreExported()
    {
        // Pending and rejected suggestions are review material: only manual, accepted and edited
        // crops make the dataset (the app's rule, docs/review.md).
        const QString folder = m_dir.filePath(QStringLiteral("reviewed"));
        QVERIFY(write(folder + QStringLiteral("/s.png"), encodeWithOpenCv(quadrantImage(64, 48), ".png")));
        const auto reviewed = [](const char *name, const char *status, int x) {
            return QJsonObject { { QStringLiteral("id"), QUuid::createUuid().toString(QUuid::WithoutBraces) },
                { QStringLiteral("name"), QString::fromLatin1(name) }, { QStringLiteral("label"), QStringLiteral("dog") },
                { QStringLiteral("rect"), QJsonArray { x, 0, 16, 16 } }, { QStringLiteral("aspect"), QStringLiteral("1:1") },
                { QStringLiteral("review"),
                    QJsonObject { { QStringLiteral("status"), QString::fromLatin1(status) },
                        { QStringLiteral("suggested"), QJsonArray { x, 0, 16, 16 } },
                        { QStringLiteral("aspect"), QStringLiteral("1:1") } } } };
        };
        QJsonObject root = QJsonDocument::fromJson(sidecar(QStringLiteral("s.png"), 64, 48,
                                                       { { QStringLiteral("manual"), QStringLiteral("dog"), 0, 16, 16, 16 } }))
                               .object();
        QJsonArray crops = root.value(QStringLiteral("crops")).toArray();
        crops << reviewed("pending", "suggested", 0) << reviewed("no", "rejected", 16) << reviewed("yes", "accepted", 32);
        root.insert(QStringLiteral("crops"), crops);
        QVERIFY(write(folder + QStringLiteral("/s.png.cropwise.json"), QJsonDocument(root).toJson()));

        const CliRun run = cli({ QStringLiteral("--format"), QStringLiteral("csv"), QStringLiteral("--out"),
            m_dir.filePath(QStringLiteral("out-reviewed")), folder });
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const QJsonObject summary = QJsonDocument::fromJson(run.out.toUtf8()).object();
        QCOMPARE(summary.value(QStringLiteral("crops")).toInt(), 2); // "manual" and "yes"
    }

    void existingDataset_isRefused_unlessOverwrite()
    {
        const QString out = m_dir.filePath(QStringLiteral("out-again"));
        const QStringList args { QStringLiteral("--format"), QStringLiteral("coco"), QStringLiteral("--out"),
            out, m_photos };
        QCOMPARE(cli(args).exitCode, 0);
        const QByteArray before = readFileBytes(out + QStringLiteral("/annotations.json"));
        const CliRun refused = cli(args);
        QCOMPARE(refused.exitCode, 1);
        QVERIFY(refused.out.isEmpty());
        QCOMPARE(refused.err.count(QLatin1Char('\n')), 1);
        QVERIFY2(refused.err.contains(QLatin1String("--overwrite")), qPrintable(refused.err));
        QCOMPARE(readFileBytes(out + QStringLiteral("/annotations.json")), before);
        const CliRun again = cli(args + QStringList { QStringLiteral("--overwrite") });
        QVERIFY2(again.exitCode == 0, qPrintable(again.err));
    }

    void importErrors_nameFileAndLine_andTheRestIsExported()
    {
        const QString labels = m_dir.filePath(QStringLiteral("yolo-in/labels"));
        QVERIFY(write(labels + QStringLiteral("/classes.txt"), "eye\n"));
        QVERIFY(write(labels + QStringLiteral("/a.txt"), "0 0.125 0.166667 0.125 0.166667\n0 0.5 0.5\n"));
        const QString out = m_dir.filePath(QStringLiteral("out-import"));
        const CliRun run = cli({ QStringLiteral("--format"), QStringLiteral("voc"), QStringLiteral("--out"),
            out, QStringLiteral("--boxes"), QStringLiteral("yolo:") + labels, m_photos });
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(
            run.err.contains(QLatin1String("labels/a.txt:2: expected 5 numbers (class cx cy w h), found 3")),
            qPrintable(run.err));
        QJsonObject expected = detectionExpected();
        expected.remove(QStringLiteral("classes"));
        QJsonObject images = expected.value(QStringLiteral("images")).toObject();
        images[QStringLiteral("a")] = image(
            64, 48, { box("face", 0, 0, 32, 24), box("dog", 32, 24, 32, 24), box("eye", 4, 4, 8, 8) });
        expected[QStringLiteral("images")] = images;
        const QString why = pythonCheck(QStringLiteral("voc"), QStringLiteral("boxes"), out, expected);
        QVERIFY2(why.isEmpty(), qPrintable(why));
    }

    void badUsage_exitsWithOneLine_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        QTest::newRow("no format") << QStringList { QStringLiteral("--out"), QStringLiteral("x"),
            QStringLiteral("p") } << 2;
        QTest::newRow("unknown format") << QStringList { QStringLiteral("--format"),
            QStringLiteral("tfrecord"), QStringLiteral("--out"), QStringLiteral("x"), QStringLiteral("p") }
                                        << 2;
        QTest::newRow("folders as boxes") << QStringList { QStringLiteral("--format"),
            QStringLiteral("folders"), QStringLiteral("--mode"), QStringLiteral("boxes"),
            QStringLiteral("--out"), QStringLiteral("x"), QStringLiteral("p") }
                                          << 2;
        QTest::newRow("visibility > 1") << QStringList { QStringLiteral("--format"), QStringLiteral("coco"),
            QStringLiteral("--min-visibility"), QStringLiteral("1.5"), QStringLiteral("--out"),
            QStringLiteral("x"), QStringLiteral("p") }
                                        << 2;
        QTest::newRow("bad boxes") << QStringList { QStringLiteral("--format"), QStringLiteral("coco"),
            QStringLiteral("--boxes"), QStringLiteral("labelme:x"), QStringLiteral("--out"),
            QStringLiteral("x"), QStringLiteral("p") }
                                   << 2;
        QTest::newRow("no out") << QStringList { QStringLiteral("--format"), QStringLiteral("coco"),
            QStringLiteral("p") }
                                << 2;
        QTest::newRow("missing path") << QStringList { QStringLiteral("--format"), QStringLiteral("coco"),
            QStringLiteral("--out"), QStringLiteral("never-written"), QStringLiteral("/no/such/folder") }
                                      << 1;
    }
    void badUsage_exitsWithOneLine()
    {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        const CliRun run = cli(args);
        QCOMPARE(run.exitCode, exitCode);
        QCOMPARE(run.err.count(QLatin1Char('\n')), 1);
        QVERIFY(run.out.isEmpty());
        QVERIFY(!QFileInfo::exists(QStringLiteral("never-written")));
    }
};

QTEST_GUILESS_MAIN(ExportDatasetCliTest)
#include "ExportDatasetCliTest.moc"
