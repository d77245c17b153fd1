#include "core/annotations/VocImporter.h"

#include "core/annotations/ImportSupport.h"
#include "core/model/ImageCatalog.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QXmlStreamReader>

#include <optional>

namespace cropwise {

using namespace importdetail;

namespace {

struct VocObject
{
    int line = 0;
    QString name;
    bool truncated = false;
    bool difficult = false;
    bool hasBox = false;
    std::optional<double> xmin, ymin, xmax, ymax;
    int boxLine = 0;
    QString problem; // first parse problem inside this object
    int problemLine = 0;
};

struct VocFile
{
    QString filename;
    QString path;
    int width = 0;
    int height = 0;
    bool verified = false;
    QList<VocObject> objects;
};

bool isTrue(const QString &text)
{
    const QString t = text.trimmed().toLower();
    return t == QLatin1String("1") || t == QLatin1String("yes") || t == QLatin1String("true");
}

void readBndbox(QXmlStreamReader &xml, VocObject &object)
{
    object.hasBox = true;
    object.boxLine = int(xml.lineNumber());
    while (xml.readNextStartElement()) {
        const QString tag = xml.name().toString();
        const int line = int(xml.lineNumber());
        std::optional<double> *target = tag == QLatin1String("xmin") ? &object.xmin
            : tag == QLatin1String("ymin")                           ? &object.ymin
            : tag == QLatin1String("xmax")                           ? &object.xmax
            : tag == QLatin1String("ymax")                           ? &object.ymax
                                                                     : nullptr;
        if (!target) {
            xml.skipCurrentElement();
            continue;
        }
        const QString text = xml.readElementText();
        *target = parseNumber(text);
        if (!*target && object.problem.isEmpty()) {
            object.problem = QStringLiteral("<%1> is not a number (\"%2\")").arg(tag, text.trimmed());
            object.problemLine = line;
        }
    }
}

void readObject(QXmlStreamReader &xml, VocFile &file)
{
    VocObject object;
    object.line = int(xml.lineNumber());
    while (xml.readNextStartElement()) {
        const auto tag = xml.name();
        if (tag == QLatin1String("name"))
            object.name = xml.readElementText().trimmed();
        else if (tag == QLatin1String("truncated"))
            object.truncated = isTrue(xml.readElementText());
        else if (tag == QLatin1String("difficult"))
            object.difficult = isTrue(xml.readElementText());
        else if (tag == QLatin1String("bndbox"))
            readBndbox(xml, object);
        else
            xml.skipCurrentElement(); // pose, occluded, part, attributes...
    }
    file.objects.append(object);
}

void readSize(QXmlStreamReader &xml, VocFile &file)
{
    while (xml.readNextStartElement()) {
        const auto tag = xml.name();
        if (tag == QLatin1String("width"))
            file.width = int(parseNumber(xml.readElementText()).value_or(0));
        else if (tag == QLatin1String("height"))
            file.height = int(parseNumber(xml.readElementText()).value_or(0));
        else
            xml.skipCurrentElement();
    }
}

} // namespace

ImageLocator defaultVocLocator(const QString &folder)
{
    const QDir dir(folder);
    return locateInAny({ locateInFolder(dir.filePath(QStringLiteral("../JPEGImages"))),
        locateInFolder(dir.filePath(QStringLiteral("../images"))), locateInFolder(folder) });
}

static void importOne(
    const QString &xmlPath, const QString &shownName, const ImageLocator &locate, ImportResult &result)
{
    QFile f(xmlPath);
    if (!f.open(QIODevice::ReadOnly)) {
        skipped(result.messages, { shownName, 0, {} },
            QStringLiteral("cannot be read (%1); skipped").arg(f.errorString()));
        return;
    }
    QXmlStreamReader xml(&f);
    VocFile file;
    if (xml.readNextStartElement()) {
        if (xml.name() != QLatin1String("annotation")) {
            skipped(result.messages, { shownName, int(xml.lineNumber()), {} },
                QStringLiteral("the root element is <%1>, not <annotation>; skipped").arg(xml.name()));
            return;
        }
        file.verified = isTrue(xml.attributes().value(QStringLiteral("verified")).toString());
        while (xml.readNextStartElement()) {
            const auto tag = xml.name();
            if (tag == QLatin1String("filename"))
                file.filename = xml.readElementText().trimmed();
            else if (tag == QLatin1String("path"))
                file.path = xml.readElementText().trimmed();
            else if (tag == QLatin1String("size"))
                readSize(xml, file);
            else if (tag == QLatin1String("object"))
                readObject(xml, file);
            else
                xml.skipCurrentElement();
        }
    }
    if (xml.hasError()) {
        skipped(result.messages, { shownName, int(xml.lineNumber()), {} },
            QStringLiteral("not well-formed XML (%1); the file is skipped").arg(xml.errorString()));
        return;
    }
    if (file.filename.isEmpty() && file.path.isEmpty()) {
        skipped(result.messages, { shownName, 0, {} },
            QStringLiteral("no <filename> or <path> names the image; the file is skipped"));
        return;
    }
    // <filename> first: <path> is usually absolute on the annotator's computer.
    QString nameInFile = file.filename;
    if (nameInFile.isEmpty()
        || (locate && locate(nameInFile).isEmpty() && !file.path.isEmpty() && !locate(file.path).isEmpty()))
        nameInFile = file.path;
    const Size recorded = (file.width > 0 && file.height > 0) ? Size { file.width, file.height } : Size {};
    const ImageFrame frame = frameFor(locate, nameInFile, recorded, { shownName, 0, {} }, result.messages);

    ImageAnnotations ann;
    ann.imagePath = frame.path;
    ann.size = frame.displayedSize;
    ann.verified = file.verified;
    for (const VocObject &o : std::as_const(file.objects)) {
        const Where where { shownName, o.line, {} };
        if (!o.problem.isEmpty()) {
            skipped(result.messages, { shownName, o.problemLine, {} },
                o.problem + QStringLiteral("; the object is skipped"));
            continue;
        }
        if (o.name.isEmpty()) {
            skipped(result.messages, where, QStringLiteral("<object> has no <name>; skipped"));
            continue;
        }
        if (!o.hasBox) {
            skipped(result.messages, where,
                QStringLiteral("<object> \"%1\" has no <bndbox>; skipped").arg(o.name));
            continue;
        }
        if (!o.xmin || !o.ymin || !o.xmax || !o.ymax) {
            skipped(result.messages, { shownName, o.boxLine, {} },
                QStringLiteral("<bndbox> needs <xmin>, <ymin>, <xmax> and <ymax>; the object is skipped"));
            continue;
        }
        if (*o.xmax < *o.xmin || *o.ymax < *o.ymin) {
            skipped(result.messages, { shownName, o.boxLine, {} },
                QStringLiteral("<bndbox> has xmax < xmin or ymax < ymin; the object is skipped"));
            continue;
        }
        if (!result.labels.contains(o.name))
            result.labels << o.name;
        ObjectBox box;
        box.label = o.name;
        box.box = BoxF::fromEdges(*o.xmin - 1.0, *o.ymin - 1.0, *o.xmax, *o.ymax);
        box.difficult = o.difficult;
        box.truncated = o.truncated;
        if (auto placed = placeBox(box, frame, { shownName, o.boxLine, {} }, result.messages))
            ann.boxes.append(*placed);
    }
    result.images.append(ann);
}

ImportResult importVocFile(const QString &xmlPath, const ImageLocator &locateArg)
{
    ImportResult result;
    if (!QFileInfo(xmlPath).isFile()) {
        result.error = QStringLiteral("%1: no such file").arg(xmlPath);
        return result;
    }
    const ImageLocator locate = locateArg ? locateArg : defaultVocLocator(QFileInfo(xmlPath).absolutePath());
    importOne(xmlPath, QFileInfo(xmlPath).fileName(), locate, result);
    return result;
}

ImportResult importVoc(const QString &folder, const ImageLocator &locateArg)
{
    ImportResult result;
    const QDir dir(folder);
    if (!dir.exists()) {
        result.error = QStringLiteral("%1: no such folder").arg(folder);
        return result;
    }
    QStringList files = dir.entryList({ QStringLiteral("*.xml"), QStringLiteral("*.XML") }, QDir::Files);
    if (files.isEmpty()) {
        result.error
            = QStringLiteral("%1: no .xml files (Pascal VOC annotations) in this folder").arg(folder);
        return result;
    }
    sortNaturally(files);
    const ImageLocator locate = locateArg ? locateArg : defaultVocLocator(folder);
    for (const QString &f : std::as_const(files))
        importOne(dir.filePath(f), f, locate, result);
    return result;
}

} // namespace cropwise
