#include "core/annotations/ObjectBoxStore.h"

#include "core/io/AtomicWrite.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#include <cmath>

namespace cropwise {

QString objectBoxesPath(const QString &folder)
{
    return QDir(folder).filePath(QString::fromLatin1(kObjectBoxesFileName));
}

QString imageKey(const QString &imagePath)
{
    return QDir::cleanPath(QFileInfo(imagePath).absoluteFilePath());
}

QByteArray objectBoxesToJson(const QList<ImageAnnotations> &images, const QString &folder)
{
    const QDir dir(folder);
    QJsonArray jsonImages;
    for (const ImageAnnotations &image : images) {
        QJsonArray boxes;
        for (const ObjectBox &b : image.boxes)
            boxes.append(QJsonObject { { QStringLiteral("label"), b.label }, { QStringLiteral("x"), b.box.x },
                { QStringLiteral("y"), b.box.y }, { QStringLiteral("width"), b.box.width },
                { QStringLiteral("height"), b.box.height }, { QStringLiteral("difficult"), b.difficult },
                { QStringLiteral("truncated"), b.truncated } });
        jsonImages.append(QJsonObject { { QStringLiteral("file"), dir.relativeFilePath(image.imagePath) },
            { QStringLiteral("width"), image.size.width }, { QStringLiteral("height"), image.size.height },
            { QStringLiteral("verified"), image.verified }, { QStringLiteral("boxes"), boxes } });
    }
    const QJsonObject root { { QStringLiteral("format"), QString::fromLatin1(kObjectBoxesFormatName) },
        { QStringLiteral("version"), kObjectBoxesVersion },
        { QStringLiteral("coordinates"),
            QStringLiteral(
                "pixels of the image with its EXIF orientation applied, edges at x and x + width") },
        { QStringLiteral("images"), jsonImages } };
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

ObjectBoxesLoadResult objectBoxesFromJson(
    const QByteArray &json, const QString &folder, const QString &fileName)
{
    ObjectBoxesLoadResult result;
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    const QJsonObject root = doc.object();
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()
        || root.value(QStringLiteral("format")).toString() != QLatin1String(kObjectBoxesFormatName)) {
        result.error = QStringLiteral("%1: not a Cropwise object boxes file").arg(fileName);
        return result;
    }
    const int version = root.value(QStringLiteral("version")).toInt(0);
    if (version < 1 || version > kObjectBoxesVersion) {
        result.error = QStringLiteral("%1: version %2 is not supported (this Cropwise reads %3)")
                           .arg(fileName)
                           .arg(version)
                           .arg(kObjectBoxesVersion);
        return result;
    }
    const QDir dir(folder);
    const QJsonArray images = root.value(QStringLiteral("images")).toArray();
    for (int i = 0; i < images.size(); ++i) {
        const QJsonObject im = images[i].toObject();
        const QString file = im.value(QStringLiteral("file")).toString();
        if (file.isEmpty()) {
            result.warnings << QStringLiteral("%1: images[%2].file: missing; skipped").arg(fileName).arg(i);
            continue;
        }
        ImageAnnotations ann;
        ann.imagePath = QDir::cleanPath(dir.absoluteFilePath(file));
        ann.size = { im.value(QStringLiteral("width")).toInt(), im.value(QStringLiteral("height")).toInt() };
        ann.verified = im.value(QStringLiteral("verified")).toBool();
        const QJsonArray boxes = im.value(QStringLiteral("boxes")).toArray();
        for (int j = 0; j < boxes.size(); ++j) {
            const QJsonObject b = boxes[j].toObject();
            ObjectBox box;
            box.label = b.value(QStringLiteral("label")).toString();
            box.box = { b.value(QStringLiteral("x")).toDouble(NAN),
                b.value(QStringLiteral("y")).toDouble(NAN), b.value(QStringLiteral("width")).toDouble(NAN),
                b.value(QStringLiteral("height")).toDouble(NAN) };
            box.difficult = b.value(QStringLiteral("difficult")).toBool();
            box.truncated = b.value(QStringLiteral("truncated")).toBool();
            if (box.box.isEmpty() || !std::isfinite(box.box.x) || !std::isfinite(box.box.y)) {
                result.warnings << QStringLiteral(
                    "%1: images[%2].boxes[%3]: expected x, y and a positive width and "
                    "height; skipped")
                                       .arg(fileName)
                                       .arg(i)
                                       .arg(j);
                continue;
            }
            ann.boxes.append(box);
        }
        result.images.append(ann);
    }
    return result;
}

ObjectBoxesLoadResult loadObjectBoxes(const QString &folder)
{
    const QString path = objectBoxesPath(folder);
    QFile file(path);
    if (!file.exists())
        return {};
    if (!file.open(QIODevice::ReadOnly)) {
        ObjectBoxesLoadResult result;
        result.error = QStringLiteral("%1: cannot be read (%2)").arg(path, file.errorString());
        return result;
    }
    return objectBoxesFromJson(file.readAll(), folder, path);
}

QString saveObjectBoxes(const QString &folder, const QList<ImageAnnotations> &images)
{
    const QString path = objectBoxesPath(folder);
    const QString why
        = writeFileAtomically(path, objectBoxesToJson(images, folder), OverwritePolicy::Replace);
    return why.isEmpty() ? QString() : QStringLiteral("%1: %2").arg(path, why);
}

QHash<QString, ImageAnnotations> indexByImagePath(const QList<ImageAnnotations> &images)
{
    QHash<QString, ImageAnnotations> index;
    for (const ImageAnnotations &image : images) {
        const QString key = imageKey(image.imagePath);
        auto it = index.find(key);
        if (it == index.end()) {
            index.insert(key, image);
            continue;
        }
        it->boxes.append(image.boxes);
        it->verified = it->verified || image.verified;
        if (it->size.isEmpty())
            it->size = image.size;
    }
    return index;
}

QList<ImageAnnotations> mergeAnnotations(
    const QList<ImageAnnotations> &existing, const QList<ImageAnnotations> &imported)
{
    const QHash<QString, ImageAnnotations> incoming = indexByImagePath(imported);
    const QHash<QString, ImageAnnotations> kept = indexByImagePath(existing);
    QList<ImageAnnotations> out;
    QSet<QString> done;
    for (const ImageAnnotations &image : existing) {
        const QString key = imageKey(image.imagePath);
        if (done.contains(key))
            continue;
        out.append(incoming.contains(key) ? incoming.value(key) : kept.value(key));
        done.insert(key);
    }
    for (const ImageAnnotations &image : imported) {
        const QString key = imageKey(image.imagePath);
        if (!done.contains(key)) {
            out.append(incoming.value(key));
            done.insert(key);
        }
    }
    return out;
}

} // namespace cropwise
