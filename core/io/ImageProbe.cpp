#include "core/io/ImageProbe.h"

#include "core/io/ImageHeader.h"
#include "core/io/ImageOrientation.h"

#include <QFile>

namespace cropwise {

namespace {

ProbeResult toProbeResult(const detail::HeaderInfo &info)
{
    ProbeResult r;
    r.format = info.format;
    r.error = info.error;
    if (!r.ok())
        return r;
    r.storedSize = info.storedSize;
    r.orientation = info.orientation;
    r.displayedSize = orientedSize(info.storedSize, info.orientation);
    r.warnings = info.warnings;
    return r;
}

} // namespace

ProbeResult probeImage(const QString &path)
{
    QFile file(path);
    if (const QString error = detail::openForReading(file); !error.isEmpty()) {
        ProbeResult r;
        r.error = error;
        return r;
    }
    detail::FileSource source(file);
    return toProbeResult(detail::parseImageHeader(source, detail::HeaderScan::HeaderOnly));
}

ProbeResult probeImageData(QByteArrayView data)
{
    detail::MemorySource source(data);
    return toProbeResult(detail::parseImageHeader(source, detail::HeaderScan::HeaderOnly));
}

} // namespace cropwise
