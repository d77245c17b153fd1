#include "core/annotations/CocoImporter.h"

#include "core/annotations/ImportSupport.h"

#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>

#include <cmath>
#include <optional>

namespace cropwise {

using namespace importdetail;

namespace {

// A JSON number that is an integer (ids); nullopt otherwise.
std::optional<qint64> integerOf(const QJsonValue &v)
{
    if (!v.isDouble())
        return std::nullopt;
    const double d = v.toDouble();
    if (!std::isfinite(d) || d != std::floor(d) || std::abs(d) > 9e15)
        return std::nullopt;
    return qint64(d);
}

bool flagOf(const QJsonValue &v)
{
    return v.isBool() ? v.toBool() : (v.isDouble() && v.toDouble() != 0.0);
}

} // namespace

ImageLocator defaultCocoLocator(const QString &jsonPath)
{
    const QString dir = QFileInfo(jsonPath).absolutePath();
    return locateInAny({ locateInFolder(dir + QStringLiteral("/images")), locateInFolder(dir) });
}

ImportResult importCoco(const QString &jsonPath, const ImageLocator &locateArg)
{
    ImportResult result;
    const ImageLocator locate = locateArg ? locateArg : defaultCocoLocator(jsonPath);
    const QString name = QFileInfo(jsonPath).fileName();
    QFile file(jsonPath);
    if (!file.open(QIODevice::ReadOnly)) {
        result.error = QStringLiteral("%1: cannot be read (%2)").arg(jsonPath, file.errorString());
        return result;
    }
    const QByteArray bytes = file.readAll();
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        const auto [line, column] = lineAndColumn(bytes, parseError.offset);
        result.error = QStringLiteral("%1:%2:%3: not valid JSON: %4")
                           .arg(name)
                           .arg(line)
                           .arg(column)
                           .arg(parseError.errorString());
        return result;
    }
    const QJsonObject root = doc.object();
    if (!doc.isObject() || !root.value(QStringLiteral("images")).isArray()
        || !root.value(QStringLiteral("annotations")).isArray()) {
        result.error = QStringLiteral(
            "%1: not a COCO file (expected an object with \"images\" and \"annotations\" arrays)")
                           .arg(name);
        return result;
    }

    // Categories: id -> name, reported in id order.
    QMap<qint64, QString> categories;
    const QJsonArray cats = root.value(QStringLiteral("categories")).toArray();
    for (int i = 0; i < cats.size(); ++i) {
        const QJsonObject c = cats[i].toObject();
        const Where where { name, 0, QStringLiteral("categories[%1]").arg(i) };
        const auto id = integerOf(c.value(QStringLiteral("id")));
        const QString catName = c.value(QStringLiteral("name")).toString();
        if (!id) {
            skipped(result.messages, { name, 0, where.field + QStringLiteral(".id") },
                QStringLiteral("expected an integer id; the category is skipped"));
            continue;
        }
        if (catName.trimmed().isEmpty()) {
            skipped(result.messages, { name, 0, where.field + QStringLiteral(".name") },
                QStringLiteral("expected a non-empty name; the category is skipped"));
            continue;
        }
        if (categories.contains(*id)) {
            skipped(result.messages, { name, 0, where.field + QStringLiteral(".id") },
                QStringLiteral("id %1 is used by an earlier category; skipped").arg(*id));
            continue;
        }
        categories.insert(*id, catName);
    }
    for (const QString &c : std::as_const(categories))
        if (!result.labels.contains(c))
            result.labels << c;

    // Images: id -> index in result.images.
    QHash<qint64, int> imageIndex;
    QList<ImageFrame> frames;
    const QJsonArray images = root.value(QStringLiteral("images")).toArray();
    for (int i = 0; i < images.size(); ++i) {
        const QJsonObject im = images[i].toObject();
        const QString field = QStringLiteral("images[%1]").arg(i);
        const auto id = integerOf(im.value(QStringLiteral("id")));
        const QString fileName = im.value(QStringLiteral("file_name")).toString();
        if (!id) {
            skipped(result.messages, { name, 0, field + QStringLiteral(".id") },
                QStringLiteral("expected an integer id; the image and its boxes are skipped"));
            continue;
        }
        if (fileName.isEmpty()) {
            skipped(result.messages, { name, 0, field + QStringLiteral(".file_name") },
                QStringLiteral("missing; the image and its boxes are skipped"));
            continue;
        }
        if (imageIndex.contains(*id)) {
            skipped(result.messages, { name, 0, field + QStringLiteral(".id") },
                QStringLiteral("id %1 is used by an earlier image; skipped").arg(*id));
            continue;
        }
        const auto w = integerOf(im.value(QStringLiteral("width")));
        const auto h = integerOf(im.value(QStringLiteral("height")));
        const Size recorded = (w && h && *w > 0 && *h > 0) ? Size { int(*w), int(*h) } : Size {};
        const ImageFrame frame = frameFor(locate, fileName, recorded, { name, 0, field }, result.messages);
        ImageAnnotations ann;
        ann.imagePath = frame.path;
        ann.size = frame.displayedSize;
        imageIndex.insert(*id, int(result.images.size()));
        result.images.append(ann);
        frames.append(frame);
    }

    const QJsonArray anns = root.value(QStringLiteral("annotations")).toArray();
    for (int i = 0; i < anns.size(); ++i) {
        const QJsonObject a = anns[i].toObject();
        const QString field = QStringLiteral("annotations[%1]").arg(i);
        const auto imageId = integerOf(a.value(QStringLiteral("image_id")));
        if (!imageId || !imageIndex.contains(*imageId)) {
            skipped(result.messages, { name, 0, field + QStringLiteral(".image_id") },
                QStringLiteral("no image with this id; skipped"));
            continue;
        }
        const auto categoryId = integerOf(a.value(QStringLiteral("category_id")));
        if (!categoryId || !categories.contains(*categoryId)) {
            skipped(result.messages, { name, 0, field + QStringLiteral(".category_id") },
                QStringLiteral("no category with this id; skipped"));
            continue;
        }
        if (flagOf(a.value(QStringLiteral("iscrowd")))) {
            skipped(result.messages, { name, 0, field + QStringLiteral(".iscrowd") },
                QStringLiteral("a crowd region, not one object; skipped"));
            continue;
        }
        const QJsonArray bbox = a.value(QStringLiteral("bbox")).toArray();
        bool numbers = bbox.size() == 4;
        for (const QJsonValue &v : bbox)
            numbers = numbers && v.isDouble() && std::isfinite(v.toDouble());
        if (!numbers) {
            skipped(result.messages, { name, 0, field + QStringLiteral(".bbox") },
                QStringLiteral("expected 4 numbers [x, y, width, height]; skipped"));
            continue;
        }
        const int index = imageIndex.value(*imageId);
        const QJsonObject attributes = a.value(QStringLiteral("attributes")).toObject();
        ObjectBox box;
        box.label = categories.value(*categoryId);
        box.box = { bbox[0].toDouble(), bbox[1].toDouble(), bbox[2].toDouble(), bbox[3].toDouble() };
        box.difficult = flagOf(attributes.value(QStringLiteral("difficult")));
        box.truncated = flagOf(attributes.value(QStringLiteral("truncated")));
        if (auto placed
            = placeBox(box, frames[index], { name, 0, field + QStringLiteral(".bbox") }, result.messages))
            result.images[index].boxes.append(*placed);
    }
    return result;
}

} // namespace cropwise
