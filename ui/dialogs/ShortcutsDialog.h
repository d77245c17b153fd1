#pragma once

// Help > Keyboard Shortcuts: the whole shortcuts table (ui/Shortcuts.h), grouped by category and
// filtered as you type (matches the action, its description or its keys).
// Thread: GUI thread only.

#include <QDialog>

class QLineEdit;
class QTreeWidget;

namespace cropwise {

class ShortcutsDialog : public QDialog
{
    Q_OBJECT

public:
    explicit ShortcutsDialog(QWidget *parent = nullptr);

    void setFilterText(const QString &text);
    // Rows shown under the current filter (not counting category headings).
    int visibleRowCount() const;
    QTreeWidget *tree() const { return m_tree; }
    QLineEdit *searchField() const { return m_search; }

private:
    void applyFilter(const QString &text);

    QLineEdit *m_search;
    QTreeWidget *m_tree;
};

} // namespace cropwise
