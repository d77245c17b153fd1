#include "core/annotations/AnnotationImport.h"
#include "core/annotations/CocoImporter.h"
#include "core/annotations/ObjectBoxStore.h"
#include "core/annotations/VocImporter.h"
#include "core/annotations/YoloImporter.h"

#include "support/FixtureImages.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

using namespace cropwise;
using namespace cropwise::test;

namespace {

bool near(const BoxF &a, const BoxF &b, double eps = 1e-6)
{
    return std::abs(a.x - b.x) <= eps && std::abs(a.y - b.y) <= eps && std::abs(a.width - b.width) <= eps
        && std::abs(a.height - b.height) <= eps;
}

QByteArray text(const BoxF &b)
{
    return QStringLiteral("(%1, %2, %3 x %4)").arg(b.x).arg(b.y).arg(b.width).arg(b.height).toUtf8();
}

bool write(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size();
}

// A PNG of width x height (quadrants) at path.
bool writePng(const QString &path, int width, int height)
{
    return write(path, encodeWithOpenCv(quadrantImage(width, height), ".png"));
}

// A JPEG stored as rawWidth x rawHeight with EXIF orientation 6 (displayed rawHeight x rawWidth).
bool writeRotatedJpeg(const QString &path, int rawWidth, int rawHeight)
{
    return write(path, withExifOrientation(encodeWithOpenCv(quadrantImage(rawWidth, rawHeight), ".jpg"), 6));
}

QString joined(const ImportResult &r)
{
    return r.messageLines().join(QLatin1Char('\n'));
}

} // namespace

