#pragma once

// The "Labels" panel: the folder's label set as a table (colour, name, number key), editable in
// place: double-click a name to rename it, the colour to pick another, the key to rebind it
// (0 = none); a field and a button add a label, another button removes the selected one. Every
// edit goes through LabelsController (validated and saved by core); a refusal is shown under the
// table and the table goes back to the saved set.
// Thread: GUI thread only.

#include <QPointer>
#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;
class QTableWidgetItem;

namespace cropwise {

class LabelsController;

class LabelPanel : public QWidget
{
    Q_OBJECT

public:
    enum Column { ColourColumn, NameColumn, KeyColumn, ColumnCount };

    explicit LabelPanel(LabelsController *labels, QWidget *parent = nullptr);

    QTableWidget *table() const { return m_table; }
    QLineEdit *nameField() const { return m_newName; }
    QString problemText() const;

    // Adds the label typed in the name field (the Add button).
    void addTypedLabel();
    void removeSelectedLabel();

private:
    void rebuild();
    void onItemChanged(QTableWidgetItem *item);
    void onCellDoubleClicked(int row, int column);
    void showResult(const QString &refusal);

    QPointer<LabelsController> m_labels;
    QTableWidget *m_table;
    QLineEdit *m_newName;
    QPushButton *m_add;
    QPushButton *m_remove;
    QLabel *m_problem;
    QLabel *m_hint;
    bool m_rebuilding = false;
};

} // namespace cropwise
