#include "core/annotations/DatasetExport.h"
#include "core/annotations/CocoImporter.h"
#include "core/annotations/VocImporter.h"
#include "core/annotations/YoloImporter.h"

#include "support/FixtureImages.h"

#include <QDir>
#include <QDirIterator>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <opencv2/imgcodecs.hpp>

#include <algorithm>

using namespace cropwise;
using namespace cropwise::test;

Q_DECLARE_METATYPE(cropwise::DatasetFormat)

namespace {

bool write(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size();
}

QString read(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}

// Pixels of a written file exactly as stored (EXIF ignored), so "upright" means upright for every reader.
cv::Mat storedPixels(const QString &path)
{
    return cv::imread(
        QFile::encodeName(path).toStdString(), cv::IMREAD_COLOR | cv::IMREAD_IGNORE_ORIENTATION);
}

bool colourNear(const cv::Vec3b &got, const cv::Scalar &want, int tolerance = 40)
{
    for (int c = 0; c < 3; ++c)
        if (std::abs(int(got[c]) - int(want[c])) > tolerance)
            return false;
    return true;
}

Crop crop(const QString &name, const Rect &rect, const QString &label)
{
    return Crop::create(name, rect, std::nullopt, label);
}

// Boxes sorted for comparison (label, then position).
QList<ObjectBox> sorted(QList<ObjectBox> boxes)
{
    std::sort(boxes.begin(), boxes.end(), [](const ObjectBox &a, const ObjectBox &b) {
        return std::tie(a.label, a.box.x, a.box.y) < std::tie(b.label, b.box.x, b.box.y);
    });
    return boxes;
}

QString describe(const QList<ObjectBox> &boxes)
{
    QStringList parts;
    for (const ObjectBox &b : boxes)
        parts << QStringLiteral("%1(%2,%3,%4x%5)")
                     .arg(b.label)
                     .arg(b.box.x)
                     .arg(b.box.y)
                     .arg(b.box.width)
                     .arg(b.box.height);
    return parts.join(QLatin1Char(' '));
}

// Every box of got within tolerance pixels of expected (per edge), same labels, same count.
bool sameBoxes(const QList<ObjectBox> &expected, const QList<ObjectBox> &got, double tolerance, QString *why)
{
    const QList<ObjectBox> e = sorted(expected);
    const QList<ObjectBox> g = sorted(got);
    *why = QStringLiteral("expected %1\n   got %2").arg(describe(e), describe(g));
    if (e.size() != g.size())
        return false;
    for (int i = 0; i < e.size(); ++i) {
        if (e[i].label != g[i].label)
            return false;
        const double d = std::max({ std::abs(e[i].box.x - g[i].box.x), std::abs(e[i].box.y - g[i].box.y),
            std::abs(e[i].box.rightEdge() - g[i].box.rightEdge()),
            std::abs(e[i].box.bottomEdge() - g[i].box.bottomEdge()) });
        if (d > tolerance)
            return false;
    }
    return true;
}

QStringList filesUnder(const QString &folder)
{
    QStringList out;
    QDirIterator it(folder, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext())
        out << QDir(folder).relativeFilePath(it.next());
    out.sort();
    return out;
}

ImportResult importFrom(DatasetFormat format, const QString &out)
{
    switch (format) {
    case DatasetFormat::Coco:
        return importCoco(out + QStringLiteral("/annotations.json"));
    case DatasetFormat::Voc:
        return importVoc(out + QStringLiteral("/Annotations"));
    case DatasetFormat::Yolo:
        return importYolo(out + QStringLiteral("/labels"));
    default:
        return {};
    }
}

} // namespace

