#pragma once

// The filmstrip: one row (or column) of thumbnails of ThumbnailModel. The current item is the image
// on the canvas; Ctrl/Shift-click select several images as paste targets (as in Lightroom, the
// clicked one becomes current). Bad files show an error placeholder with the reason in the tool
// tip; files that decoded with a warning get an amber mark.
// Thread: GUI thread only.

#include <QListView>
#include <QStyledItemDelegate>

namespace cropwise {

class ThumbnailModel;

class ThumbnailDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    static QSize thumbnailBox() { return { 132, 92 }; } // logical px
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    void paint(
        QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

class ThumbnailStrip : public QListView
{
    Q_OBJECT

public:
    explicit ThumbnailStrip(QWidget *parent = nullptr);

    void setThumbnailModel(ThumbnailModel *model);
    ThumbnailModel *thumbnailModel() const { return m_model; }

    // Makes row current and the only selected row, scrolled into view, without emitting
    // currentRowChanged (the caller already knows).
    void setCurrentRow(int row);
    int currentRow() const;
    // Selected rows in ascending order (the current one included when selected).
    QList<int> selectedRows() const;
    // Horizontal filmstrip (dock at the top/bottom) or vertical (dock at a side).
    void setHorizontal(bool horizontal);

Q_SIGNALS:
    // The user moved the current item (click, arrow keys in the strip).
    void currentRowChanged(int row);
    void selectionCountChanged(int count);

protected:
    QSize sizeHint() const override;

private:
    ThumbnailModel *m_model = nullptr;
    bool m_settingCurrent = false;
};

} // namespace cropwise
