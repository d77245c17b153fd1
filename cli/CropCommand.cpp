#include "cli/CropCommand.h"

#include "cli/CliSupport.h"
#include "core/io/CropExport.h"
#include "core/io/Metadata.h"
#include "core/io/ImageDecoder.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QRegularExpression>

#include <optional>

namespace cropwise::cli {

namespace {

std::optional<Rect> parseRect(const QString &text)
{
    static const QRegularExpression pattern(
        QStringLiteral("^\\s*(\\d+)\\s*,\\s*(\\d+)\\s*,\\s*(\\d+)\\s*,\\s*(\\d+)\\s*$"));
    const QRegularExpressionMatch m = pattern.match(text);
    if (!m.hasMatch())
        return std::nullopt;
    bool ok[4];
    const Rect r { m.captured(1).toInt(&ok[0]), m.captured(2).toInt(&ok[1]), m.captured(3).toInt(&ok[2]),
        m.captured(4).toInt(&ok[3]) };
    if (!(ok[0] && ok[1] && ok[2] && ok[3]) || r.isEmpty() || qint64(r.x) + r.width > INT_MAX
        || qint64(r.y) + r.height > INT_MAX)
        return std::nullopt;
    return r;
}

std::optional<Size> parseSize(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("^\\s*(\\d+)\\s*[xX]\\s*(\\d+)\\s*$"));
    const QRegularExpressionMatch m = pattern.match(text);
    if (!m.hasMatch())
        return std::nullopt;
    bool okW = false;
    bool okH = false;
    const Size s { m.captured(1).toInt(&okW), m.captured(2).toInt(&okH) };
    if (!okW || !okH || s.isEmpty())
        return std::nullopt;
    return s;
}

std::optional<int> parsePositive(const QString &text, int max)
{
    bool ok = false;
    const int value = text.trimmed().toInt(&ok);
    if (!ok || value < 1 || value > max)
        return std::nullopt;
    return value;
}

} // namespace

QString cropCommandSummary()
{
    return QStringLiteral("write a rectangle of an image to a new image file");
}

