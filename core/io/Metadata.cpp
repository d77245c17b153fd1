#include "core/io/Metadata.h"

#include <QFile>
#include <QtEndian>

#include <exiv2/exiv2.hpp>

#include <functional>
#include <mutex>
#include <string>

namespace cropwise {

struct SourceMetadata::Data
{
    Exiv2::ExifData exif;
    Exiv2::XmpData xmp;
    Exiv2::IptcData iptc;
    std::string comment; // JPEG COM segment
    QStringList warnings;
};

namespace {

// exiv2 reports recoverable problems through a global log handler (to stderr by default). We route
// them to whichever call is running on this thread, so they become warnings of that image.
thread_local QStringList *t_exivMessages = nullptr;

void collectExivMessage(int level, const char *message)
{
    if (!t_exivMessages || level < Exiv2::LogMsg::warn || !message)
        return;
    t_exivMessages->append(QString::fromUtf8(message).trimmed());
}

std::mutex g_xmpToolkitMutex;

void lockXmpToolkit(void *, bool lock)
{
    if (lock)
        g_xmpToolkitMutex.lock();
    else
        g_xmpToolkitMutex.unlock();
}

// The XMP toolkit inside exiv2 0.27 is not thread-safe unless initialised with a lock function,
// once, before any thread uses it.
void ensureExiv2Ready()
{
    static std::once_flag once;
    std::call_once(once, [] {
        Exiv2::XmpParser::initialize(&lockXmpToolkit, nullptr);
        Exiv2::LogMsg::setLevel(Exiv2::LogMsg::warn);
        Exiv2::LogMsg::setHandler(&collectExivMessage);
    });
}

class MessageCollector
{
public:
    explicit MessageCollector(QStringList *into)
        : m_previous(t_exivMessages)
    {
        t_exivMessages = into;
    }
    ~MessageCollector() { t_exivMessages = m_previous; }
    MessageCollector(const MessageCollector &) = delete;
    MessageCollector &operator=(const MessageCollector &) = delete;

private:
    QStringList *m_previous;
};

QString exivReason(const Exiv2::AnyError &e)
{
    return QString::fromUtf8(e.what()).trimmed();
}

QByteArray ioBytes(Exiv2::Image &image)
{
    Exiv2::BasicIo &io = image.io();
    if (io.open() != 0)
        return {};
    const long size = io.size();
    io.seek(0, Exiv2::BasicIo::beg);
    QByteArray bytes(size, Qt::Uninitialized);
    const long read = io.read(reinterpret_cast<Exiv2::byte *>(bytes.data()), size);
    io.close();
    return read == size ? bytes : QByteArray();
}

// --- EXIF --------------------------------------------------------------------------------------

// IFD0 tags that describe how the source file stores its pixels (or embed other blocks): they are
// the encoder's business in the new file, never copied.
bool isStorageTag(uint16_t tag)
{
    switch (tag) {
    case 0x00fe: // NewSubfileType
    case 0x00ff: // SubfileType
    case 0x0100: // ImageWidth
    case 0x0101: // ImageLength
    case 0x0102: // BitsPerSample
    case 0x0103: // Compression
    case 0x0106: // PhotometricInterpretation
    case 0x0107: // Thresholding
    case 0x010a: // FillOrder
    case 0x0111: // StripOffsets
    case 0x0115: // SamplesPerPixel
    case 0x0116: // RowsPerStrip
    case 0x0117: // StripByteCounts
    case 0x011c: // PlanarConfiguration
    case 0x013d: // Predictor
    case 0x0142: // TileWidth
    case 0x0143: // TileLength
    case 0x0144: // TileOffsets
    case 0x0145: // TileByteCounts
    case 0x014a: // SubIFDs
    case 0x0152: // ExtraSamples
    case 0x0153: // SampleFormat
    case 0x0201: // JPEGInterchangeFormat
    case 0x0202: // JPEGInterchangeFormatLength
    case 0x0212: // YCbCrSubSampling
    case 0x02bc: // XMLPacket (XMP is written from the XMP data)
    case 0x83bb: // IPTCNAA (IPTC is written from the IPTC data)
    case 0x8649: // ImageResources (Photoshop resources may hold a thumbnail)
    case 0x8773: // InterColorProfile (the ICC profile is handled on its own)
    case 0x935c: // ImageSourceData (Photoshop layers)
        return true;
    default:
        return false;
    }
}

bool startsWith(const std::string &s, const char *prefix)
{
    return s.rfind(prefix, 0) == 0;
}

bool containsNoCase(const std::string &s, const char *part)
{
    return QString::fromStdString(s).contains(QLatin1String(part), Qt::CaseInsensitive);
}

bool dropExifDatum(const Exiv2::Exifdatum &d, MetadataPolicy policy)
{
    const std::string group = d.groupName();
    const std::string key = d.key();
    // Other images of the file: IFD1 thumbnail, sub-images, further pages.
    if (group == "Thumbnail" || startsWith(group, "SubImage") || startsWith(group, "SubThumb")
        || (startsWith(group, "Image") && group != "Image"))
        return true;
    if (group == "Image" && isStorageTag(d.tag()))
        return true;
    // Coordinates in the uncropped frame.
    if (key == "Exif.Photo.SubjectArea" || key == "Exif.Photo.SubjectLocation"
        || key == "Exif.Image.SubjectLocation")
        return true;
    // Preview images inside maker notes (Nikon PreviewIFD, Olympus/Pentax/Minolta/Sony preview and
    // thumbnail offsets...): the uncropped picture again.
    if (group != "Image" && group != "Photo" && group != "GPSInfo" && group != "Iop"
        && (containsNoCase(key, "Preview") || containsNoCase(key, "Thumbnail")))
        return true;
    if (policy == MetadataPolicy::StripGps && group == "GPSInfo")
        return true;
    return false;
}

Exiv2::ExifData exportExif(
    const Exiv2::ExifData &source, MetadataPolicy policy, OutputFormat format, Size size)
{
    Exiv2::ExifData exif = source;
    Exiv2::ExifThumb(exif).erase();
    for (auto it = exif.begin(); it != exif.end();) {
        if (dropExifDatum(*it, policy))
            it = exif.erase(it);
        else
            ++it;
    }
    if (policy == MetadataPolicy::StripGps) {
        auto pointer = exif.findKey(Exiv2::ExifKey("Exif.Image.GPSTag"));
        if (pointer != exif.end())
            exif.erase(pointer);
    }
    if (exif.empty())
        return exif;
    // The pixels are already turned upright: any other value would turn them again.
    exif["Exif.Image.Orientation"] = uint16_t(1);
    const char *pixelX = "Exif.Photo.PixelXDimension";
    const char *pixelY = "Exif.Photo.PixelYDimension";
    if (format == OutputFormat::Tiff) {
        // TIFF states its size in ImageWidth/ImageLength (the encoder's); these are JPEG-only tags.
        for (const char *k : { pixelX, pixelY }) {
            auto it = exif.findKey(Exiv2::ExifKey(k));
            if (it != exif.end())
                exif.erase(it);
        }
    } else {
        exif[pixelX] = uint32_t(size.width);
        exif[pixelY] = uint32_t(size.height);
    }
    return exif;
}

// --- XMP ---------------------------------------------------------------------------------------

bool dropXmpDatum(const std::string &key, MetadataPolicy policy)
{
    // Embedded thumbnails (xmpGImg) of the uncropped picture.
    if (startsWith(key, "Xmp.xmp.Thumbnails"))
        return true;
    // Lightroom / Camera Raw: a crop of the original frame that ACR would apply again to the
    // export, and local corrections positioned in the original frame.
    if (startsWith(key, "Xmp.crs.Crop") || startsWith(key, "Xmp.crs.HasCrop"))
        return true;
    if (startsWith(key, "Xmp.crs.")
        && (containsNoCase(key, "Corrections") || containsNoCase(key, "Retouch")
            || containsNoCase(key, "RedEye")))
        return true;
    // Regions and subject positions in the original frame (MWG and Microsoft face regions).
    if (startsWith(key, "Xmp.mwg-rs.") || startsWith(key, "Xmp.MP.RegionInfo")
        || startsWith(key, "Xmp.exif.SubjectArea") || startsWith(key, "Xmp.exif.SubjectLocation"))
        return true;
    // How the source file stored its pixels.
    for (const char *k : { "Xmp.tiff.BitsPerSample", "Xmp.tiff.Compression",
             "Xmp.tiff.PhotometricInterpretation", "Xmp.tiff.SamplesPerPixel", "Xmp.tiff.PlanarConfiguration",
             "Xmp.tiff.YCbCrSubSampling", "Xmp.tiff.YCbCrPositioning" }) {
        if (startsWith(key, k))
            return true;
    }
    if (policy == MetadataPolicy::StripGps && key.find("GPS") != std::string::npos)
        return true;
    return false;
}

Exiv2::XmpData exportXmp(const Exiv2::XmpData &source, MetadataPolicy policy, Size size)
{
    Exiv2::XmpData xmp = source;
    for (auto it = xmp.begin(); it != xmp.end();) {
        if (dropXmpDatum(it->key(), policy))
            it = xmp.erase(it);
        else
            ++it;
    }
    // Updated where present (not added: the EXIF copy is the primary record).
    const auto update = [&xmp](const char *key, const std::string &value) {
        auto it = xmp.findKey(Exiv2::XmpKey(key));
        if (it != xmp.end())
            it->setValue(value);
    };
    update("Xmp.tiff.Orientation", "1");
    update("Xmp.tiff.ImageWidth", std::to_string(size.width));
    update("Xmp.tiff.ImageLength", std::to_string(size.height));
    update("Xmp.exif.PixelXDimension", std::to_string(size.width));
    update("Xmp.exif.PixelYDimension", std::to_string(size.height));
    return xmp;
}

// --- WebP ICC ----------------------------------------------------------------------------------

struct RiffChunk
{
    QByteArray fourcc;
    qsizetype offset = 0; // of the chunk header in the file
    qsizetype payloadSize = 0;
    qsizetype totalSize() const { return 8 + payloadSize + (payloadSize & 1); }
};

// exiv2 0.27 writes an ICC profile into a WebP only when the file already uses the extended
// layout (VP8X); OpenCV writes the simple one. So we add VP8X + ICCP ourselves (RIFF is simple).
// Returns the file unchanged when it already has a profile; an empty array when it is not a WebP
// we understand.
QByteArray withWebPIcc(const QByteArray &webp, QByteArrayView icc)
{
    if (webp.size() < 12 || !webp.startsWith("RIFF") || webp.mid(8, 4) != "WEBP")
        return {};
    QList<RiffChunk> chunks;
    for (qsizetype pos = 12; pos + 8 <= webp.size();) {
        RiffChunk c;
        c.fourcc = webp.mid(pos, 4);
        c.offset = pos;
        c.payloadSize = qFromLittleEndian<quint32>(webp.constData() + pos + 4);
        if (pos + 8 + c.payloadSize > webp.size())
            return {};
        chunks.append(c);
        pos += c.totalSize();
    }
    if (chunks.isEmpty())
        return {};
    for (const RiffChunk &c : chunks) {
        if (c.fourcc == "ICCP")
            return webp;
    }
    QByteArray iccChunk("ICCP");
    iccChunk.append(4, '\0');
    qToLittleEndian<quint32>(quint32(icc.size()), iccChunk.data() + 4);
    iccChunk.append(icc.data(), icc.size());
    if (icc.size() & 1)
        iccChunk.append('\0');

    QByteArray body;
    const RiffChunk &first = chunks.first();
    const char *payload = webp.constData() + first.offset + 8;
    if (first.fourcc == "VP8X" && first.payloadSize >= 10) {
        QByteArray vp8x = webp.mid(first.offset, first.totalSize());
        vp8x[8] = char(uchar(vp8x[8]) | 0x20); // ICC flag
        body = vp8x + iccChunk + webp.mid(first.offset + first.totalSize());
    } else {
        quint32 width = 0;
        quint32 height = 0;
        bool alpha = false;
        if (first.fourcc == "VP8L" && first.payloadSize >= 5 && uchar(payload[0]) == 0x2f) {
            const quint32 bits = qFromLittleEndian<quint32>(payload + 1);
            width = (bits & 0x3fff) + 1;
            height = ((bits >> 14) & 0x3fff) + 1;
            alpha = (bits >> 28) & 1;
        } else if (first.fourcc == "VP8 " && first.payloadSize >= 10 && uchar(payload[3]) == 0x9d
            && uchar(payload[4]) == 0x01 && uchar(payload[5]) == 0x2a) {
            width = qFromLittleEndian<quint16>(payload + 6) & 0x3fff;
            height = qFromLittleEndian<quint16>(payload + 8) & 0x3fff;
        } else {
            return {};
        }
        if (width == 0 || height == 0)
            return {};
        QByteArray vp8x("VP8X");
        vp8x.append(4, '\0');
        qToLittleEndian<quint32>(10, vp8x.data() + 4);
        QByteArray fields(10, '\0');
        fields[0] = char(0x20 | (alpha ? 0x10 : 0));
        for (int i = 0; i < 3; ++i) {
            fields[4 + i] = char(((width - 1) >> (8 * i)) & 0xff);
            fields[7 + i] = char(((height - 1) >> (8 * i)) & 0xff);
        }
        body = vp8x + fields + iccChunk + webp.mid(first.offset);
    }
    QByteArray out("RIFF");
    out.append(4, '\0');
    qToLittleEndian<quint32>(quint32(4 + body.size()), out.data() + 4);
    out.append("WEBP").append(body);
    return out;
}

} // namespace

struct MetadataWriter
{
    static const SourceMetadata::Data *data(const SourceMetadata &m) { return m.m_data.get(); }
    static void set(SourceMetadata &m, std::shared_ptr<const SourceMetadata::Data> d)
    {
        m.m_data = std::move(d);
    }
};

std::optional<MetadataPolicy> parseMetadataPolicy(const QString &text)
{
    const QString t = text.trimmed().toLower();
    if (t == QLatin1String("keep"))
        return MetadataPolicy::Keep;
    if (t == QLatin1String("strip-gps"))
        return MetadataPolicy::StripGps;
    if (t == QLatin1String("strip"))
        return MetadataPolicy::Strip;
    return std::nullopt;
}

QString metadataPolicyName(MetadataPolicy policy)
{
    switch (policy) {
    case MetadataPolicy::Keep:
        return QStringLiteral("keep");
    case MetadataPolicy::StripGps:
        return QStringLiteral("strip-gps");
    case MetadataPolicy::Strip:
        return QStringLiteral("strip");
    }
    return {};
}

SourceMetadata::SourceMetadata() = default;
SourceMetadata::~SourceMetadata() = default;
SourceMetadata::SourceMetadata(const SourceMetadata &) = default;
SourceMetadata &SourceMetadata::operator=(const SourceMetadata &) = default;

bool SourceMetadata::isEmpty() const
{
    return !m_data
        || (m_data->exif.empty() && m_data->xmp.empty() && m_data->iptc.empty() && m_data->comment.empty());
}

QStringList SourceMetadata::warnings() const
{
    return m_data ? m_data->warnings : QStringList();
}

bool SourceMetadata::hasExif() const
{
    return m_data && !m_data->exif.empty();
}

bool SourceMetadata::hasXmp() const
{
    return m_data && !m_data->xmp.empty();
}

bool SourceMetadata::hasIptc() const
{
    return m_data && !m_data->iptc.empty();
}

namespace {

// Reads everything exiv2 finds in `image` (opened on memory or a file) into a SourceMetadata.
SourceMetadata readFrom(const std::function<Exiv2::Image::AutoPtr()> &open)
{
    SourceMetadata result;
    ensureExiv2Ready();
    auto data = std::make_shared<SourceMetadata::Data>();
    MessageCollector collect(&data->warnings);
    try {
        auto image = open();
        if (image.get() == nullptr)
            return result; // not a container exiv2 knows: no metadata, nothing to warn about
        image->readMetadata();
        data->exif = image->exifData();
        data->xmp = image->xmpData();
        data->iptc = image->iptcData();
        if (image->checkMode(Exiv2::mdComment) & Exiv2::amRead)
            data->comment = image->comment();
    } catch (const Exiv2::AnyError &e) {
        data->warnings
            << QStringLiteral("the metadata cannot be read (%1); the export has none").arg(exivReason(e));
        data->exif.clear();
        data->xmp.clear();
        data->iptc.clear();
        data->comment.clear();
    }
    MetadataWriter::set(result, data);
    return result;
}

} // namespace

SourceMetadata readSourceMetadata(QByteArrayView fileBytes)
{
    const auto *bytes = reinterpret_cast<const Exiv2::byte *>(fileBytes.data());
    const long size = long(fileBytes.size());
    return readFrom([bytes, size]() -> Exiv2::Image::AutoPtr {
        // Not a container exiv2 knows (BMP, garbage, too short to tell): no metadata, and nothing
        // to warn about here (the decoder says what is wrong with the file).
        try {
            if (size <= 0 || Exiv2::ImageFactory::getType(bytes, size) == Exiv2::ImageType::none)
                return {};
        } catch (const Exiv2::AnyError &) {
            return {};
        }
        // MemIo over the caller's bytes: nothing is copied until a write, and we never write here.
        return Exiv2::ImageFactory::open(bytes, size);
    });
}

SourceMetadata readSourceMetadataFile(const QString &path)
{
    const std::string name = QFile::encodeName(path).toStdString();
    return readFrom([name]() -> Exiv2::Image::AutoPtr {
        try {
            if (Exiv2::ImageFactory::getType(name) == Exiv2::ImageType::none)
                return {};
        } catch (const Exiv2::AnyError &) {
            return {}; // unreadable: the decoder reports it
        }
        return Exiv2::ImageFactory::open(name, false);
    });
}

MetadataWriteResult writeExportMetadata(const QByteArray &encoded, OutputFormat format, Size outputSize,
    const SourceMetadata &source, MetadataPolicy policy, QByteArrayView iccProfile)
{
    MetadataWriteResult result;
    result.bytes = encoded;
    ensureExiv2Ready();

    QByteArray input = encoded;
    if (format == OutputFormat::WebP && !iccProfile.isEmpty()) {
        const QByteArray withIcc = withWebPIcc(encoded, iccProfile);
        if (withIcc.isEmpty())
            result.warnings << QStringLiteral("the colour profile could not be added to the WebP file");
        else
            input = withIcc;
    }
    const SourceMetadata::Data *data = MetadataWriter::data(source);
    const bool copyMetadata = policy != MetadataPolicy::Strip && data && !source.isEmpty();
    const bool tiffIcc = format == OutputFormat::Tiff && !iccProfile.isEmpty();
    if (!copyMetadata && !tiffIcc) {
        result.bytes = input;
        return result;
    }

    QStringList messages;
    MessageCollector collect(&messages);
    try {
        auto image = Exiv2::ImageFactory::open(
            reinterpret_cast<const Exiv2::byte *>(input.constData()), long(input.size()));
        image->readMetadata(); // the encoder's own: ICC (JPEG, PNG, WebP), TIFF's storage tags
        if (tiffIcc) {
            Exiv2::DataBuf icc(
                reinterpret_cast<const Exiv2::byte *>(iccProfile.data()), long(iccProfile.size()));
            image->setIccProfile(icc, false);
        }
        if (copyMetadata) {
            // The target's own EXIF (TIFF storage tags) stays; the source's fills in the rest.
            Exiv2::ExifData &exif = image->exifData();
            const Exiv2::ExifData copied = exportExif(data->exif, policy, format, outputSize);
            for (const Exiv2::Exifdatum &d : copied) {
                auto existing = exif.findKey(Exiv2::ExifKey(d.key()));
                if (existing != exif.end())
                    exif.erase(existing);
                exif.add(d);
            }
            Exiv2::XmpData xmp = exportXmp(data->xmp, policy, outputSize);
            if (format == OutputFormat::WebP) {
                // WebP has no IPTC block: carry its values in their standard XMP form instead,
                // without overriding XMP the source already has.
                if (!data->iptc.empty()) {
                    Exiv2::XmpData fromIptc;
                    Exiv2::copyIptcToXmp(data->iptc, fromIptc);
                    for (const Exiv2::Xmpdatum &d : fromIptc) {
                        if (xmp.findKey(Exiv2::XmpKey(d.key())) == xmp.end())
                            xmp.add(d);
                    }
                }
            } else {
                image->setIptcData(data->iptc);
            }
            image->setXmpData(xmp);
            if (format == OutputFormat::Jpeg && !data->comment.empty())
                image->setComment(data->comment);
        }
        image->writeMetadata();
        QByteArray written = ioBytes(*image);
        if (written.isEmpty())
            throw Exiv2::Error(Exiv2::kerFailedToReadImageData);

        // No preview of the uncropped picture may survive (maker notes we did not recognise can
        // hold one): check with exiv2's own preview finder and drop the maker note if needed.
        auto check = Exiv2::ImageFactory::open(
            reinterpret_cast<const Exiv2::byte *>(written.constData()), long(written.size()));
        check->readMetadata();
        if (!Exiv2::PreviewManager(*check).getPreviewProperties().empty()) {
            Exiv2::ExifData &exif = check->exifData();
            for (auto it = exif.begin(); it != exif.end();) {
                const std::string group = it->groupName();
                if (group != "Image" && group != "Photo" && group != "GPSInfo" && group != "Iop")
                    it = exif.erase(it);
                else if (it->key() == "Exif.Photo.MakerNote")
                    it = exif.erase(it);
                else
                    ++it;
            }
            check->writeMetadata();
            written = ioBytes(*check);
            if (written.isEmpty())
                throw Exiv2::Error(Exiv2::kerFailedToReadImageData);
            result.warnings << QStringLiteral(
                "the camera maker note was dropped: it holds a preview of the uncropped photo");
        }
        result.bytes = written;
    } catch (const Exiv2::AnyError &e) {
        result.bytes = input;
        result.warnings << QStringLiteral("metadata not written (%1); the file has none").arg(exivReason(e));
    }
    for (const QString &m : std::as_const(messages))
        result.warnings << QStringLiteral("metadata: %1").arg(m);
    return result;
}

} // namespace cropwise
