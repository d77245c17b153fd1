#pragma once

// Test inputs and an independent metadata reader for the rendition/metadata tests (core and CLI).
// Header-only; needs exiv2 (writes the fixtures' metadata: not our code) and OpenCV imgcodecs.
// Not in tests/support because it needs exiv2, which not every test links.
//
// richJpeg(): a quadrant JPEG (tests/support/FixtureImages.h) carrying what a phone or Lightroom
// writes: EXIF orientation, camera, pixel dimensions, GPS, an EXIF thumbnail (IFD1), XMP with
// tiff:Orientation, pixel dimensions, GPS and Lightroom crs:Crop*, IPTC caption,
// a JPEG comment and an ICC profile.
// exiftoolRead(): `exiftool -j -G -n` (Debian libimage-exiftool-perl): an implementation
// independent of exiv2 and of our header parser.

#include "support/FixtureImages.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QStringList>
#include <QtEndian>

#include <exiv2/exiv2.hpp>
#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <vector>

namespace cropwise::test {

// A small valid ICC profile (display class, RGB, PCS XYZ, version 2.1) with a copyright text and
// a block of opaque data, readable by exiftool and libpng without complaints. (Debian's libpng
// calls an iCCP chunk under ~92 bytes "too short"; real profiles are kilobytes, so the data block
// keeps the compressed chunk above that.)
inline QByteArray testIccProfile()
{
    const QByteArray text("text\0\0\0\0Cropwise tests\0", 23);
    QByteArray data("data\0\0\0\0\0\0\0\x01", 12); // binary data type
    quint32 state = 12345;
    for (int i = 0; i < 256; ++i) {
        state = state * 1103515245u + 12345u;
        data.append(char(state >> 24));
    }
    const int textOffset = 128 + 4 + 2 * 12;
    const int dataOffset = textOffset + 24; // 4-byte aligned
    const int size = dataOffset + int(data.size());
    QByteArray icc(size, '\0');
    qToBigEndian<quint32>(quint32(size), icc.data());
    icc.replace(4, 4, "none");
    qToBigEndian<quint32>(0x02100000, icc.data() + 8);
    icc.replace(12, 4, "mntr");
    icc.replace(16, 4, "RGB ");
    icc.replace(20, 4, "XYZ ");
    icc.replace(36, 4, "acsp");
    // PCS illuminant D50 (s15Fixed16 X, Y, Z), which libpng insists on.
    qToBigEndian<quint32>(0x0000F6D6, icc.data() + 68);
    qToBigEndian<quint32>(0x00010000, icc.data() + 72);
    qToBigEndian<quint32>(0x0000D32D, icc.data() + 76);
    qToBigEndian<quint32>(2, icc.data() + 128); // tag count
    icc.replace(132, 4, "cprt");
    qToBigEndian<quint32>(quint32(textOffset), icc.data() + 136);
    qToBigEndian<quint32>(quint32(text.size()), icc.data() + 140);
    icc.replace(144, 4, "zzzz");
    qToBigEndian<quint32>(quint32(dataOffset), icc.data() + 148);
    qToBigEndian<quint32>(quint32(data.size()), icc.data() + 152);
    icc.replace(textOffset, text.size(), text);
    icc.replace(dataOffset, data.size(), data);
    return icc;
}

inline QByteArray exivBytes(Exiv2::Image &image)
{
    Exiv2::BasicIo &io = image.io();
    io.open();
    const long size = io.size();
    io.seek(0, Exiv2::BasicIo::beg);
    QByteArray bytes(size, Qt::Uninitialized);
    io.read(reinterpret_cast<Exiv2::byte *>(bytes.data()), size);
    io.close();
    return bytes;
}

// The stored pixels are quadrantImage(storedWidth, storedHeight); the displayed image is that
// turned by `orientation`. Empty on failure.
inline QByteArray richJpeg(int storedWidth, int storedHeight, int orientation = 6)
{
    const QByteArray jpeg = encodeWithOpenCv(
        quadrantImage(storedWidth, storedHeight), ".jpg", { cv::IMWRITE_JPEG_QUALITY, 95 });
    const QByteArray thumb = encodeWithOpenCv(quadrantImage(160, 120), ".jpg");
    try {
        Exiv2::XmpParser::initialize();
        auto image = Exiv2::ImageFactory::open(
            reinterpret_cast<const Exiv2::byte *>(jpeg.constData()), long(jpeg.size()));
        image->readMetadata();
        Exiv2::ExifData &exif = image->exifData();
        exif["Exif.Image.Make"] = "Cropwise Test";
        exif["Exif.Image.Model"] = "Fixture 1";
        exif["Exif.Image.Orientation"] = uint16_t(orientation);
        exif["Exif.Photo.PixelXDimension"] = uint32_t(storedWidth);
        exif["Exif.Photo.PixelYDimension"] = uint32_t(storedHeight);
        exif["Exif.Photo.DateTimeOriginal"] = "2024:05:01 10:20:30";
        exif["Exif.Photo.SubjectArea"] = "100 100 50 50";
        exif["Exif.GPSInfo.GPSVersionID"] = "2 3 0 0";
        exif["Exif.GPSInfo.GPSLatitudeRef"] = "N";
        exif["Exif.GPSInfo.GPSLatitude"] = "48/1 51/1 2957/100";
        exif["Exif.GPSInfo.GPSLongitudeRef"] = "E";
        exif["Exif.GPSInfo.GPSLongitude"] = "2/1 17/1 4000/100";
        Exiv2::ExifThumb(exif).setJpegThumbnail(
            reinterpret_cast<const Exiv2::byte *>(thumb.constData()), long(thumb.size()));
        Exiv2::XmpData &xmp = image->xmpData();
        xmp["Xmp.tiff.Orientation"] = std::to_string(orientation);
        xmp["Xmp.tiff.ImageWidth"] = std::to_string(storedWidth);
        xmp["Xmp.tiff.ImageLength"] = std::to_string(storedHeight);
        xmp["Xmp.exif.PixelXDimension"] = std::to_string(storedWidth);
        xmp["Xmp.exif.PixelYDimension"] = std::to_string(storedHeight);
        xmp["Xmp.exif.GPSLatitude"] = "48,51.4928N";
        xmp["Xmp.exif.GPSLongitude"] = "2,17.6667E";
        xmp["Xmp.crs.HasCrop"] = "True";
        xmp["Xmp.crs.CropTop"] = "0.1";
        xmp["Xmp.crs.CropLeft"] = "0.2";
        xmp["Xmp.crs.CropBottom"] = "0.9";
        xmp["Xmp.crs.CropRight"] = "0.8";
        xmp["Xmp.dc.title"] = "lang=\"x-default\" Quadrants";
        xmp["Xmp.photoshop.City"] = "Paris";
        Exiv2::IptcData &iptc = image->iptcData();
        iptc["Iptc.Application2.Caption"] = "Four flat colours";
        iptc["Iptc.Application2.Copyright"] = "Cropwise tests";
        image->setComment("fixture comment");
        const QByteArray icc = testIccProfile();
        Exiv2::DataBuf iccBuffer(reinterpret_cast<const Exiv2::byte *>(icc.constData()), long(icc.size()));
        image->setIccProfile(iccBuffer, true);
        image->writeMetadata();
        return exivBytes(*image);
    } catch (const Exiv2::AnyError &) {
        return {};
    }
}

// exiftool's reading of `files` (-j -G -n plus extraArgs), one object per file in the order given.
// Empty list when exiftool is missing or fails (the caller fails the test: exiftool is a test
// dependency listed in scripts/debian-packages.txt).
inline QList<QJsonObject> exiftoolRead(const QStringList &files, const QStringList &extraArgs = {})
{
    const QString exe = QStandardPaths::findExecutable(QStringLiteral("exiftool"));
    if (exe.isEmpty())
        return {};
    QProcess p;
    p.start(exe,
        QStringList { QStringLiteral("-j"), QStringLiteral("-G"), QStringLiteral("-n") } + extraArgs + files);
    if (!p.waitForFinished(60000))
        return {};
    const QJsonArray array = QJsonDocument::fromJson(p.readAllStandardOutput()).array();
    QList<QJsonObject> out;
    for (const QJsonValue &v : array)
        out << v.toObject();
    return out.size() == files.size() ? out : QList<QJsonObject>();
}

// Every key of an exiftool object whose name (after the group) contains `part`.
inline QStringList exiftoolKeysContaining(const QJsonObject &o, const QString &part)
{
    QStringList keys;
    for (auto it = o.begin(); it != o.end(); ++it) {
        if (it.key().section(QLatin1Char(':'), 1).contains(part, Qt::CaseInsensitive))
            keys << it.key();
    }
    return keys;
}

// The displayed image of richJpeg()'s pixels: quadrantImage turned like EXIF `orientation` (6 or 1).
inline cv::Mat displayedQuadrants(int storedWidth, int storedHeight, int orientation)
{
    cv::Mat stored = quadrantImage(storedWidth, storedHeight);
    if (orientation == 6) {
        cv::Mat turned;
        cv::rotate(stored, turned, cv::ROTATE_90_CLOCKWISE);
        return turned;
    }
    return stored;
}

} // namespace cropwise::test
