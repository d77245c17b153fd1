#include "core/annotations/LabelSet.h"

#include "core/io/AtomicWrite.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <algorithm>
#include <array>

namespace cropwise {

namespace {

// Distinct, readable on photos (Sasha Trubetskoy's "20 distinct colours", first twelve).
constexpr std::array<const char *, 12> kPalette = { "#e6194b", "#3cb44b", "#ffe119", "#4363d8", "#f58231",
    "#911eb4", "#46f0f0", "#f032e6", "#bcf60c", "#fabebe", "#008080", "#9a6324" };

QString quoted(const QString &name)
{
    return QStringLiteral("\"%1\"").arg(name);
}

} // namespace

LabelSet LabelSet::fromNames(const QStringList &names)
{
    LabelSet set;
    set.addMissing(names);
    return set;
}

QStringList LabelSet::names() const
{
    QStringList out;
    out.reserve(m_labels.size());
    for (const Label &l : m_labels)
        out << l.name;
    return out;
}

int LabelSet::indexOf(const QString &name) const
{
    const QString n = name.trimmed();
    for (int i = 0; i < m_labels.size(); ++i)
        if (m_labels[i].name == n)
            return i;
    return -1;
}

int LabelSet::indexOfIgnoringCase(const QString &name) const
{
    const QString n = name.trimmed();
    for (int i = 0; i < m_labels.size(); ++i)
        if (m_labels[i].name.compare(n, Qt::CaseInsensitive) == 0)
            return i;
    return -1;
}

int LabelSet::idOf(const QString &name) const
{
    return indexOf(name);
}

std::optional<Label> LabelSet::label(const QString &name) const
{
    const int i = indexOf(name);
    return i >= 0 ? std::optional<Label>(m_labels[i]) : std::nullopt;
}

std::optional<Label> LabelSet::labelForHotkey(int hotkey) const
{
    if (hotkey < 1 || hotkey > 9)
        return std::nullopt;
    for (const Label &l : m_labels)
        if (l.hotkey == hotkey)
            return l;
    return std::nullopt;
}

QString LabelSet::checkName(const QString &name)
{
    const QString n = name.trimmed();
    if (n.isEmpty())
        return QStringLiteral("a label needs a name");
    if (n.size() > kMaxLabelNameLength)
        return QStringLiteral("a label name has at most %1 characters").arg(kMaxLabelNameLength);
    // Control characters (newlines, tabs) would break classes.txt and CSV files line by line.
    for (const QChar c : n)
        if (c.category() == QChar::Other_Control || c.category() == QChar::Separator_Line
            || c.category() == QChar::Separator_Paragraph)
            return QStringLiteral("a label name cannot contain line breaks or control characters");
    return {};
}

std::optional<QString> LabelSet::normalisedColour(const QString &colour)
{
    static const QRegularExpression rrggbb(QStringLiteral("^#[0-9a-fA-F]{6}$"));
    static const QRegularExpression rgb(QStringLiteral("^#[0-9a-fA-F]{3}$"));
    const QString c = colour.trimmed();
    if (rrggbb.match(c).hasMatch())
        return c.toLower();
    if (rgb.match(c).hasMatch()) {
        QString out = QStringLiteral("#");
        for (int i = 1; i < 4; ++i)
            out += QString(2, c[i]);
        return out.toLower();
    }
    return std::nullopt;
}

QString LabelSet::nextColour() const
{
    for (const char *c : kPalette) {
        const QString colour = QString::fromLatin1(c);
        if (std::none_of(
                m_labels.begin(), m_labels.end(), [&](const Label &l) { return l.colour == colour; }))
            return colour;
    }
    return QString::fromLatin1(kPalette[m_labels.size() % kPalette.size()]);
}

int LabelSet::nextHotkey() const
{
    for (int key = 1; key <= 9; ++key)
        if (!labelForHotkey(key))
            return key;
    return 0;
}

QString LabelSet::add(const QString &name, const QString &colour, int hotkey)
{
    if (QString why = checkName(name); !why.isEmpty())
        return why;
    const QString n = name.trimmed();
    if (const int i = indexOfIgnoringCase(n); i >= 0)
        return QStringLiteral("the label %1 already exists").arg(quoted(m_labels[i].name));
    Label label { n, {}, 0 };
    if (colour.isEmpty()) {
        label.colour = nextColour();
    } else if (auto c = normalisedColour(colour)) {
        label.colour = *c;
    } else {
        return QStringLiteral("%1 is not a colour (expected #rrggbb)").arg(quoted(colour));
    }
    if (hotkey == -1) {
        label.hotkey = nextHotkey();
    } else if (hotkey == 0) {
        label.hotkey = 0;
    } else if (hotkey >= 1 && hotkey <= 9) {
        if (auto other = labelForHotkey(hotkey))
            return QStringLiteral("key %1 is already used by %2").arg(hotkey).arg(quoted(other->name));
        label.hotkey = hotkey;
    } else {
        return QStringLiteral("hotkeys are 1 to 9 (or 0 for none)");
    }
    m_labels.append(label);
    return {};
}

QString LabelSet::rename(const QString &name, const QString &newName)
{
    const int i = indexOf(name);
    if (i < 0)
        return QStringLiteral("there is no label %1").arg(quoted(name));
    if (QString why = checkName(newName); !why.isEmpty())
        return why;
    const QString n = newName.trimmed();
    const int j = indexOfIgnoringCase(n);
    if (j >= 0 && j != i)
        return QStringLiteral("the label %1 already exists").arg(quoted(m_labels[j].name));
    m_labels[i].name = n; // a change of case only is allowed
    return {};
}

QString LabelSet::remove(const QString &name)
{
    const int i = indexOf(name);
    if (i < 0)
        return QStringLiteral("there is no label %1").arg(quoted(name));
    m_labels.removeAt(i);
    return {};
}

QString LabelSet::setColour(const QString &name, const QString &colour)
{
    const int i = indexOf(name);
    if (i < 0)
        return QStringLiteral("there is no label %1").arg(quoted(name));
    const auto c = normalisedColour(colour);
    if (!c)
        return QStringLiteral("%1 is not a colour (expected #rrggbb)").arg(quoted(colour));
    m_labels[i].colour = *c;
    return {};
}

QString LabelSet::setHotkey(const QString &name, int hotkey)
{
    const int i = indexOf(name);
    if (i < 0)
        return QStringLiteral("there is no label %1").arg(quoted(name));
    if (hotkey < 0 || hotkey > 9)
        return QStringLiteral("hotkeys are 1 to 9 (or 0 for none)");
    if (hotkey != 0)
        for (Label &l : m_labels)
            if (l.hotkey == hotkey)
                l.hotkey = 0;
    m_labels[i].hotkey = hotkey;
    return {};
}

QString LabelSet::move(const QString &name, int newIndex)
{
    const int i = indexOf(name);
    if (i < 0)
        return QStringLiteral("there is no label %1").arg(quoted(name));
    m_labels.move(i, std::clamp(newIndex, 0, int(m_labels.size()) - 1));
    return {};
}

QStringList LabelSet::addMissing(const QStringList &names)
{
    QStringList added;
    for (const QString &name : names) {
        if (indexOf(name) >= 0)
            continue;
        if (add(name).isEmpty())
            added << name.trimmed();
    }
    return added;
}

QByteArray LabelSet::toJson() const
{
    QJsonArray labels;
    for (const Label &l : m_labels)
        labels.append(QJsonObject { { QStringLiteral("name"), l.name },
            { QStringLiteral("colour"), l.colour }, { QStringLiteral("hotkey"), l.hotkey } });
    const QJsonObject root { { QStringLiteral("format"), QString::fromLatin1(kLabelSetFormatName) },
        { QStringLiteral("version"), kLabelSetVersion }, { QStringLiteral("labels"), labels } };
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

LabelSetLoadResult LabelSet::fromJson(const QByteArray &json, const QString &fileName)
{
    LabelSetLoadResult result;
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        result.error = QStringLiteral("%1: not valid JSON (%2 at byte %3)")
                           .arg(fileName, parseError.errorString())
                           .arg(parseError.offset);
        return result;
    }
    const QJsonObject root = doc.object();
    if (!doc.isObject()
        || root.value(QStringLiteral("format")).toString() != QLatin1String(kLabelSetFormatName)) {
        result.error = QStringLiteral("%1: not a Cropwise label set (\"format\" is not \"%2\")")
                           .arg(fileName, QLatin1String(kLabelSetFormatName));
        return result;
    }
    const int version = root.value(QStringLiteral("version")).toInt(0);
    if (version < 1 || version > kLabelSetVersion) {
        result.error = QStringLiteral("%1: label set version %2 is not supported (this Cropwise reads %3)")
                           .arg(fileName)
                           .arg(version)
                           .arg(kLabelSetVersion);
        return result;
    }
    const QJsonArray labels = root.value(QStringLiteral("labels")).toArray();
    for (int i = 0; i < labels.size(); ++i) {
        const QJsonObject o = labels[i].toObject();
        const QString where = QStringLiteral("%1: labels[%2]").arg(fileName).arg(i);
        const QString name = o.value(QStringLiteral("name")).toString();
        const QJsonValue colour = o.value(QStringLiteral("colour"));
        const QJsonValue hotkey = o.value(QStringLiteral("hotkey"));
        QString c = colour.toString();
        if (!c.isEmpty() && !normalisedColour(c)) {
            result.warnings << QStringLiteral("%1.colour: %2 is not #rrggbb; a palette colour is used")
                                   .arg(where, quoted(c));
            c.clear();
        }
        int key = hotkey.isUndefined() ? 0 : hotkey.toInt(-2);
        if (key < 0 || key > 9) {
            result.warnings
                << QStringLiteral("%1.hotkey: expected 0 to 9; the label has no hotkey").arg(where);
            key = 0;
        } else if (key != 0 && result.labels.labelForHotkey(key)) {
            result.warnings << QStringLiteral(
                "%1.hotkey: key %2 is used by an earlier label; the label has no hotkey")
                                   .arg(where)
                                   .arg(key);
            key = 0;
        }
        if (QString why = result.labels.add(name, c, key); !why.isEmpty())
            result.warnings << QStringLiteral("%1.name: %2; skipped").arg(where, why);
    }
    return result;
}

LabelSetLoadResult LabelSet::load(const QString &path)
{
    QFile file(path);
    if (!file.exists())
        return {};
    if (!file.open(QIODevice::ReadOnly)) {
        LabelSetLoadResult result;
        result.error = QStringLiteral("%1: cannot be read (%2)").arg(path, file.errorString());
        return result;
    }
    return fromJson(file.readAll(), path);
}

QString LabelSet::save(const QString &path) const
{
    const QString why = writeFileAtomically(path, toJson(), OverwritePolicy::Replace);
    return why.isEmpty() ? QString() : QStringLiteral("%1: %2").arg(path, why);
}

QString LabelSet::pathInFolder(const QString &folder)
{
    return QDir(folder).filePath(QString::fromLatin1(kLabelSetFileName));
}

} // namespace cropwise
