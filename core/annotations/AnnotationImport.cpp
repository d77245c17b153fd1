#include "core/annotations/AnnotationImport.h"

#include "core/annotations/CocoImporter.h"
#include "core/annotations/VocImporter.h"
#include "core/annotations/YoloImporter.h"

#include <QFileInfo>
#include <QHash>
#include <QSet>

namespace cropwise {

std::optional<AnnotationFormat> annotationFormatFromName(const QString &name)
{
    const QString n = name.trimmed().toLower();
    if (n == QLatin1String("coco"))
        return AnnotationFormat::Coco;
    if (n == QLatin1String("voc"))
        return AnnotationFormat::Voc;
    if (n == QLatin1String("yolo"))
        return AnnotationFormat::Yolo;
    return std::nullopt;
}

QString annotationFormatName(AnnotationFormat format)
{
    switch (format) {
    case AnnotationFormat::Coco:
        return QStringLiteral("coco");
    case AnnotationFormat::Voc:
        return QStringLiteral("voc");
    case AnnotationFormat::Yolo:
        return QStringLiteral("yolo");
    }
    return {};
}

ImportResult importAnnotations(AnnotationFormat format, const QString &path, const ImageLocator &fallback)
{
    switch (format) {
    case AnnotationFormat::Coco:
        return importCoco(path, locateInAny({ defaultCocoLocator(path), fallback }));
    case AnnotationFormat::Voc:
        return importVoc(path, locateInAny({ defaultVocLocator(path), fallback }));
    case AnnotationFormat::Yolo:
        return importYolo(path, locateInAny({ defaultYoloLocator(path), fallback }));
    }
    return {};
}

ImageLocator locateByFileName(const QStringList &imagePaths)
{
    QHash<QString, QString> byName;
    QSet<QString> ambiguous;
    for (const QString &path : imagePaths) {
        const QString clean = QFileInfo(path).absoluteFilePath();
        const QString name = QFileInfo(clean).fileName();
        if (byName.contains(name) && byName.value(name) != clean)
            ambiguous.insert(name);
        byName.insert(name, clean);
    }
    return [byName, ambiguous](const QString &nameInFile) -> QString {
        const QString name
            = QFileInfo(QString(nameInFile).replace(QLatin1Char('\\'), QLatin1Char('/'))).fileName();
        return ambiguous.contains(name) ? QString() : byName.value(name);
    };
}

} // namespace cropwise
