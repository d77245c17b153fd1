#include "ui/ExportPlan.h"

#include "core/io/ImageEncoder.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSet>

namespace cropwise {


QString sanitizeFileName(const QString &name)
{
    QString s;
    s.reserve(name.size());
    for (const QChar c : name) {
        static const QString forbidden = QStringLiteral("/\\:*?\"<>|");
        s += (c.unicode() < 32 || forbidden.contains(c)) ? QLatin1Char('_') : c;
    }
    static const QRegularExpression spaces(QStringLiteral("\\s+"));
    s.replace(spaces, QStringLiteral("_"));
    // Leading dots would hide the file; trailing dots and underscores look like mistakes.
    while (s.startsWith(QLatin1Char('.')))
        s.remove(0, 1);
    while (s.endsWith(QLatin1Char('.')) || s.endsWith(QLatin1Char('_')))
        s.chop(1);
    if (s.size() > 200)
        s.truncate(200);
    return s.isEmpty() ? QStringLiteral("crop") : s;
}

QString expandFileNamePattern(
    const QString &pattern, const QString &imagePath, const Crop &crop, int index, Size outputSize)
{
    QString s = pattern.isEmpty() ? kDefaultFileNamePattern : pattern;
    const QString ratio = [&] {
        if (crop.aspect)
            return QStringLiteral("%1x%2").arg(crop.aspect->num).arg(crop.aspect->den);
        const auto r = AspectRatio::make(crop.rect.width, crop.rect.height);
        return r ? QStringLiteral("%1x%2").arg(r->num).arg(r->den) : QString();
    }();
    s.replace(QLatin1String("{stem}"), QFileInfo(imagePath).completeBaseName());
    s.replace(QLatin1String("{name}"), crop.name.isEmpty() ? QStringLiteral("crop") : crop.name);
    s.replace(QLatin1String("{label}"), crop.label);
    s.replace(QLatin1String("{index}"), QStringLiteral("%1").arg(index, 2, 10, QLatin1Char('0')));
    s.replace(QLatin1String("{w}"), QString::number(outputSize.width));
    s.replace(QLatin1String("{h}"), QString::number(outputSize.height));
    s.replace(QLatin1String("{ratio}"), ratio);
    return sanitizeFileName(s);
}

QList<ExportItem> planExport(const QList<ExportSource> &sources, const ExportSettings &settings)
{
    QList<ExportItem> items;
    QSet<QString> taken; // lower-case file names already planned
    const QDir folder(settings.folder);
    const QString suffix = outputFormatSuffix(settings.format);
    for (const ExportSource &source : sources) {
        int index = 0;
        for (const Crop &crop : source.crops) {
            ++index;
            const Size out = exportPixelSize(crop.rect.size(), settings.size);
            const QString base = expandFileNamePattern(settings.pattern, source.imagePath, crop, index, out);
            QString fileName = QStringLiteral("%1.%2").arg(base, suffix);
            for (int n = 2; taken.contains(fileName.toLower()); ++n)
                fileName = QStringLiteral("%1_%2.%3").arg(base).arg(n).arg(suffix);
            taken.insert(fileName.toLower());

            ExportItem item;
            item.imagePath = source.imagePath;
            item.turnOrientation = source.turnOrientation;
            item.cropName = crop.name;
            item.rect = crop.rect;
            item.outPath = folder.filePath(fileName);
            items.append(item);
        }
    }
    return items;
}

QStringList existingOutputs(const QList<ExportItem> &items)
{
    QStringList existing;
    for (const ExportItem &item : items) {
        if (QFileInfo::exists(item.outPath))
            existing << item.outPath;
    }
    return existing;
}

} // namespace cropwise
