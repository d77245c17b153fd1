#include "core/annotations/SafeName.h"

#include <QStringList>

namespace cropwise {

namespace {

bool isForbidden(QChar c)
{
    switch (c.unicode()) {
    case '/':
    case '\\':
    case ':':
    case '*':
    case '?':
    case '"':
    case '<':
    case '>':
    case '|':
        return true;
    default:
        break;
    }
    const auto cat = c.category();
    return cat == QChar::Other_Control || cat == QChar::Other_Format || cat == QChar::Other_NotAssigned
        || cat == QChar::Other_PrivateUse || cat == QChar::Other_Surrogate;
}

bool isWindowsDeviceName(const QString &name)
{
    // The part before the first dot counts: "nul.txt" is the device too.
    const QString stem = name.section(QLatin1Char('.'), 0, 0).toUpper();
    static const QStringList devices
        = { QStringLiteral("CON"), QStringLiteral("PRN"), QStringLiteral("AUX"), QStringLiteral("NUL") };
    if (devices.contains(stem))
        return true;
    return stem.size() == 4
        && (stem.startsWith(QLatin1String("COM")) || stem.startsWith(QLatin1String("LPT")))
        && stem[3] >= QLatin1Char('0') && stem[3] <= QLatin1Char('9');
}

// Cuts to at most maxBytes of UTF-8 without splitting a character (or a surrogate pair).
QString truncatedUtf8(const QString &s, int maxBytes)
{
    if (s.toUtf8().size() <= maxBytes)
        return s;
    QString out;
    int bytes = 0;
    for (int i = 0; i < s.size();) {
        const int len = (s[i].isHighSurrogate() && i + 1 < s.size()) ? 2 : 1;
        const QString ch = s.mid(i, len);
        const int b = int(ch.toUtf8().size());
        if (bytes + b > maxBytes)
            break;
        out += ch;
        bytes += b;
        i += len;
    }
    return out;
}

// Removes dots at the start (hidden files, "..") and dots/spaces at the end (Windows drops them,
// so "a." and "a" would be one file). Other whitespace was already replaced.
QString trimmedDots(QString s)
{
    while (!s.isEmpty() && s.front() == QLatin1Char('.'))
        s.remove(0, 1);
    while (!s.isEmpty() && (s.back() == QLatin1Char('.') || s.back() == QLatin1Char(' ')))
        s.chop(1);
    return s;
}

} // namespace

QString safeFileName(const QString &text)
{
    const QString normalised = text.normalized(QString::NormalizationForm_C);
    QString out;
    out.reserve(normalised.size());
    for (int i = 0; i < normalised.size(); ++i) {
        const QChar c = normalised[i];
        if (c.isHighSurrogate() && i + 1 < normalised.size() && normalised[i + 1].isLowSurrogate()) {
            out += c;
            out += normalised[++i]; // a character outside the BMP (emoji, rare CJK): keep it
            continue;
        }
        if (c.isSpace())
            out += QLatin1Char('_');
        else if (isForbidden(c))
            out += QLatin1Char('_');
        else
            out += c;
    }
    // No ".." anywhere, so no name even looks like a way up (a run of dots becomes one).
    while (out.contains(QLatin1String("..")))
        out.replace(QLatin1String(".."), QLatin1String("."));
    out = trimmedDots(out);
    out = trimmedDots(truncatedUtf8(out, kMaxSafeNameBytes));
    // Only underscores left means the text had nothing usable; one "_" is enough.
    if (out.isEmpty() || out.count(QLatin1Char('_')) == out.size())
        out = QStringLiteral("_");
    if (isWindowsDeviceName(out))
        out.prepend(QLatin1Char('_'));
    return out;
}

void SafeNameAllocator::reserve(const QString &name)
{
    m_taken.insert(name.toCaseFolded());
}

QString SafeNameAllocator::nameFor(const QString &text, const QString &suffix)
{
    const QString key = text + QChar(0) + suffix;
    if (const auto it = m_given.constFind(key); it != m_given.constEnd())
        return *it;
    const QString base = safeFileName(text);
    QString name = base + suffix;
    for (int n = 2; m_taken.contains(name.toCaseFolded()); ++n)
        name = QStringLiteral("%1-%2%3").arg(base).arg(n).arg(suffix);
    m_taken.insert(name.toCaseFolded());
    m_given.insert(key, name);
    return name;
}

QString SafeNameAllocator::claim(const QString &text)
{
    const QString base = safeFileName(text);
    QString name = base;
    for (int n = 2; m_taken.contains(name.toCaseFolded()); ++n)
        name = QStringLiteral("%1-%2").arg(base).arg(n);
    m_taken.insert(name.toCaseFolded());
    return name;
}

} // namespace cropwise
