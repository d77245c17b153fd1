#include "ui/labels/LabelPanel.h"

#include "ui/labels/LabelsController.h"

#include <QColorDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPainter>
#include <QPixmap>
#include <QPushButton>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace cropwise {

namespace {

QIcon swatch(const QColor &colour)
{
    QPixmap pixmap(28, 28);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(QPen(QColor(0, 0, 0, 160), 2));
    p.setBrush(colour);
    p.drawRoundedRect(QRectF(3, 3, 22, 22), 5, 5);
    return QIcon(pixmap);
}

} // namespace

LabelPanel::LabelPanel(LabelsController *labels, QWidget *parent)
    : QWidget(parent)
    , m_labels(labels)
    , m_table(new QTableWidget(0, ColumnCount))
    , m_newName(new QLineEdit)
    , m_add(new QPushButton(tr("Add")))
    , m_remove(new QPushButton(tr("Remove")))
    , m_problem(new QLabel)
    , m_hint(new QLabel)
{
    setObjectName(QStringLiteral("labelPanel"));
    m_table->setObjectName(QStringLiteral("labelTable"));
    m_table->setHorizontalHeaderLabels({ QString(), tr("Label"), tr("Key") });
    m_table->verticalHeader()->hide();
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed);
    m_table->horizontalHeader()->setSectionResizeMode(ColourColumn, QHeaderView::Fixed);
    m_table->horizontalHeader()->setSectionResizeMode(NameColumn, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(KeyColumn, QHeaderView::ResizeToContents);
    m_table->setColumnWidth(ColourColumn, 34);
    m_table->setIconSize(QSize(18, 18));
    m_table->setToolTip(tr("Double-click a name to rename, the colour to change it, the key to rebind it "
                           "(0 = none). Press the key on the photo to label the selected crop."));

    m_newName->setObjectName(QStringLiteral("newLabelName"));
    m_newName->setPlaceholderText(tr("New label"));
    m_add->setObjectName(QStringLiteral("addLabelButton"));
    m_remove->setObjectName(QStringLiteral("removeLabelButton"));
    m_problem->setObjectName(QStringLiteral("labelProblem"));
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("color: #e06c5f;"));
    m_problem->hide();
    m_hint->setWordWrap(true);
    m_hint->setStyleSheet(QStringLiteral("color: #9a9a9a;"));
    m_hint->setText(tr("Keys 1-9 label the selected crop. Space marks the image verified."));

    auto *addRow = new QHBoxLayout;
    addRow->addWidget(m_newName, 1);
    addRow->addWidget(m_add);
    addRow->addWidget(m_remove);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(m_table, 1);
    layout->addLayout(addRow);
    layout->addWidget(m_problem);
    layout->addWidget(m_hint);

    connect(m_add, &QPushButton::clicked, this, &LabelPanel::addTypedLabel);
    connect(m_newName, &QLineEdit::returnPressed, this, &LabelPanel::addTypedLabel);
    connect(m_remove, &QPushButton::clicked, this, &LabelPanel::removeSelectedLabel);
    connect(m_table, &QTableWidget::itemChanged, this, &LabelPanel::onItemChanged);
    connect(m_table, &QTableWidget::cellDoubleClicked, this, &LabelPanel::onCellDoubleClicked);
    connect(m_table, &QTableWidget::itemSelectionChanged, this,
        [this] { m_remove->setEnabled(!m_table->selectedItems().isEmpty()); });
    if (m_labels)
        connect(m_labels, &LabelsController::labelSetChanged, this, &LabelPanel::rebuild);
    rebuild();
}

QString LabelPanel::problemText() const
{
    return m_problem->isHidden() ? QString() : m_problem->text();
}

void LabelPanel::rebuild()
{
    m_rebuilding = true;
    const int selected = m_table->currentRow();
    m_table->setRowCount(0);
    const QList<Label> labels = m_labels ? m_labels->labelSet().labels() : QList<Label>();
    m_table->setRowCount(int(labels.size()));
    for (int row = 0; row < labels.size(); ++row) {
        const Label &l = labels[row];
        auto *colour = new QTableWidgetItem(swatch(QColor(l.colour)), QString());
        colour->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
        colour->setToolTip(tr("%1 — double-click to change").arg(l.colour));
        auto *name = new QTableWidgetItem(l.name);
        name->setData(Qt::UserRole, l.name); // the saved name, for rename
        auto *key = new QTableWidgetItem(l.hotkey > 0 ? QString::number(l.hotkey) : QStringLiteral("–"));
        key->setTextAlignment(Qt::AlignCenter);
        m_table->setItem(row, ColourColumn, colour);
        m_table->setItem(row, NameColumn, name);
        m_table->setItem(row, KeyColumn, key);
    }
    if (selected >= 0 && selected < m_table->rowCount())
        m_table->selectRow(selected);
    m_remove->setEnabled(!m_table->selectedItems().isEmpty());
    m_add->setEnabled(m_labels && !m_labels->folder().isEmpty());
    m_newName->setEnabled(m_add->isEnabled());
    m_rebuilding = false;
}

void LabelPanel::showResult(const QString &refusal)
{
    m_problem->setText(refusal);
    m_problem->setVisible(!refusal.isEmpty());
    if (!refusal.isEmpty())
        rebuild(); // back to what is saved
}

void LabelPanel::addTypedLabel()
{
    if (!m_labels)
        return;
    const QString refusal = m_labels->addLabel(m_newName->text());
    showResult(refusal);
    if (refusal.isEmpty()) {
        m_newName->clear();
        m_table->selectRow(m_table->rowCount() - 1);
    }
}

void LabelPanel::removeSelectedLabel()
{
    const int row = m_table->currentRow();
    if (!m_labels || row < 0 || !m_table->item(row, NameColumn))
        return;
    showResult(m_labels->removeLabel(m_table->item(row, NameColumn)->data(Qt::UserRole).toString()));
}

void LabelPanel::onItemChanged(QTableWidgetItem *item)
{
    if (m_rebuilding || !m_labels)
        return;
    const QTableWidgetItem *nameItem = m_table->item(item->row(), NameColumn);
    if (!nameItem)
        return;
    const QString saved = nameItem->data(Qt::UserRole).toString();
    const int column = item->column();
    const QString text = item->text().trimmed();
    // Applied once the table is done with the item: the edit rebuilds the table (deleting it).
    QTimer::singleShot(0, this, [this, saved, column, text] {
        if (!m_labels)
            return;
        if (column == NameColumn && text != saved) {
            showResult(m_labels->renameLabel(saved, text));
        } else if (column == KeyColumn) {
            bool ok = text.isEmpty() || text == QStringLiteral("–");
            const int key = ok ? 0 : text.toInt(&ok);
            showResult(ok ? m_labels->setLabelHotkey(saved, key) : tr("a key is a number from 0 to 9"));
        }
    });
}

void LabelPanel::onCellDoubleClicked(int row, int column)
{
    if (column != ColourColumn || !m_labels || !m_table->item(row, NameColumn))
        return;
    const QString name = m_table->item(row, NameColumn)->data(Qt::UserRole).toString();
    // The dialog runs after the view's own double-click handling (the choice rebuilds the table).
    QTimer::singleShot(0, this, [this, name] {
        if (!m_labels)
            return;
        const QColor current = m_labels->colourOf(name);
        const QColor chosen = QColorDialog::getColor(current, this, tr("Colour of “%1”").arg(name));
        if (chosen.isValid() && chosen != current)
            showResult(m_labels->setLabelColour(name, chosen.name()));
    });
}

} // namespace cropwise
