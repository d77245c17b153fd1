#include "core/io/ImageHeader.h"

#include <QFileInfo>
#include <QtEndian>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <optional>

namespace cropwise::detail {

QByteArrayView MemorySource::read(qint64 offset, qint64 length)
{
    if (offset < 0 || length <= 0 || offset >= m_data.size())
        return {};
    return m_data.sliced(offset, qMin(length, m_data.size() - offset));
}

QByteArrayView FileSource::read(qint64 offset, qint64 length)
{
    if (offset < 0 || length <= 0 || offset >= m_size || !m_file.seek(offset))
        return {};
    m_buffer = m_file.read(qMin(length, m_size - offset));
    return m_buffer;
}

QString openForReading(QFile &file)
{
    const QFileInfo info(file.fileName());
    if (!info.exists())
        return info.isSymLink() ? QStringLiteral("broken symbolic link") : QStringLiteral("file not found");
    if (info.isDir())
        return QStringLiteral("is a folder, not an image file");
    if (!info.isFile())
        return QStringLiteral("not a regular file");
    errno = 0;
    if (!file.open(QIODevice::ReadOnly | QIODevice::Unbuffered)) {
        const int code = errno;
        if (file.error() == QFileDevice::PermissionsError || code == EACCES || code == EPERM)
            return QStringLiteral("cannot read: permission denied");
        return QStringLiteral("cannot read: %1").arg(file.errorString());
    }
    if (file.size() == 0)
        return QStringLiteral("empty file");
    return {};
}

namespace {

constexpr std::array<quint32, 256> makeCrcTable()
{
    std::array<quint32, 256> table {};
    for (quint32 n = 0; n < 256; ++n) {
        quint32 c = n;
        for (int k = 0; k < 8; ++k)
            c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        table[n] = c;
    }
    return table;
}

} // namespace

quint32 crc32(QByteArrayView data)
{
    static constexpr std::array<quint32, 256> table = makeCrcTable();
    quint32 c = 0xFFFFFFFFu;
    for (const char ch : data)
        c = table[(c ^ uchar(ch)) & 0xFF] ^ (c >> 8);
    return c ^ 0xFFFFFFFFu;
}

namespace {

// ---- byte helpers -----------------------------------------------------------------------------

quint16 be16(QByteArrayView d, qsizetype at)
{
    return qFromBigEndian<quint16>(d.data() + at);
}
quint32 be32(QByteArrayView d, qsizetype at)
{
    return qFromBigEndian<quint32>(d.data() + at);
}
quint16 le16(QByteArrayView d, qsizetype at)
{
    return qFromLittleEndian<quint16>(d.data() + at);
}
quint32 le32(QByteArrayView d, qsizetype at)
{
    return qFromLittleEndian<quint32>(d.data() + at);
}
quint32 le24(QByteArrayView d, qsizetype at)
{
    const auto *p = reinterpret_cast<const uchar *>(d.data()) + at;
    return quint32(p[0]) | quint32(p[1]) << 8 | quint32(p[2]) << 16;
}
uchar byteAt(QByteArrayView d, qsizetype at)
{
    return uchar(d[at]);
}

QString truncatedError(const char *format)
{
    return QStringLiteral("truncated %1: the file ends before the image data is complete")
        .arg(QLatin1String(format));
}

// zlib stream -> bytes, for metadata only (PNG iCCP and zTXt). The compressed input is capped so a
// crafted metadata chunk cannot inflate into gigabytes; real ICC/EXIF blocks are far below it.
std::optional<QByteArray> inflateMetadata(QByteArrayView zlibStream)
{
    constexpr qsizetype kMaxCompressed = 512 * 1024;
    if (zlibStream.isEmpty() || zlibStream.size() > kMaxCompressed)
        return std::nullopt;
    // qUncompress wants a 4-byte big-endian size hint in front; it grows its buffer when too small.
    QByteArray framed(4, '\0');
    qToBigEndian<quint32>(quint32(zlibStream.size() * 4), framed.data());
    framed.append(zlibStream.data(), zlibStream.size());
    QByteArray out = qUncompress(framed);
    if (out.isEmpty())
        return std::nullopt;
    return out;
}

// ---- TIFF structure (TIFF files and EXIF blocks) ------------------------------------------------

struct TiffEntry
{
    quint16 tag = 0;
    quint16 type = 0;
    quint64 count = 0;
    qint64 valuePos = 0; // absolute position of the value (inline or at its offset)
};

int tiffTypeSize(quint16 type)
{
    switch (type) {
    case 1:
    case 2:
    case 6:
    case 7:
        return 1; // BYTE ASCII SBYTE UNDEFINED
    case 3:
    case 8:
        return 2; // SHORT SSHORT
    case 4:
    case 9:
    case 11:
    case 13:
        return 4; // LONG SLONG FLOAT IFD
    case 5:
    case 10:
    case 12:
    case 16:
    case 17:
    case 18:
        return 8; // RATIONAL.. DOUBLE LONG8 IFD8
    default:
        return 0;
    }
}

class TiffReader
{
public:
    // `base` is where the TIFF header starts inside `source` (0 for a file; after "Exif\0\0" in JPEG).
    TiffReader(ByteSource &source, qint64 base)
        : m_source(source)
        , m_base(base)
    {
    }

