#pragma once

// Saves one ImageDocument's state to its sidecar shortly after it changes, so a crash loses at most
// a few seconds of work: a write happens once edits pause for quietDelay (default 1 s), and at the
// latest maxDelay (default 3 s) after the first unsaved change even under constant edits.
//
// It writes only after a change: opening and browsing images never creates sidecars. A change back
// to the default state still writes when a sidecar exists (so deleting the last crop persists);
// when none exists, nothing is written.
//
// Keeps a snapshot of the document's state at each change, so flush() works even after the
// document is gone. The destructor flushes (quietly: no signals, failures logged).
// Call flush() when switching images and before quitting.
// Thread: the document's thread.

#include "core/geometry/Rect.h"
#include "core/model/ImageState.h"
#include "core/model/Sidecar.h"

#include <QObject>
#include <QPointer>
#include <QString>
#include <QTimer>

#include <chrono>
#include <optional>

namespace cropwise {

class ImageDocument;

class Autosaver : public QObject
{
    Q_OBJECT

public:
    // Watches document (not null; not owned; may be destroyed first). The current state counts as saved.
    explicit Autosaver(
        ImageDocument *document, SidecarStore store = SidecarStore(), QObject *parent = nullptr);
    ~Autosaver() override;

    void setDelays(std::chrono::milliseconds quietDelay, std::chrono::milliseconds maxDelay);
    bool hasUnsavedChanges() const { return m_pending.has_value(); }
    QString imagePath() const { return m_imagePath; }

    // Writes now if there are unsaved changes. Returns false when a write was needed and failed
    // (the changes stay pending and are retried on the next change or flush()).
    bool flush();

signals:
    void saved(const QString &sidecarPath);
    void saveFailed(const QString &imagePath, const QString &reason);

private:
    void onDocumentChanged();
    bool save(bool emitSignals);

    QPointer<ImageDocument> m_document;
    QString m_imagePath;
    Size m_orientedSize;
    SidecarStore m_store;
    std::optional<ImageState> m_pending; // unsaved snapshot
    QTimer m_quietTimer; // restarted on every change
    QTimer m_deadlineTimer; // started on the first unsaved change only
};

} // namespace cropwise
