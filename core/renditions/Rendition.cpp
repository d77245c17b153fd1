#include "core/renditions/Rendition.h"

#include "core/renditions/FileNameTemplate.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QRegularExpression>
#include <QSet>

#include <cmath>

namespace cropwise {

namespace {

const QSet<QString> kSetKeys = { QStringLiteral("version"), QStringLiteral("name"),
    QStringLiteral("description"), QStringLiteral("renditions") };
const QSet<QString> kRenditionKeys = { QStringLiteral("name"), QStringLiteral("aspect"),
    QStringLiteral("size"), QStringLiteral("format"), QStringLiteral("quality"), QStringLiteral("fileName") };

// The same one-pixel tolerance as exportPixelSize(): an exact size "has" an aspect when either side
// computed from the other is within one pixel of the given one (1200x628 is 191:100).
bool sizeHasAspect(int w, int h, AspectRatio a)
{
    const double heightForWidth = double(w) * a.den / a.num;
    const double widthForHeight = double(h) * a.num / a.den;
    return std::abs(heightForWidth - h) <= 1.0 || std::abs(widthForHeight - w) <= 1.0;
}

// The ratio with the smallest terms that w x h has to within one pixel. Crops of a ratio are whole
// multiples of its terms (core/geometry/AspectSolver.h), so 1200x628 is better served by 21:11
// (crops in steps of 21 x 11 pixels) than by its exact 300:157.
AspectRatio simplestAspectOf(int w, int h)
{
    AspectRatio best = *AspectRatio::make(w, h);
    for (int q = 1; q < std::max(best.num, best.den); ++q) { // stops once q cannot beat the best
        const int p = std::max(1, int(std::lround(double(w) * q / h)));
        if (std::max(p, q) >= std::max(best.num, best.den))
            continue;
        if (sizeHasAspect(w, h, *AspectRatio::make(p, q)))
            best = *AspectRatio::make(p, q);
    }
    return best;
}

QString nameProblem(const QString &name)
{
    if (name.trimmed().isEmpty())
        return QStringLiteral("must not be empty");
    if (name != name.trimmed())
        return QStringLiteral("must not start or end with spaces");
    if (name.size() > 64)
        return QStringLiteral("at most 64 characters");
    if (name.startsWith(QLatin1Char('.')))
        return QStringLiteral("must not start with a dot");
    for (const QChar c : name) {
        if (c.unicode() < 0x20 || c.unicode() == 0x7f || c == QLatin1Char('/') || c == QLatin1Char('\\'))
            return QStringLiteral("must not contain / \\ or control characters");
    }
    return {};
}

QString formatToken(OutputFormat f)
{
    return outputFormatName(f); // "jpeg", "png", "webp", "tiff"
}

// One rendition's problems other than JSON types, shared by parsing and validateRenditionSet().
QString renditionProblem(const Rendition &r, const QString &field)
{
    if (const QString p = nameProblem(r.name); !p.isEmpty())
        return QStringLiteral("%1.name: %2").arg(field, p);
    const auto sideOk = [](int n) { return n >= 1 && n <= kMaxRenditionSide; };
    if (r.size.kind == RenditionSize::Kind::Exact) {
        if (!sideOk(r.size.width) || !sideOk(r.size.height))
            return QStringLiteral("%1.size: each side must be 1..%2 pixels")
                .arg(field)
                .arg(kMaxRenditionSide);
        if (!r.aspect)
            return QStringLiteral(
                "%1.size: an \"original\" aspect needs a longest side (a number), not \"WxH\"")
                .arg(field);
        if (!sizeHasAspect(r.size.width, r.size.height, *r.aspect))
            return QStringLiteral("%1.size: %2 does not have the aspect %3")
                .arg(field, r.size.toString(), r.aspect->toString());
    } else if (!sideOk(r.size.longestSide)) {
        return QStringLiteral("%1.size: the longest side must be 1..%2 pixels")
            .arg(field)
            .arg(kMaxRenditionSide);
    }
    if (r.quality < 1 || r.quality > 100)
        return QStringLiteral("%1.quality: expected an integer from 1 to 100").arg(field);
    if (const QString p = checkFileNameTemplate(r.fileNameTemplate); !p.isEmpty())
        return QStringLiteral("%1.fileName: %2").arg(field, p);
    return {};
}

QString setProblem(const RenditionSet &set)
{
    if (const QString p = nameProblem(set.name); !p.isEmpty())
        return QStringLiteral("name: %1").arg(p);
    if (set.renditions.isEmpty())
        return QStringLiteral("renditions: at least one rendition is needed");
    QSet<QString> seen;
    for (qsizetype i = 0; i < set.renditions.size(); ++i) {
        const QString field = QStringLiteral("renditions[%1]").arg(i);
        if (const QString p = renditionProblem(set.renditions[i], field); !p.isEmpty())
            return p;
        const QString key = set.renditions[i].name.toCaseFolded();
        if (seen.contains(key))
            return QStringLiteral("%1.name: \"%2\" is used twice").arg(field, set.renditions[i].name);
        seen.insert(key);
    }
    return {};
}

QString typeName(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return QStringLiteral("true/false");
    case QJsonValue::Double:
        return QStringLiteral("a number");
    case QJsonValue::String:
        return QStringLiteral("a string");
    case QJsonValue::Array:
        return QStringLiteral("a list");
    case QJsonValue::Object:
        return QStringLiteral("an object");
    case QJsonValue::Undefined:
        return QStringLiteral("nothing");
    }
    return {};
}

bool isWholeNumber(const QJsonValue &v)
{
    if (!v.isDouble())
        return false;
    const double d = v.toDouble();
    return std::isfinite(d) && d == std::floor(d) && std::abs(d) < 1e9;
}

struct LineColumn
{
    int line = 1;
    int column = 1;
};

LineColumn lineColumnAt(const QByteArray &text, qsizetype offset)
{
    LineColumn lc;
    for (qsizetype i = 0; i < offset && i < text.size(); ++i) {
        if (text[i] == '\n') {
            ++lc.line;
            lc.column = 1;
        } else {
            ++lc.column;
        }
    }
    return lc;
}

// Parses one rendition object; on error returns "<field>: <problem>".
QString parseRendition(const QJsonValue &value, const QString &field, Rendition *out)
{
    if (!value.isObject())
        return QStringLiteral("%1: expected an object, found %2").arg(field, typeName(value));
    const QJsonObject o = value.toObject();
    for (auto it = o.begin(); it != o.end(); ++it) {
        if (!kRenditionKeys.contains(it.key()))
            return QStringLiteral(
                "%1.%2: unknown member (known: aspect, fileName, format, name, quality, size)")
                .arg(field, it.key());
    }
    Rendition r;
    const QJsonValue name = o.value(QStringLiteral("name"));
    if (!name.isString())
        return QStringLiteral("%1.name: expected a string, found %2").arg(field, typeName(name));
    r.name = name.toString();

    // size: "WxH" or a number (the longest side).
    const QJsonValue size = o.value(QStringLiteral("size"));
    static const QRegularExpression wxh(QStringLiteral("^\\s*(\\d{1,6})\\s*[xX×]\\s*(\\d{1,6})\\s*$"));
    if (isWholeNumber(size)) {
        r.size = RenditionSize::longest(int(size.toDouble()));
    } else if (const QRegularExpressionMatch m = wxh.match(size.toString());
               size.isString() && m.hasMatch()) {
        r.size = RenditionSize::exact(m.captured(1).toInt(), m.captured(2).toInt());
    } else {
        return QStringLiteral("%1.size: expected \"WxH\" or a number").arg(field);
    }

    // aspect: "a:b" or "original"; may be left out with an exact size (then it is W:H).
    const QJsonValue aspect = o.value(QStringLiteral("aspect"));
    if (aspect.isUndefined()) {
        if (r.size.kind == RenditionSize::Kind::LongestSide)
            return QStringLiteral("%1.aspect: needed with a longest side (\"a:b\" or \"original\")")
                .arg(field);
        r.aspect = simplestAspectOf(r.size.width, r.size.height);
    } else if (!aspect.isString()) {
        return QStringLiteral("%1.aspect: expected \"a:b\" or \"original\", found %2")
            .arg(field, typeName(aspect));
    } else if (aspect.toString().trimmed().compare(QLatin1String("original"), Qt::CaseInsensitive) == 0) {
        r.aspect = std::nullopt;
    } else {
        r.aspect = AspectRatio::parse(aspect.toString());
        if (!r.aspect)
            return QStringLiteral(
                "%1.aspect: expected \"a:b\" with positive integers or \"original\", found \"%2\"")
                .arg(field, aspect.toString());
    }

    const QJsonValue format = o.value(QStringLiteral("format"));
    if (!format.isUndefined()) {
        const std::optional<OutputFormat> f
            = format.isString() ? parseOutputFormatName(format.toString()) : std::nullopt;
        if (!f)
            return QStringLiteral("%1.format: expected \"jpeg\", \"png\", \"webp\" or \"tiff\"").arg(field);
        r.format = *f;
    }
    const QJsonValue quality = o.value(QStringLiteral("quality"));
    if (!quality.isUndefined()) {
        if (!isWholeNumber(quality))
            return QStringLiteral("%1.quality: expected an integer from 1 to 100").arg(field);
        r.quality = int(quality.toDouble());
    }
    const QJsonValue fileName = o.value(QStringLiteral("fileName"));
    if (!fileName.isUndefined()) {
        if (!fileName.isString())
            return QStringLiteral("%1.fileName: expected a string, found %2").arg(field, typeName(fileName));
        r.fileNameTemplate = fileName.toString();
    }
    if (const QString p = renditionProblem(r, field); !p.isEmpty())
        return p;
    *out = r;
    return {};
}

} // namespace