class AnnotationImportTest : public QObject
{
    Q_OBJECT

private slots:
    void coco_readsBoxes_andReportsBadEntriesByField()
    {
        QTemporaryDir dir;
        QVERIFY(writePng(dir.filePath(QStringLiteral("images/a.png")), 64, 32));
        QVERIFY(writePng(dir.filePath(QStringLiteral("images/b.png")), 32, 32));
        const QByteArray json = R"({
  "images": [{"id": 1, "file_name": "a.png", "width": 64, "height": 32},
             {"id": 7, "file_name": "b.png", "width": 32, "height": 32},
             {"file_name": "noid.png"}],
  "annotations": [
    {"id": 1, "image_id": 1, "category_id": 3, "bbox": [1.5, 2, 10.25, 8], "iscrowd": 0},
    {"id": 2, "image_id": 7, "category_id": 5, "bbox": [0, 0, 32, 32], "attributes": {"difficult": true, "truncated": true}},
    {"id": 3, "image_id": 1, "category_id": 3, "bbox": [1, 2, 3]},
    {"id": 4, "image_id": 99, "category_id": 3, "bbox": [1, 2, 3, 4]},
    {"id": 5, "image_id": 1, "category_id": 42, "bbox": [1, 2, 3, 4]},
    {"id": 6, "image_id": 1, "category_id": 3, "bbox": [1, 2, 3, 4], "iscrowd": 1},
    {"id": 7, "image_id": 1, "category_id": 3, "bbox": [1, 2, 0, 4]}
  ],
  "categories": [{"id": 5, "name": "dog"}, {"id": 3, "name": "cat"}]
})";
        const QString path = dir.filePath(QStringLiteral("annotations.json"));
        QVERIFY(write(path, json));
        const ImportResult r = importCoco(path);
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(r.labels, (QStringList { QStringLiteral("cat"), QStringLiteral("dog") })); // by category id
        QCOMPARE(r.images.size(), 2);
        QCOMPARE(r.images[0].imagePath, QDir::cleanPath(dir.filePath(QStringLiteral("images/a.png"))));
        QCOMPARE(r.images[0].size, (Size { 64, 32 }));
        QCOMPARE(r.images[0].boxes.size(), 1);
        QCOMPARE(r.images[0].boxes[0].label, QStringLiteral("cat"));
        QVERIFY(near(r.images[0].boxes[0].box, { 1.5, 2, 10.25, 8 }));
        QCOMPARE(r.images[1].boxes.size(), 1);
        QVERIFY(r.images[1].boxes[0].difficult);
        QVERIFY(r.images[1].boxes[0].truncated);

        const QString all = joined(r);
        QVERIFY2(all.contains(QLatin1String("annotations.json: images[2].id:")), qPrintable(all));
        QVERIFY2(all.contains(QLatin1String("annotations.json: annotations[2].bbox: expected 4 numbers")),
            qPrintable(all));
        QVERIFY2(all.contains(QLatin1String("annotations.json: annotations[3].image_id:")), qPrintable(all));
        QVERIFY2(
            all.contains(QLatin1String("annotations.json: annotations[4].category_id:")), qPrintable(all));
        QVERIFY2(all.contains(QLatin1String("annotations.json: annotations[5].iscrowd:")), qPrintable(all));
        QVERIFY2(all.contains(QLatin1String("annotations.json: annotations[6].bbox: the box has no area")),
            qPrintable(all));
        QCOMPARE(r.skippedCount(), 6);
    }

    void coco_syntaxErrorNamesLineAndColumn()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("bad.json"));
        QVERIFY(write(path, "{\n  \"images\": [\n    {\"id\": 1,,}\n  ]\n}\n"));
        const ImportResult r = importCoco(path);
        QVERIFY(!r.ok());
        QVERIFY2(r.error.startsWith(QLatin1String("bad.json:3:")), qPrintable(r.error));
    }

    void coco_notCoco_isAnError()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("x.json"));
        QVERIFY(write(path, R"({"hello": 1})"));
        QVERIFY(!importCoco(path).ok());
        QVERIFY(!importCoco(dir.filePath(QStringLiteral("missing.json"))).ok());
    }

    // A COCO file made on the raw pixels of a photo with EXIF orientation 6 (width/height are the
    // stored size): the boxes are turned to the displayed image, and the importer says so.
    void coco_rawSizedFileOfRotatedPhoto_isTurnedToDisplayed()
    {
        QTemporaryDir dir;
        QVERIFY(writeRotatedJpeg(dir.filePath(QStringLiteral("images/r.jpg")), 64, 32)); // displayed 32 x 64
        const QByteArray rawJson = R"({"images": [{"id": 1, "file_name": "r.jpg", "width": 64, "height": 32}],
            "annotations": [{"id": 1, "image_id": 1, "category_id": 1, "bbox": [0, 0, 16, 8]}],
            "categories": [{"id": 1, "name": "corner"}]})";
        const QString path = dir.filePath(QStringLiteral("raw.json"));
        QVERIFY(write(path, rawJson));
        const ImportResult r = importCoco(path);
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(r.images.size(), 1);
        QCOMPARE(r.images[0].size, (Size { 32, 64 }));
        QCOMPARE(r.images[0].boxes.size(), 1);
        // Raw top-left 16x8 -> displayed top-right 8x16 (rotated 90 degrees clockwise).
        QVERIFY2(near(r.images[0].boxes[0].box, { 24, 0, 8, 16 }), text(r.images[0].boxes[0].box));
        QVERIFY2(joined(r).contains(QLatin1String("EXIF orientation 6")), qPrintable(joined(r)));

        // The same box given on the displayed image (width/height displayed) is taken as is.
        const QByteArray displayedJson
            = R"({"images": [{"id": 1, "file_name": "r.jpg", "width": 32, "height": 64}],
            "annotations": [{"id": 1, "image_id": 1, "category_id": 1, "bbox": [24, 0, 8, 16]}],
            "categories": [{"id": 1, "name": "corner"}]})";
        QVERIFY(write(path, displayedJson));
        const ImportResult d = importCoco(path);
        QVERIFY(near(d.images[0].boxes[0].box, { 24, 0, 8, 16 }));
        QVERIFY(d.messages.isEmpty());
    }

    void voc_readsOneBasedBoxes_flags_andVerified()
    {
        QTemporaryDir dir;
        QVERIFY(writePng(dir.filePath(QStringLiteral("JPEGImages/a.png")), 64, 32));
        const QByteArray xml = R"(<annotation verified="yes">
  <folder>JPEGImages</folder>
  <filename>a.png</filename>
  <size><width>64</width><height>32</height><depth>3</depth></size>
  <object>
    <name>cat</name><pose>Unspecified</pose><truncated>1</truncated><difficult>1</difficult>
    <bndbox><xmin>1</xmin><ymin>1</ymin><xmax>10</xmax><ymax>20</ymax></bndbox>
  </object>
  <object>
    <name>dog</name>
    <bndbox><xmin>30.5</xmin><ymin>2</ymin><xmax>64</xmax><ymax>32</ymax></bndbox>
  </object>
</annotation>
)";
        QVERIFY(write(dir.filePath(QStringLiteral("Annotations/a.xml")), xml));
        const ImportResult r = importVoc(dir.filePath(QStringLiteral("Annotations")));
        QVERIFY2(r.ok(), qPrintable(r.error));
        QVERIFY2(r.messages.isEmpty(), qPrintable(joined(r)));
        QCOMPARE(r.images.size(), 1);
        const ImageAnnotations &a = r.images[0];
        QCOMPARE(a.imagePath, QDir::cleanPath(dir.filePath(QStringLiteral("JPEGImages/a.png"))));
        QVERIFY(a.verified);
        QCOMPARE(a.boxes.size(), 2);
        QVERIFY2(near(a.boxes[0].box, { 0, 0, 10, 20 }), text(a.boxes[0].box)); // xmin 1..xmax 10 = 10 px
        QVERIFY(a.boxes[0].truncated && a.boxes[0].difficult);
        QVERIFY2(near(a.boxes[1].box, { 29.5, 1, 34.5, 31 }), text(a.boxes[1].box)); // whole right side
        QVERIFY(!a.boxes[1].truncated && !a.boxes[1].difficult);
        QCOMPARE(r.labels, (QStringList { QStringLiteral("cat"), QStringLiteral("dog") }));
    }

    void voc_reportsFileAndLine_andSkipsOnlyTheBadParts()
    {
        QTemporaryDir dir;
        QVERIFY(writePng(dir.filePath(QStringLiteral("a.png")), 64, 32));
        const QByteArray xml
            = "<annotation>\n" // 1
              "  <filename>a.png</filename>\n" // 2
              "  <object>\n" // 3
              "    <name>cat</name>\n" // 4
              "    <bndbox>\n" // 5
              "      <xmin>1</xmin><ymin>1</ymin>\n" // 6
              "      <xmax>ten</xmax><ymax>5</ymax>\n" // 7
              "    </bndbox>\n" // 8
              "  </object>\n" // 9
              "  <object>\n" // 10
              "    <name>dog</name>\n" // 11
              "  </object>\n" // 12
              "  <object>\n" // 13
              "    <name>ok</name>\n" // 14
              "    <bndbox><xmin>2</xmin><ymin>2</ymin><xmax>5</xmax><ymax>5</ymax></bndbox>\n"
              "  </object>\n"
              "</annotation>\n";
        QVERIFY(write(dir.filePath(QStringLiteral("a.xml")), xml));
        QVERIFY(write(dir.filePath(QStringLiteral("broken.xml")),
            "<annotation>\n<filename>a.png</filename>\n<object>\n</annotation>\n"));
        const ImportResult r = importVoc(dir.path());
        QVERIFY(r.ok());
        const QString all = joined(r);
        QVERIFY2(all.contains(QLatin1String("a.xml:7: <xmax> is not a number (\"ten\")")), qPrintable(all));
        QVERIFY2(all.contains(QLatin1String("a.xml:10: <object> \"dog\" has no <bndbox>")), qPrintable(all));
        QVERIFY2(all.contains(QLatin1String("broken.xml:4: not well-formed XML")), qPrintable(all));
        QCOMPARE(r.images.size(), 1);
        QCOMPARE(r.images[0].boxes.size(), 1);
        QCOMPARE(r.images[0].boxes[0].label, QStringLiteral("ok"));
    }

    void voc_rawSizedFileOfRotatedPhoto_isTurned()
    {
        QTemporaryDir dir;
        QVERIFY(writeRotatedJpeg(dir.filePath(QStringLiteral("r.jpg")), 64, 32));
        const QByteArray xml
            = "<annotation><filename>r.jpg</filename><size><width>64</width><height>32</height></size>"
              "<object><name>c</name><bndbox><xmin>1</xmin><ymin>1</ymin><xmax>16</xmax><ymax>8</ymax>"
              "</bndbox></object></annotation>";
        QVERIFY(write(dir.filePath(QStringLiteral("r.xml")), xml));
        const ImportResult r = importVoc(dir.path());
        QCOMPARE(r.images.size(), 1);
        QVERIFY2(near(r.images[0].boxes[0].box, { 24, 0, 8, 16 }), text(r.images[0].boxes[0].box));
    }

    void yolo_readsNormalisedBoxes_andReportsLines()
    {
        QTemporaryDir dir;
        QVERIFY(writePng(dir.filePath(QStringLiteral("images/a.png")), 200, 100));
        QVERIFY(write(dir.filePath(QStringLiteral("labels/classes.txt")), "cat\ndog\n\n"));
        QVERIFY(write(dir.filePath(QStringLiteral("labels/a.txt")),
            "0 0.5 0.5 0.2 0.4\n" // 1: ok
            "1 0.5 0.5 0.2\n" // 2: 4 numbers
            "7 0.5 0.5 0.2 0.2\n" // 3: class out of range
            "\n" // 4: blank is fine
            "x 0.5 0.5 0.2 0.2\n" // 5: class not a number
            "1 0.1 0.1 abc 0.2\n" // 6: not a number
            "1 0.9 0.5 0.4 0.2\n")); // 7: beyond the right edge by 20 px: clipped
        QVERIFY(write(dir.filePath(QStringLiteral("labels/orphan.txt")), "0 0.5 0.5 0.1 0.1\n"));
        const ImportResult r = importYolo(dir.filePath(QStringLiteral("labels")));
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(r.labels, (QStringList { QStringLiteral("cat"), QStringLiteral("dog") }));
        QCOMPARE(r.images.size(), 1);
        QCOMPARE(r.images[0].size, (Size { 200, 100 }));
        QCOMPARE(r.images[0].boxes.size(), 2);
        QVERIFY2(near(r.images[0].boxes[0].box, { 80, 30, 40, 40 }), text(r.images[0].boxes[0].box));
        QCOMPARE(r.images[0].boxes[0].label, QStringLiteral("cat"));
        QVERIFY2(near(r.images[0].boxes[1].box, { 140, 40, 60, 20 }), text(r.images[0].boxes[1].box));
        QVERIFY(r.images[0].boxes[1].truncated);
        const QString all = joined(r);
        QVERIFY2(all.contains(QLatin1String("labels/a.txt:2: expected 5 numbers (class cx cy w h), found 4")),
            qPrintable(all));
        QVERIFY2(
            all.contains(QLatin1String("labels/a.txt:3: class 7 is not in classes.txt")), qPrintable(all));
        QVERIFY2(all.contains(QLatin1String("labels/a.txt:5:")), qPrintable(all));
        QVERIFY2(all.contains(QLatin1String("labels/a.txt:6:")), qPrintable(all));
        QVERIFY2(all.contains(QLatin1String("labels/a.txt:7: the box extends")), qPrintable(all));
        QVERIFY2(all.contains(QLatin1String("labels/orphan.txt: no image orphan.jpg")), qPrintable(all));
        QCOMPARE(r.skippedCount(), 5);
    }

    void yolo_tinyOvershootIsClampedQuietly()
    {
        QTemporaryDir dir;
        QVERIFY(writePng(dir.filePath(QStringLiteral("a.png")), 100, 100));
        QVERIFY(write(dir.filePath(QStringLiteral("classes.txt")), "a\n"));
        QVERIFY(write(dir.filePath(QStringLiteral("a.txt")), "0 0.5 0.5 1.000001 1.000001\n"));
        const ImportResult r = importYolo(dir.path());
        QVERIFY2(r.messages.isEmpty(), qPrintable(joined(r)));
        QVERIFY(near(r.images[0].boxes[0].box, { 0, 0, 100, 100 }));
        QVERIFY(!r.images[0].boxes[0].truncated);
    }

    void yolo_namesFromDataYaml_data()
    {
        QTest::addColumn<QByteArray>("yaml");
        QTest::newRow("inline list") << QByteArray("path: .\nnames: ['cat', \"dog\"]\n");
        QTest::newRow("indexed map") << QByteArray("train: images\nnames:\n  0: cat\n  1: 'dog'\nnc: 2\n");
        QTest::newRow("dashed list") << QByteArray("names:\n  - cat\n  - dog\n");
    }
    void yolo_namesFromDataYaml()
    {
        QFETCH(QByteArray, yaml);
        QTemporaryDir dir;
        QVERIFY(writePng(dir.filePath(QStringLiteral("images/a.png")), 10, 10));
        QVERIFY(write(dir.filePath(QStringLiteral("data.yaml")), yaml));
        QVERIFY(write(dir.filePath(QStringLiteral("labels/a.txt")), "1 0.5 0.5 0.5 0.5\n"));
        const ImportResult r = importYolo(dir.filePath(QStringLiteral("labels")));
        QVERIFY2(r.messages.isEmpty(), qPrintable(joined(r)));
        QCOMPARE(r.labels, (QStringList { QStringLiteral("cat"), QStringLiteral("dog") }));
        QCOMPARE(r.images[0].boxes[0].label, QStringLiteral("dog"));
    }

    void yolo_withoutClassNames_usesIds()
    {
        QTemporaryDir dir;
        QVERIFY(writePng(dir.filePath(QStringLiteral("a.png")), 10, 10));
        QVERIFY(write(dir.filePath(QStringLiteral("a.txt")), "3 0.5 0.5 0.5 0.5\n"));
        const ImportResult r = importYolo(dir.path());
        QCOMPARE(r.images[0].boxes[0].label, QStringLiteral("3"));
        QVERIFY(joined(r).contains(QLatin1String("no classes.txt")));
    }

    void objectBoxStore_roundTrips()
    {
        QTemporaryDir dir;
        ImageAnnotations a;
        a.imagePath = dir.filePath(QStringLiteral("sub/a.jpg"));
        a.size = { 640, 480 };
        a.verified = true;
        a.boxes = { { QStringLiteral("cat"), { 1.5, 2.25, 30, 40 }, true, false },
            { QStringLiteral("猫/dog"), { 0, 0, 640, 480 }, false, true } };
        QCOMPARE(saveObjectBoxes(dir.path(), { a }), QString());
        const ObjectBoxesLoadResult r = loadObjectBoxes(dir.path());
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(r.images.size(), 1);
        QCOMPARE(r.images[0], a);
        const auto index = indexByImagePath(r.images);
        QVERIFY(index.contains(imageKey(dir.filePath(QStringLiteral("sub/../sub/a.jpg")))));
    }

    void mergeAnnotations_replacesReimportedImagesOnly()
    {
        const ImageAnnotations a { QStringLiteral("/x/a.jpg"), { 10, 10 },
            { { QStringLiteral("old"), { 0, 0, 1, 1 }, false, false } }, false };
        const ImageAnnotations b { QStringLiteral("/x/b.jpg"), { 10, 10 },
            { { QStringLiteral("keep"), { 0, 0, 1, 1 }, false, false } }, false };
        const ImageAnnotations a2 { QStringLiteral("/x/./a.jpg"), { 10, 10 },
            { { QStringLiteral("new"), { 1, 1, 2, 2 }, false, false } }, true };
        const ImageAnnotations c { QStringLiteral("/x/c.jpg"), { 10, 10 }, {}, false };
        const QList<ImageAnnotations> merged = mergeAnnotations({ a, b }, { a2, c });
        QCOMPARE(merged.size(), 3);
        QCOMPARE(merged[0].boxes.size(), 1);
        QCOMPARE(merged[0].boxes[0].label, QStringLiteral("new"));
        QVERIFY(merged[0].verified);
        QCOMPARE(merged[1].boxes[0].label, QStringLiteral("keep"));
        QCOMPARE(merged[2].imagePath, QStringLiteral("/x/c.jpg"));
    }

    // Files moved since annotation: names are matched by file name, but never ambiguously.
    void importAnnotations_fallsBackToFileNames_butNotAmbiguousOnes()
    {
        QTemporaryDir dir;
        QVERIFY(writePng(dir.filePath(QStringLiteral("photos/a.png")), 20, 10));
        QVERIFY(writePng(dir.filePath(QStringLiteral("photos/twice.png")), 20, 10));
        QVERIFY(writePng(dir.filePath(QStringLiteral("other/twice.png")), 20, 10));
        const QString json = dir.filePath(QStringLiteral("ann/x.json"));
        QVERIFY(
            write(json, R"({"images": [{"id": 1, "file_name": "C:\\data\\a.png", "width": 20, "height": 10},
                                           {"id": 2, "file_name": "twice.png", "width": 20, "height": 10}],
                                "annotations": [], "categories": []})"));
        const ImageLocator byName = locateByFileName(
            { dir.filePath(QStringLiteral("photos/a.png")), dir.filePath(QStringLiteral("photos/twice.png")),
                dir.filePath(QStringLiteral("other/twice.png")) });
        const ImportResult r = importAnnotations(AnnotationFormat::Coco, json, byName);
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(r.images.size(), 2);
        QCOMPARE(r.images[0].imagePath, QDir::cleanPath(dir.filePath(QStringLiteral("photos/a.png"))));
        QCOMPARE(r.images[1].imagePath, QStringLiteral("twice.png")); // not guessed
        QCOMPARE(annotationFormatFromName(QStringLiteral("YOLO")), AnnotationFormat::Yolo);
        QVERIFY(!annotationFormatFromName(QStringLiteral("labelme")));
    }
};

QTEST_GUILESS_MAIN(AnnotationImportTest)
#include "AnnotationImportTest.moc"
