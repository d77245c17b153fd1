#include "core/io/ImageDecoder.h"

#include "support/CliRunner.h"
#include "support/FixtureImages.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

Q_DECLARE_METATYPE(cropwise::Size)

using namespace cropwise;
using namespace cropwise::test;

namespace {

// Pixels whose value encodes their position, so a crop shows exactly where it came from.
cv::Mat positionImage(int width, int height)
{
    cv::Mat m(height, width, CV_8UC3);
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x)
            m.at<cv::Vec3b>(y, x) = cv::Vec3b(uchar(x), uchar(y), uchar((x * 7 + y * 13) & 0xFF));
    return m;
}

bool identical(const cv::Mat &a, const cv::Mat &b)
{
    return a.size() == b.size() && a.type() == b.type() && cv::norm(a, b, cv::NORM_INF) == 0;
}

} // namespace

class CropCommandTest : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_png;
    QString m_rotatedJpeg;

    QString outPath(const QString &name) const { return m_dir.filePath(QStringLiteral("out/") + name); }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(QDir(m_dir.path()).mkdir(QStringLiteral("out")));
        m_png = writeFixture(
            m_dir.path(), QStringLiteral("source.png"), encodeWithOpenCv(positionImage(200, 120), ".png"));
        m_rotatedJpeg = writeFixture(m_dir.path(), QStringLiteral("rotated.jpg"),
            withExifOrientation(encodeWithOpenCv(noiseImage(96, 64), ".jpg"), 6));
        QVERIFY(!m_png.isEmpty() && !m_rotatedJpeg.isEmpty());
    }

    void crop_writesExactlyTheRectangle()
    {
        const QString out = outPath(QStringLiteral("exact.png"));
        const CliRun run = runCli({ QStringLiteral("crop"), QStringLiteral("--rect"),
            QStringLiteral("13,7,101,55"), QStringLiteral("--out"), out, m_png });
        QVERIFY(run.finished);
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.err.isEmpty(), run.err.constData());
        const DecodedImage written = decodeImage(out);
        QVERIFY2(written.ok(), qPrintable(written.error));
        QVERIFY(identical(written.pixels, positionImage(200, 120)(cv::Rect(13, 7, 101, 55))));
        // One JSON line describing the result.
        const QList<QJsonObject> lines = run.jsonLines();
        QCOMPARE(lines.size(), 1);
        QCOMPARE(lines[0].value(QLatin1String("out")).toString(), out);
        QCOMPARE(lines[0].value(QLatin1String("image")).toString(), m_png);
        QCOMPARE(lines[0].value(QLatin1String("width")).toInt(), 101);
        QCOMPARE(lines[0].value(QLatin1String("height")).toInt(), 55);
        QCOMPARE(lines[0].value(QLatin1String("format")).toString(), QStringLiteral("png"));
        QCOMPARE(lines[0].value(QLatin1String("rect")).toArray(), (QJsonArray { 13, 7, 101, 55 }));
    }

    void crop_usesDisplayedPixels_ofOrientedImage()
    {
        // Stored 96x64 with orientation 6: displayed 64x96. The rectangle is in displayed pixels.
        const QString out = outPath(QStringLiteral("rotated.png"));
        const CliRun run = runCli({ QStringLiteral("crop"), QStringLiteral("--rect"),
            QStringLiteral("10,50,40,46"), QStringLiteral("--out"), out, m_rotatedJpeg });
        QCOMPARE(run.exitCode, 0);
        const DecodedImage source = decodeImage(m_rotatedJpeg);
        QCOMPARE(source.fullSize, (Size { 64, 96 }));
        QVERIFY(identical(decodeImage(out).pixels, source.pixels(cv::Rect(10, 50, 40, 46))));
    }

    void crop_scales_whenAsked_data()
    {
        QTest::addColumn<QStringList>("options");
        QTest::addColumn<QString>("name");
        QTest::addColumn<Size>("size");
        QTest::newRow("long side") << QStringList { QStringLiteral("--long-side"), QStringLiteral("50") }
                                   << "long.jpg" << Size { 50, 25 };
        QTest::newRow("size") << QStringList { QStringLiteral("--size"), QStringLiteral("200x100") }
                              << "size.webp" << Size { 200, 100 };
        QTest::newRow("quality") << QStringList { QStringLiteral("--quality"), QStringLiteral("40") }
                                 << "q.jpeg" << Size { 100, 50 };
        QTest::newRow("tiff") << QStringList {} << "plain.tif" << Size { 100, 50 };
    }
    void crop_scales_whenAsked()
    {
        QFETCH(QStringList, options);
        QFETCH(QString, name);
        QFETCH(Size, size);
        const QString out = outPath(name);
        const CliRun run = runCli(QStringList { QStringLiteral("crop"), QStringLiteral("--rect"),
                                      QStringLiteral("0,0,100,50"), QStringLiteral("--out"), out }
            + options + QStringList { m_png });
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.err.isEmpty());
        QCOMPARE(decodeImage(out).fullSize, size);
    }

    void crop_neverOverwrites_withoutFlag()
    {
        const QString out
            = writeFixture(m_dir.filePath(QStringLiteral("out")), QStringLiteral("taken.png"), "precious");
        const QStringList args = { QStringLiteral("crop"), QStringLiteral("--rect"),
            QStringLiteral("0,0,10,10"), QStringLiteral("--out"), out, m_png };
        const CliRun refused = runCli(args);
        QCOMPARE(refused.exitCode, 1);
        QVERIFY(refused.out.isEmpty());
        QCOMPARE(QString::fromUtf8(refused.err),
            QStringLiteral("cropwise-cli: %1: already exists (use --overwrite to replace it)\n").arg(out));
        QCOMPARE(readFileBytes(out), QByteArray("precious"));

        const CliRun replaced = runCli(args + QStringList { QStringLiteral("--overwrite") });
        QCOMPARE(replaced.exitCode, 0);
        QCOMPARE(decodeImage(out).fullSize, (Size { 10, 10 }));
    }

    void crop_badInput_exits1_withOneLine_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("rect");
        QTest::addColumn<QString>("reason");
        const QByteArray jpeg = encodeWithOpenCv(noiseImage(128, 128), ".jpg");
        const QByteArray png = encodeWithOpenCv(noiseImage(128, 128), ".png");
        const QString rect = QStringLiteral("0,0,10,10");
        QTest::newRow("truncated jpeg") << "cut.jpg" << jpeg.first(jpeg.size() / 2) << rect
                                        << "truncated JPEG: the file ends before the image data is complete";
        QTest::newRow("truncated png") << "cut.png" << png.first(png.size() / 2) << rect
                                       << "truncated PNG: the file ends before the image data is complete";
        // Damaged LZW strip data: OpenCV itself prints two lines to std::cerr for this one.
        QByteArray tiff = encodeWithOpenCv(quadrantImage(64, 48, CV_16U, 3), ".tiff");
        tiff.replace(8, 32, QByteArray(32, '\xFF'));
        QTest::newRow("damaged tiff data")
            << "damaged.tiff" << tiff << rect
            << "cannot decode TIFF: the image data is damaged or uses an unsupported variant";
        QTest::newRow("zero bytes") << "empty.png" << QByteArray() << rect << "empty file";
        QTest::newRow("text") << "notes.png" << QByteArray("hello\n") << rect
                              << "not an image (unrecognised content)";
        QTest::newRow("gif") << "anim.gif" << tinyGif() << rect
                             << "GIF is not supported: convert it to JPEG, PNG, WebP or TIFF first";
        QTest::newRow("bomb") << "bomb.png" << pngHeaderOnly(100000, 100000) << rect
                              << "image is 100000 x 100000 (10000 MP), above the limit of 250 MP";
        QTest::newRow("missing") << "missing.png" << QByteArray("-") << rect << "file not found";
        QTest::newRow("rect outside")
            << "small.png" << encodeWithOpenCv(quadrantImage(32, 32), ".png") << QStringLiteral("20,20,13,10")
            << "the rectangle 20,20,13,10 does not lie inside the image (32 x 32)";
    }
    void crop_badInput_exits1_withOneLine()
    {
        QFETCH(QString, name);
        QFETCH(QByteArray, bytes);
        QFETCH(QString, rect);
        QFETCH(QString, reason);
        const QString image = bytes == "-" ? m_dir.filePath(name) : writeFixture(m_dir.path(), name, bytes);
        const QString out = outPath(QStringLiteral("never.png"));
        const CliRun run = runCli(
            { QStringLiteral("crop"), QStringLiteral("--rect"), rect, QStringLiteral("--out"), out, image });
        QVERIFY(run.finished);
        QCOMPARE(run.exitCode, 1);
        QVERIFY(run.out.isEmpty());
        // Exactly our one line: no libjpeg/libpng/OpenCV noise around it.
        QCOMPARE(QString::fromUtf8(run.err), QStringLiteral("cropwise-cli: %1: %2\n").arg(image, reason));
        QVERIFY(!QFileInfo::exists(out));
    }

    void crop_badUsage_exits2_andWritesNothing_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("reasonStart");
        const QString out = QStringLiteral("OUT/x.png");
        const QString image = QStringLiteral("IMAGE");
        QTest::newRow("no rect") << QStringList { QStringLiteral("--out"), out, image }
                                 << "--rect x,y,w,h is required";
        QTest::newRow("bad rect") << QStringList { QStringLiteral("--rect"), QStringLiteral("1,2,3"),
            QStringLiteral("--out"), out, image }
                                  << "invalid --rect '1,2,3'";
        QTest::newRow("zero-width rect") << QStringList { QStringLiteral("--rect"), QStringLiteral("1,2,0,4"),
            QStringLiteral("--out"), out, image }
                                         << "invalid --rect '1,2,0,4'";
        QTest::newRow("no out") << QStringList { QStringLiteral("--rect"), QStringLiteral("0,0,5,5"), image }
                                << "--out FILE is required";
        QTest::newRow("unknown suffix") << QStringList { QStringLiteral("--rect"), QStringLiteral("0,0,5,5"),
            QStringLiteral("--out"), QStringLiteral("OUT/x.gif"), image }
                                        << "cannot tell the output format from";
        QTest::newRow("bad quality") << QStringList { QStringLiteral("--rect"), QStringLiteral("0,0,5,5"),
            QStringLiteral("--quality"), QStringLiteral("101"), QStringLiteral("--out"), out, image }
                                     << "invalid --quality '101'";
        QTest::newRow("size and long side") << QStringList { QStringLiteral("--rect"),
            QStringLiteral("0,0,5,5"), QStringLiteral("--size"), QStringLiteral("10x10"),
            QStringLiteral("--long-side"), QStringLiteral("10"), QStringLiteral("--out"), out, image }
                                            << "give either --size or --long-side";
        QTest::newRow("size with other aspect")
            << QStringList { QStringLiteral("--rect"), QStringLiteral("0,0,100,50"), QStringLiteral("--size"),
                   QStringLiteral("100x100"), QStringLiteral("--out"), out, image }
            << "100 x 100 does not have the crop's aspect";
        QTest::newRow("two images") << QStringList { QStringLiteral("--rect"), QStringLiteral("0,0,5,5"),
            QStringLiteral("--out"), out, image, image }
                                    << "give exactly one image";
        QTest::newRow("no image") << QStringList { QStringLiteral("--rect"), QStringLiteral("0,0,5,5"),
            QStringLiteral("--out"), out }
                                  << "no image given";
    }
    void crop_badUsage_exits2_andWritesNothing()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, reasonStart);
        arguments.replaceInStrings(QStringLiteral("OUT"), m_dir.filePath(QStringLiteral("out")));
        arguments.replaceInStrings(QStringLiteral("IMAGE"), m_png);
        const QStringList before = folderSnapshot(m_dir.path());
        const CliRun run = runCli(QStringList { QStringLiteral("crop") } + arguments);
        QVERIFY(run.finished);
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.out.isEmpty());
        QCOMPARE(run.errLines().size(), 1);
        const QString prefix = QStringLiteral("cropwise-cli: crop: ") + reasonStart;
        QVERIFY2(QString::fromUtf8(run.err).startsWith(prefix), run.err.constData());
        QCOMPARE(folderSnapshot(m_dir.path()), before);
    }

    void crop_reportsUnwritableOutput()
    {
        const QString out = m_dir.filePath(QStringLiteral("no-such-folder/x.png"));
        const CliRun run = runCli({ QStringLiteral("crop"), QStringLiteral("--rect"),
            QStringLiteral("0,0,5,5"), QStringLiteral("--out"), out, m_png });
        QCOMPARE(run.exitCode, 1);
        QCOMPARE(
            QString::fromUtf8(run.err), QStringLiteral("cropwise-cli: %1: folder does not exist\n").arg(out));
    }
};

QTEST_GUILESS_MAIN(CropCommandTest)
#include "CropCommandTest.moc"
