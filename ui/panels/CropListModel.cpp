#include "ui/panels/CropListModel.h"

#include "core/model/ImageDocument.h"
#include "core/model/ReviewState.h"
#include "ui/CropEditController.h"
#include "ui/panels/CropReadout.h"
#include "ui/review/ReviewPainting.h"

#include <QColor>

namespace cropwise {

CropListModel::CropListModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void CropListModel::setDocument(const ImageDocument *document)
{
    if (m_document == document)
        return;
    if (m_document)
        disconnect(m_document, nullptr, this, nullptr);
    m_document = document;
    if (document) {
        connect(document, &ImageDocument::cropAdded, this, &CropListModel::onCropAdded);
        connect(document, &ImageDocument::cropRemoved, this, &CropListModel::onCropRemoved);
        connect(document, &ImageDocument::cropChanged, this, &CropListModel::onCropChanged);
        connect(document, &ImageDocument::cropsReset, this, &CropListModel::reset);
        connect(document, &QObject::destroyed, this, [this] {
            beginResetModel();
            m_ids.clear();
            endResetModel();
        });
    }
    reset();
}

void CropListModel::reset()
{
    beginResetModel();
    m_ids.clear();
    if (m_document) {
        for (const Crop &c : m_document->crops())
            m_ids << c.id;
    }
    endResetModel();
}

void CropListModel::onCropAdded(int index)
{
    const Crop &crop = m_document->crops().at(index);
    beginInsertRows(QModelIndex(), index, index);
    m_ids.insert(index, crop.id);
    endInsertRows();
}

void CropListModel::onCropRemoved(const QString &cropId, int formerIndex)
{
    const int row = m_ids.value(formerIndex) == cropId ? formerIndex : int(m_ids.indexOf(cropId));
    if (row < 0)
        return reset();
    beginRemoveRows(QModelIndex(), row, row);
    m_ids.removeAt(row);
    endRemoveRows();
}

void CropListModel::onCropChanged(const QString &cropId)
{
    const int row = rowOf(cropId);
    if (row >= 0)
        emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

int CropListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_ids.size());
}

int CropListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CropListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || !m_document || index.row() >= m_ids.size())
        return {};
    const std::optional<Crop> crop = m_document->crop(m_ids[index.row()]);
    if (!crop)
        return {};
    if (role == CropIdRole)
        return crop->id;
    if (role == Qt::TextAlignmentRole && (index.column() == SizeColumn || index.column() == RatioColumn))
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ForegroundRole && index.column() == LabelColumn && crop->label.isEmpty())
        return QColor(0x70, 0x70, 0x70);
    // A crop from a suggestion (ui/review/): a dot in its review status colour, and its score and
    // the suggester's reasons in the tool tip.
    if (crop->review && role == Qt::DecorationRole && index.column() == NameColumn)
        return review::statusColor(reviewStatus(*crop));
    if (crop->review && role == Qt::ToolTipRole)
        return review::suggestionSummary(*crop);
    if (role == Qt::ToolTipRole)
        return tr("%1 — x %2, y %3, %4")
            .arg(crop->name)
            .arg(crop->rect.x)
            .arg(crop->rect.y)
            .arg(sizeText(crop->rect.size()));
    if (role != Qt::DisplayRole && role != Qt::EditRole)
        return {};
    switch (index.column()) {
    case NameColumn:
        return crop->name;
    case LabelColumn:
        return role == Qt::DisplayRole && crop->label.isEmpty() ? tr("—") : crop->label;
    case SizeColumn:
        return QStringLiteral("%1 × %2").arg(crop->rect.width).arg(crop->rect.height);
    case RatioColumn:
        return ratioText(crop->rect.size(), crop->aspect);
    default:
        return {};
    }
}

QVariant CropListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NameColumn:
        return tr("Name");
    case LabelColumn:
        return tr("Label");
    case SizeColumn:
        return tr("Size (px)");
    case RatioColumn:
        return tr("Ratio");
    default:
        return {};
    }
}

Qt::ItemFlags CropListModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    if (m_controller && (index.column() == NameColumn || index.column() == LabelColumn))
        f |= Qt::ItemIsEditable;
    return f;
}

bool CropListModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!index.isValid() || role != Qt::EditRole || !m_controller)
        return false;
    const QString id = cropIdAt(index.row());
    const QString text = value.toString().trimmed();
    // Through the controller: one undo step ("Rename crop", "Set label").
    if (index.column() == NameColumn)
        return m_controller->renameCrop(id, text);
    if (index.column() == LabelColumn)
        return m_controller->setCropLabel(id, text);
    return false;
}

} // namespace cropwise
