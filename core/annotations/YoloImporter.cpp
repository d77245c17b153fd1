#include "core/annotations/YoloImporter.h"

#include "core/annotations/ImportSupport.h"
#include "core/model/ImageCatalog.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMap>
#include <QRegularExpression>

#include <cmath>

namespace cropwise {

using namespace importdetail;

namespace {

QString unquoted(QString s)
{
    s = s.trimmed();
    if (s.size() >= 2 && (s.front() == QLatin1Char('\'') || s.front() == QLatin1Char('"'))
        && s.back() == s.front())
        s = s.mid(1, s.size() - 2);
    return s;
}

// classes.txt: one name per line; blank lines at the end are ignored (editors add them).
QStringList readClassesTxt(const QByteArray &bytes)
{
    QStringList names = QString::fromUtf8(bytes).split(QLatin1Char('\n'));
    for (QString &n : names)
        n = n.trimmed(); // also drops '\r' of Windows line ends
    while (!names.isEmpty() && names.back().isEmpty())
        names.removeLast();
    return names;
}

// The "names:" of an Ultralytics data.yaml, in its two common spellings:
//   names: [cat, 'dog']          and          names:\n  0: cat\n  1: dog   (or "  - cat")
// Returns nullopt when there is no names key we understand (a full YAML parser is out of scope).
std::optional<QStringList> readDataYamlNames(const QByteArray &bytes)
{
    const QStringList lines = QString::fromUtf8(bytes).split(QLatin1Char('\n'));
    static const QRegularExpression key(QStringLiteral("^names\\s*:\\s*(.*)$"));
    static const QRegularExpression indexed(QStringLiteral("^\\s+(\\d+)\\s*:\\s*(.+)$"));
    static const QRegularExpression dashed(QStringLiteral("^\\s+-\\s*(.+)$"));
    for (int i = 0; i < lines.size(); ++i) {
        const auto m = key.match(lines[i].trimmed().isEmpty() ? QString() : lines[i]);
        if (!m.hasMatch())
            continue;
        const QString rest = m.captured(1).section(QLatin1Char('#'), 0, 0).trimmed();
        if (rest.startsWith(QLatin1Char('['))) {
            QStringList names;
            const QString inner = rest.mid(1, rest.lastIndexOf(QLatin1Char(']')) - 1);
            for (const QString &n : inner.split(QLatin1Char(','), Qt::SkipEmptyParts))
                names << unquoted(n);
            return names;
        }
        if (!rest.isEmpty())
            return std::nullopt;
        QMap<int, QString> byIndex;
        QStringList listed;
        for (int j = i + 1; j < lines.size(); ++j) {
            const QString line = lines[j];
            if (line.trimmed().isEmpty())
                continue;
            if (const auto mi = indexed.match(line); mi.hasMatch())
                byIndex.insert(mi.captured(1).toInt(), unquoted(mi.captured(2)));
            else if (const auto md = dashed.match(line); md.hasMatch())
                listed << unquoted(md.captured(1));
            else
                break;
        }
        if (!byIndex.isEmpty()) {
            QStringList names;
            for (int k = 0; k <= byIndex.lastKey(); ++k)
                names << byIndex.value(k, QString::number(k));
            return names;
        }
        return listed.isEmpty() ? std::nullopt : std::optional<QStringList>(listed);
    }
    return std::nullopt;
}

} // namespace

ImageLocator defaultYoloLocator(const QString &labelsFolder)
{
    const QDir dir(labelsFolder);
    return locateInAny(
        { locateInFolder(dir.filePath(QStringLiteral("../images"))), locateInFolder(labelsFolder) });
}

ImportResult importYolo(
    const QString &labelsFolder, const ImageLocator &locateArg, const QString &classesPathArg)
{
    ImportResult result;
    const QDir dir(labelsFolder);
    if (!dir.exists()) {
        result.error = QStringLiteral("%1: no such folder").arg(labelsFolder);
        return result;
    }
    const ImageLocator locate = locateArg ? locateArg : defaultYoloLocator(labelsFolder);

    // Class names.
    QString classesPath = classesPathArg;
    if (classesPath.isEmpty()) {
        for (const QString &candidate : { dir.filePath(QStringLiteral("classes.txt")),
                 dir.filePath(QStringLiteral("../classes.txt")), dir.filePath(QStringLiteral("../data.yaml")),
                 dir.filePath(QStringLiteral("../dataset.yaml")), dir.filePath(QStringLiteral("data.yaml")) })
            if (QFileInfo(candidate).isFile()) {
                classesPath = QDir::cleanPath(candidate);
                break;
            }
    }
    QStringList classNames;
    bool haveNames = false;
    if (!classesPath.isEmpty()) {
        QFile f(classesPath);
        if (!f.open(QIODevice::ReadOnly)) {
            result.error = QStringLiteral("%1: cannot be read (%2)").arg(classesPath, f.errorString());
            return result;
        }
        const QByteArray bytes = f.readAll();
        if (classesPath.endsWith(QLatin1String(".yaml"), Qt::CaseInsensitive)
            || classesPath.endsWith(QLatin1String(".yml"), Qt::CaseInsensitive)) {
            if (auto names = readDataYamlNames(bytes)) {
                classNames = *names;
                haveNames = true;
            } else {
                notice(result.messages, { QFileInfo(classesPath).fileName(), 0, QStringLiteral("names") },
                    QStringLiteral("no class names understood; class ids are used as label names"));
            }
        } else {
            classNames = readClassesTxt(bytes);
            haveNames = true;
            for (int i = 0; i < classNames.size(); ++i)
                if (classNames[i].isEmpty())
                    notice(result.messages, { QFileInfo(classesPath).fileName(), i + 1, {} },
                        QStringLiteral("empty class name; class %1 is named \"%1\"").arg(i));
        }
    } else {
        notice(result.messages, { dir.dirName(), 0, {} },
            QStringLiteral("no classes.txt or data.yaml found; class ids are used as label names"));
    }
    auto nameOf = [&](int id) {
        return (haveNames && id < classNames.size() && !classNames[id].isEmpty()) ? classNames[id]
                                                                                  : QString::number(id);
    };
    if (haveNames)
        for (int i = 0; i < classNames.size(); ++i)
            result.labels << nameOf(i);

    QStringList files = dir.entryList({ QStringLiteral("*.txt") }, QDir::Files);
    files.removeAll(QStringLiteral("classes.txt"));
    if (files.isEmpty()) {
        result.error = QStringLiteral("%1: no YOLO label files (*.txt) in this folder").arg(labelsFolder);
        return result;
    }
    sortNaturally(files);

    const QStringList extensions = imageFileExtensions(); // lower and upper case are both tried
    for (const QString &fileName : std::as_const(files)) {
        const QString shown = QStringLiteral("%1/%2").arg(dir.dirName(), fileName);
        const QString stem = QFileInfo(fileName).completeBaseName();
        QString imagePath;
        for (const QString &ext : extensions) {
            for (const QString &e : { ext, ext.toUpper() }) {
                imagePath = locate(stem + QLatin1Char('.') + e);
                if (!imagePath.isEmpty())
                    break;
            }
            if (!imagePath.isEmpty())
                break;
        }
        if (imagePath.isEmpty()) {
            skipped(result.messages, { shown, 0, {} },
                QStringLiteral(
                    "no image %1.jpg/.png/... found for it (YOLO boxes need the image's size); skipped")
                    .arg(stem));
            continue;
        }
        const ImageFrame frame = frameFor([&](const QString &) { return imagePath; }, imagePath, Size {},
            { shown, 0, {} }, result.messages);
        if (!frame.found) {
            skipped(result.messages, { shown, 0, {} }, QStringLiteral("its image cannot be read; skipped"));
            continue;
        }
        QFile f(dir.filePath(fileName));
        if (!f.open(QIODevice::ReadOnly)) {
            skipped(result.messages, { shown, 0, {} },
                QStringLiteral("cannot be read (%1); skipped").arg(f.errorString()));
            continue;
        }
        ImageAnnotations ann;
        ann.imagePath = frame.path;
        ann.size = frame.displayedSize;
        const QStringList lines = QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'));
        static const QRegularExpression spaces(QStringLiteral("\\s+"));
        for (int i = 0; i < lines.size(); ++i) {
            const QString line = lines[i].trimmed();
            if (line.isEmpty())
                continue;
            const Where where { shown, i + 1, {} };
            const QStringList parts = line.split(spaces, Qt::SkipEmptyParts);
            if (parts.size() != 5) {
                skipped(result.messages, where,
                    QStringLiteral("expected 5 numbers (class cx cy w h), found %1; skipped")
                        .arg(parts.size()));
                continue;
            }
            bool idOk = false;
            const int classId = parts[0].toInt(&idOk);
            if (!idOk || classId < 0) {
                skipped(result.messages, where,
                    QStringLiteral("the class \"%1\" is not a non-negative integer; skipped").arg(parts[0]));
                continue;
            }
            if (haveNames && classId >= classNames.size()) {
                skipped(result.messages, where,
                    QStringLiteral("class %1 is not in %2 (%3 classes: 0..%4); skipped")
                        .arg(classId)
                        .arg(QFileInfo(classesPath).fileName())
                        .arg(classNames.size())
                        .arg(classNames.size() - 1));
                continue;
            }
            double v[4];
            bool numbers = true;
            for (int k = 0; k < 4; ++k) {
                const auto n = parseNumber(parts[k + 1]);
                numbers = numbers && n.has_value();
                v[k] = n.value_or(0.0);
            }
            if (!numbers) {
                skipped(
                    result.messages, where, QStringLiteral("expected 5 numbers (class cx cy w h); skipped"));
                continue;
            }
            const double W = frame.displayedSize.width;
            const double H = frame.displayedSize.height;
            ObjectBox box;
            box.label = nameOf(classId);
            box.box = { (v[0] - v[2] / 2.0) * W, (v[1] - v[3] / 2.0) * H, v[2] * W, v[3] * H };
            if (!haveNames && !result.labels.contains(box.label))
                result.labels << box.label;
            if (auto placed = placeBox(box, frame, where, result.messages))
                ann.boxes.append(*placed);
        }
        result.images.append(ann);
    }
    return result;
}

} // namespace cropwise
