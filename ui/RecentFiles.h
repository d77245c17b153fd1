#pragma once

// File > Open Recent: the last opened files and folders (newest first, at most 10), kept in
// QSettings under "recent/paths". Paths that no longer exist are shown disabled, not dropped, so a
// disconnected drive does not erase the list.
// Thread: GUI thread only.

#include <QObject>
#include <QStringList>

class QMenu;

namespace cropwise {

class RecentFiles : public QObject
{
    Q_OBJECT

public:
    static constexpr int kMaxEntries = 10;

    explicit RecentFiles(QObject *parent = nullptr); // reads QSettings

    QStringList paths() const { return m_paths; }
    void add(const QString &path);
    void clear();
    // Rebuilds menu: one action per path (folders get a trailing "/"), then "Clear List".
    void populateMenu(QMenu *menu);

Q_SIGNALS:
    void openRequested(const QString &path);
    void changed();

private:
    void save() const;
    QStringList m_paths;
};

} // namespace cropwise
