#include "ui/labels/ObjectBoxPanel.h"

#include "ui/labels/ObjectBoxCatalog.h"

#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

namespace cropwise {

ObjectBoxPanel::ObjectBoxPanel(ObjectBoxCatalog *catalog, QWidget *parent)
    : QWidget(parent)
    , m_catalog(catalog)
    , m_table(new QTableWidget(0, ColumnCount))
    , m_empty(new QLabel)
{
    setObjectName(QStringLiteral("objectBoxPanel"));
    m_table->setObjectName(QStringLiteral("objectBoxTable"));
    m_table->setHorizontalHeaderLabels({ tr("Label"), tr("x, y, w × h"), tr("Difficult"), tr("Truncated") });
    m_table->verticalHeader()->hide();
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->horizontalHeader()->setSectionResizeMode(LabelColumn, QHeaderView::Stretch);
    for (int c : { RectColumn, DifficultColumn, TruncatedColumn })
        m_table->horizontalHeader()->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    m_empty->setWordWrap(true);
    m_empty->setStyleSheet(QStringLiteral("color: #9a9a9a;"));
    m_empty->setText(tr("No object boxes for this image. File > Import Object Boxes reads COCO, "
                        "Pascal VOC or YOLO annotations for the folder."));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_empty);

    connect(m_table, &QTableWidget::cellChanged, this, &ObjectBoxPanel::onFlagToggled);
    connect(m_table, &QTableWidget::itemSelectionChanged, this,
        [this] { Q_EMIT boxHighlighted(m_table->selectedItems().isEmpty() ? -1 : m_table->currentRow()); });
    if (m_catalog)
        connect(
            m_catalog, &ObjectBoxCatalog::boxesChanged, this, &ObjectBoxPanel::rebuild, Qt::QueuedConnection);
    rebuild();
}

void ObjectBoxPanel::setImage(const QString &imagePath)
{
    m_imagePath = imagePath;
    rebuild();
}

void ObjectBoxPanel::rebuild()
{
    m_rebuilding = true;
    const QList<ObjectBox> boxes
        = m_catalog && !m_imagePath.isEmpty() ? m_catalog->boxes(m_imagePath) : QList<ObjectBox>();
    m_table->setRowCount(0);
    m_table->setRowCount(int(boxes.size()));
    for (int row = 0; row < boxes.size(); ++row) {
        const ObjectBox &b = boxes[row];
        m_table->setItem(row, LabelColumn, new QTableWidgetItem(b.label));
        // Stored pixels (EXIF-oriented, before the user's own turn), as the dataset file has them.
        auto *rect = new QTableWidgetItem(QStringLiteral("%1, %2, %3 × %4")
                                              .arg(qRound(b.box.x))
                                              .arg(qRound(b.box.y))
                                              .arg(qRound(b.box.width))
                                              .arg(qRound(b.box.height)));
        rect->setForeground(QColor(0x9a, 0x9a, 0x9a));
        m_table->setItem(row, RectColumn, rect);
        for (const auto &[column, on] : { std::pair { int(DifficultColumn), b.difficult },
                 std::pair { int(TruncatedColumn), b.truncated } }) {
            auto *flag = new QTableWidgetItem;
            flag->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
            flag->setCheckState(on ? Qt::Checked : Qt::Unchecked);
            m_table->setItem(row, column, flag);
        }
    }
    m_empty->setVisible(boxes.isEmpty());
    m_table->setVisible(!boxes.isEmpty());
    m_rebuilding = false;
    Q_EMIT boxHighlighted(-1);
}

void ObjectBoxPanel::onFlagToggled(int row, int column)
{
    if (m_rebuilding || !m_catalog || (column != DifficultColumn && column != TruncatedColumn))
        return;
    const bool difficult = m_table->item(row, DifficultColumn)->checkState() == Qt::Checked;
    const bool truncated = m_table->item(row, TruncatedColumn)->checkState() == Qt::Checked;
    const int selected = m_table->currentRow();
    if (const QString why = m_catalog->setBoxFlags(m_imagePath, row, difficult, truncated); !why.isEmpty())
        Q_EMIT message(why);
    if (selected >= 0 && selected < m_table->rowCount())
        m_table->selectRow(selected);
}

} // namespace cropwise