    bool readHeader()
    {
        const QByteArrayView h = m_source.read(m_base, 16);
        if (h.size() < 8)
            return false;
        if (h.startsWith("II"))
            m_littleEndian = true;
        else if (h.startsWith("MM"))
            m_littleEndian = false;
        else
            return false;
        const quint16 magic = u16(h, 2);
        if (magic == 42) {
            m_firstIfd = u32(h, 4);
            return true;
        }
        if (magic == 43 && h.size() >= 16 && u16(h, 4) == 8) { // BigTIFF
            m_big = true;
            m_firstIfd = u64(h, 8);
            return true;
        }
        return false;
    }

    // The entries of the first IFD; empty when unreadable.
    QList<TiffEntry> firstIfd()
    {
        QList<TiffEntry> entries;
        const qint64 ifdPos = m_base + qint64(m_firstIfd);
        if (m_firstIfd < 8 || ifdPos >= m_source.size())
            return entries;
        const QByteArrayView countBytes = m_source.read(ifdPos, m_big ? 8 : 2);
        if (countBytes.size() < (m_big ? 8 : 2))
            return entries;
        const quint64 count = m_big ? u64(countBytes, 0) : u16(countBytes, 0);
        const int entrySize = m_big ? 20 : 12;
        const qint64 first = ifdPos + (m_big ? 8 : 2);
        const quint64 available = quint64(qMax<qint64>(0, m_source.size() - first)) / entrySize;
        const quint64 n = qMin<quint64>(qMin<quint64>(count, available), 4096);
        const QByteArrayView block = m_source.read(first, qint64(n) * entrySize);
        if (block.size() < qint64(n) * entrySize)
            return entries;
        const QByteArray copy = block.toByteArray(); // later reads invalidate `block`
        for (quint64 i = 0; i < n; ++i) {
            const qsizetype at = qsizetype(i) * entrySize;
            TiffEntry e;
            e.tag = u16(copy, at);
            e.type = u16(copy, at + 2);
            e.count = m_big ? u64(copy, at + 4) : u32(copy, at + 4);
            const int inlineBytes = m_big ? 8 : 4;
            const qint64 valueField = first + at + (m_big ? 12 : 8);
            const int typeSize = tiffTypeSize(e.type);
            if (typeSize == 0)
                continue;
            if (e.count * quint64(typeSize) <= quint64(inlineBytes))
                e.valuePos = valueField;
            else
                e.valuePos = m_base + qint64(m_big ? u64(copy, at + 12) : u32(copy, at + 8));
            entries.append(e);
        }
        return entries;
    }

    // Element `index` of an integer entry (BYTE, SHORT, LONG, LONG8); nullopt when unreadable.
    std::optional<quint64> integer(const TiffEntry &e, quint64 index = 0)
    {
        const int size = tiffTypeSize(e.type);
        if (index >= e.count || !(e.type == 1 || e.type == 3 || e.type == 4 || e.type == 16 || e.type == 13))
            return std::nullopt;
        const QByteArrayView v = m_source.read(e.valuePos + qint64(index) * size, size);
        if (v.size() < size)
            return std::nullopt;
        switch (size) {
        case 1:
            return uchar(v[0]);
        case 2:
            return u16(v, 0);
        case 4:
            return u32(v, 0);
        default:
            return u64(v, 0);
        }
    }

