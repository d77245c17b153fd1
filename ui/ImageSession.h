#pragma once

// The images the window works on and, for each image visited or edited, its ImageDocument, its
// QUndoStack (inside one QUndoGroup: the Edit menu follows the current image) and its Autosaver.
//
// Documents open on demand (document()): the header is probed for the oriented size
// (core/io/ImageProbe.h, no pixels decoded), the sidecar is read (crops restored), and an Autosaver
// starts watching. They stay open while the image list holds their path, so undo history and
// pasted crops survive switching images. Problems are reported once per image by signals
// (a broken sidecar, kept aside; repairs; failed autosaves) — the window decides how to show them.
//
// "The session survives": switching images flushes the image left behind; flushAll() (called on
// quit and by the destructor) writes every pending change.
//
// Thread: GUI thread only.

#include "core/model/Sidecar.h"

#include <QHash>
#include <QObject>
#include <QString>
#include <QStringList>

#include <memory>

class QUndoGroup;
class QUndoStack;

namespace cropwise {

class Autosaver;
class ImageDocument;

class ImageSession : public QObject
{
    Q_OBJECT

public:
    explicit ImageSession(SidecarStore store = SidecarStore(), QObject *parent = nullptr);
    ~ImageSession() override; // flushes every autosaver

    // --- The image list ---------------------------------------------------------------------
    // Replaces the list (flushing first). Documents of paths no longer listed are closed; current
    // becomes `current` (clamped; -1 = none when the list is empty).
    void setImages(const QStringList &paths, int current = 0);
    const QStringList &imagePaths() const { return m_paths; }
    int count() const { return int(m_paths.size()); }
    int indexOf(const QString &path) const { return int(m_paths.indexOf(path)); }
    int currentIndex() const { return m_current; }
    QString currentPath() const;
    // Flushes the image left behind, opens the new one's document, makes its stack active.
    // Out-of-range indexes are refused (false). Emits currentChanged.
    bool setCurrentIndex(int index);

    // --- Documents ----------------------------------------------------------------------------
    // The document of path, opened on first use; nullptr when the image cannot be probed (reason
    // in *error and in openError()). path must be in the list.
    ImageDocument *document(const QString &path, QString *error = nullptr);
    ImageDocument *currentDocument() { return m_current < 0 ? nullptr : document(currentPath()); }
    bool isOpen(const QString &path) const { return m_open.contains(path); }
    QString openError(const QString &path) const { return m_openErrors.value(path); }
    QUndoStack *undoStack(const QString &path) const;
    QUndoGroup *undoGroup() const { return m_group; }

    // Writes every pending change now. Returns the images whose write failed, each as
    // "file name: reason" (empty = all saved).
    QStringList flushAll();
    bool hasUnsavedChanges() const;

    // For tests: autosave delays of the documents opened from now on.
    void setAutosaveDelays(int quietMs, int maxMs);
    const SidecarStore &sidecarStore() const { return m_store; }

Q_SIGNALS:
    void imagesChanged();
    void currentChanged(int index, const QString &path);
    // A sidecar could not be used and was kept aside (message says where), or was repaired
    // (dropped crops, image size changed...). One signal per document opening.
    void sidecarProblem(const QString &imagePath, const QString &message);
    void sidecarNotice(const QString &imagePath, const QString &message);
    void autosaveFailed(const QString &imagePath, const QString &reason);
    void autosaved(const QString &imagePath);

private:
    struct Open;
    void close(const QString &path);

    SidecarStore m_store;
    QUndoGroup *m_group;
    QStringList m_paths;
    int m_current = -1;
    QHash<QString, std::shared_ptr<Open>> m_open;
    QHash<QString, QString> m_openErrors;
    int m_quietMs = -1;
    int m_maxMs = -1;
};

} // namespace cropwise
