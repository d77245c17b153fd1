// The metadata policy (core/io/Metadata.h, docs/metadata.md) on every output format, checked with
// exiftool (an independent reader) and by decoding the results (OpenCV and our decoder, stderr
// quiet): what exiv2 0.27 writes into PNG, WebP and TIFF must stay readable by other tools.

#include "core/io/CropExport.h"
#include "core/io/ImageDecoder.h"
#include "core/io/ImageEncoder.h"
#include "core/io/Metadata.h"

#include "core/renditions/ExportFixtures.h"
#include "support/FixtureImages.h"
#include "support/StderrCapture.h"

#include <QTemporaryDir>
#include <QTest>

using namespace cropwise;
using namespace cropwise::test;

Q_DECLARE_METATYPE(cropwise::OutputFormat)
Q_DECLARE_METATYPE(cropwise::MetadataPolicy)

namespace {

constexpr Size kOut { 30, 40 };

struct Written
{
    QString path;
    QByteArray bytes;
    QStringList warnings;
};

// Encodes a kOut quadrant image as `format`, applies the policy with richJpeg()'s metadata and
// writes it into dir.
Written exportWithPolicy(
    const QString &dir, OutputFormat format, MetadataPolicy policy, const QByteArray &source)
{
    EncodeOptions encode;
    encode.format = format;
    encode.iccProfile = testIccProfile();
    const EncodeResult encoded = encodeImage(quadrantImage(kOut.width, kOut.height), encode);
    const SourceMetadata metadata = readSourceMetadata(source);
    const MetadataWriteResult result
        = writeExportMetadata(encoded.bytes, format, kOut, metadata, policy, testIccProfile());
    const QString name
        = QStringLiteral("out-%1-%2.%3")
              .arg(metadataPolicyName(policy), outputFormatName(format), outputFormatName(format));
    return { writeFixture(dir, name, result.bytes), result.bytes, result.warnings };
}

void addFormatRows()
{
    QTest::addColumn<OutputFormat>("format");
    QTest::newRow("jpeg") << OutputFormat::Jpeg;
    QTest::newRow("png") << OutputFormat::Png;
    QTest::newRow("webp") << OutputFormat::WebP;
    QTest::newRow("tiff") << OutputFormat::Tiff;
}

QJsonObject readOne(const QString &path, const QStringList &extra = {})
{
    const QList<QJsonObject> objects = exiftoolRead({ path }, extra);
    return objects.isEmpty() ? QJsonObject() : objects.first();
}

} // namespace

class MetadataPolicyTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY2(!QStandardPaths::findExecutable(QStringLiteral("exiftool")).isEmpty(),
            "exiftool is needed (Debian package libimage-exiftool-perl, see scripts/debian-packages.txt)");
        m_source = richJpeg(64, 48, 6);
        QVERIFY(!m_source.isEmpty());
        const SourceMetadata metadata = readSourceMetadata(m_source);
        QVERIFY(metadata.hasExif());
        QVERIFY(metadata.hasXmp());
        QVERIFY(metadata.hasIptc());
        // The fixture really carries what the policy must deal with (checked by exiftool, too).
        const QString path = writeFixture(m_dir.path(), QStringLiteral("source.jpg"), m_source);
        const QJsonObject source = readOne(path);
        QCOMPARE(source.value(QStringLiteral("EXIF:Orientation")).toInt(), 6);
        QVERIFY(source.contains(QStringLiteral("EXIF:ThumbnailImage"))
            || source.contains(QStringLiteral("EXIF:ThumbnailLength")));
        QVERIFY(source.contains(QStringLiteral("EXIF:GPSLatitude")));
        QVERIFY(source.contains(QStringLiteral("XMP:CropTop")));
    }

    void parseMetadataPolicy_acceptsTheThreeNames()
    {
        QCOMPARE(parseMetadataPolicy(QStringLiteral("keep")), MetadataPolicy::Keep);
        QCOMPARE(parseMetadataPolicy(QStringLiteral("Strip-GPS")), MetadataPolicy::StripGps);
        QCOMPARE(parseMetadataPolicy(QStringLiteral("strip")), MetadataPolicy::Strip);
        QCOMPARE(parseMetadataPolicy(QStringLiteral("none")), std::nullopt);
        for (MetadataPolicy p : { MetadataPolicy::Keep, MetadataPolicy::StripGps, MetadataPolicy::Strip })
            QCOMPARE(parseMetadataPolicy(metadataPolicyName(p)), p);
    }

    void keep_carriesMetadataWithOrientationSizesAndThumbnailFixed_data() { addFormatRows(); }
    void keep_carriesMetadataWithOrientationSizesAndThumbnailFixed()
    {
        QFETCH(OutputFormat, format);
        const Written out = exportWithPolicy(m_dir.path(), format, MetadataPolicy::Keep, m_source);
        QVERIFY(!out.path.isEmpty());
        QVERIFY2(out.warnings.isEmpty(), qPrintable(out.warnings.join(QLatin1String("; "))));
        const QJsonObject o = readOne(out.path);
        QVERIFY(!o.isEmpty());

        // Upright: the pixels are already turned.
        QCOMPARE(o.value(QStringLiteral("EXIF:Orientation")).toInt(), 1);
        QCOMPARE(o.value(QStringLiteral("XMP:Orientation")).toInt(), 1);
        // Sizes of the export, not of the source.
        if (format == OutputFormat::Tiff) {
            QVERIFY(!o.contains(QStringLiteral("EXIF:ExifImageWidth"))); // not a TIFF tag
        } else {
            QCOMPARE(o.value(QStringLiteral("EXIF:ExifImageWidth")).toInt(), kOut.width);
            QCOMPARE(o.value(QStringLiteral("EXIF:ExifImageHeight")).toInt(), kOut.height);
        }
        QCOMPARE(o.value(QStringLiteral("XMP:ImageWidth")).toInt(), kOut.width);
        QCOMPARE(o.value(QStringLiteral("XMP:ImageHeight")).toInt(), kOut.height);
        // No thumbnail of the uncropped photo, no stale Lightroom crop, no stale subject area.
        QCOMPARE(exiftoolKeysContaining(o, QStringLiteral("Thumbnail")), QStringList());
        QCOMPARE(exiftoolKeysContaining(o, QStringLiteral("Crop")), QStringList());
        QVERIFY(!o.contains(QStringLiteral("EXIF:SubjectArea")));
        // The rest is kept.
        QCOMPARE(o.value(QStringLiteral("EXIF:Make")).toString(), QStringLiteral("Cropwise Test"));
        QCOMPARE(o.value(QStringLiteral("EXIF:DateTimeOriginal")).toString(),
            QStringLiteral("2024:05:01 10:20:30"));
        QVERIFY(o.contains(QStringLiteral("EXIF:GPSLatitude")));
        QVERIFY(o.contains(QStringLiteral("XMP:GPSLatitude")));
        QCOMPARE(o.value(QStringLiteral("XMP:City")).toString(), QStringLiteral("Paris"));
        if (format == OutputFormat::WebP) // no IPTC block in WebP: its XMP form instead
            QCOMPARE(
                o.value(QStringLiteral("XMP:Description")).toString(), QStringLiteral("Four flat colours"));
        else
            QCOMPARE(o.value(QStringLiteral("IPTC:Caption-Abstract")).toString(),
                QStringLiteral("Four flat colours"));
        if (format == OutputFormat::Jpeg)
            QCOMPARE(o.value(QStringLiteral("File:Comment")).toString(), QStringLiteral("fixture comment"));
    }

    void everyPolicy_keepsTheColourProfile_data()
    {
        QTest::addColumn<OutputFormat>("format");
        QTest::addColumn<MetadataPolicy>("policy");
        for (MetadataPolicy p : { MetadataPolicy::Keep, MetadataPolicy::Strip }) {
            const QByteArray name = metadataPolicyName(p).toLatin1();
            QTest::newRow(("jpeg " + name).constData()) << OutputFormat::Jpeg << p;
            QTest::newRow(("png " + name).constData()) << OutputFormat::Png << p;
            QTest::newRow(("webp " + name).constData()) << OutputFormat::WebP << p;
            QTest::newRow(("tiff " + name).constData()) << OutputFormat::Tiff << p;
        }
    }
    void everyPolicy_keepsTheColourProfile()
    {
        QFETCH(OutputFormat, format);
        QFETCH(MetadataPolicy, policy);
        const Written out = exportWithPolicy(m_dir.path(), format, policy, m_source);
        const QJsonObject o = readOne(out.path, { QStringLiteral("-b"), QStringLiteral("-ICC_Profile") });
        const QString value = o.value(QStringLiteral("ICC_Profile:ICC_Profile")).toString();
        QVERIFY2(value.startsWith(QLatin1String("base64:")), qPrintable(QJsonDocument(o).toJson()));
        QCOMPARE(QByteArray::fromBase64(value.mid(7).toLatin1()), testIccProfile());
    }

    void outputs_decodeCleanly_data() { addFormatRows(); }
    void outputs_decodeCleanly()
    {
        QFETCH(OutputFormat, format);
        const Written out = exportWithPolicy(m_dir.path(), format, MetadataPolicy::Keep, m_source);
        StderrCapture capture;
        const cv::Mat viaOpenCv = cv::imdecode(std::vector<uchar>(out.bytes.begin(), out.bytes.end()),
            cv::IMREAD_COLOR); // applies EXIF orientation: must be 1 now
        const DecodedImage ours = decodeImageData(out.bytes);
        const QByteArray chatter = capture.finish();
        QCOMPARE(viaOpenCv.cols, kOut.width);
        QCOMPARE(viaOpenCv.rows, kOut.height);
        QVERIFY2(ours.ok(), qPrintable(ours.error));
        QCOMPARE(ours.fullSize, kOut);
        QCOMPARE(ours.orientation, 1);
        QCOMPARE(ours.iccProfile, testIccProfile());
        QVERIFY2(ours.warnings.isEmpty(), qPrintable(ours.warnings.join(QLatin1String("; "))));
        QVERIFY2(chatter.isEmpty(), chatter.constData());
        // The pixels survived the metadata rewrite: top-left red, bottom-right yellow.
        const cv::Vec3b topLeft = viaOpenCv.at<cv::Vec3b>(5, 5);
        const cv::Vec3b bottomRight = viaOpenCv.at<cv::Vec3b>(kOut.height - 5, kOut.width - 5);
        QVERIFY(topLeft[2] > 200 && topLeft[1] < 60 && topLeft[0] < 60);
        QVERIFY(bottomRight[2] > 200 && bottomRight[1] > 200 && bottomRight[0] < 60);
    }

    void stripGps_removesEveryCoordinateAndKeepsTheRest_data() { addFormatRows(); }
    void stripGps_removesEveryCoordinateAndKeepsTheRest()
    {
        QFETCH(OutputFormat, format);
        const Written out = exportWithPolicy(m_dir.path(), format, MetadataPolicy::StripGps, m_source);
        const QJsonObject o = readOne(out.path);
        QVERIFY(!o.isEmpty());
        QCOMPARE(exiftoolKeysContaining(o, QStringLiteral("GPS")), QStringList());
        QCOMPARE(o.value(QStringLiteral("EXIF:Make")).toString(), QStringLiteral("Cropwise Test"));
        QCOMPARE(o.value(QStringLiteral("EXIF:Orientation")).toInt(), 1);
        QCOMPARE(o.value(QStringLiteral("XMP:City")).toString(), QStringLiteral("Paris"));
    }

    void strip_leavesNoExifXmpOrIptc_data() { addFormatRows(); }
    void strip_leavesNoExifXmpOrIptc()
    {
        QFETCH(OutputFormat, format);
        const Written out = exportWithPolicy(m_dir.path(), format, MetadataPolicy::Strip, m_source);
        const QJsonObject o = readOne(out.path);
        QVERIFY(!o.isEmpty());
        for (auto it = o.begin(); it != o.end(); ++it) {
            const QString group = it.key().section(QLatin1Char(':'), 0, 0);
            QVERIFY2(group != QLatin1String("XMP") && group != QLatin1String("IPTC")
                    && group != QLatin1String("MakerNotes"),
                qPrintable(it.key()));
            // TIFF states its own structure in EXIF-style tags; nothing about the photo may remain.
            if (group == QLatin1String("EXIF"))
                QVERIFY2(format == OutputFormat::Tiff && !it.key().contains(QLatin1String("Make"))
                        && !it.key().contains(QLatin1String("GPS"))
                        && !it.key().contains(QLatin1String("Date")),
                    qPrintable(it.key()));
        }
        QVERIFY(!o.contains(QStringLiteral("File:Comment")));
    }

    // The single-crop export (cropwise-cli crop, the editor's export) applies the same policy.
    void exportCrop_appliesThePolicy()
    {
        const QString source = writeFixture(m_dir.path(), QStringLiteral("for-crop.jpg"), m_source);
        const DecodedImage decoded = decodeImage(source);
        QVERIFY2(decoded.ok(), qPrintable(decoded.error));
        QCOMPARE(decoded.fullSize, (Size { 48, 64 })); // EXIF 6 applied
        CropExportOptions options;
        options.encode.format = OutputFormat::WebP;
        options.metadata = readSourceMetadataFile(source);
        options.metadataPolicy = MetadataPolicy::StripGps;
        const QString out = m_dir.filePath(QStringLiteral("crop.webp"));
        QCOMPARE(exportCrop(decoded, { 0, 0, 32, 32 }, options, out), QString());
        const QJsonObject o = readOne(out);
        QCOMPARE(o.value(QStringLiteral("EXIF:Orientation")).toInt(), 1);
        QCOMPARE(o.value(QStringLiteral("EXIF:ExifImageWidth")).toInt(), 32);
        QCOMPARE(exiftoolKeysContaining(o, QStringLiteral("Thumbnail")), QStringList());
        QCOMPARE(exiftoolKeysContaining(o, QStringLiteral("GPS")), QStringList());
        QCOMPARE(o.value(QStringLiteral("EXIF:Make")).toString(), QStringLiteral("Cropwise Test"));
        // WebP gets the profile too (the encoder alone cannot embed one there).
        QCOMPARE(o.value(QStringLiteral("ICC_Profile:ProfileCopyright")).toString(),
            QStringLiteral("Cropwise tests"));
    }

    void readFromFile_equalsReadFromBytes()
    {
        const QString source = writeFixture(m_dir.path(), QStringLiteral("for-read.jpg"), m_source);
        const SourceMetadata fromFile = readSourceMetadataFile(source);
        QVERIFY(fromFile.hasExif() && fromFile.hasXmp() && fromFile.hasIptc());
        QVERIFY(fromFile.warnings().isEmpty());
        const EncodeResult encoded = encodeImage(quadrantImage(kOut.width, kOut.height), {});
        const MetadataWriteResult a
            = writeExportMetadata(encoded.bytes, OutputFormat::Jpeg, kOut, fromFile, MetadataPolicy::Keep);
        const MetadataWriteResult b = writeExportMetadata(
            encoded.bytes, OutputFormat::Jpeg, kOut, readSourceMetadata(m_source), MetadataPolicy::Keep);
        QCOMPARE(a.bytes, b.bytes);
        QVERIFY(readSourceMetadataFile(m_dir.filePath(QStringLiteral("missing.jpg"))).isEmpty());
    }

    void sourceWithoutMetadata_addsNothing()
    {
        const QByteArray plain = encodeWithOpenCv(quadrantImage(64, 48), ".jpg");
        const SourceMetadata metadata = readSourceMetadata(plain);
        QVERIFY(metadata.isEmpty());
        const EncodeResult encoded = encodeImage(quadrantImage(kOut.width, kOut.height), {});
        const MetadataWriteResult result
            = writeExportMetadata(encoded.bytes, OutputFormat::Jpeg, kOut, metadata, MetadataPolicy::Keep);
        QCOMPARE(result.bytes, encoded.bytes);
        QVERIFY(result.warnings.isEmpty());
    }

    void unreadableContainer_givesEmptyMetadataWithoutWarning()
    {
        const SourceMetadata metadata = readSourceMetadata(QByteArrayLiteral("not an image at all"));
        QVERIFY(metadata.isEmpty());
        QVERIFY(metadata.warnings().isEmpty());
    }

private:
    QTemporaryDir m_dir;
    QByteArray m_source;
};

QTEST_GUILESS_MAIN(MetadataPolicyTest)
#include "MetadataPolicyTest.moc"
