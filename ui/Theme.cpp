#include "ui/Theme.h"

#include <QApplication>
#include <QPalette>
#include <QStyleFactory>

namespace cropwise {

void applyCropwiseTheme(QApplication &app)
{
    if (QStyle *fusion = QStyleFactory::create(QStringLiteral("Fusion")))
        app.setStyle(fusion);

    const QColor window(0x2b, 0x2b, 0x2b);
    const QColor base(0x21, 0x21, 0x21);
    const QColor text(0xdd, 0xdd, 0xdd);
    const QColor disabledText(0x73, 0x73, 0x73);
    const QColor button(0x35, 0x35, 0x35);

    QPalette p;
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, QColor(0x27, 0x27, 0x27));
    p.setColor(QPalette::ToolTipBase, QColor(0x3a, 0x3a, 0x3a));
    p.setColor(QPalette::ToolTipText, QColor(0xee, 0xee, 0xee));
    p.setColor(QPalette::PlaceholderText, QColor(0x80, 0x80, 0x80));
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, button);
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, theme::errorColor());
    p.setColor(QPalette::Light, QColor(0x48, 0x48, 0x48));
    p.setColor(QPalette::Midlight, QColor(0x3e, 0x3e, 0x3e));
    p.setColor(QPalette::Mid, QColor(0x2f, 0x2f, 0x2f));
    p.setColor(QPalette::Dark, QColor(0x1a, 0x1a, 0x1a));
    p.setColor(QPalette::Shadow, QColor(0x0d, 0x0d, 0x0d));
    p.setColor(QPalette::Highlight, QColor(0x35, 0x6f, 0xa8));
    p.setColor(QPalette::HighlightedText, QColor(0xff, 0xff, 0xff));
    p.setColor(QPalette::Link, theme::accent());
    p.setColor(QPalette::LinkVisited, theme::accent().darker(120));
    for (auto role : { QPalette::WindowText, QPalette::Text, QPalette::ButtonText })
        p.setColor(QPalette::Disabled, role, disabledText);
    p.setColor(QPalette::Disabled, QPalette::Highlight, QColor(0x45, 0x45, 0x45));
    p.setColor(QPalette::Disabled, QPalette::Light, window); // no embossed shadow on disabled text
    app.setPalette(p);

    app.setStyleSheet(QStringLiteral(R"(
QToolBar { border: none; spacing: 2px; padding: 3px 6px; background: #2b2b2b; }
QToolBar::separator { width: 1px; background: #3c3c3c; margin: 4px 6px; }
QToolButton { border: 1px solid transparent; border-radius: 4px; padding: 3px; }
QToolButton:hover { background: #383838; border-color: #444444; }
QToolButton:checked { background: #2f4a66; border-color: #3d6a96; }
QToolButton:pressed { background: #25394f; }
QToolButton[popupMode="1"] { padding-right: 12px; }
QToolButton::menu-button { border: none; background: transparent; width: 12px; }
QToolButton::menu-button:hover { background: #383838; border-radius: 3px; }
QMainWindow::separator { background: #1f1f1f; width: 2px; height: 2px; }
QDockWidget { titlebar-close-icon: none; }
QDockWidget::title { padding: 5px 8px; background: #262626; color: #a8a8a8; text-align: left; }
QStatusBar { background: #232323; color: #b0b0b0; }
QStatusBar::item { border: none; }
QStatusBar QLabel { padding: 0 8px; }
QListView#thumbnailStrip { background: #1c1c1c; border: none; }
QFrame#messageBar { border-radius: 4px; }
QGroupBox { border: 1px solid #3a3a3a; border-radius: 4px; margin-top: 1.2em; padding-top: 4px; }
QGroupBox::title { subcontrol-origin: margin; left: 8px; padding: 0 4px; color: #a8a8a8; }
QHeaderView::section { background: #2a2a2a; color: #a8a8a8; border: none; border-bottom: 1px solid #3a3a3a; padding: 3px 6px; }
QTableView { gridline-color: #2f2f2f; selection-background-color: #356fa8; }
)"));
}

} // namespace cropwise
