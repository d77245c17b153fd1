#pragma once

// A quiet in-window message above the photo (like KDE's KMessageWidget): one summary instead of a
// storm of dialogs. Shows one message at a time with an optional action button and a close button;
// a new message replaces the old one. Errors stay until closed; information can time out.
// Thread: GUI thread only.

#include <QFrame>

#include <functional>

class QLabel;
class QPushButton;
class QTimer;
class QToolButton;

namespace cropwise {

class MessageBar : public QFrame
{
    Q_OBJECT

public:
    enum class Level { Information, Positive, Warning, Error };

    explicit MessageBar(QWidget *parent = nullptr);

    // text may hold simple rich text (escaped by the caller). details (plain text, one problem per
    // line) appear in the tool tip and behind a "Details" toggle. timeoutMs > 0 hides it after.
    void showMessage(Level level, const QString &text, const QString &details = QString(), int timeoutMs = 0);
    // An extra button ("Show Folder"...) for the current message; cleared by the next showMessage().
    void setAction(const QString &text, std::function<void()> onClicked);
    void dismiss();

    Level level() const { return m_level; }
    QString text() const;
    QString details() const { return m_details; }

Q_SIGNALS:
    void dismissed();

private:
    Level m_level = Level::Information;
    QString m_details;
    QLabel *m_icon;
    QLabel *m_text;
    QLabel *m_detailsLabel;
    QPushButton *m_detailsButton;
    QPushButton *m_actionButton;
    QToolButton *m_closeButton;
    QTimer *m_timer;
    std::function<void()> m_action;
};

} // namespace cropwise
