#include "core/model/Sidecar.h"

#include "core/model/ModelLogging.h"
#include "core/model/ReviewJson.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>
#include <QSaveFile>
#include <QSet>
#include <QStandardPaths>

#include <cmath>
#include <limits>

namespace cropwise {

namespace {

const QString kFormatKey = QStringLiteral("format");
const QString kVersionKey = QStringLiteral("version");
const QString kImageKey = QStringLiteral("image");
const QString kUserTurnKey = QStringLiteral("userTurn");
const QString kVerifiedKey = QStringLiteral("verified");
const QString kCropsKey = QStringLiteral("crops");
const QString kMustIncludeKey = QStringLiteral("mustInclude");
const QString kSuggestionsKey = QStringLiteral("suggestions");
const QString kReviewKey = QStringLiteral("review");

const QSet<QString> kKnownTopLevelKeys = { kFormatKey, kVersionKey, kImageKey, kUserTurnKey, kVerifiedKey,
    kCropsKey, kMustIncludeKey, kSuggestionsKey };
const QSet<QString> kKnownCropKeys = { QStringLiteral("id"), QStringLiteral("name"), QStringLiteral("label"),
    QStringLiteral("rect"), QStringLiteral("aspect"), kReviewKey };

// Sidecars are a few KB; anything far larger is not one of ours (and is not slurped into memory).
constexpr qint64 kMaxSidecarBytes = 64 * 1024 * 1024;

std::optional<int> toInt(const QJsonValue &v)
{
    if (!v.isDouble())
        return std::nullopt;
    const double d = v.toDouble();
    if (!std::isfinite(d) || d != std::floor(d) || d < std::numeric_limits<int>::min()
        || d > std::numeric_limits<int>::max())
        return std::nullopt;
    return int(d);
}

QString describeRect(const Rect &r)
{
    return QStringLiteral("%1, %2, %3 x %4").arg(r.x).arg(r.y).arg(r.width).arg(r.height);
}

QString sizeText(Size s)
{
    return QStringLiteral("%1 x %2").arg(s.width).arg(s.height);
}

QJsonObject cropToJson(const Crop &c)
{
    QJsonObject o = c.extraFields; // unknown members first, known ones on top (ours win on a clash)
    o.insert(QStringLiteral("id"), c.id);
    o.insert(QStringLiteral("name"), c.name);
    o.insert(QStringLiteral("label"), c.label);
    o.insert(QStringLiteral("rect"), QJsonArray { c.rect.x, c.rect.y, c.rect.width, c.rect.height });
    o.insert(QStringLiteral("aspect"), c.aspect ? QJsonValue(c.aspect->toString()) : QJsonValue());
    if (c.review) // else an unreadable "review" kept in extraFields stays as it was
        o.insert(kReviewKey, cropReviewToJson(*c.review));
    return o;
}

// The sidecar's header only: is this a file we may replace?
QString checkReplaceable(const QString &path)
{
    QFile file(path);
    if (file.size() > kMaxSidecarBytes)
        return QStringLiteral("it is too large to be a Cropwise sidecar");
    if (!file.open(QIODevice::ReadOnly))
        return QStringLiteral("it cannot be read (%1)").arg(file.errorString());
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll());
    const QJsonObject o = doc.object();
    if (!doc.isObject() || o.value(kFormatKey).toString() != QLatin1String(kSidecarFormatName))
        return QStringLiteral("it is not a Cropwise sidecar");
    const auto version = toInt(o.value(kVersionKey));
    if (!version || *version < 1 || *version > kSidecarVersion)
        return QStringLiteral("it has a format version this Cropwise does not write");
    return {};
}

// Writes bytes atomically. `couldNotCreate` tells a folder that refuses new files (fall back)
// from later failures (disk full...), which must be reported, not hidden by a fallback.
QString saveAtomically(const QString &path, const QByteArray &bytes, bool *couldNotCreate)
{
    *couldNotCreate = false;
    if (QFileInfo::exists(path)) {
        const QString why = checkReplaceable(path);
        if (!why.isEmpty())
            return QStringLiteral("Cropwise did not overwrite %1: %2. It was left as it is.").arg(path, why);
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *couldNotCreate = true;
        return QStringLiteral("Cannot create the sidecar %1: %2.").arg(path, file.errorString());
    }
    if (file.write(bytes) != bytes.size()) {
        const QString why = file.errorString();
        file.cancelWriting();
        return QStringLiteral("Cannot write the sidecar %1: %2.").arg(path, why);
    }
    if (!file.commit())
        return QStringLiteral("Cannot save the sidecar %1: %2.").arg(path, file.errorString());
    return {};
}

// Renames a broken sidecar aside; returns the new path or an empty string (+ why).
QString keepAside(const QString &path, QString *why)
{
    const QString stamp = QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    QString target = path + QStringLiteral(".broken-") + stamp;
    for (int n = 2; QFileInfo::exists(target); ++n)
        target = path + QStringLiteral(".broken-") + stamp + QLatin1Char('-') + QString::number(n);
    QFile file(path);
    if (!file.rename(target)) {
        *why = file.errorString();
        return {};
    }
    return target;
}

SidecarImageInfo currentImageInfo(const QString &imagePath, Size orientedSize)
{
    const QFileInfo info(imagePath);
    SidecarImageInfo image;
    image.fileName = info.fileName();
    image.orientedSize = orientedSize;
    image.fileSize = info.exists() ? info.size() : -1;
    image.modified = info.exists() ? info.lastModified().toUTC() : QDateTime();
    return image;
}

QString identityPath(const QString &imagePath)
{
    const QFileInfo info(imagePath);
    const QString canonical = info.canonicalFilePath();
    return canonical.isEmpty() ? QDir::cleanPath(info.absoluteFilePath()) : canonical;
}

} // namespace

