#include "ui/ImageSession.h"

#include "core/io/ImageProbe.h"
#include "core/model/Autosaver.h"
#include "core/model/ImageDocument.h"

#include <QFileInfo>
#include <QUndoGroup>
#include <QUndoStack>

#include <chrono>

namespace cropwise {

// One open image. Members die in reverse order: the autosaver first (its destructor flushes from
// its own snapshot), then the stack (its commands hold QPointers to the document), then the document.
struct ImageSession::Open
{
    std::unique_ptr<ImageDocument> document;
    std::unique_ptr<QUndoStack> stack;
    std::unique_ptr<Autosaver> autosaver;
};

ImageSession::ImageSession(SidecarStore store, QObject *parent)
    : QObject(parent)
    , m_store(std::move(store))
    , m_group(new QUndoGroup(this))
{
}

ImageSession::~ImageSession()
{
    flushAll();
    // Stacks must leave the group before it goes (the group is a child, deleted after us).
    for (auto &open : m_open)
        m_group->removeStack(open->stack.get());
}

QString ImageSession::currentPath() const
{
    return m_current >= 0 && m_current < m_paths.size() ? m_paths[m_current] : QString();
}

void ImageSession::setImages(const QStringList &paths, int current)
{
    flushAll();
    m_group->setActiveStack(nullptr);
    const QStringList openPaths = m_open.keys();
    for (const QString &path : openPaths) {
        if (!paths.contains(path))
            close(path);
    }
    m_openErrors.clear();
    m_paths = paths;
    m_current = -1;
    emit imagesChanged();
    if (!m_paths.isEmpty())
        setCurrentIndex(qBound(0, current, int(m_paths.size()) - 1));
    else
        emit currentChanged(-1, QString());
}

bool ImageSession::setCurrentIndex(int index)
{
    if (index < 0 || index >= m_paths.size())
        return false;
    if (index == m_current)
        return true;
    // The session survives switching: what was done on the image left behind is written now,
    // not seconds later.
    if (m_current >= 0) {
        if (auto it = m_open.constFind(currentPath()); it != m_open.constEnd())
            (*it)->autosaver->flush();
    }
    m_current = index;
    ImageDocument *doc = document(m_paths[index]);
    m_group->setActiveStack(doc ? undoStack(m_paths[index]) : nullptr);
    emit currentChanged(index, m_paths[index]);
    return true;
}

ImageDocument *ImageSession::document(const QString &path, QString *error)
{
    if (auto it = m_open.constFind(path); it != m_open.constEnd())
        return (*it)->document.get();
    if (auto it = m_openErrors.constFind(path); it != m_openErrors.constEnd()) {
        if (error)
            *error = *it;
        return nullptr;
    }
    if (!m_paths.contains(path)) {
        if (error)
            *error = tr("not in the image list");
        return nullptr;
    }

    const ProbeResult probe = probeImage(path);
    if (!probe.ok() || probe.displayedSize.isEmpty()) {
        const QString reason = probe.ok() ? tr("the image has no pixels") : probe.error;
        m_openErrors.insert(path, reason);
        if (error)
            *error = reason;
        return nullptr;
    }

    auto open = std::make_shared<Open>();
    open->document = std::make_unique<ImageDocument>(path, probe.displayedSize);
    const SidecarReadResult sidecar = m_store.read(path, probe.displayedSize);
    const QString fileName = QFileInfo(path).fileName();
    if (!sidecar.error.isEmpty())
        emit sidecarProblem(path, sidecar.error);
    QStringList notices = sidecar.warnings;
    if (sidecar.status == SidecarReadResult::Status::Loaded)
        notices += open->document->setState(sidecar.state);
    if (!notices.isEmpty())
        emit sidecarNotice(path, tr("%1: %2").arg(fileName, notices.join(QLatin1Char(' '))));

    open->stack = std::make_unique<QUndoStack>();
    m_group->addStack(open->stack.get());
    // Created after setState(): the restored crops count as saved.
    open->autosaver = std::make_unique<Autosaver>(open->document.get(), m_store);
    if (m_quietMs >= 0)
        open->autosaver->setDelays(std::chrono::milliseconds(m_quietMs), std::chrono::milliseconds(m_maxMs));
    connect(open->autosaver.get(), &Autosaver::saveFailed, this, &ImageSession::autosaveFailed);
    connect(open->autosaver.get(), &Autosaver::saved, this, [this, path] { emit autosaved(path); });

    ImageDocument *doc = open->document.get();
    m_open.insert(path, std::move(open));
    return doc;
}

QUndoStack *ImageSession::undoStack(const QString &path) const
{
    auto it = m_open.constFind(path);
    return it == m_open.constEnd() ? nullptr : (*it)->stack.get();
}

QStringList ImageSession::flushAll()
{
    QStringList failures;
    for (auto it = m_open.constBegin(); it != m_open.constEnd(); ++it) {
        Autosaver *saver = (*it)->autosaver.get();
        if (!saver->hasUnsavedChanges())
            continue;
        // The reason comes through saveFailed; here we only need to know which ones failed.
        QString reason;
        auto c = connect(saver, &Autosaver::saveFailed, this,
            [&reason](const QString &, const QString &r) { reason = r; });
        const bool ok = saver->flush();
        disconnect(c);
        if (!ok)
            failures << tr("%1: %2").arg(
                QFileInfo(it.key()).fileName(), reason.isEmpty() ? tr("could not be saved") : reason);
    }
    return failures;
}

bool ImageSession::hasUnsavedChanges() const
{
    for (const auto &open : m_open) {
        if (open->autosaver->hasUnsavedChanges())
            return true;
    }
    return false;
}

void ImageSession::setAutosaveDelays(int quietMs, int maxMs)
{
    m_quietMs = quietMs;
    m_maxMs = maxMs;
    for (auto &open : m_open)
        open->autosaver->setDelays(std::chrono::milliseconds(quietMs), std::chrono::milliseconds(maxMs));
}

void ImageSession::close(const QString &path)
{
    auto it = m_open.find(path);
    if (it == m_open.end())
        return;
    (*it)->autosaver->flush();
    m_group->removeStack((*it)->stack.get());
    m_open.erase(it);
}

} // namespace cropwise