    // All elements of an integer array entry, read in one go; nullopt when unreadable.
    std::optional<QList<quint64>> integers(const TiffEntry &e, quint64 maxCount)
    {
        const int size = tiffTypeSize(e.type);
        if (e.count > maxCount || !(e.type == 3 || e.type == 4 || e.type == 16))
            return std::nullopt;
        const qint64 bytes = qint64(e.count) * size;
        const QByteArrayView v = m_source.read(e.valuePos, bytes);
        if (v.size() < bytes)
            return std::nullopt;
        QList<quint64> values;
        values.reserve(qsizetype(e.count));
        for (qint64 i = 0; i < qint64(e.count); ++i)
            values.append(size == 2 ? u16(v, i * 2) : size == 4 ? u32(v, i * 4) : u64(v, i * 8));
        return values;
    }

    bool isLittleEndian() const { return m_littleEndian; }

    QByteArray bytes(const TiffEntry &e, qint64 maxBytes)
    {
        const qint64 n = qint64(e.count) * tiffTypeSize(e.type);
        if (n <= 0 || n > maxBytes)
            return {};
        const QByteArrayView v = m_source.read(e.valuePos, n);
        return v.size() == n ? v.toByteArray() : QByteArray();
    }

private:
    quint16 u16(QByteArrayView d, qsizetype at) const
    {
        return m_littleEndian ? qFromLittleEndian<quint16>(d.data() + at)
                              : qFromBigEndian<quint16>(d.data() + at);
    }
    quint32 u32(QByteArrayView d, qsizetype at) const
    {
        return m_littleEndian ? qFromLittleEndian<quint32>(d.data() + at)
                              : qFromBigEndian<quint32>(d.data() + at);
    }
    quint64 u64(QByteArrayView d, qsizetype at) const
    {
        return m_littleEndian ? qFromLittleEndian<quint64>(d.data() + at)
                              : qFromBigEndian<quint64>(d.data() + at);
    }