QByteArray toSidecarJson(const ImageState &state, const SidecarImageInfo &image)
{
    QJsonObject root = state.extraFields;
    root.insert(kFormatKey, QLatin1String(kSidecarFormatName));
    root.insert(kVersionKey, kSidecarVersion);

    QJsonObject imageObject;
    imageObject.insert(QStringLiteral("file"), image.fileName);
    if (!image.absolutePath.isEmpty())
        imageObject.insert(QStringLiteral("path"), image.absolutePath);
    imageObject.insert(QStringLiteral("width"), image.orientedSize.width);
    imageObject.insert(QStringLiteral("height"), image.orientedSize.height);
    if (image.fileSize >= 0)
        imageObject.insert(QStringLiteral("fileSize"), double(image.fileSize));
    if (image.modified.isValid())
        imageObject.insert(QStringLiteral("modified"), image.modified.toUTC().toString(Qt::ISODateWithMs));
    root.insert(kImageKey, imageObject);

    root.insert(kUserTurnKey,
        QJsonObject { { QStringLiteral("rotateClockwise"), state.userTurn.clockwiseDegrees() },
            { QStringLiteral("mirror"), state.userTurn.isMirrored() } });
    root.insert(kVerifiedKey, state.verified);

    QJsonArray crops;
    for (const Crop &c : state.crops)
        crops.append(cropToJson(c));
    root.insert(kCropsKey, crops);
    // Written only when used, so sidecars of images never suggested stay as they were.
    if (!state.mustInclude.isEmpty())
        root.insert(kMustIncludeKey, mustIncludeToJson(state.mustInclude));
    if (state.suggestions)
        root.insert(kSuggestionsKey, suggestionCacheToJson(*state.suggestions));
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

SidecarParseResult parseSidecarJson(const QByteArray &json, Size currentOrientedSize)
{
    SidecarParseResult result;
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        result.error = QStringLiteral("is not valid JSON (%1 at byte %2)")
                           .arg(parseError.errorString())
                           .arg(parseError.offset);
        return result;
    }
    if (!doc.isObject()) {
        result.error = QStringLiteral("is not a Cropwise sidecar (no JSON object)");
        return result;
    }
    const QJsonObject root = doc.object();
    if (root.value(kFormatKey).toString() != QLatin1String(kSidecarFormatName)) {
        result.error = QStringLiteral("is not a Cropwise sidecar (\"format\" is not \"%1\")")
                           .arg(QLatin1String(kSidecarFormatName));
        return result;
    }
    const auto version = toInt(root.value(kVersionKey));
    if (!version || *version < 1) {
        result.error = QStringLiteral("has no valid format version");
        return result;
    }
    result.version = *version;
    if (*version > kSidecarVersion) {
        result.error = QStringLiteral("was written by a newer Cropwise (format version %1; this version "
                                      "reads up to %2)")
                           .arg(*version)
                           .arg(kSidecarVersion);
        return result;
    }

    // The image block describes the file; it is rewritten from the file on every save.
    const QJsonObject image = root.value(kImageKey).toObject();
    result.recordedImage.fileName = image.value(QStringLiteral("file")).toString();
    result.recordedImage.absolutePath = image.value(QStringLiteral("path")).toString();
    const auto width = toInt(image.value(QStringLiteral("width")));
    const auto height = toInt(image.value(QStringLiteral("height")));
    if (width && height && *width > 0 && *height > 0)
        result.recordedImage.orientedSize = { *width, *height };
    const QJsonValue fileSize = image.value(QStringLiteral("fileSize"));
    if (fileSize.isDouble())
        result.recordedImage.fileSize = qint64(fileSize.toDouble());
    result.recordedImage.modified
        = QDateTime::fromString(image.value(QStringLiteral("modified")).toString(), Qt::ISODateWithMs);

    Size oriented = currentOrientedSize;
    const Size recorded = result.recordedImage.orientedSize;
    if (oriented.isEmpty()) {
        if (recorded.isEmpty()) {
            result.error = QStringLiteral("records no valid image size");
            return result;
        }
        oriented = recorded;
    } else if (recorded.isEmpty()) {
        result.warnings.append(QStringLiteral("The sidecar records no valid image size; its crops were "
                                              "checked against the image's actual size."));
    } else if (recorded != oriented) {
        result.warnings.append(QStringLiteral("The image is %1 pixels but its crops were saved for %2 "
                                              "pixels (was the file replaced?). Crops that still fit "
                                              "were kept unchanged.")
                                   .arg(sizeText(oriented), sizeText(recorded)));
    }

    // A wrong turn would put every crop on the wrong pixels: refuse rather than guess.
    if (root.contains(kUserTurnKey)) {
        const QJsonObject turn = root.value(kUserTurnKey).toObject();
        const auto degrees = toInt(turn.value(QStringLiteral("rotateClockwise")));
        const QJsonValue mirror = turn.value(QStringLiteral("mirror"));
        const auto userTurn = degrees && mirror.isBool()
            ? UserTurn::fromParts(*degrees, mirror.toBool() ? UserTurn::Mirror::Yes : UserTurn::Mirror::No)
            : std::nullopt;
        if (!userTurn) {
            result.error = QStringLiteral("has an invalid \"userTurn\"");
            return result;
        }
        result.state.userTurn = *userTurn;
    }

    const QJsonValue verified = root.value(kVerifiedKey);
    if (verified.isBool()) {
        result.state.verified = verified.toBool();
    } else if (!verified.isUndefined()) {
        result.warnings.append(QStringLiteral("The \"verified\" flag was not true or false; it was reset."));
    }

    const QJsonValue cropsValue = root.value(kCropsKey);
    if (!cropsValue.isUndefined() && !cropsValue.isArray()) {
        result.error = QStringLiteral("has a \"crops\" member that is not a list");
        return result;
    }
    const Rect bounds = Rect::fromSize(result.state.userTurn.apply(oriented));
    QSet<QString> ids;
    const QJsonArray crops = cropsValue.toArray();
    for (qsizetype i = 0; i < crops.size(); ++i) {
        if (!crops[i].isObject()) {
            result.warnings.append(
                QStringLiteral("Crop %1 of the sidecar is not an object and was left out.").arg(i + 1));
            continue;
        }
        const QJsonObject o = crops[i].toObject();
        Crop c;
        c.name = o.value(QStringLiteral("name")).toString();
        c.label = o.value(QStringLiteral("label")).toString();
        const QString shownName = c.name.isEmpty() ? QStringLiteral("number %1").arg(i + 1)
                                                   : QStringLiteral("\"%1\"").arg(c.name);
        const QJsonArray rect = o.value(QStringLiteral("rect")).toArray();
        std::optional<int> parts[4];
        for (int k = 0; k < 4 && k < rect.size(); ++k)
            parts[k] = toInt(rect[k]);
        if (rect.size() != 4 || !parts[0] || !parts[1] || !parts[2] || !parts[3]) {
            result.warnings.append(QStringLiteral("The crop %1 has no valid \"rect\" [x, y, width, height] "
                                                  "and was left out.")
                                       .arg(shownName));
            continue;
        }
        c.rect = { *parts[0], *parts[1], *parts[2], *parts[3] };
        if (c.rect.isEmpty() || !bounds.contains(c.rect)) {
            result.warnings.append(QStringLiteral("The crop %1 (%2) does not lie inside the %3 image and "
                                                  "was left out.")
                                       .arg(shownName, describeRect(c.rect), sizeText(bounds.size())));
            continue;
        }
        const QJsonValue aspect = o.value(QStringLiteral("aspect"));
        if (aspect.isString()) {
            c.aspect = AspectRatio::parse(aspect.toString());
            if (!c.aspect)
                result.warnings.append(QStringLiteral("The crop %1 has an unreadable aspect \"%2\"; it is "
                                                      "now free.")
                                           .arg(shownName, aspect.toString()));
        } else if (!aspect.isNull() && !aspect.isUndefined()) {
            result.warnings.append(
                QStringLiteral("The crop %1 has an unreadable aspect; it is now free.").arg(shownName));
        }
        c.id = o.value(QStringLiteral("id")).toString();
        if (c.id.isEmpty() || ids.contains(c.id)) {
            result.warnings.append(c.id.isEmpty()
                    ? QStringLiteral("The crop %1 had no id and got a new one.").arg(shownName)
                    : QStringLiteral("The crop %1 repeated the id %2 and got a new one.")
                          .arg(shownName, c.id));
            c.id = Crop::newId();
        }
        ids.insert(c.id);
        for (auto it = o.begin(); it != o.end(); ++it) {
            if (!kKnownCropKeys.contains(it.key()))
                c.extraFields.insert(it.key(), it.value());
        }
        if (o.contains(kReviewKey)) {
            const CropReviewReadResult review = cropReviewFromJson(o.value(kReviewKey), c.rect);
            c.review = review.review;
            if (!review.review) // a newer version's status, or broken: kept verbatim, never lost
                c.extraFields.insert(kReviewKey, o.value(kReviewKey));
            if (!review.review && !review.problem.isEmpty())
                result.warnings.append(
                    QStringLiteral("The review state of the crop %1 is unreadable (%2); the "
                                   "crop now counts as drawn by hand.")
                        .arg(shownName, review.problem));
        }
        result.state.crops.append(c);
    }

    for (const MustIncludeRegion &r : mustIncludeFromJson(root.value(kMustIncludeKey), &result.warnings)) {
        if (bounds.contains(r.rect)) {
            result.state.mustInclude.append(r);
            continue;
        }
        result.warnings.append(
            QStringLiteral("A must-include region (%1) does not lie inside the %2 image and "
                           "was left out.")
                .arg(describeRect(r.rect), sizeText(bounds.size())));
    }
    if (root.contains(kSuggestionsKey)) {
        // A cache: when unreadable it is recomputed, which is no news for the user.
        QString problem;
        result.state.suggestions = suggestionCacheFromJson(root.value(kSuggestionsKey), &problem);
        if (!result.state.suggestions)
            qCInfo(lcModel).noquote() << "Ignoring an unreadable suggestion cache:" << problem;
    }

    for (auto it = root.begin(); it != root.end(); ++it) {
        if (!kKnownTopLevelKeys.contains(it.key()))
            result.state.extraFields.insert(it.key(), it.value());
    }
    return result;
}

