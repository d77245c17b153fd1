#pragma once

// The crops of one ImageDocument as a table: Name, Label, Size (W x H px), Ratio.
// Reads the document (const) and follows its signals; edits of Name and Label go through the
// CropEditController (one undo command each), never to the document directly.
// Thread: GUI thread only.

#include <QAbstractTableModel>
#include <QPointer>
#include <QStringList>

namespace cropwise {

class CropEditController;
class ImageDocument;

class CropListModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { NameColumn, LabelColumn, SizeColumn, RatioColumn, ColumnCount };
    enum Role { CropIdRole = Qt::UserRole + 1 };

    explicit CropListModel(QObject *parent = nullptr);

    // nullptr = empty table. Not owned.
    void setDocument(const ImageDocument *document);
    const ImageDocument *document() const { return m_document; }
    // Where Name/Label edits go. Not owned; without it the table is read-only.
    void setController(CropEditController *controller) { m_controller = controller; }

    int rowOf(const QString &cropId) const { return int(m_ids.indexOf(cropId)); }
    QString cropIdAt(int row) const { return row >= 0 && row < m_ids.size() ? m_ids[row] : QString(); }

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;

private:
    void onCropAdded(int index);
    void onCropRemoved(const QString &cropId, int formerIndex);
    void onCropChanged(const QString &cropId);
    void reset();

    QPointer<const ImageDocument> m_document;
    QPointer<CropEditController> m_controller;
    QStringList m_ids; // the rows as the view knows them (the document has already changed when it signals)
};

} // namespace cropwise
