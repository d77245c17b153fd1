#include "ui/labels/ObjectBoxCatalog.h"

#include "core/annotations/ObjectBoxStore.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

namespace cropwise {

ObjectBoxCatalog::ObjectBoxCatalog(QObject *parent)
    : QObject(parent)
{
}

void ObjectBoxCatalog::setFolder(const QString &folder)
{
    const QString clean = folder.isEmpty() ? QString() : QDir::cleanPath(folder);
    if (clean == m_folder)
        return;
    m_folder = clean;
    m_images.clear();
    if (!m_folder.isEmpty()) {
        const ObjectBoxesLoadResult loaded = loadObjectBoxes(m_folder);
        if (!loaded.ok())
            Q_EMIT message(loaded.error);
        else
            m_images = loaded.images;
        if (!loaded.warnings.isEmpty())
            Q_EMIT message(loaded.warnings.join(QLatin1Char('\n')));
    }
    Q_EMIT boxesChanged();
}

int ObjectBoxCatalog::indexOfImage(const QString &imagePath) const
{
    const QString key = imageKey(imagePath);
    for (int i = 0; i < m_images.size(); ++i)
        if (imageKey(m_images[i].imagePath) == key)
            return i;
    return -1;
}

QList<ObjectBox> ObjectBoxCatalog::boxes(const QString &imagePath) const
{
    const int i = indexOfImage(imagePath);
    return i >= 0 ? m_images[i].boxes : QList<ObjectBox>();
}

bool ObjectBoxCatalog::isVerifiedInFile(const QString &imagePath) const
{
    const int i = indexOfImage(imagePath);
    return i >= 0 && m_images[i].verified;
}

int ObjectBoxCatalog::boxCount() const
{
    int n = 0;
    for (const ImageAnnotations &a : m_images)
        n += int(a.boxes.size());
    return n;
}

QString ObjectBoxCatalog::save()
{
    return saveObjectBoxes(m_folder, m_images);
}

ImportResult ObjectBoxCatalog::importBoxes(
    AnnotationFormat format, const QString &path, const QStringList &imagePaths)
{
    ImportResult result = importAnnotations(format, path, locateByFileName(imagePaths));
    if (!result.ok())
        return result;
    if (m_folder.isEmpty()) {
        result.error = QCoreApplication::translate("ObjectBoxCatalog", "open a folder of images first");
        return result;
    }
    // The store is per folder: keep the images of this folder (found and inside it).
    QList<ImageAnnotations> here;
    for (const ImageAnnotations &a : std::as_const(result.images)) {
        const QFileInfo info(a.imagePath);
        if (info.isAbsolute() && info.exists() && QDir::cleanPath(info.absolutePath()) == m_folder) {
            here << a;
            continue;
        }
        ImportMessage m;
        m.file = QFileInfo(path).fileName();
        m.text = QCoreApplication::translate("ObjectBoxCatalog",
            "%1: the image is not in the open folder; its %n box(es) were skipped", nullptr,
            int(a.boxes.size()))
                     .arg(a.imagePath);
        result.messages << m;
    }
    result.images = here;
    m_images = mergeAnnotations(m_images, here);
    if (const QString why = save(); !why.isEmpty())
        result.error = why;
    Q_EMIT boxesChanged();
    return result;
}

QString ObjectBoxCatalog::setBoxFlags(const QString &imagePath, int index, bool difficult, bool truncated)
{
    const int i = indexOfImage(imagePath);
    if (i < 0 || index < 0 || index >= m_images[i].boxes.size())
        return QCoreApplication::translate("ObjectBoxCatalog", "there is no such box");
    ObjectBox &box = m_images[i].boxes[index];
    if (box.difficult == difficult && box.truncated == truncated)
        return {};
    box.difficult = difficult;
    box.truncated = truncated;
    const QString why = save();
    Q_EMIT boxesChanged();
    return why;
}

QString ObjectBoxCatalog::renameLabel(const QString &from, const QString &to)
{
    bool any = false;
    for (ImageAnnotations &a : m_images)
        for (ObjectBox &b : a.boxes)
            if (b.label == from) {
                b.label = to;
                any = true;
            }
    if (!any)
        return {};
    const QString why = save();
    Q_EMIT boxesChanged();
    return why;
}

} // namespace cropwise