SidecarStore::SidecarStore()
    : SidecarStore(
        QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/sidecars"),
        [](const QString &folder) { return QFileInfo(folder).isWritable(); })
{
}

SidecarStore::SidecarStore(const QString &userDataFolder, FolderCheck isFolderWritable)
    : m_userDataFolder(userDataFolder)
    , m_isFolderWritable(std::move(isFolderWritable))
{
}

SidecarLocation SidecarStore::besideImage(const QString &imagePath) const
{
    return { QDir::cleanPath(QFileInfo(imagePath).absoluteFilePath()) + QLatin1String(kSidecarSuffix),
        SidecarPlace::BesideImage };
}

SidecarLocation SidecarStore::inUserDataFolder(const QString &imagePath) const
{
    const QByteArray hash
        = QCryptographicHash::hash(identityPath(imagePath).toUtf8(), QCryptographicHash::Sha1);
    return { QDir(m_userDataFolder).filePath(QString::fromLatin1(hash.toHex()) + QStringLiteral(".json")),
        SidecarPlace::UserDataFolder };
}

SidecarLocation SidecarStore::preferredLocation(const QString &imagePath) const
{
    const QString folder = QFileInfo(imagePath).absolutePath();
    return m_isFolderWritable(folder) ? besideImage(imagePath) : inUserDataFolder(imagePath);
}