class DatasetExportTest : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_png; // 64 x 48 quadrants
    QString m_jpg; // 96 x 64 quadrants
    QString m_rotated; // stored 64 x 32, EXIF orientation 6: displayed 32 x 64

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_png = m_dir.filePath(QStringLiteral("src/one.png"));
        m_jpg = m_dir.filePath(QStringLiteral("src/two.jpg"));
        m_rotated = m_dir.filePath(QStringLiteral("src/turned.jpg"));
        QVERIFY(write(m_png, encodeWithOpenCv(quadrantImage(64, 48), ".png")));
        QVERIFY(
            write(m_jpg, encodeWithOpenCv(quadrantImage(96, 64), ".jpg", { cv::IMWRITE_JPEG_QUALITY, 95 })));
        QVERIFY(write(m_rotated,
            withExifOrientation(
                encodeWithOpenCv(quadrantImage(64, 32), ".jpg", { cv::IMWRITE_JPEG_QUALITY, 95 }), 6)));
    }

    // Export as a detection dataset, import it back with our importers: same boxes within half a
    // pixel (VOC stores integers), flags kept where the format has them.
    void boxesMode_roundTrips_data()
    {
        QTest::addColumn<DatasetFormat>("format");
        QTest::addColumn<double>("tolerance");
        QTest::addColumn<bool>("keepsFlags");
        QTest::newRow("coco") << DatasetFormat::Coco << 0.001 << true;
        QTest::newRow("voc") << DatasetFormat::Voc << 0.5 << true;
        QTest::newRow("yolo") << DatasetFormat::Yolo << 0.001 << false;
    }
    void boxesMode_roundTrips()
    {
        QFETCH(DatasetFormat, format);
        QFETCH(double, tolerance);
        QFETCH(bool, keepsFlags);

        DatasetSource a;
        a.imagePath = m_png;
        a.crops = { crop(QStringLiteral("c1"), { 0, 0, 32, 24 }, QStringLiteral("face")),
            crop(QStringLiteral("c2"), { 10, 5, 40, 40 }, QStringLiteral("dog")) };
        a.objects = { { QStringLiteral("cat"), { 3.25, 4.5, 20.75, 10.4 }, true, false },
            { QStringLiteral("dog"), { 40, 30, 24, 18 }, false, true } };
        a.verified = true;
        DatasetSource b;
        b.imagePath = m_jpg;
        b.crops = { crop(QStringLiteral("x"), { 48, 32, 48, 32 }, QStringLiteral("face")) };
        DatasetSource none; // nothing labelled: left out
        none.imagePath = m_jpg;
        none.crops = { crop(QStringLiteral("unlabelled"), { 0, 0, 10, 10 }, QString()) };

        QTemporaryDir out;
        DatasetExportOptions options;
        options.format = format;
        options.mode = DatasetMode::Boxes;
        options.outputFolder = out.path();
        options.overwrite = OverwritePolicy::Replace; // QTemporaryDir exists (empty) already
        options.labels = LabelSet::fromNames({ QStringLiteral("dog"), QStringLiteral("cat") });
        const DatasetExportReport report = exportDataset({ a, b, none }, options);
        QVERIFY2(report.ok(), qPrintable(report.error));
        QCOMPARE(report.classes,
            (QStringList { QStringLiteral("dog"), QStringLiteral("cat"), QStringLiteral("face") }));
        QCOMPARE(report.imagesWritten, 2);
        QCOMPARE(report.cropsExported, 3);
        QCOMPARE(report.boxesWritten, 5);
        QVERIFY(
            report.warnings.join(QLatin1Char('\n')).contains(QLatin1String("\"unlabelled\" has no label")));

        const ImportResult back = importFrom(format, out.path());
        QVERIFY2(back.ok(), qPrintable(back.error));
        QVERIFY2(back.messages.isEmpty(), qPrintable(back.messageLines().join(QLatin1Char('\n'))));
        QCOMPARE(back.images.size(), 2);
        // The upright images were written: the PNG copied byte for byte (already upright).
        QCOMPARE(QFileInfo(back.images[0].imagePath).fileName(), QStringLiteral("one.png"));
        QCOMPARE(readFileBytes(back.images[0].imagePath), readFileBytes(m_png));
        QCOMPARE(back.images[0].size, (Size { 64, 48 }));

        QList<ObjectBox> expectedA = { { QStringLiteral("face"), { 0, 0, 32, 24 }, false, false },
            { QStringLiteral("dog"), { 10, 5, 40, 40 }, false, false } };
        expectedA += a.objects;
        QString why;
        QVERIFY2(sameBoxes(expectedA, back.images[0].boxes, tolerance, &why), qPrintable(why));
        QVERIFY2(sameBoxes({ { QStringLiteral("face"), { 48, 32, 48, 32 }, false, false } },
                     back.images[1].boxes, tolerance, &why),
            qPrintable(why));
        if (keepsFlags) {
            const QList<ObjectBox> got = sorted(back.images[0].boxes);
            const QList<ObjectBox> want = sorted(expectedA);
            for (int i = 0; i < got.size(); ++i) {
                QCOMPARE(got[i].difficult, want[i].difficult);
                QCOMPARE(got[i].truncated, want[i].truncated);
            }
        }
        if (format == DatasetFormat::Voc)
            QVERIFY(back.images[0].verified);
        if (format == DatasetFormat::Yolo) {
            QCOMPARE(read(out.filePath(QStringLiteral("classes.txt"))), QStringLiteral("dog\ncat\nface\n"));
            const QString labels = read(out.filePath(QStringLiteral("labels/one.txt")));
            // At least 6 decimals, class ids from the label set order.
            QVERIFY2(
                labels.contains(QLatin1String("2 0.250000 0.250000 0.500000 0.500000")), qPrintable(labels));
        }
    }

    // The photo is stored sideways with EXIF orientation 6. The dataset must hold it upright (no
    // reader has to know about EXIF) and the boxes in the displayed orientation.
    void boxesMode_exifRotatedPhoto_isWrittenUpright_withDisplayedBoxes()
    {
        // Displayed 32 x 64; orientation 6 turns the raw bottom-left (blue) quadrant to the top-left
        // and the raw top-left (red) to the top-right.
        DatasetSource s;
        s.imagePath = m_rotated;
        s.crops = { crop(QStringLiteral("blue"), { 0, 0, 16, 32 }, QStringLiteral("blue")),
            crop(QStringLiteral("red"), { 16, 0, 16, 32 }, QStringLiteral("red")) };
        // An object box on the displayed image too (raw-based files are turned at import).
        s.objects = { { QStringLiteral("green"), { 16, 32, 16, 32 }, false, false } };
        QTemporaryDir out;
        DatasetExportOptions options;
        options.format = DatasetFormat::Voc;
        options.outputFolder = out.filePath(QStringLiteral("new/dataset")); // created
        const DatasetExportReport report = exportDataset({ s }, options);
        QVERIFY2(report.ok(), qPrintable(report.error));

        const QString image = out.filePath(QStringLiteral("new/dataset/JPEGImages/turned.jpg"));
        const cv::Mat pixels = storedPixels(image);
        QCOMPARE(pixels.cols, 32);
        QCOMPARE(pixels.rows, 64);
        const ImportResult back = importVoc(out.filePath(QStringLiteral("new/dataset/Annotations")));
        QCOMPARE(back.images.size(), 1);
        QCOMPARE(back.images[0].size, (Size { 32, 64 }));
        for (const ObjectBox &b : back.images[0].boxes) {
            const int cx = int(b.box.x + b.box.width / 2);
            const int cy = int(b.box.y + b.box.height / 2);
            const cv::Scalar want = b.label == QLatin1String("blue") ? quadrantColour(Quadrant::BottomLeft)
                : b.label == QLatin1String("red")                    ? quadrantColour(Quadrant::TopLeft)
                                                                     : quadrantColour(Quadrant::TopRight);
            QVERIFY2(colourNear(pixels.at<cv::Vec3b>(cy, cx), want), qPrintable(b.label));
        }
        QCOMPARE(back.images[0].boxes.size(), 3);
    }

    // The user's own turn (on top of EXIF) is applied to the pixels, crops and object boxes alike.
    void boxesMode_userTurn_turnsPixelsAndObjectBoxes()
    {
        DatasetSource s;
        s.imagePath = m_png; // 64 x 48
        s.userTurn = UserTurn().then(Turn::RotateClockwise); // displayed 48 x 64
        // Object box around the oriented (unturned) top-left red quadrant; after the turn it is top-right.
        s.objects = { { QStringLiteral("red"), { 0, 0, 32, 24 }, false, false } };
        s.crops = { crop(
            QStringLiteral("c"), { 0, 0, 24, 32 }, QStringLiteral("blue")) }; // turned top-left = blue
        QTemporaryDir out;
        DatasetExportOptions options;
        options.format = DatasetFormat::Coco;
        options.outputFolder = out.path();
        options.overwrite = OverwritePolicy::Replace;
        const DatasetExportReport report = exportDataset({ s }, options);
        QVERIFY2(report.ok(), qPrintable(report.error));
        const ImportResult back = importCoco(out.filePath(QStringLiteral("annotations.json")));
        QCOMPARE(back.images.size(), 1);
        QCOMPARE(back.images[0].size, (Size { 48, 64 }));
        const cv::Mat pixels = storedPixels(back.images[0].imagePath);
        QCOMPARE(pixels.cols, 48);
        QString why;
        QVERIFY2(sameBoxes({ { QStringLiteral("red"), { 24, 0, 24, 32 }, false, false },
                               { QStringLiteral("blue"), { 0, 0, 24, 32 }, false, false } },
                     back.images[0].boxes, 0.001, &why),
            qPrintable(why));
        QVERIFY(colourNear(pixels.at<cv::Vec3b>(16, 36), quadrantColour(Quadrant::TopLeft))); // red
        QVERIFY(colourNear(pixels.at<cv::Vec3b>(16, 12), quadrantColour(Quadrant::BottomLeft))); // blue
    }

    // Crops mode: each crop its own image; object boxes carried in (shift, clip, scale, drop).
    void cropsMode_carriesObjectBoxesIntoEachCrop()
    {
        DatasetSource s;
        s.imagePath = m_png; // 64 x 48
        s.crops = { crop(QStringLiteral("left"), { 0, 0, 32, 24 }, QStringLiteral("scene")) };
        s.objects = { { QStringLiteral("in"), { 8, 8, 16, 8 }, false, false }, // inside
            { QStringLiteral("half"), { 24, 0, 16, 8 }, false,
                false }, // exactly half inside: kept, truncated
            { QStringLiteral("less"), { 28, 10, 16, 4 }, false, false }, // a quarter inside: dropped
            { QStringLiteral("out"), { 40, 30, 10, 10 }, false, false } }; // outside
        QTemporaryDir out;
        DatasetExportOptions options;
        options.format = DatasetFormat::Coco;
        options.mode = DatasetMode::Crops;
        options.outputFolder = out.path();
        options.overwrite = OverwritePolicy::Replace;
        options.cropSize = ExportSize::exact(64, 48); // scale 2
        options.encode.format = OutputFormat::Png;
        const DatasetExportReport report = exportDataset({ s }, options);
        QVERIFY2(report.ok(), qPrintable(report.error));
        QCOMPARE(report.cropsExported, 1);
        QCOMPARE(report.boxesWritten, 2);
        QCOMPARE(report.boxesDropped, 1); // "out" never overlapped: not counted as dropped

        const ImportResult back = importCoco(out.filePath(QStringLiteral("annotations.json")));
        QVERIFY2(back.ok(), qPrintable(back.error));
        QCOMPARE(back.images.size(), 1);
        QCOMPARE(QFileInfo(back.images[0].imagePath).fileName(), QStringLiteral("one_left.png"));
        QCOMPARE(back.images[0].size, (Size { 64, 48 }));
        QString why;
        QVERIFY2(sameBoxes({ { QStringLiteral("in"), { 16, 16, 32, 16 }, false, false },
                               { QStringLiteral("half"), { 48, 0, 16, 16 }, false, true } },
                     back.images[0].boxes, 0.001, &why),
            qPrintable(why));
        const QList<ObjectBox> got = sorted(back.images[0].boxes);
        QVERIFY(got[0].truncated); // "half"
        QVERIFY(!got[1].truncated); // "in"

        // The crop image holds the crop's pixels: all red (top-left quadrant).
        const cv::Mat pixels = storedPixels(back.images[0].imagePath);
        QVERIFY(colourNear(pixels.at<cv::Vec3b>(40, 60), quadrantColour(Quadrant::TopLeft), 2));

        // The manifest points back to the source and rectangle.
        const QJsonObject manifest
            = QJsonDocument::fromJson(read(out.filePath(QStringLiteral("manifest.json"))).toUtf8()).object();
        const QJsonObject row = manifest.value(QStringLiteral("crops")).toArray().at(0).toObject();
        QCOMPARE(row.value(QStringLiteral("file")).toString(), QStringLiteral("images/one_left.png"));
        QCOMPARE(row.value(QStringLiteral("source")).toString(), QDir::cleanPath(m_png));
        QCOMPARE(row.value(QStringLiteral("label")).toString(), QStringLiteral("scene"));
        QCOMPARE(row.value(QStringLiteral("rect")).toObject().value(QStringLiteral("width")).toInt(), 32);
        const QString csv = read(out.filePath(QStringLiteral("manifest.csv")));
        QVERIFY2(csv.split(QLatin1Char('\n'))
                     .value(1)
                     .startsWith(QStringLiteral("images/one_left.png,scene,%1,").arg(QDir::cleanPath(m_png))),
            qPrintable(csv));
    }

    // The manifest's raw rectangle maps a crop of a rotated photo back onto the stored pixels.
    void cropsMode_manifestRawRect_ofRotatedPhoto()
    {
        DatasetSource s;
        s.imagePath = m_rotated; // stored 64 x 32, displayed 32 x 64
        s.crops = { crop(QStringLiteral("blue"), { 0, 0, 16, 32 }, QStringLiteral("blue")) };
        QTemporaryDir out;
        DatasetExportOptions options;
        options.format = DatasetFormat::Folders;
        options.mode = DatasetMode::Crops;
        options.outputFolder = out.path();
        options.overwrite = OverwritePolicy::Replace;
        const DatasetExportReport report = exportDataset({ s }, options);
        QVERIFY2(report.ok(), qPrintable(report.error));
        const cv::Mat pixels = storedPixels(out.filePath(QStringLiteral("blue/turned_blue.jpg")));
        QCOMPARE(pixels.cols, 16);
        QCOMPARE(pixels.rows, 32);
        QVERIFY(colourNear(pixels.at<cv::Vec3b>(16, 8), quadrantColour(Quadrant::BottomLeft)));
        const QJsonObject row
            = QJsonDocument::fromJson(read(out.filePath(QStringLiteral("manifest.json"))).toUtf8())
                  .object()
                  .value(QStringLiteral("crops"))
                  .toArray()
                  .at(0)
                  .toObject();
        const QJsonObject raw = row.value(QStringLiteral("raw_rect")).toObject();
        // Displayed top-left 16 x 32 = stored bottom-left 32 x 16.
        QCOMPARE(raw.value(QStringLiteral("x")).toInt(), 0);
        QCOMPARE(raw.value(QStringLiteral("y")).toInt(), 16);
        QCOMPARE(raw.value(QStringLiteral("width")).toInt(), 32);
        QCOMPARE(raw.value(QStringLiteral("height")).toInt(), 16);
        QCOMPARE(row.value(QStringLiteral("exif_orientation")).toInt(), 6);
    }

    // Hostile and colliding label names: one folder each, all inside the output folder.
    void folders_sanitiseLabelNames_withoutEscapeOrCollision()
    {
        const QStringList labels
            = { QStringLiteral("a/b"), QStringLiteral("a_b"), QStringLiteral("../../escape"),
                  QStringLiteral(".."), QStringLiteral("Cat"), QStringLiteral("cat"),
                  QStringLiteral("猫 noir"), QStringLiteral("manifest.csv"), QStringLiteral("/abs") };
        DatasetSource s;
        s.imagePath = m_jpg;
        for (int i = 0; i < labels.size(); ++i)
            s.crops << crop(QStringLiteral("c%1").arg(i), { i * 4, 0, 8, 8 }, labels[i]);
        s.crops << crop(QStringLiteral("nolabel"), { 0, 0, 8, 8 }, QStringLiteral("   "));
        QTemporaryDir parent;
        const QString outPath = parent.filePath(QStringLiteral("out"));
        DatasetExportOptions options;
        options.format = DatasetFormat::Folders;
        options.mode = DatasetMode::Crops;
        options.outputFolder = outPath;
        const DatasetExportReport report = exportDataset({ s }, options);
        QVERIFY2(report.ok(), qPrintable(report.error));
        QCOMPARE(report.cropsExported, labels.size());
        QVERIFY(report.warnings.join(QLatin1Char('\n')).contains(QLatin1String("\"nolabel\" has no label")));

        // Nothing outside: the parent holds only "out".
        QCOMPARE(QDir(parent.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot),
            QStringList { QStringLiteral("out") });
        const QStringList folders = QDir(outPath).entryList(QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden);
        QCOMPARE(folders.size(), labels.size());
        QSet<QString> folded;
        for (const QString &f : folders)
            folded.insert(f.toCaseFolded());
        QCOMPARE(folded.size(), labels.size()); // distinct even on case-insensitive file systems
        QVERIFY(QFileInfo(outPath + QStringLiteral("/manifest.csv")).isFile());
        QVERIFY(QFileInfo(outPath + QStringLiteral("/manifest.csv-2")).isDir()); // the label, not the file

        // Each label's crop is in exactly one folder, and the manifest says which.
        const QJsonArray rows
            = QJsonDocument::fromJson(read(outPath + QStringLiteral("/manifest.json")).toUtf8())
                  .object()
                  .value(QStringLiteral("crops"))
                  .toArray();
        QCOMPARE(rows.size(), labels.size());
        QSet<QString> seenFolders;
        for (const QJsonValue &v : rows) {
            const QString file = v.toObject().value(QStringLiteral("file")).toString();
            QVERIFY2(QFileInfo(outPath + QLatin1Char('/') + file).isFile(), qPrintable(file));
            QVERIFY2(!file.contains(QLatin1String("..")), qPrintable(file));
            seenFolders.insert(file.section(QLatin1Char('/'), 0, 0));
            QVERIFY(labels.contains(v.toObject().value(QStringLiteral("label")).toString()));
        }
        QCOMPARE(seenFolders.size(), labels.size());
    }

    void existingDataset_isRefused_unlessOverwrite_andStaleFilesGo()
    {
        DatasetSource a;
        a.imagePath = m_png;
        a.crops = { crop(QStringLiteral("c"), { 0, 0, 8, 8 }, QStringLiteral("x")) };
        DatasetSource b;
        b.imagePath = m_jpg;
        b.crops = { crop(QStringLiteral("c"), { 0, 0, 8, 8 }, QStringLiteral("x")) };
        QTemporaryDir parent;
        const QString outPath = parent.filePath(QStringLiteral("ds"));
        DatasetExportOptions options;
        options.format = DatasetFormat::Yolo;
        options.outputFolder = outPath;
        QVERIFY(exportDataset({ a, b }, options).ok());
        QVERIFY(QFileInfo::exists(outPath + QStringLiteral("/labels/two.txt")));
        const QString before = read(outPath + QStringLiteral("/labels/one.txt"));

        // Again without consent: refused, nothing touched.
        const QStringList filesBefore = filesUnder(outPath);
        a.crops = { crop(QStringLiteral("c"), { 8, 8, 8, 8 }, QStringLiteral("x")) };
        const DatasetExportReport refused = exportDataset({ a }, options);
        QVERIFY(!refused.ok());
        QVERIFY2(refused.error.contains(QLatin1String("not empty"))
                && refused.error.contains(QLatin1String("--overwrite")),
            qPrintable(refused.error));
        QCOMPARE(filesUnder(outPath), filesBefore);
        QCOMPARE(read(outPath + QStringLiteral("/labels/one.txt")), before);

        // A file of the user's own is never removed, even with consent.
        QVERIFY(write(outPath + QStringLiteral("/README.txt"), "mine"));
        options.overwrite = OverwritePolicy::Replace;
        const DatasetExportReport replaced = exportDataset({ a }, options);
        QVERIFY2(replaced.ok(), qPrintable(replaced.error));
        QVERIFY(read(outPath + QStringLiteral("/labels/one.txt")) != before);
        QVERIFY(!QFileInfo::exists(outPath + QStringLiteral("/labels/two.txt"))); // stale: removed
        QVERIFY(!QFileInfo::exists(outPath + QStringLiteral("/images/two.jpg")));
        QCOMPARE(read(outPath + QStringLiteral("/README.txt")), QStringLiteral("mine"));
    }

    void outputThatIsAFile_isRefused()
    {
        QTemporaryDir parent;
        const QString file = parent.filePath(QStringLiteral("f"));
        QVERIFY(write(file, "x"));
        DatasetExportOptions options;
        options.outputFolder = file;
        options.overwrite = OverwritePolicy::Replace;
        const DatasetExportReport r = exportDataset({}, options);
        QVERIFY(!r.ok());
        QCOMPARE(read(file), QStringLiteral("x"));
    }

    void foldersInBoxesMode_isRefused()
    {
        QTemporaryDir out;
        DatasetExportOptions options;
        options.format = DatasetFormat::Folders;
        options.mode = DatasetMode::Boxes;
        options.outputFolder = out.path();
        QVERIFY(!exportDataset({}, options).ok());
    }

    void sameFileNames_fromTwoFolders_getDistinctNames()
    {
        const QString other = m_dir.filePath(QStringLiteral("other/one.png"));
        QVERIFY(write(other, readFileBytes(m_png)));
        DatasetSource a;
        a.imagePath = m_png;
        a.crops = { crop(QStringLiteral("c"), { 0, 0, 8, 8 }, QStringLiteral("x")) };
        DatasetSource b = a;
        b.imagePath = other;
        QTemporaryDir out;
        DatasetExportOptions options;
        options.format = DatasetFormat::Yolo;
        options.outputFolder = out.path();
        options.overwrite = OverwritePolicy::Replace;
        const DatasetExportReport r = exportDataset({ a, b }, options);
        QVERIFY2(r.ok(), qPrintable(r.error));
        QVERIFY(QFileInfo::exists(out.filePath(QStringLiteral("labels/one.txt"))));
        QVERIFY(QFileInfo::exists(out.filePath(QStringLiteral("labels/one-2.txt"))));
        QVERIFY(QFileInfo::exists(out.filePath(QStringLiteral("images/one-2.png"))));
    }

    void progress_canCancel()
    {
        DatasetSource a;
        a.imagePath = m_png;
        a.crops = { crop(QStringLiteral("c"), { 0, 0, 8, 8 }, QStringLiteral("x")) };
        QTemporaryDir out;
        DatasetExportOptions options;
        options.format = DatasetFormat::Csv;
        options.outputFolder = out.path();
        options.overwrite = OverwritePolicy::Replace;
        int calls = 0;
        options.progress = [&](int done, int total) {
            ++calls;
            return !(done == 1 && total == 2);
        };
        const DatasetExportReport r = exportDataset({ a, a }, options);
        QVERIFY(!r.ok());
        QVERIFY(r.error.contains(QLatin1String("cancelled")));
        QCOMPARE(calls, 1);
        QVERIFY(!QFileInfo::exists(out.filePath(QStringLiteral("annotations.csv"))));
    }

    void csv_hasHeaderAndQuotedFields()
    {
        DatasetSource a;
        a.imagePath = m_png;
        a.crops = { crop(QStringLiteral("c"), { 1, 2, 3, 4 }, QStringLiteral("a, \"quoted\" label")) };
        QTemporaryDir out;
        DatasetExportOptions options;
        options.format = DatasetFormat::Csv;
        options.outputFolder = out.path();
        options.overwrite = OverwritePolicy::Replace;
        QVERIFY(exportDataset({ a }, options).ok());
        const QStringList lines
            = read(out.filePath(QStringLiteral("annotations.csv"))).split(QLatin1Char('\n'));
        QCOMPARE(lines[0],
            QStringLiteral(
                "image,image_width,image_height,label,class_id,x,y,width,height,difficult,truncated"));
        QCOMPARE(lines[1], QStringLiteral("one.png,64,48,\"a, \"\"quoted\"\" label\",0,1,2,3,4,0,0"));
    }
};

QTEST_GUILESS_MAIN(DatasetExportTest)
#include "DatasetExportTest.moc"
