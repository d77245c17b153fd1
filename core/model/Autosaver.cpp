#include "core/model/Autosaver.h"

#include "core/model/ImageDocument.h"
#include "core/model/ModelLogging.h"

namespace cropwise {

using namespace std::chrono_literals;

Autosaver::Autosaver(ImageDocument *document, SidecarStore store, QObject *parent)
    : QObject(parent)
    , m_document(document)
    , m_imagePath(document->imagePath())
    , m_orientedSize(document->orientedSize())
    , m_store(std::move(store))
{
    m_quietTimer.setSingleShot(true);
    m_deadlineTimer.setSingleShot(true);
    setDelays(1000ms, 3000ms);
    connect(&m_quietTimer, &QTimer::timeout, this, [this] { save(true); });
    connect(&m_deadlineTimer, &QTimer::timeout, this, [this] { save(true); });
    connect(document, &ImageDocument::changed, this, &Autosaver::onDocumentChanged);
}

Autosaver::~Autosaver()
{
    // No signals from a destructor: the receivers may be half torn down already.
    if (m_pending && !save(false))
        qCWarning(lcModel).noquote() << "Unsaved crops of" << m_imagePath << "were lost on close.";
}

void Autosaver::setDelays(std::chrono::milliseconds quietDelay, std::chrono::milliseconds maxDelay)
{
    m_quietTimer.setInterval(quietDelay);
    m_deadlineTimer.setInterval(std::max(maxDelay, quietDelay));
}

void Autosaver::onDocumentChanged()
{
    // The document's thread only (AutoConnection within one thread): the snapshot is consistent.
    m_pending = m_document->state();
    m_quietTimer.start();
    if (!m_deadlineTimer.isActive())
        m_deadlineTimer.start();
}

bool Autosaver::flush()
{
    return save(true);
}

bool Autosaver::save(bool emitSignals)
{
    m_quietTimer.stop();
    m_deadlineTimer.stop();
    if (!m_pending)
        return true;
    // Back to nothing and nothing on disk: creating an empty sidecar would only litter the folder.
    if (m_pending->isDefault() && !m_store.existingSidecar(m_imagePath)) {
        m_pending.reset();
        return true;
    }
    const SidecarWriteResult result = m_store.write(m_imagePath, m_orientedSize, *m_pending);
    if (!result.ok()) {
        // Kept pending: retried on the next change or flush(), never in a tight loop.
        qCWarning(lcModel).noquote() << result.error;
        if (emitSignals)
            emit saveFailed(m_imagePath, result.error);
        return false;
    }
    m_pending.reset();
    if (emitSignals)
        emit saved(result.location.path);
    return true;
}

} // namespace cropwise