std::optional<SidecarLocation> SidecarStore::existingSidecar(const QString &imagePath) const
{
    for (const SidecarLocation &loc : { besideImage(imagePath), inUserDataFolder(imagePath) }) {
        if (QFileInfo::exists(loc.path))
            return loc;
    }
    return std::nullopt;
}

SidecarReadResult SidecarStore::read(const QString &imagePath, Size orientedSize) const
{
    SidecarReadResult result;
    QStringList errors;
    struct Loaded
    {
        SidecarLocation location;
        SidecarParseResult parsed;
        QDateTime modified;
    };
    std::optional<Loaded> best;

    for (const SidecarLocation &loc : { besideImage(imagePath), inUserDataFolder(imagePath) }) {
        const QFileInfo info(loc.path);
        if (!info.exists())
            continue;
        QString problem;
        QFile file(loc.path);
        if (info.isDir()) {
            problem = QStringLiteral("is a folder");
        } else if (info.size() > kMaxSidecarBytes) {
            problem = QStringLiteral("is too large to be a Cropwise sidecar");
        } else if (!file.open(QIODevice::ReadOnly)) {
            // Not readable now (permissions, I/O): leave it in place; write() will not replace it.
            errors.append(QStringLiteral("The sidecar %1 cannot be read (%2). It was left in place and will "
                                         "not be overwritten.")
                              .arg(loc.path, file.errorString()));
            if (result.location.path.isEmpty())
                result.location = loc;
            continue;
        }
        SidecarParseResult parsed;
        if (problem.isEmpty()) {
            parsed = parseSidecarJson(file.readAll(), orientedSize);
            file.close();
            problem = parsed.error;
        }
        if (problem.isEmpty()) {
            const QDateTime modified = info.lastModified();
            if (best) {
                const bool newer = modified > best->modified;
                result.warnings.append(
                    QStringLiteral("Sidecars were found both at %1 and at %2; the more "
                                   "recent one (%3) was used.")
                        .arg(best->location.path, loc.path, newer ? loc.path : best->location.path));
                if (!newer)
                    continue;
            }
            best = Loaded { loc, parsed, modified };
            continue;
        }
        if (result.location.path.isEmpty())
            result.location = loc;
        if (info.isDir()) {
            errors.append(QStringLiteral("The sidecar %1 %2. It was left in place.").arg(loc.path, problem));
            continue;
        }
        QString why;
        const QString aside = keepAside(loc.path, &why);
        if (aside.isEmpty()) {
            errors.append(
                QStringLiteral("The sidecar %1 %2. It could not be moved aside (%3), so it was left "
                               "in place and will not be overwritten.")
                    .arg(loc.path, problem, why));
        } else {
            if (result.keptAsidePath.isEmpty())
                result.keptAsidePath = aside;
            errors.append(
                QStringLiteral("The sidecar %1 %2. It was kept as %3.").arg(loc.path, problem, aside));
        }
    }

    result.error = errors.join(QLatin1Char(' '));
    if (!errors.isEmpty()) {
        result.error += best
            ? QStringLiteral(" The crops saved in %1 were loaded instead.").arg(best->location.path)
            : QStringLiteral(" The image opens without saved crops.");
        qCWarning(lcModel).noquote() << result.error;
    }
    if (best) {
        result.status = SidecarReadResult::Status::Loaded;
        result.location = best->location;
        result.state = best->parsed.state;
        result.recordedImage = best->parsed.recordedImage;
        result.warnings.append(best->parsed.warnings);
    } else if (!errors.isEmpty()) {
        result.status = SidecarReadResult::Status::Broken;
    }
    return result;
}

