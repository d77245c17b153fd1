#include "ui/dialogs/ShortcutsDialog.h"

#include "ui/Shortcuts.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace cropwise {

ShortcutsDialog::ShortcutsDialog(QWidget *parent)
    : QDialog(parent)
    , m_search(new QLineEdit)
    , m_tree(new QTreeWidget)
{
    setObjectName(QStringLiteral("shortcutsDialog"));
    setWindowTitle(tr("Keyboard Shortcuts"));
    m_search->setPlaceholderText(tr("Search actions or keys…"));
    m_search->setClearButtonEnabled(true);

    m_tree->setColumnCount(3);
    m_tree->setHeaderLabels({ tr("Shortcut"), tr("Action"), tr("What it does") });
    m_tree->setRootIsDecorated(false);
    m_tree->setAlternatingRowColors(true);
    m_tree->setSelectionMode(QAbstractItemView::NoSelection);
    m_tree->setFocusPolicy(Qt::NoFocus);
    m_tree->setWordWrap(true);
    m_tree->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_tree->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_tree->header()->setStretchLastSection(true);

    QTreeWidgetItem *group = nullptr;
    bool first = true;
    ShortcutCategory current {};
    for (const ShortcutEntry &e : shortcutTable()) {
        if (first || e.category != current) {
            group = new QTreeWidgetItem(m_tree, { categoryName(e.category) });
            group->setFirstColumnSpanned(true);
            QFont f = group->font(0);
            f.setBold(true);
            group->setFont(0, f);
            group->setForeground(0, QColor(0xa8, 0xc8, 0xea));
            group->setFlags(Qt::ItemIsEnabled);
            current = e.category;
            first = false;
        }
        QString keys = keysText(e);
        if (e.context == ShortcutContext::Canvas)
            keys += tr("  (on the photo)");
        auto *item = new QTreeWidgetItem(group, { keys, actionName(e), e.description });
        item->setData(0, Qt::UserRole, e.key);
        item->setToolTip(2, e.description);
        QFont mono = item->font(0);
        mono.setFamily(QStringLiteral("DejaVu Sans Mono"));
        item->setFont(0, mono);
    }
    m_tree->expandAll();
    m_tree->setFirstColumnSpanned(0, QModelIndex(), true);

    auto *hint
        = new QLabel(tr("Plain arrow keys nudge the selected crop; change images with Page Up / Page Down "
                        "or Ctrl+Left / Ctrl+Right."));
    hint->setWordWrap(true);
    hint->setStyleSheet(QStringLiteral("color: #9a9a9a;"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_search);
    layout->addWidget(m_tree, 1);
    layout->addWidget(hint);
    layout->addWidget(buttons);
    resize(760, 640);

    connect(m_search, &QLineEdit::textChanged, this, &ShortcutsDialog::applyFilter);
}

void ShortcutsDialog::setFilterText(const QString &text)
{
    m_search->setText(text); // applyFilter via textChanged
}

void ShortcutsDialog::applyFilter(const QString &text)
{
    const QString needle = text.trimmed();
    for (int g = 0; g < m_tree->topLevelItemCount(); ++g) {
        QTreeWidgetItem *group = m_tree->topLevelItem(g);
        const bool groupMatches = !needle.isEmpty() && group->text(0).contains(needle, Qt::CaseInsensitive);
        int shown = 0;
        for (int i = 0; i < group->childCount(); ++i) {
            QTreeWidgetItem *item = group->child(i);
            const bool match = needle.isEmpty() || groupMatches
                || item->text(0).contains(needle, Qt::CaseInsensitive)
                || item->text(1).contains(needle, Qt::CaseInsensitive)
                || item->text(2).contains(needle, Qt::CaseInsensitive);
            item->setHidden(!match);
            shown += match ? 1 : 0;
        }
        group->setHidden(shown == 0);
    }
}

int ShortcutsDialog::visibleRowCount() const
{
    int n = 0;
    for (int g = 0; g < m_tree->topLevelItemCount(); ++g) {
        const QTreeWidgetItem *group = m_tree->topLevelItem(g);
        if (group->isHidden())
            continue;
        for (int i = 0; i < group->childCount(); ++i)
            n += group->child(i)->isHidden() ? 0 : 1;
    }
    return n;
}

} // namespace cropwise