int runCrop(const QStringList &args)
{
    const QString command = QStringLiteral("crop");
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Writes exactly the rectangle x,y,w,h of the displayed image (EXIF orientation "
                       "applied) to FILE. The format comes from FILE's suffix: .jpg, .jpeg, .png, .webp, "
                       ".tif, .tiff. Prints one JSON line describing the written file."));
    const QCommandLineOption rectOption(QStringLiteral("rect"),
        QStringLiteral("The rectangle in displayed image pixels."), QStringLiteral("x,y,w,h"));
    const QCommandLineOption outOption(
        QStringLiteral("out"), QStringLiteral("The file to write."), QStringLiteral("FILE"));
    const QCommandLineOption qualityOption(QStringLiteral("quality"),
        QStringLiteral("JPEG/WebP quality 1..100 (default 92; WebP 100 = lossless)."), QStringLiteral("Q"),
        QStringLiteral("92"));
    const QCommandLineOption sizeOption(QStringLiteral("size"),
        QStringLiteral("Scale to W x H (must keep the rectangle's aspect)."), QStringLiteral("WxH"));
    const QCommandLineOption longSideOption(QStringLiteral("long-side"),
        QStringLiteral("Scale so the longer side is N pixels."), QStringLiteral("N"));
    const QCommandLineOption overwriteOption(
        QStringLiteral("overwrite"), QStringLiteral("Replace FILE if it exists (never done otherwise)."));
    parser.addOptions({ rectOption, outOption, qualityOption, sizeOption, longSideOption, overwriteOption });
    parser.addPositionalArgument(QStringLiteral("IMAGE"), QStringLiteral("The image to crop."));
    int exitCode = ExitSuccess;
    const QString usage = QStringLiteral("cropwise-cli crop --rect x,y,w,h --out FILE [--quality Q] "
                                         "[--size WxH | --long-side N] [--overwrite] IMAGE");
    if (!parseCommandLine(parser, command, usage, args, &exitCode))
        return exitCode;

    // Usage first: everything that can be judged without reading the image.
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1)
        return usageError(command,
            positional.isEmpty() ? QStringLiteral("no image given")
                                 : QStringLiteral("give exactly one image"));
    const QString image = positional.first();
    if (!parser.isSet(rectOption))
        return usageError(command, QStringLiteral("--rect x,y,w,h is required"));
    const std::optional<Rect> rect = parseRect(parser.value(rectOption));
    if (!rect)
        return usageError(command,
            QStringLiteral("invalid --rect '%1': expected x,y,w,h with x, y >= 0 and w, h > 0")
                .arg(parser.value(rectOption)));
    if (!parser.isSet(outOption) || parser.value(outOption).isEmpty())
        return usageError(command, QStringLiteral("--out FILE is required"));
    const QString out = parser.value(outOption);
    const std::optional<OutputFormat> format = outputFormatForSuffix(QFileInfo(out).fileName());
    if (!format)
        return usageError(command,
            QStringLiteral("cannot tell the output format from '%1': use .jpg, .jpeg, .png, "
                           ".webp, .tif or .tiff")
                .arg(out));
    const std::optional<int> quality = parsePositive(parser.value(qualityOption), 100);
    if (!quality)
        return usageError(command,
            QStringLiteral("invalid --quality '%1': expected 1..100").arg(parser.value(qualityOption)));
    if (parser.isSet(sizeOption) && parser.isSet(longSideOption))
        return usageError(command, QStringLiteral("give either --size or --long-side, not both"));
    ExportSize size = ExportSize::original();
    if (parser.isSet(sizeOption)) {
        const std::optional<Size> s = parseSize(parser.value(sizeOption));
        if (!s)
            return usageError(command,
                QStringLiteral("invalid --size '%1': expected WxH, e.g. 800x600")
                    .arg(parser.value(sizeOption)));
        size = ExportSize::exact(s->width, s->height);
    } else if (parser.isSet(longSideOption)) {
        const std::optional<int> n = parsePositive(parser.value(longSideOption), 1'000'000);
        if (!n)
            return usageError(command,
                QStringLiteral("invalid --long-side '%1': expected a positive number")
                    .arg(parser.value(longSideOption)));
        size = ExportSize::longestSide(*n);
    }
    QString sizeError;
    const Size outSize = exportPixelSize(rect->size(), size, &sizeError);
    if (outSize.isEmpty())
        return usageError(command, sizeError);

    const OverwritePolicy overwrite
        = parser.isSet(overwriteOption) ? OverwritePolicy::Replace : OverwritePolicy::Refuse;
    // Refuse before the (possibly long) decode; the atomic write checks again.
    if (overwrite == OverwritePolicy::Refuse && (QFileInfo::exists(out) || QFileInfo(out).isSymLink())) {
        printError(out, QStringLiteral("already exists (use --overwrite to replace it)"));
        return ExitInputError;
    }

    const DecodedImage decoded = decodeImage(image);
    if (!decoded.ok()) {
        printError(image, decoded.error);
        return ExitInputError;
    }
    if (!Rect::fromSize(decoded.fullSize).contains(*rect)) {
        printError(image,
            QStringLiteral("the rectangle %1,%2,%3,%4 does not lie inside the image (%5 x %6)")
                .arg(rect->x)
                .arg(rect->y)
                .arg(rect->width)
                .arg(rect->height)
                .arg(decoded.fullSize.width)
                .arg(decoded.fullSize.height));
        return ExitInputError;
    }

    CropExportOptions options;
    options.encode.format = *format;
    options.encode.quality = *quality;
    options.size = size;
    options.overwrite = overwrite;
    options.metadata = readSourceMetadataFile(image); // the same metadata policy as every export
    if (const QString error = exportCrop(decoded, *rect, options, out); !error.isEmpty()) {
        printError(out,
            error == QLatin1String("already exists (not overwritten)")
                ? QStringLiteral("already exists (use --overwrite to replace it)")
                : error);
        return ExitInputError;
    }
    printJsonLine({ { QStringLiteral("image"), image },
        { QStringLiteral("rect"), QJsonArray { rect->x, rect->y, rect->width, rect->height } },
        { QStringLiteral("out"), out }, { QStringLiteral("width"), outSize.width },
        { QStringLiteral("height"), outSize.height },
        { QStringLiteral("format"), outputFormatName(*format) } });
    return ExitSuccess;
}

} // namespace cropwise::cli