SidecarWriteResult SidecarStore::write(
    const QString &imagePath, Size orientedSize, const ImageState &state) const
{
    SidecarImageInfo image = currentImageInfo(imagePath, orientedSize);
    SidecarWriteResult result;
    result.location = preferredLocation(imagePath);
    if (result.location.place == SidecarPlace::BesideImage) {
        bool couldNotCreate = false;
        result.error = saveAtomically(result.location.path, toSidecarJson(state, image), &couldNotCreate);
        if (!couldNotCreate)
            return result;
        qCInfo(lcModel).noquote() << result.error << "Falling back to the per-user data folder.";
        result.location = inUserDataFolder(imagePath);
    }
    if (!QDir().mkpath(m_userDataFolder)) {
        result.error = QStringLiteral("Cannot create the folder %1 for the sidecar of %2.")
                           .arg(m_userDataFolder, imagePath);
        return result;
    }
    image.absolutePath = identityPath(imagePath);
    bool couldNotCreate = false;
    result.error = saveAtomically(result.location.path, toSidecarJson(state, image), &couldNotCreate);
    return result;
}

SidecarReadResult readSidecar(const QString &imagePath, Size orientedSize)
{
    return SidecarStore().read(imagePath, orientedSize);
}

SidecarWriteResult writeSidecar(const QString &imagePath, Size orientedSize, const ImageState &state)
{
    return SidecarStore().write(imagePath, orientedSize, state);
}

} // namespace cropwise
