#include "ui/panels/MessageBar.h"

#include "ui/Theme.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace cropwise {

MessageBar::MessageBar(QWidget *parent)
    : QFrame(parent)
    , m_icon(new QLabel)
    , m_text(new QLabel)
    , m_detailsLabel(new QLabel)
    , m_detailsButton(new QPushButton(tr("Details")))
    , m_actionButton(new QPushButton)
    , m_closeButton(new QToolButton)
    , m_timer(new QTimer(this))
{
    setObjectName(QStringLiteral("messageBar"));
    m_text->setObjectName(QStringLiteral("messageText"));
    m_text->setWordWrap(true);
    m_text->setTextFormat(Qt::RichText);
    m_text->setTextInteractionFlags(Qt::TextBrowserInteraction);
    m_text->setOpenExternalLinks(false);
    m_detailsLabel->setWordWrap(true);
    m_detailsLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_detailsLabel->setVisible(false);
    m_detailsButton->setCheckable(true);
    m_detailsButton->setFlat(true);
    m_actionButton->setVisible(false);
    m_closeButton->setText(QStringLiteral("✕"));
    m_closeButton->setAutoRaise(true);
    m_closeButton->setToolTip(tr("Close"));
    m_timer->setSingleShot(true);

    auto *row = new QHBoxLayout;
    row->setContentsMargins(0, 0, 0, 0);
    row->setSpacing(10);
    row->addWidget(m_icon, 0, Qt::AlignTop);
    row->addWidget(m_text, 1);
    row->addWidget(m_detailsButton, 0, Qt::AlignTop);
    row->addWidget(m_actionButton, 0, Qt::AlignTop);
    row->addWidget(m_closeButton, 0, Qt::AlignTop);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 7, 8, 7);
    layout->setSpacing(4);
    layout->addLayout(row);
    layout->addWidget(m_detailsLabel);

    connect(m_closeButton, &QToolButton::clicked, this, &MessageBar::dismiss);
    connect(m_timer, &QTimer::timeout, this, &MessageBar::dismiss);
    connect(m_detailsButton, &QPushButton::toggled, m_detailsLabel, &QLabel::setVisible);
    connect(m_actionButton, &QPushButton::clicked, this, [this] {
        if (m_action)
            m_action();
    });
    hide();
}

void MessageBar::showMessage(Level level, const QString &text, const QString &details, int timeoutMs)
{
    m_level = level;
    m_details = details;
    QColor accent;
    QStyle::StandardPixmap icon = QStyle::SP_MessageBoxInformation;
    switch (level) {
    case Level::Information:
        accent = theme::accent();
        break;
    case Level::Positive:
        accent = QColor(0x5f, 0xb8, 0x6a);
        break;
    case Level::Warning:
        accent = theme::warningColor();
        icon = QStyle::SP_MessageBoxWarning;
        break;
    case Level::Error:
        accent = theme::errorColor();
        icon = QStyle::SP_MessageBoxCritical;
        break;
    }
    const QColor bg = QColor::fromRgbF(0.13f + 0.10f * accent.redF() * 0.5f,
        0.13f + 0.10f * accent.greenF() * 0.5f, 0.13f + 0.10f * accent.blueF() * 0.5f);
    setStyleSheet(QStringLiteral(
        "QFrame#messageBar { background: %1; border: 1px solid %2; border-left: 4px solid %2; }"
        "QFrame#messageBar QLabel { color: #e4e4e4; }")
                      .arg(bg.name(), accent.name()));
    const int side = style()->pixelMetric(QStyle::PM_SmallIconSize);
    m_icon->setPixmap(style()->standardIcon(icon).pixmap(side, side));
    m_text->setText(text);
    m_detailsLabel->setText(details);
    m_detailsLabel->setVisible(false);
    m_detailsButton->setChecked(false);
    m_detailsButton->setVisible(!details.isEmpty());
    setToolTip(details);
    m_action = nullptr;
    m_actionButton->setVisible(false);
    if (timeoutMs > 0)
        m_timer->start(timeoutMs);
    else
        m_timer->stop();
    show();
}

void MessageBar::setAction(const QString &text, std::function<void()> onClicked)
{
    m_action = std::move(onClicked);
    m_actionButton->setText(text);
    m_actionButton->setVisible(bool(m_action));
}

void MessageBar::dismiss()
{
    m_timer->stop();
    if (isHidden())
        return;
    hide();
    emit dismissed();
}

QString MessageBar::text() const
{
    return m_text->text();
}

} // namespace cropwise
