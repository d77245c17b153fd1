#include "core/renditions/FileNameTemplate.h"

#include <QDir>
#include <QFileInfo>

namespace cropwise {

namespace {

constexpr qsizetype kMaxNameBytes = 200; // before the extension; file systems allow 255 bytes

bool isUnsafeChar(QChar c)
{
    const char16_t u = c.unicode();
    if (u < 0x20 || u == 0x7f)
        return true;
    switch (u) {
    case '/':
    case '\\':
    case '<':
    case '>':
    case ':':
    case '"':
    case '|':
    case '?':
    case '*':
        return true;
    default:
        return false;
    }
}

QString sanitised(const QString &value)
{
    QString out;
    out.reserve(value.size());
    for (const QChar c : value)
        out += isUnsafeChar(c) ? QLatin1Char('_') : c;
    return out;
}

// Cuts to at most maxBytes of UTF-8 without splitting a character (or a surrogate pair).
QString cutToUtf8Bytes(const QString &s, qsizetype maxBytes)
{
    if (s.toUtf8().size() <= maxBytes)
        return s;
    QString out;
    qsizetype bytes = 0;
    for (qsizetype i = 0; i < s.size(); ++i) {
        const bool pair = s[i].isHighSurrogate() && i + 1 < s.size();
        const QString ch = pair ? s.mid(i, 2) : s.mid(i, 1);
        const qsizetype n = ch.toUtf8().size();
        if (bytes + n > maxBytes)
            break;
        out += ch;
        bytes += n;
        if (pair)
            ++i;
    }
    return out;
}

QStringList extensionsOf(OutputFormat format)
{
    switch (format) {
    case OutputFormat::Jpeg:
        return { QStringLiteral("jpg"), QStringLiteral("jpeg") };
    case OutputFormat::Png:
        return { QStringLiteral("png") };
    case OutputFormat::WebP:
        return { QStringLiteral("webp") };
    case OutputFormat::Tiff:
        return { QStringLiteral("tif"), QStringLiteral("tiff") };
    }
    return {};
}

} // namespace

QStringList fileNamePlaceholders()
{
    return { QStringLiteral("{stem}"), QStringLiteral("{rendition}"), QStringLiteral("{w}"),
        QStringLiteral("{h}"), QStringLiteral("{label}") };
}

QString checkFileNameTemplate(const QString &tpl)
{
    if (tpl.trimmed().isEmpty())
        return QStringLiteral("must not be empty");
    if (tpl.contains(QLatin1Char('/')) || tpl.contains(QLatin1Char('\\')))
        return QStringLiteral("must be a file name, not a path (no / or \\)");
    for (const QChar c : tpl) {
        if (c.unicode() < 0x20 || c.unicode() == 0x7f)
            return QStringLiteral("must not contain control characters");
    }
    const QStringList known = fileNamePlaceholders();
    for (qsizetype i = 0; i < tpl.size(); ++i) {
        if (tpl[i] == QLatin1Char('}'))
            return QStringLiteral("a '}' without its '{'");
        if (tpl[i] != QLatin1Char('{'))
            continue;
        const qsizetype end = tpl.indexOf(QLatin1Char('}'), i);
        if (end < 0)
            return QStringLiteral("a '{' without its '}'");
        const QString placeholder = tpl.mid(i, end - i + 1);
        if (!known.contains(placeholder))
            return QStringLiteral("unknown placeholder %1; use %2")
                .arg(placeholder, known.join(QLatin1Char(' ')));
        i = end;
    }
    return {};
}

QString fileExtension(OutputFormat format)
{
    return extensionsOf(format).constFirst();
}

QString expandFileName(const QString &tpl, const FileNameFields &fields, OutputFormat format, QString *error)
{
    if (const QString problem = checkFileNameTemplate(tpl); !problem.isEmpty()) {
        if (error)
            *error = QStringLiteral("file name template \"%1\": %2").arg(tpl, problem);
        return {};
    }
    QString name;
    for (qsizetype i = 0; i < tpl.size(); ++i) {
        if (tpl[i] != QLatin1Char('{')) {
            name += tpl[i];
            continue;
        }
        const qsizetype end = tpl.indexOf(QLatin1Char('}'), i);
        const QString key = tpl.mid(i + 1, end - i - 1);
        if (key == QLatin1String("stem"))
            name += sanitised(fields.stem);
        else if (key == QLatin1String("rendition"))
            name += sanitised(fields.rendition);
        else if (key == QLatin1String("label"))
            name += sanitised(fields.label);
        else if (key == QLatin1String("w"))
            name += QString::number(fields.width);
        else if (key == QLatin1String("h"))
            name += QString::number(fields.height);
        i = end;
    }
    name = sanitised(name).trimmed();

    // The extension: kept when the template already gives the format's own, else appended.
    QString extension = fileExtension(format);
    const QString suffix = QFileInfo(name).suffix().toLower();
    if (name.contains(QLatin1Char('.')) && extensionsOf(format).contains(suffix)) {
        extension = name.mid(name.lastIndexOf(QLatin1Char('.')) + 1);
        name.chop(extension.size() + 1);
    }
    // No hidden files, no "." or "..": leading dots become underscores.
    for (qsizetype i = 0; i < name.size() && name[i] == QLatin1Char('.'); ++i)
        name[i] = QLatin1Char('_');
    name = cutToUtf8Bytes(name, kMaxNameBytes);
    if (name.isEmpty())
        name = QStringLiteral("image");
    return name + QLatin1Char('.') + extension;
}

QString outputPathIn(const QString &folder, const QString &fileName, QString *error)
{
    const auto fail = [error](const QString &reason) {
        if (error)
            *error = reason;
        return QString();
    };
    if (fileName.isEmpty() || fileName.contains(QLatin1Char('/')) || fileName.contains(QLatin1Char('\\'))
        || fileName == QLatin1String(".") || fileName == QLatin1String(".."))
        return fail(QStringLiteral("\"%1\" is not a plain file name").arg(fileName));
    const QString dir = QDir::cleanPath(QDir(folder).absolutePath());
    const QString path = QDir::cleanPath(dir + QLatin1Char('/') + fileName);
    if (QFileInfo(path).absolutePath() != dir)
        return fail(QStringLiteral("\"%1\" would be written outside the output folder").arg(fileName));
    return path;
}

} // namespace cropwise
