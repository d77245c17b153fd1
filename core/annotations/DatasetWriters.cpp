#include "core/annotations/DatasetWriters.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QXmlStreamWriter>

#include <algorithm>
#include <cmath>

namespace cropwise {

namespace {

double rounded(double v, double step)
{
    return std::round(v / step) * step;
}

// Numbers as short decimal text: "12.5", "3", "0.333" (3 decimals, trailing zeros dropped).
double pixels3(double v)
{
    const double r = rounded(v, 1e-3);
    return r == 0.0 ? 0.0 : r; // no "-0"
}

QString pixelText(double v)
{
    return QString::number(pixels3(v), 'g', 12);
}

QString yamlQuoted(const QString &s)
{
    QString out = s;
    out.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
    out.replace(QLatin1Char('"'), QLatin1String("\\\""));
    return QLatin1Char('"') + out + QLatin1Char('"');
}

} // namespace

int ClassList::add(const QString &name)
{
    const int id = idOf(name);
    if (id >= 0)
        return id;
    names << name;
    return int(names.size()) - 1;
}

QString datasetClassName(const QString &label)
{
    QString out;
    out.reserve(label.size());
    for (const QChar c : label) {
        const auto cat = c.category();
        const bool control = cat == QChar::Other_Control || cat == QChar::Separator_Line
            || cat == QChar::Separator_Paragraph;
        out += control ? QChar(u' ') : c;
    }
    return out.trimmed();
}

QByteArray cocoJson(const QList<DatasetImage> &images, const ClassList &classes)
{
    QJsonArray jsonImages;
    QJsonArray jsonAnnotations;
    int annotationId = 0;
    for (int i = 0; i < images.size(); ++i) {
        const DatasetImage &image = images[i];
        const int imageId = i + 1;
        jsonImages.append(QJsonObject { { QStringLiteral("id"), imageId },
            { QStringLiteral("file_name"), image.fileName }, { QStringLiteral("width"), image.size.width },
            { QStringLiteral("height"), image.size.height } });
        for (const ObjectBox &box : image.boxes) {
            const int classId = classes.idOf(box.label);
            if (classId < 0)
                continue; // the exporter puts every label into classes first
            const double x = pixels3(box.box.x);
            const double y = pixels3(box.box.y);
            const double w = pixels3(box.box.width);
            const double h = pixels3(box.box.height);
            jsonAnnotations.append(QJsonObject {
                { QStringLiteral("id"), ++annotationId },
                { QStringLiteral("image_id"), imageId },
                { QStringLiteral("category_id"), classId + 1 },
                { QStringLiteral("bbox"), QJsonArray { x, y, w, h } },
                { QStringLiteral("area"), rounded(w * h, 1e-3) },
                { QStringLiteral("iscrowd"), 0 },
                { QStringLiteral("segmentation"), QJsonArray {} },
                { QStringLiteral("attributes"),
                    QJsonObject { { QStringLiteral("difficult"), box.difficult },
                        { QStringLiteral("truncated"), box.truncated } } },
            });
        }
    }
    QJsonArray categories;
    for (int c = 0; c < classes.names.size(); ++c)
        categories.append(QJsonObject { { QStringLiteral("id"), c + 1 },
            { QStringLiteral("name"), classes.names[c] }, { QStringLiteral("supercategory"), QString() } });
    const QJsonObject root {
        { QStringLiteral("info"),
            QJsonObject { { QStringLiteral("description"), QStringLiteral("Exported by Cropwise") },
                { QStringLiteral("version"), QStringLiteral("1.0") } } },
        { QStringLiteral("licenses"), QJsonArray {} },
        { QStringLiteral("images"), jsonImages },
        { QStringLiteral("annotations"), jsonAnnotations },
        { QStringLiteral("categories"), categories },
    };
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

QByteArray vocXml(const DatasetImage &image, const QString &imagesFolderName)
{
    QByteArray bytes;
    QXmlStreamWriter xml(&bytes);
    xml.setAutoFormatting(true);
    xml.setAutoFormattingIndent(2);
    xml.writeStartElement(QStringLiteral("annotation"));
    if (image.verified)
        xml.writeAttribute(QStringLiteral("verified"), QStringLiteral("yes"));
    xml.writeTextElement(QStringLiteral("folder"), imagesFolderName);
    xml.writeTextElement(QStringLiteral("filename"), image.fileName);
    xml.writeStartElement(QStringLiteral("source"));
    xml.writeTextElement(QStringLiteral("database"), QStringLiteral("Cropwise"));
    xml.writeEndElement();
    xml.writeStartElement(QStringLiteral("size"));
    xml.writeTextElement(QStringLiteral("width"), QString::number(image.size.width));
    xml.writeTextElement(QStringLiteral("height"), QString::number(image.size.height));
    xml.writeTextElement(QStringLiteral("depth"), QString::number(image.depth));
    xml.writeEndElement();
    xml.writeTextElement(QStringLiteral("segmented"), QStringLiteral("0"));
    for (const ObjectBox &box : image.boxes) {
        // Edges rounded once, then converted: the box keeps at least one pixel and stays in 1..W.
        const int W = std::max(1, image.size.width);
        const int H = std::max(1, image.size.height);
        const int left = std::clamp(int(std::lround(box.box.x)), 0, W - 1);
        const int top = std::clamp(int(std::lround(box.box.y)), 0, H - 1);
        const int right = std::clamp(int(std::lround(box.box.rightEdge())), left + 1, W);
        const int bottom = std::clamp(int(std::lround(box.box.bottomEdge())), top + 1, H);
        xml.writeStartElement(QStringLiteral("object"));
        xml.writeTextElement(QStringLiteral("name"), box.label);
        xml.writeTextElement(QStringLiteral("pose"), QStringLiteral("Unspecified"));
        xml.writeTextElement(
            QStringLiteral("truncated"), box.truncated ? QStringLiteral("1") : QStringLiteral("0"));
        xml.writeTextElement(
            QStringLiteral("difficult"), box.difficult ? QStringLiteral("1") : QStringLiteral("0"));
        xml.writeStartElement(QStringLiteral("bndbox"));
        xml.writeTextElement(QStringLiteral("xmin"), QString::number(left + 1));
        xml.writeTextElement(QStringLiteral("ymin"), QString::number(top + 1));
        xml.writeTextElement(QStringLiteral("xmax"), QString::number(right));
        xml.writeTextElement(QStringLiteral("ymax"), QString::number(bottom));
        xml.writeEndElement();
        xml.writeEndElement();
    }
    xml.writeEndElement();
    xml.writeEndDocument();
    return bytes;
}

QByteArray yoloLabels(const DatasetImage &image, const ClassList &classes)
{
    QByteArray out;
    const double W = image.size.width;
    const double H = image.size.height;
    if (!(W > 0 && H > 0))
        return out;
    for (const ObjectBox &box : image.boxes) {
        const int classId = classes.idOf(box.label);
        if (classId < 0)
            continue;
        // Clamped to the image so no value leaves 0..1 (trainers reject those lines).
        const double l = std::clamp(box.box.x, 0.0, W);
        const double t = std::clamp(box.box.y, 0.0, H);
        const double r = std::clamp(box.box.rightEdge(), 0.0, W);
        const double b = std::clamp(box.box.bottomEdge(), 0.0, H);
        if (!(r > l && b > t))
            continue;
        out += QStringLiteral("%1 %2 %3 %4 %5\n")
                   .arg(classId)
                   .arg((l + r) / 2.0 / W, 0, 'f', 6)
                   .arg((t + b) / 2.0 / H, 0, 'f', 6)
                   .arg((r - l) / W, 0, 'f', 6)
                   .arg((b - t) / H, 0, 'f', 6)
                   .toUtf8();
    }
    return out;
}

QByteArray yoloClassesTxt(const ClassList &classes)
{
    QByteArray out;
    for (const QString &name : classes.names)
        out += name.toUtf8() + '\n';
    return out;
}

QByteArray yoloDataYaml(const ClassList &classes)
{
    QString out
        = QStringLiteral("# Ultralytics YOLO dataset written by Cropwise. Cropwise does not split the data:\n"
                         "# train and val both point at all images; move files into a val split as needed.\n"
                         "path: .\ntrain: images\nval: images\nnames:\n");
    for (int i = 0; i < classes.names.size(); ++i)
        out += QStringLiteral("  %1: %2\n").arg(i).arg(yamlQuoted(classes.names[i]));
    return out.toUtf8();
}

QString csvField(const QString &value)
{
    if (!value.contains(QLatin1Char(',')) && !value.contains(QLatin1Char('"'))
        && !value.contains(QLatin1Char('\n')) && !value.contains(QLatin1Char('\r')))
        return value;
    QString quoted = value;
    quoted.replace(QLatin1Char('"'), QLatin1String("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

QByteArray csvAnnotations(const QList<DatasetImage> &images, const ClassList &classes)
{
    QString out = QStringLiteral(
        "image,image_width,image_height,label,class_id,x,y,width,height,difficult,truncated\n");
    for (const DatasetImage &image : images)
        for (const ObjectBox &box : image.boxes) {
            const int classId = classes.idOf(box.label);
            if (classId < 0)
                continue;
            const QStringList fields = { csvField(image.fileName), QString::number(image.size.width),
                QString::number(image.size.height), csvField(box.label), QString::number(classId),
                pixelText(box.box.x), pixelText(box.box.y), pixelText(box.box.width),
                pixelText(box.box.height), box.difficult ? QStringLiteral("1") : QStringLiteral("0"),
                box.truncated ? QStringLiteral("1") : QStringLiteral("0") };
            out += fields.join(QLatin1Char(',')) + QLatin1Char('\n');
        }
    return out.toUtf8();
}

} // namespace cropwise
