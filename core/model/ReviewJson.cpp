#include "core/model/ReviewJson.h"

#include "core/model/ReviewState.h"

#include <cmath>
#include <limits>

namespace cropwise {

namespace {

// Review members, spelled once.
const QString kStatus = QStringLiteral("status");
const QString kSuggested = QStringLiteral("suggested");
const QString kAspect = QStringLiteral("aspect");
const QString kScore = QStringLiteral("score");
const QString kReasons = QStringLiteral("reasons");
const QString kSuggester = QStringLiteral("suggester");
const QString kAlternative = QStringLiteral("alternative");
const QString kKind = QStringLiteral("kind");
const QString kRect = QStringLiteral("rect");

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

std::optional<double> toScore(const QJsonValue &v)
{
    if (!v.isDouble() || !std::isfinite(v.toDouble()))
        return std::nullopt;
    return v.toDouble();
}

std::optional<QStringList> toStringList(const QJsonValue &v)
{
    if (!v.isArray())
        return std::nullopt;
    QStringList out;
    for (const QJsonValue &item : v.toArray()) {
        if (!item.isString())
            return std::nullopt;
        out.append(item.toString());
    }
    return out;
}

QJsonArray toJson(const QStringList &list)
{
    QJsonArray out;
    for (const QString &s : list)
        out.append(s);
    return out;
}

QJsonValue aspectToJson(const std::optional<AspectRatio> &aspect)
{
    return aspect ? QJsonValue(aspect->toString()) : QJsonValue(QJsonValue::Null);
}

// null = free (as in a crop's "aspect"); a string must parse.
std::optional<std::optional<AspectRatio>> aspectFromJson(const QJsonValue &v)
{
    if (v.isNull())
        return std::optional<AspectRatio>();
    if (!v.isString())
        return std::nullopt;
    const std::optional<AspectRatio> a = AspectRatio::parse(v.toString());
    if (!a)
        return std::nullopt;
    return std::optional<AspectRatio>(a);
}

QJsonObject userTurnToJson(const UserTurn &turn)
{
    return { { QStringLiteral("rotateClockwise"), turn.clockwiseDegrees() },
        { QStringLiteral("mirror"), turn.isMirrored() } };
}

std::optional<UserTurn> userTurnFromJson(const QJsonValue &v)
{
    const QJsonObject o = v.toObject();
    const auto degrees = toInt(o.value(QStringLiteral("rotateClockwise")));
    const QJsonValue mirror = o.value(QStringLiteral("mirror"));
    if (!v.isObject() || !degrees || !mirror.isBool())
        return std::nullopt;
    return UserTurn::fromParts(*degrees, mirror.toBool() ? UserTurn::Mirror::Yes : UserTurn::Mirror::No);
}

std::optional<MustIncludeRegion> regionFromJson(const QJsonValue &v)
{
    const QJsonObject o = v.toObject();
    const auto kind = parseMustIncludeKind(o.value(kKind).toString());
    const auto rect = rectFromJson(o.value(kRect));
    if (!v.isObject() || !kind || !rect || rect->isEmpty())
        return std::nullopt;
    return MustIncludeRegion { *kind, *rect };
}

QJsonObject suggestionToJson(const SuggestionRecord &s)
{
    return { { kRect, rectToJson(s.rect) }, { kScore, s.score }, { kReasons, toJson(s.reasons) } };
}

} // namespace

QJsonArray rectToJson(const Rect &rect)
{
    return { rect.x, rect.y, rect.width, rect.height };
}

std::optional<Rect> rectFromJson(const QJsonValue &value)
{
    const QJsonArray a = value.toArray();
    if (!value.isArray() || a.size() != 4)
        return std::nullopt;
    const auto x = toInt(a[0]), y = toInt(a[1]), w = toInt(a[2]), h = toInt(a[3]);
    if (!x || !y || !w || !h)
        return std::nullopt;
    return Rect { *x, *y, *w, *h };
}

QJsonObject cropReviewToJson(const CropReview &review)
{
    QJsonObject o = review.extraFields; // unknown members first, ours on top
    o.insert(kStatus, reviewStatusName(review.status));
    o.insert(kSuggested, rectToJson(review.suggested));
    o.insert(kAspect, aspectToJson(review.aspect));
    o.insert(kScore, review.score);
    o.insert(kReasons, toJson(review.reasons));
    o.insert(kSuggester, review.suggester);
    o.insert(kAlternative, review.alternative);
    return o;
}

CropReviewReadResult cropReviewFromJson(const QJsonValue &value, const Rect &cropRect)
{
    CropReviewReadResult result;
    if (!value.isObject()) {
        result.problem = QStringLiteral("it is not an object");
        return result;
    }
    const QJsonObject o = value.toObject();
    const QJsonValue statusValue = o.value(kStatus);
    if (!statusValue.isString()) {
        result.problem = QStringLiteral("it has no \"status\"");
        return result;
    }
    const auto status = parseReviewStatus(statusValue.toString());
    if (!status || *status == ReviewStatus::Manual)
        return result; // a status of a newer version (or "manual", which is never stored): keep verbatim

    CropReview review;
    const auto suggested = rectFromJson(o.value(kSuggested));
    if (!suggested) {
        result.problem = QStringLiteral("its \"suggested\" rect is not [x, y, width, height]");
        return result;
    }
    review.suggested = *suggested;
    if (o.contains(kAspect)) {
        const auto aspect = aspectFromJson(o.value(kAspect));
        if (!aspect) {
            result.problem = QStringLiteral("its \"aspect\" is unreadable");
            return result;
        }
        review.aspect = *aspect;
    }
    // Optional members: the decision and the suggested rect are what matters; missing details
    // (an older writer, a hand-made file) fall back to neutral values.
    if (o.contains(kScore)) {
        const auto score = toScore(o.value(kScore));
        if (!score) {
            result.problem = QStringLiteral("its \"score\" is not a number");
            return result;
        }
        review.score = *score;
    }
    if (o.contains(kReasons)) {
        const auto reasons = toStringList(o.value(kReasons));
        if (!reasons) {
            result.problem = QStringLiteral("its \"reasons\" are not a list of texts");
            return result;
        }
        review.reasons = *reasons;
    }
    review.suggester = o.value(kSuggester).toString();
    if (o.contains(kAlternative)) {
        const auto alternative = toInt(o.value(kAlternative));
        if (!alternative || *alternative < 0) {
            result.problem = QStringLiteral("its \"alternative\" is not a non-negative integer");
            return result;
        }
        review.alternative = *alternative;
    }
    review.status = consistentStatus(*status, cropRect, review.suggested);
    static const QStringList known
        = { kStatus, kSuggested, kAspect, kScore, kReasons, kSuggester, kAlternative };
    for (auto it = o.begin(); it != o.end(); ++it) {
        if (!known.contains(it.key()))
            review.extraFields.insert(it.key(), it.value());
    }
    result.review = review;
    return result;
}

QJsonArray mustIncludeToJson(const QList<MustIncludeRegion> &regions)
{
    QJsonArray out;
    for (const MustIncludeRegion &r : regions)
        out.append(QJsonObject { { kKind, mustIncludeKindName(r.kind) }, { kRect, rectToJson(r.rect) } });
    return out;
}

QList<MustIncludeRegion> mustIncludeFromJson(const QJsonValue &value, QStringList *warnings)
{
    QList<MustIncludeRegion> out;
    if (value.isUndefined())
        return out;
    if (!value.isArray()) {
        warnings->append(QStringLiteral("The must-include regions were not a list and were left out."));
        return out;
    }
    const QJsonArray a = value.toArray();
    for (qsizetype i = 0; i < a.size(); ++i) {
        const auto region = regionFromJson(a[i]);
        if (!region) {
            warnings->append(
                QStringLiteral("Must-include region %1 is unreadable (it needs a \"kind\" of "
                               "\"region\" or \"face\" and a non-empty \"rect\") and was left out.")
                    .arg(i + 1));
            continue;
        }
        out.append(*region);
    }
    return out;
}

QJsonObject suggestionCacheToJson(const SuggestionCache &cache)
{
    QJsonArray aspects;
    for (const auto &a : cache.key.aspects)
        aspects.append(aspectOrFreeName(a));
    const QJsonObject key { { QStringLiteral("sha256"), cache.key.contentSha256 },
        { kSuggester, cache.key.suggester }, { QStringLiteral("aspects"), aspects },
        { QStringLiteral("mustInclude"), mustIncludeToJson(cache.key.mustInclude) },
        { QStringLiteral("userTurn"), userTurnToJson(cache.key.userTurn) },
        { QStringLiteral("top"), cache.key.top } };

    QJsonObject hashed;
    hashed.insert(QStringLiteral("size"), double(cache.hashedFile.size));
    if (cache.hashedFile.modified.isValid())
        hashed.insert(
            QStringLiteral("modified"), cache.hashedFile.modified.toUTC().toString(Qt::ISODateWithMs));

    QJsonArray faces;
    for (const FaceRecord &f : cache.faces)
        faces.append(QJsonObject { { kRect, rectToJson(f.rect) }, { kScore, f.score } });

    QJsonArray results;
    for (const AspectSuggestionRecords &a : cache.aspects) {
        QJsonObject o { { kAspect, aspectOrFreeName(a.aspect) } };
        QJsonArray list;
        for (const SuggestionRecord &s : a.suggestions)
            list.append(suggestionToJson(s));
        o.insert(QStringLiteral("suggestions"), list);
        if (!a.error.isEmpty())
            o.insert(QStringLiteral("error"), a.error);
        results.append(o);
    }

    QJsonObject root { { QStringLiteral("key"), key }, { QStringLiteral("hashedFile"), hashed },
        { QStringLiteral("faces"), faces }, { QStringLiteral("results"), results } };
    if (!cache.importance.isEmpty()) {
        root.insert(QStringLiteral("importance"),
            QJsonObject { { QStringLiteral("width"), cache.importance.size.width },
                { QStringLiteral("height"), cache.importance.size.height },
                { QStringLiteral("data"), QString::fromLatin1(cache.importance.values.toBase64()) } });
    }
    return root;
}

std::optional<SuggestionCache> suggestionCacheFromJson(const QJsonValue &value, QString *problem)
{
    auto fail = [problem](const QString &why) {
        *problem = why;
        return std::nullopt;
    };
    if (!value.isObject())
        return fail(QStringLiteral("not an object"));
    const QJsonObject root = value.toObject();
    SuggestionCache cache;

    const QJsonObject key = root.value(QStringLiteral("key")).toObject();
    cache.key.contentSha256 = key.value(QStringLiteral("sha256")).toString();
    cache.key.suggester = key.value(kSuggester).toString();
    if (cache.key.contentSha256.isEmpty() || cache.key.suggester.isEmpty())
        return fail(QStringLiteral("no content hash or suggester version"));
    const QJsonValue aspects = key.value(QStringLiteral("aspects"));
    if (!aspects.isArray())
        return fail(QStringLiteral("no aspect list"));
    for (const QJsonValue &a : aspects.toArray()) {
        bool ok = false;
        const auto aspect = parseAspectOrFree(a.toString(), &ok);
        if (!ok)
            return fail(QStringLiteral("an unreadable aspect"));
        cache.key.aspects.append(aspect);
    }
    const QJsonValue regions = key.value(QStringLiteral("mustInclude"));
    if (!regions.isArray())
        return fail(QStringLiteral("no must-include list"));
    for (const QJsonValue &r : regions.toArray()) {
        const auto region = regionFromJson(r);
        if (!region)
            return fail(QStringLiteral("an unreadable must-include region"));
        cache.key.mustInclude.append(*region);
    }
    const auto turn = userTurnFromJson(key.value(QStringLiteral("userTurn")));
    const auto top = toInt(key.value(QStringLiteral("top")));
    if (!turn || !top || *top < 1)
        return fail(QStringLiteral("an unreadable user turn or top"));
    cache.key.userTurn = *turn;
    cache.key.top = *top;

    const QJsonObject hashed = root.value(QStringLiteral("hashedFile")).toObject();
    const QJsonValue hashedSize = hashed.value(QStringLiteral("size"));
    cache.hashedFile.size = hashedSize.isDouble() ? qint64(hashedSize.toDouble()) : -1;
    cache.hashedFile.modified
        = QDateTime::fromString(hashed.value(QStringLiteral("modified")).toString(), Qt::ISODateWithMs)
              .toUTC();

    for (const QJsonValue &f : root.value(QStringLiteral("faces")).toArray()) {
        const auto rect = rectFromJson(f.toObject().value(kRect));
        const auto score = toScore(f.toObject().value(kScore));
        if (!rect || !score)
            return fail(QStringLiteral("an unreadable face"));
        cache.faces.append({ *rect, *score });
    }

    const QJsonArray results = root.value(QStringLiteral("results")).toArray();
    if (results.size() != cache.key.aspects.size())
        return fail(QStringLiteral("results that do not match the aspects asked for"));
    for (qsizetype i = 0; i < results.size(); ++i) {
        const QJsonObject o = results[i].toObject();
        AspectSuggestionRecords a;
        bool ok = false;
        a.aspect = parseAspectOrFree(o.value(kAspect).toString(), &ok);
        if (!ok || a.aspect != cache.key.aspects[i])
            return fail(QStringLiteral("results that do not match the aspects asked for"));
        a.error = o.value(QStringLiteral("error")).toString();
        const QJsonArray list = o.value(QStringLiteral("suggestions")).toArray();
        for (qsizetype k = 0; k < list.size(); ++k) {
            const QJsonObject s = list[k].toObject();
            const auto rect = rectFromJson(s.value(kRect));
            const auto score = toScore(s.value(kScore));
            const auto reasons = toStringList(s.value(kReasons));
            if (!rect || rect->isEmpty() || !score || !reasons)
                return fail(QStringLiteral("an unreadable suggestion"));
            a.suggestions.append({ *rect, a.aspect, *score, *reasons, int(k) });
        }
        cache.aspects.append(a);
    }

    if (root.contains(QStringLiteral("importance"))) {
        const QJsonObject imp = root.value(QStringLiteral("importance")).toObject();
        const auto w = toInt(imp.value(QStringLiteral("width")));
        const auto h = toInt(imp.value(QStringLiteral("height")));
        const QByteArray values
            = QByteArray::fromBase64(imp.value(QStringLiteral("data")).toString().toLatin1());
        if (!w || !h || *w <= 0 || *h <= 0 || *w > kImportancePreviewLongSide
            || *h > kImportancePreviewLongSide || values.size() != qint64(*w) * *h)
            return fail(QStringLiteral("an unreadable importance map"));
        cache.importance = { { *w, *h }, values };
    }
    return cache;
}

} // namespace cropwise