QString RenditionSize::toString() const
{
    return kind == Kind::Exact ? QStringLiteral("%1x%2").arg(width).arg(height)
                               : QString::number(longestSide);
}

std::optional<Rendition> RenditionSet::rendition(const QString &renditionName) const
{
    for (const Rendition &r : renditions) {
        if (r.name.compare(renditionName, Qt::CaseInsensitive) == 0)
            return r;
    }
    return std::nullopt;
}

std::optional<OutputFormat> parseOutputFormatName(const QString &name)
{
    const QString n = name.trimmed().toLower();
    if (n == QLatin1String("jpeg") || n == QLatin1String("jpg"))
        return OutputFormat::Jpeg;
    if (n == QLatin1String("png"))
        return OutputFormat::Png;
    if (n == QLatin1String("webp"))
        return OutputFormat::WebP;
    if (n == QLatin1String("tiff") || n == QLatin1String("tif"))
        return OutputFormat::Tiff;
    return std::nullopt;
}

RenditionSetParseResult parseRenditionSet(const QByteArray &json, const QString &sourceName)
{
    RenditionSetParseResult result;
    const auto fail = [&](const QString &problem) {
        result.set = {};
        result.error = QStringLiteral("%1: %2").arg(sourceName, problem);
        return result;
    };
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        const LineColumn lc = lineColumnAt(json, parseError.offset);
        return fail(QStringLiteral("line %1, column %2: not valid JSON (%3)")
                        .arg(lc.line)
                        .arg(lc.column)
                        .arg(parseError.errorString()));
    }
    if (!doc.isObject())
        return fail(QStringLiteral("expected a JSON object with \"name\" and \"renditions\""));
    const QJsonObject root = doc.object();
    for (auto it = root.begin(); it != root.end(); ++it) {
        if (!kSetKeys.contains(it.key()))
            return fail(QStringLiteral("%1: unknown member (known: description, name, renditions, version)")
                            .arg(it.key()));
    }
    const QJsonValue version = root.value(QStringLiteral("version"));
    if (!version.isUndefined()) {
        if (!isWholeNumber(version) || version.toDouble() < 1)
            return fail(QStringLiteral("version: expected a positive integer"));
        if (version.toDouble() > kRenditionFormatVersion)
            return fail(QStringLiteral("version: %1 is newer than this Cropwise reads (%2)")
                            .arg(int(version.toDouble()))
                            .arg(kRenditionFormatVersion));
    }
    const QJsonValue name = root.value(QStringLiteral("name"));
    if (!name.isString())
        return fail(QStringLiteral("name: expected a string, found %1").arg(typeName(name)));
    result.set.name = name.toString();
    const QJsonValue description = root.value(QStringLiteral("description"));
    if (!description.isUndefined() && !description.isString())
        return fail(QStringLiteral("description: expected a string, found %1").arg(typeName(description)));
    result.set.description = description.toString();

    const QJsonValue renditions = root.value(QStringLiteral("renditions"));
    if (!renditions.isArray())
        return fail(QStringLiteral("renditions: expected a list, found %1").arg(typeName(renditions)));
    const QJsonArray list = renditions.toArray();
    for (qsizetype i = 0; i < list.size(); ++i) {
        Rendition r;
        if (const QString p = parseRendition(list[i], QStringLiteral("renditions[%1]").arg(i), &r);
            !p.isEmpty())
            return fail(p);
        result.set.renditions.append(r);
    }
    if (const QString p = setProblem(result.set); !p.isEmpty())
        return fail(p);
    return result;
}

