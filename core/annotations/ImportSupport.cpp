#include "core/annotations/ImportSupport.h"

#include "core/annotations/BoxTransform.h"
#include "core/io/ImageProbe.h"

#include <QDir>
#include <QFileInfo>

#include <algorithm>
#include <cmath>

namespace cropwise {

QString ImportMessage::toString() const
{
    if (line > 0)
        return QStringLiteral("%1:%2: %3").arg(file).arg(line).arg(text);
    if (!field.isEmpty())
        return QStringLiteral("%1: %2: %3").arg(file, field, text);
    return QStringLiteral("%1: %2").arg(file, text);
}

int ImportResult::boxCount() const
{
    int n = 0;
    for (const ImageAnnotations &image : images)
        n += int(image.boxes.size());
    return n;
}

int ImportResult::skippedCount() const
{
    return int(std::count_if(messages.begin(), messages.end(),
        [](const ImportMessage &m) { return m.severity == ImportMessage::Severity::Skipped; }));
}

QStringList ImportResult::messageLines() const
{
    QStringList lines;
    for (const ImportMessage &m : messages)
        lines << m.toString();
    return lines;
}

ImageLocator locateInFolder(const QString &folder)
{
    return [dir = QDir(folder)](const QString &nameInFile) -> QString {
        if (nameInFile.isEmpty())
            return {};
        // Annotation files written on Windows use backslashes.
        const QString name = QString(nameInFile).replace(QLatin1Char('\\'), QLatin1Char('/'));
        for (const QString &candidate : { name, QFileInfo(name).fileName() }) {
            const QFileInfo info(dir.filePath(candidate));
            if (info.isFile())
                return QDir::cleanPath(info.absoluteFilePath());
        }
        return {};
    };
}

ImageLocator locateInAny(const QList<ImageLocator> &locators)
{
    return [locators](const QString &nameInFile) -> QString {
        for (const ImageLocator &locate : locators)
            if (locate)
                if (QString path = locate(nameInFile); !path.isEmpty())
                    return path;
        return {};
    };
}

namespace importdetail {

namespace {

QString sizeText(Size s)
{
    return QStringLiteral("%1x%2").arg(s.width).arg(s.height);
}

} // namespace

void notice(QList<ImportMessage> &messages, const Where &where, const QString &text)
{
    messages.append({ ImportMessage::Severity::Notice, where.file, where.line, where.field, text });
}

void skipped(QList<ImportMessage> &messages, const Where &where, const QString &text)
{
    messages.append({ ImportMessage::Severity::Skipped, where.file, where.line, where.field, text });
}

ImageFrame frameFor(const ImageLocator &locate, const QString &nameInFile, Size recordedSize,
    const Where &where, QList<ImportMessage> &messages)
{
    ImageFrame frame;
    frame.path = locate ? locate(nameInFile) : QString();
    if (frame.path.isEmpty()) {
        frame.path = nameInFile;
        frame.displayedSize = recordedSize;
        return frame;
    }
    const ProbeResult probe = probeImage(frame.path);
    if (!probe.ok()) {
        notice(messages, where,
            QStringLiteral("the image %1 cannot be read (%2); its boxes are kept as the file gives them")
                .arg(QDir::toNativeSeparators(frame.path), probe.error));
        frame.displayedSize = recordedSize;
        return frame;
    }
    frame.found = true;
    frame.displayedSize = probe.displayedSize;
    frame.rawSize = probe.storedSize;
    frame.orientation = probe.orientation;
    if (recordedSize.isEmpty() || recordedSize == probe.displayedSize)
        return frame;
    if (recordedSize == probe.storedSize && probe.storedSize != probe.displayedSize) {
        frame.turnFromRaw = true;
        notice(messages, where,
            QStringLiteral("the recorded size %1 is the stored size of %2 before its EXIF orientation %3; "
                           "the boxes were turned to the displayed image (%4)")
                .arg(sizeText(recordedSize), QFileInfo(frame.path).fileName())
                .arg(probe.orientation)
                .arg(sizeText(probe.displayedSize)));
        return frame;
    }
    notice(messages, where,
        QStringLiteral("the recorded size %1 differs from the image's size %2 (was the image resized?); "
                       "the boxes are kept as the file gives them")
            .arg(sizeText(recordedSize), sizeText(probe.displayedSize)));
    return frame;
}

std::optional<ObjectBox> placeBox(
    ObjectBox box, const ImageFrame &frame, const Where &where, QList<ImportMessage> &messages)
{
    if (box.box.isEmpty() || !std::isfinite(box.box.x) || !std::isfinite(box.box.y)) {
        skipped(messages, where,
            QStringLiteral("the box has no area (width %1, height %2); skipped")
                .arg(box.box.width)
                .arg(box.box.height));
        return std::nullopt;
    }
    if (frame.turnFromRaw)
        box.box = orientBox(box.box, frame.rawSize, frame.orientation);
    const Size size = frame.displayedSize;
    if (size.isEmpty())
        return box;
    constexpr double kTolerance = 0.5; // pixels of rounding in the tool that wrote the file
    const BoxF image = BoxF::fromSize(size);
    const double overshoot = std::max({ image.x - box.box.x, image.y - box.box.y,
        box.box.rightEdge() - image.rightEdge(), box.box.bottomEdge() - image.bottomEdge() });
    if (overshoot <= 0.0)
        return box;
    const std::optional<ObjectBox> clipped = clipToImage(box, size);
    if (!clipped) {
        skipped(messages, where,
            QStringLiteral("the box (%1, %2, %3 x %4) lies outside the %5 image; skipped")
                .arg(box.box.x)
                .arg(box.box.y)
                .arg(box.box.width)
                .arg(box.box.height)
                .arg(sizeText(size)));
        return std::nullopt;
    }
    if (overshoot <= kTolerance) {
        ObjectBox quiet = *clipped;
        quiet.truncated = box.truncated;
        return quiet;
    }
    notice(messages, where,
        QStringLiteral("the box extends %1 px beyond the %2 image; clipped and marked truncated")
            .arg(overshoot, 0, 'g', 4)
            .arg(sizeText(size)));
    return clipped;
}

std::optional<double> parseNumber(const QString &text)
{
    bool ok = false;
    const double v = text.trimmed().toDouble(&ok);
    if (!ok || !std::isfinite(v))
        return std::nullopt;
    return v;
}

std::pair<int, int> lineAndColumn(const QByteArray &text, qsizetype offset)
{
    int line = 1;
    qsizetype lineStart = 0;
    const qsizetype end = std::min(offset, text.size());
    for (qsizetype i = 0; i < end; ++i)
        if (text[i] == '\n') {
            ++line;
            lineStart = i + 1;
        }
    return { line, int(end - lineStart) + 1 };
}

} // namespace importdetail

} // namespace cropwise
