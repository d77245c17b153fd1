#include "ui/RecentFiles.h"

#include <QDir>
#include <QFileInfo>
#include <QIcon>
#include <QMenu>
#include <QSettings>

namespace cropwise {

namespace {
const QString kKey = QStringLiteral("recent/paths");
}

RecentFiles::RecentFiles(QObject *parent)
    : QObject(parent)
{
    m_paths = QSettings().value(kKey).toStringList();
    m_paths.removeAll(QString());
    while (m_paths.size() > kMaxEntries)
        m_paths.removeLast();
}

void RecentFiles::add(const QString &path)
{
    const QString clean = QDir::cleanPath(QFileInfo(path).absoluteFilePath());
    m_paths.removeAll(clean);
    m_paths.prepend(clean);
    while (m_paths.size() > kMaxEntries)
        m_paths.removeLast();
    save();
    emit changed();
}

void RecentFiles::clear()
{
    m_paths.clear();
    save();
    emit changed();
}

void RecentFiles::save() const
{
    QSettings().setValue(kKey, m_paths);
}

void RecentFiles::populateMenu(QMenu *menu)
{
    menu->clear();
    int n = 0;
    for (const QString &path : m_paths) {
        const QFileInfo info(path);
        QString text = QDir::toNativeSeparators(path);
        if (info.isDir())
            text += QDir::separator();
        // Numbered mnemonics for the first nine entries, like most desktop apps.
        ++n;
        const QString label = n < 10
            ? QStringLiteral("&%1  %2").arg(n).arg(text.replace(QLatin1Char('&'), QLatin1String("&&")))
            : text.replace(QLatin1Char('&'), QLatin1String("&&"));
        QAction *a = menu->addAction(QIcon(info.isDir() ? QStringLiteral(":/icons/folder-open.svg")
                                                        : QStringLiteral(":/icons/document-open.svg")),
            label);
        a->setEnabled(info.exists());
        if (!info.exists())
            a->setToolTip(tr("Not found"));
        connect(a, &QAction::triggered, this, [this, path] { emit openRequested(path); });
    }
    if (m_paths.isEmpty()) {
        menu->addAction(tr("No recent files"))->setEnabled(false);
        return;
    }
    menu->addSeparator();
    connect(menu->addAction(tr("Clear List")), &QAction::triggered, this, &RecentFiles::clear);
}

} // namespace cropwise