    ByteSource &m_source;
    qint64 m_base = 0;
    bool m_littleEndian = true;
    bool m_big = false;
    quint64 m_firstIfd = 0;
};

constexpr quint16 kTagNewSubfileType = 254;
constexpr quint16 kTagImageWidth = 256;
constexpr quint16 kTagImageLength = 257;
constexpr quint16 kTagStripOffsets = 273;
constexpr quint16 kTagOrientation = 274;
constexpr quint16 kTagStripByteCounts = 279;
constexpr quint16 kTagTileOffsets = 324;
constexpr quint16 kTagTileByteCounts = 325;
constexpr quint16 kTagIccProfile = 34675;
constexpr quint16 kTagDngVersion = 50706;

constexpr qint64 kMaxIccBytes = 16 * 1024 * 1024;

const TiffEntry *findTag(const QList<TiffEntry> &entries, quint16 tag)
{
    for (const TiffEntry &e : entries)
        if (e.tag == tag)
            return &e;
    return nullptr;
}

int checkedOrientation(std::optional<quint64> value, QStringList *warnings)
{
    if (!value)
        return 1;
    if (*value >= 1 && *value <= 8)
        return int(*value);
    if (warnings)
        warnings->append(QStringLiteral("ignored an invalid EXIF orientation (%1)").arg(*value));
    return 1;
}

// ---- per format --------------------------------------------------------------------------------

// ICC profiles larger than one APP2 segment are split into numbered chunks (ICC.1 Annex B.4).
QByteArray assembleIcc(QList<std::pair<int, QByteArray>> chunks, QStringList &warnings)
{
    if (chunks.isEmpty())
        return {};
    std::sort(chunks.begin(), chunks.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
    QByteArray icc;
    for (qsizetype i = 0; i < chunks.size(); ++i) {
        if (chunks[i].first != int(i) + 1) {
            warnings.append(QStringLiteral("ignored an incomplete ICC profile"));
            return {};
        }
        icc += chunks[i].second;
    }
    return icc;
}

void parseJpeg(ByteSource &src, HeaderScan scan, HeaderInfo &info)
{
    QList<std::pair<int, QByteArray>> iccChunks; // (sequence number from 1, data)
    bool haveExif = false;
    bool haveFrame = false;
    qint64 pos = 2;
    const qint64 size = src.size();
    for (;;) {
        const QByteArrayView m = src.read(pos, 4);
        if (m.size() < 2 || byteAt(m, 0) != 0xFF) {
            info.error = m.size() < 2
                ? QStringLiteral("truncated JPEG: the file ends inside its header")
                : QStringLiteral("corrupt JPEG: damaged header (no marker where one is expected)");
            return;
        }
        const uchar marker = byteAt(m, 1);
        if (marker == 0xFF) { // fill byte before a marker
            ++pos;
            continue;
        }
        if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) { // markers without a length
            pos += 2;
            continue;
        }
        if (marker == 0xD8 || marker == 0xD9) {
            info.error = QStringLiteral("corrupt JPEG: the file contains no image");
            return;
        }
        if (m.size() < 4) {
            info.error = QStringLiteral("truncated JPEG: the file ends inside its header");
            return;
        }
        const int length = be16(m, 2);
        if (length < 2) {
            info.error = QStringLiteral("corrupt JPEG: damaged header (bad segment length)");
            return;
        }
        if (marker == 0xDA) { // start of scan: the entropy-coded data follows
            if (!haveFrame)
                info.error = QStringLiteral("corrupt JPEG: image data before the frame header");
            info.iccProfile = assembleIcc(iccChunks, info.warnings);
            return;
        }
        if (pos + 2 + length > size) {
            info.error = QStringLiteral("truncated JPEG: the file ends inside its header");
            return;
        }
        const qint64 dataPos = pos + 4;
        const int dataLength = length - 2;
        const bool isFrame
            = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
        if (isFrame && !haveFrame) {
            const QByteArrayView d = src.read(dataPos, dataLength);
            if (d.size() < 6) {
                info.error = QStringLiteral("corrupt JPEG: damaged frame header");
                return;
            }
            info.storedSize = { be16(d, 3), be16(d, 1) };
            info.jpegComponents = byteAt(d, 5);
            haveFrame = true;
            if (info.storedSize.height == 0) {
                info.error = QStringLiteral(
                    "JPEG whose height is given after the image data (DNL) is not supported");
                return;
            }
            // Header-only probes stop at the frame: the EXIF APP1 segment precedes it.
            if (scan == HeaderScan::HeaderOnly)
                return;
        } else if (marker == 0xE1 && !haveExif && dataLength > 6) {
            const QByteArrayView d = src.read(dataPos, dataLength);
            if (d.startsWith(QByteArrayView("Exif\0\0", 6))) {
                haveExif = true;
                info.orientation = exifOrientation(d, &info.warnings);
            }
        } else if (marker == 0xE2 && scan == HeaderScan::WholeFile && dataLength > 14
            && iccChunks.size() < 256) {
            const QByteArrayView d = src.read(dataPos, dataLength);
            if (d.startsWith(QByteArrayView("ICC_PROFILE\0", 12)))
                iccChunks.append({ byteAt(d, 12), d.sliced(14).toByteArray() });
        }
        pos += 2 + length;
    }
}

void parsePng(ByteSource &src, HeaderScan scan, HeaderInfo &info)
{
    const QByteArrayView ihdr = src.read(8, 25);
    if (ihdr.size() < 25 || be32(ihdr, 0) != 13 || ihdr.sliced(4, 4) != "IHDR") {
        info.error = QStringLiteral("corrupt PNG: damaged header");
        return;
    }
    const quint32 width = be32(ihdr, 8);
    const quint32 height = be32(ihdr, 12);
    if (width == 0 || height == 0 || width > 0x7FFFFFFFu || height > 0x7FFFFFFFu) {
        info.error = QStringLiteral("corrupt PNG: invalid image size in the header");
        return;
    }
    // Sizes above INT_MAX per side cannot be represented; the pixel limit refuses them long before.
    info.storedSize = { int(width), int(height) };
    // Validate the rest of IHDR here: libpng would report a bad combination on stderr.
    const int bitDepth = byteAt(ihdr, 16);
    const int colourType = byteAt(ihdr, 17);
    const bool validDepth
        = (colourType == 0
              && (bitDepth == 1 || bitDepth == 2 || bitDepth == 4 || bitDepth == 8 || bitDepth == 16))
        || (colourType == 3 && (bitDepth == 1 || bitDepth == 2 || bitDepth == 4 || bitDepth == 8))
        || ((colourType == 2 || colourType == 4 || colourType == 6) && (bitDepth == 8 || bitDepth == 16));
    if (!validDepth || byteAt(ihdr, 18) != 0 || byteAt(ihdr, 19) != 0 || byteAt(ihdr, 20) > 1) {
        info.error = QStringLiteral("corrupt PNG: invalid header values");
        return;
    }

    const bool whole = scan == HeaderScan::WholeFile;
    bool haveExifChunk = false;
    bool haveExifText = false;
    bool seenImageData = false;
    bool seenEndOfImageData = false; // IDAT chunks must be consecutive
    bool seenPalette = false;
    bool sawEnd = false;
    QByteArray pixelStream;
    if (whole)
        pixelStream.append("\x89PNG\r\n\x1A\n", 8);
    const qint64 size = src.size();
    qint64 pos = 8;
    while (pos < size) {
        const QByteArray head = src.read(pos, 8).toByteArray(); // a copy: the next read() reuses the view
        if (head.size() < 8)
            break;
        const quint32 length = be32(head, 0);
        const QByteArray type = head.sliced(4, 4);
        if (length > 0x7FFFFFFFu) {
            info.error = QStringLiteral("corrupt PNG: damaged chunk structure");
            return;
        }
        if (pos + 12 + qint64(length) > size)
            break;
        if (type == "IDAT") {
            // Metadata after the image data is ignored, as browsers do; so a header-only probe can
            // stop here instead of walking thousands of IDAT chunks, and still agree with decoding.
            seenImageData = true;
            if (!whole)
                return;
        }
        const bool critical = (uchar(type[0]) & 0x20) == 0;
        const bool wanted = !seenImageData
            && (type == "eXIf" || type == "zTXt" || type == "iTXt" || type == "tEXt"
                || (whole && type == "iCCP"));
        QByteArrayView chunk; // type + data + crc, only read when needed
        if (whole || wanted) {
            chunk = src.read(pos + 4, qint64(length) + 8);
            if (chunk.size() < qint64(length) + 8)
                break;
        }
        // Any checksum mismatch is an error, ancillary chunks included: a damaged type byte can turn
        // an IDAT into an "ancillary" chunk, and libpng would then complain on stderr.
        if (whole && crc32(chunk.first(qint64(length) + 4)) != be32(chunk, qint64(length) + 4)) {
            info.error = QStringLiteral("corrupt PNG: checksum mismatch in the %1 chunk")
                             .arg(QString::fromLatin1(type.toPercentEncoding()));
            return;
        }
        if (whole && type == "PLTE")
            seenPalette = true;
        if (whole && type == "IDAT" && (seenEndOfImageData || (colourType == 3 && !seenPalette))) {
            info.error = QStringLiteral("corrupt PNG: damaged chunk structure");
            return;
        }
        if (seenImageData && type != "IDAT")
            seenEndOfImageData = true;
        const QByteArrayView data = chunk.isEmpty() ? QByteArrayView() : chunk.sliced(4, length);
        if (type == "IEND") {
            sawEnd = true;
            if (whole)
                pixelStream.append(head.data(), 8).append(chunk.sliced(length + 4, 4).data(), 4);
            break;
        }
        if (!wanted) {
            // only integrity matters for this chunk
        } else if (type == "eXIf" && !haveExifChunk) {
            haveExifChunk = true;
            info.orientation = exifOrientation(data, &info.warnings);
        } else if ((type == "zTXt" || type == "iTXt" || type == "tEXt") && !haveExifChunk && !haveExifText) {
            // ImageMagick and exiv2 store EXIF as text: keyword "Raw profile type exif" (or "APP1"),
            // value "\nexif\n   <length>\n<hex digits>", zlib-compressed in zTXt and usually in iTXt.
            const qsizetype nul = data.indexOf('\0');
            const QByteArrayView keyword = nul > 0 ? data.first(nul) : QByteArrayView();
            if (keyword == "Raw profile type exif" || keyword == "Raw profile type APP1") {
                std::optional<QByteArray> text;
                if (type == "tEXt") {
                    text = data.sliced(nul + 1).toByteArray();
                } else if (type == "zTXt" && nul + 2 <= data.size()) {
                    text = inflateMetadata(data.sliced(nul + 2));
                } else if (type == "iTXt" && nul + 3 <= data.size()) {
                    const bool compressed = data[nul + 1] != 0;
                    // Skip language tag and translated keyword (two NUL-terminated strings).
                    qsizetype at = data.indexOf('\0', nul + 3);
                    at = at < 0 ? -1 : data.indexOf('\0', at + 1);
                    if (at >= 0)
                        text = compressed ? inflateMetadata(data.sliced(at + 1))
                                          : data.sliced(at + 1).toByteArray();
                }
                if (text) {
                    // Three lines before the hex digits: "", the profile name, the length.
                    qsizetype at = 0;
                    for (int line = 0; line < 3 && at >= 0; ++line)
                        at = text->indexOf('\n', at) < 0 ? -1 : text->indexOf('\n', at) + 1;
                    if (at > 0) {
                        QByteArray hex = text->sliced(at);
                        hex.replace('\n', QByteArray()).replace(' ', QByteArray());
                        const QByteArray exif = QByteArray::fromHex(hex);
                        haveExifText = true;
                        info.orientation = exifOrientation(exif, &info.warnings);
                    }
                }
            }
        } else if (type == "iCCP" && info.iccProfile.isEmpty()) {
            // exiv2 writes an empty profile name (the spec wants 1..79 characters): accept it.
            const qsizetype nul = data.indexOf('\0');
            if (nul >= 0 && nul + 2 <= data.size()) {
                if (std::optional<QByteArray> icc = inflateMetadata(data.sliced(nul + 2)))
                    info.iccProfile = *icc;
                else
                    info.warnings.append(QStringLiteral("ignored an unreadable ICC profile"));
            }
        }
        if (type == "acTL")
            info.warnings.append(QStringLiteral("animated PNG: only the first frame is used"));
        if (whole && (critical || type == "tRNS"))
            pixelStream.append(head.data(), 8).append(chunk.sliced(4).data(), qint64(length) + 4);
        pos += 12 + qint64(length);
    }
    if (whole) {
        if (!sawEnd) {
            info.error = truncatedError("PNG");
            return;
        }
        if (!seenImageData) {
            info.error = QStringLiteral("corrupt PNG: no image data");
            return;
        }
        info.codecInput = pixelStream;
    }
}

void parseWebP(ByteSource &src, HeaderScan scan, HeaderInfo &info)
{
    const QByteArrayView riff = src.read(0, 12);
    const qint64 riffEnd = 8 + qint64(le32(riff, 4));
    const qint64 size = src.size();
    const bool whole = scan == HeaderScan::WholeFile;
    if (whole && size < riffEnd) {
        info.error = truncatedError("WebP");
        return;
    }
    const qint64 end = qMin(size, riffEnd);
    bool haveCanvas = false;
    bool haveBitstream = false;
    qint64 pos = 12;
    while (pos + 8 <= end) {
        const QByteArrayView head = src.read(pos, 8);
        if (head.size() < 8)
            break;
        const QByteArray fourcc = head.first(4).toByteArray();
        const qint64 length = le32(head, 4);
        if (pos + 8 + length > end) {
            if (whole) {
                info.error = truncatedError("WebP");
                return;
            }
            break;
        }
        const qint64 dataPos = pos + 8;
        if (fourcc == "VP8X") {
            const QByteArrayView d = src.read(dataPos, 10);
            if (d.size() < 10) {
                info.error = QStringLiteral("corrupt WebP: damaged header");
                return;
            }
            if (byteAt(d, 0) & 0x02) {
                info.error = QStringLiteral("animated WebP is not supported");
                return;
            }
            info.storedSize = { int(le24(d, 4)) + 1, int(le24(d, 7)) + 1 };
            haveCanvas = true;
        } else if (fourcc == "VP8 " && !haveBitstream) {
            const QByteArrayView d = src.read(dataPos, 10);
            if (d.size() < 10 || d.sliced(3, 3) != "\x9D\x01\x2A") {
                info.error = QStringLiteral("corrupt WebP: damaged header");
                return;
            }
            if (!haveCanvas)
                info.storedSize = { le16(d, 6) & 0x3FFF, le16(d, 8) & 0x3FFF };
            haveBitstream = true;
        } else if (fourcc == "VP8L" && !haveBitstream) {
            const QByteArrayView d = src.read(dataPos, 5);
            if (d.size() < 5 || byteAt(d, 0) != 0x2F) {
                info.error = QStringLiteral("corrupt WebP: damaged header");
                return;
            }
            const quint32 bits = le32(d, 1);
            if (!haveCanvas)
                info.storedSize = { int(bits & 0x3FFF) + 1, int((bits >> 14) & 0x3FFF) + 1 };
            haveBitstream = true;
        } else if (fourcc == "ANIM" || fourcc == "ANMF") {
            info.error = QStringLiteral("animated WebP is not supported");
            return;
        } else if (fourcc == "EXIF") {
            info.orientation = exifOrientation(src.read(dataPos, length), &info.warnings);
        } else if (fourcc == "ICCP" && whole) {
            info.iccProfile = src.read(dataPos, qMin(length, kMaxIccBytes)).toByteArray();
        }
        // Even header-only probes walk all chunks: the EXIF chunk comes after the bitstream in WebP,
        // and a WebP file has only a handful of chunks.
        pos = dataPos + length + (length & 1);
    }
    if (!haveBitstream && !haveCanvas) {
        info.error = whole ? QStringLiteral("corrupt WebP: no image data") : truncatedError("WebP");
        return;
    }
    if (whole && !haveBitstream)
        info.error = QStringLiteral("corrupt WebP: no image data");
}

void parseTiff(ByteSource &src, HeaderScan scan, HeaderInfo &info)
{
    const QByteArrayView head = src.read(0, 16);
    if (head.size() >= 10 && head.sliced(8, 2) == "CR") {
        info.error = QStringLiteral(
            "camera raw files (CR2) are not supported: export the photo to JPEG or TIFF first");
        return;
    }
    TiffReader tiff(src, 0);
    if (!tiff.readHeader()) {
        info.error = QStringLiteral("corrupt TIFF: damaged header");
        return;
    }
    const QList<TiffEntry> ifd = tiff.firstIfd();
    const TiffEntry *width = findTag(ifd, kTagImageWidth);
    const TiffEntry *height = findTag(ifd, kTagImageLength);
    const std::optional<quint64> w = width ? tiff.integer(*width) : std::nullopt;
    const std::optional<quint64> h = height ? tiff.integer(*height) : std::nullopt;
    if (!w || !h || *w == 0 || *h == 0 || *w > 0x7FFFFFFF || *h > 0x7FFFFFFF) {
        info.error
            = ifd.isEmpty() ? truncatedError("TIFF") : QStringLiteral("corrupt TIFF: no valid image size");
        return;
    }
    info.storedSize = { int(*w), int(*h) };
    if (findTag(ifd, kTagDngVersion)) {
        info.error = QStringLiteral(
            "camera raw files (DNG) are not supported: export the photo to JPEG or TIFF first");
        return;
    }
    if (const TiffEntry *sub = findTag(ifd, kTagNewSubfileType)) {
        // The first image is only a reduced-size preview: typical of camera raw files (NEF, ARW...).
        if (tiff.integer(*sub).value_or(0) & 1) {
            info.error
                = QStringLiteral("the first image in this TIFF is a reduced-size preview (a camera raw "
                                 "file?): not supported");
            return;
        }
    }
    const TiffEntry *orientation = findTag(ifd, kTagOrientation);
    if (orientation)
        info.orientation = checkedOrientation(tiff.integer(*orientation), &info.warnings);
    if (scan != HeaderScan::WholeFile)
        return;
    if (orientation && tiff.integer(*orientation).value_or(1) != 1
        && (orientation->type == 3 || orientation->type == 4)) {
        // Hand OpenCV a copy that says "orientation 1" (see HeaderInfo::codecInput).
        const QByteArrayView all = src.read(0, src.size());
        const int size = tiffTypeSize(orientation->type);
        if (all.size() == src.size() && orientation->valuePos + size <= all.size()) {
            info.codecInput = all.toByteArray();
            char *value = info.codecInput.data() + orientation->valuePos;
            std::memset(value, 0, size_t(size));
            value[tiff.isLittleEndian() ? 0 : size - 1] = 1;
        }
    }
    if (const TiffEntry *icc = findTag(ifd, kTagIccProfile))
        info.iccProfile = tiff.bytes(*icc, kMaxIccBytes);
    // Truncation: every strip (or tile) must lie inside the file. libtiff would otherwise fail deep
    // inside OpenCV, or hand back a partly blank image.
    const TiffEntry *offsets = findTag(ifd, kTagStripOffsets);
    const TiffEntry *counts = findTag(ifd, kTagStripByteCounts);
    if (!offsets || !counts) {
        offsets = findTag(ifd, kTagTileOffsets);
        counts = findTag(ifd, kTagTileByteCounts);
    }
    if (offsets && counts) {
        constexpr quint64 kMaxBlocks = 16 * 1024 * 1024;
        const auto o = tiff.integers(*offsets, kMaxBlocks);
        const auto c = tiff.integers(*counts, kMaxBlocks);
        if (!o || !c || o->size() != c->size()) {
            const auto tableEnd
                = [](const TiffEntry *e) { return e->valuePos + qint64(e->count) * tiffTypeSize(e->type); };
            info.error = qMax(tableEnd(offsets), tableEnd(counts)) > src.size()
                ? truncatedError("TIFF")
                : QStringLiteral("corrupt TIFF: damaged strip or tile table");
            return;
        }
        for (qsizetype i = 0; i < o->size(); ++i) {
            if ((*o)[i] + (*c)[i] > quint64(src.size()) || (*o)[i] + (*c)[i] < (*o)[i]) {
                info.error = truncatedError("TIFF");
                return;
            }
        }
    }
}

void parseBmp(ByteSource &src, HeaderScan scan, HeaderInfo &info)
{
    const QByteArrayView h = src.read(0, 54);
    if (h.size() < 26) {
        info.error = QStringLiteral("truncated BMP: the file ends inside its header");
        return;
    }
    const quint32 dataOffset = le32(h, 10);
    const quint32 dibSize = le32(h, 14);
    qint64 width = 0;
    qint64 height = 0;
    int bitsPerPixel = 0;
    quint32 compression = 0;
    if (dibSize == 12) {
        width = le16(h, 18);
        height = le16(h, 20);
        bitsPerPixel = le16(h, 24);
    } else {
        if (h.size() < 34) {
            info.error = QStringLiteral("truncated BMP: the file ends inside its header");
            return;
        }
        width = qint32(le32(h, 18));
        height = qint32(le32(h, 22));
        bitsPerPixel = le16(h, 28);
        compression = le32(h, 30);
    }
    height = qAbs(height); // negative height = rows stored top-down
    if (width <= 0 || height <= 0 || width > 0x7FFFFFFF || height > 0x7FFFFFFF) {
        info.error = QStringLiteral("corrupt BMP: invalid image size in the header");
        return;
    }
    info.storedSize = { int(width), int(height) };
    if (compression == 4 || compression == 5) {
        info.error = QStringLiteral("BMP with embedded JPEG or PNG data is not supported");
        return;
    }
    // What OpenCV's BMP reader handles; it asserts (and prints) on anything else.
    const bool knownDepth = bitsPerPixel == 1 || bitsPerPixel == 4 || bitsPerPixel == 8 || bitsPerPixel == 16
        || bitsPerPixel == 24 || bitsPerPixel == 32;
    if (compression > 3 || !knownDepth) {
        info.error = QStringLiteral("BMP variant not supported (compression %1, %2 bits per pixel)")
                         .arg(compression)
                         .arg(bitsPerPixel);
        return;
    }
    if (scan == HeaderScan::WholeFile && (compression == 0 || compression == 3 || compression == 6)) {
        const qint64 rowBytes = (width * bitsPerPixel + 31) / 32 * 4;
        if (qint64(dataOffset) + rowBytes * height > src.size())
            info.error = truncatedError("BMP");
    }
}

} // namespace

int exifOrientation(QByteArrayView exif, QStringList *warnings)
{
    if (exif.startsWith(QByteArrayView("Exif\0\0", 6)))
        exif = exif.sliced(6);
    MemorySource source(exif);
    TiffReader tiff(source, 0);
    if (!tiff.readHeader()) {
        if (warnings)
            warnings->append(QStringLiteral("ignored an unreadable EXIF block"));
        return 1;
    }
    const QList<TiffEntry> ifd = tiff.firstIfd();
    const TiffEntry *o = findTag(ifd, kTagOrientation);
    return o ? checkedOrientation(tiff.integer(*o), warnings) : 1;
}

HeaderInfo parseImageHeader(ByteSource &source, HeaderScan scan)
{
    HeaderInfo info;
    if (source.size() == 0) {
        info.error = QStringLiteral("empty file");
        return info;
    }
    info.format = sniffFormat(source.read(0, kSniffBytes));
    if (!isDecodable(info.format)) {
        info.error = unsupportedFormatReason(info.format);
        return info;
    }
    switch (info.format) {
    case ImageFormat::Jpeg:
        parseJpeg(source, scan, info);
        break;
    case ImageFormat::Png:
        parsePng(source, scan, info);
        break;
    case ImageFormat::WebP:
        parseWebP(source, scan, info);
        break;
    case ImageFormat::Tiff:
        parseTiff(source, scan, info);
        break;
    case ImageFormat::Bmp:
        parseBmp(source, scan, info);
        break;
    default:
        break;
    }
    if (info.error.isEmpty() && info.storedSize.isEmpty())
        info.error = QStringLiteral("corrupt %1: no valid image size in the header")
                         .arg(formatName(info.format).toUpper());
    return info;
}

} // namespace cropwise::detail