QByteArray toRenditionSetJson(const RenditionSet &set)
{
    QJsonArray list;
    for (const Rendition &r : set.renditions) {
        QJsonObject o;
        o.insert(QStringLiteral("name"), r.name);
        o.insert(QStringLiteral("aspect"), r.aspect ? r.aspect->toString() : QStringLiteral("original"));
        if (r.size.kind == RenditionSize::Kind::Exact)
            o.insert(QStringLiteral("size"), r.size.toString());
        else
            o.insert(QStringLiteral("size"), r.size.longestSide);
        o.insert(QStringLiteral("format"), formatToken(r.format));
        o.insert(QStringLiteral("quality"), r.quality);
        o.insert(QStringLiteral("fileName"), r.fileNameTemplate);
        list.append(o);
    }
    QJsonObject root;
    root.insert(QStringLiteral("version"), kRenditionFormatVersion);
    root.insert(QStringLiteral("name"), set.name);
    if (!set.description.isEmpty())
        root.insert(QStringLiteral("description"), set.description);
    root.insert(QStringLiteral("renditions"), list);
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

QString validateRenditionSet(const RenditionSet &set)
{
    return setProblem(set);
}

Size renditionOutputSize(const Rendition &rendition, Size cropSize)
{
    if (rendition.size.kind == RenditionSize::Kind::Exact)
        return { rendition.size.width, rendition.size.height };
    const int n = rendition.size.longestSide;
    // The shape: the rendition's aspect, or the crop's own for "original".
    const double w = rendition.aspect ? rendition.aspect->num : cropSize.width;
    const double h = rendition.aspect ? rendition.aspect->den : cropSize.height;
    if (w <= 0 || h <= 0 || n <= 0)
        return {};
    if (w >= h)
        return { n, std::max(1, int(std::lround(n * h / w))) };
    return { std::max(1, int(std::lround(n * w / h))), n };
}

QString renditionSummary(const Rendition &r)
{
    QString text = QStringLiteral("%1 %2 %3")
                       .arg(r.aspect ? r.aspect->toString() : QStringLiteral("original"),
                           r.size.kind == RenditionSize::Kind::Exact
                               ? r.size.toString()
                               : QStringLiteral("longest %1").arg(r.size.longestSide),
                           formatToken(r.format));
    if (r.format == OutputFormat::Jpeg || r.format == OutputFormat::WebP)
        text += QStringLiteral(" q%1").arg(r.quality);
    return text;
}

} // namespace cropwise
