#include "ui/panels/ThumbnailStrip.h"

#include "ui/Theme.h"
#include "ui/panels/ThumbnailModel.h"

#include <QApplication>
#include <QFontMetricsF>
#include <QIcon>
#include <QPainter>
#include <QPainterPath>
#include <QScrollBar>

namespace cropwise {

namespace {
constexpr int kCellPadding = 6;
constexpr int kNameHeight = 18;
} // namespace

QSize ThumbnailDelegate::sizeHint(const QStyleOptionViewItem &, const QModelIndex &) const
{
    const QSize box = thumbnailBox();
    return { box.width() + 2 * kCellPadding, box.height() + kNameHeight + 2 * kCellPadding };
}

void ThumbnailDelegate::paint(
    QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing, true);
    const QRect cell = option.rect;
    const bool selected = option.state & QStyle::State_Selected;
    const auto *view = qobject_cast<const QAbstractItemView *>(option.widget);
    const bool current = view && view->currentIndex() == index;
    const bool hovered = option.state & QStyle::State_MouseOver;

    // Cell background: selection is a soft lift, the current image gets the accent frame.
    const QRectF frame = QRectF(cell).adjusted(2.5, 2.5, -2.5, -2.5);
    if (selected || hovered) {
        QPainterPath path;
        path.addRoundedRect(frame, 5, 5);
        painter->fillPath(path, selected ? QColor(0x3a, 0x3d, 0x42) : QColor(0x2a, 0x2a, 0x2a));
    }
    if (current) {
        painter->setPen(QPen(theme::accent(), 2));
        painter->drawRoundedRect(frame, 5, 5);
    }

    const QSize boxSize = thumbnailBox();
    const QRect box(cell.left() + (cell.width() - boxSize.width()) / 2, cell.top() + kCellPadding,
        boxSize.width(), boxSize.height());
    const auto state = ThumbnailModel::State(index.data(ThumbnailModel::StateRole).toInt());
    const QImage thumb = index.data(ThumbnailModel::ThumbnailRole).value<QImage>();

    if (state == ThumbnailModel::State::Failed) {
        const QRectF r = QRectF(box).adjusted(14, 6, -14, -6);
        painter->setPen(QPen(theme::errorColor().darker(160), 1));
        painter->setBrush(QColor(0x3a, 0x24, 0x22));
        painter->drawRoundedRect(r, 3, 3);
        const int iconSide = 26;
        const QRect iconRect(int(r.center().x()) - iconSide / 2, int(r.top()) + 12, iconSide, iconSide);
        QIcon(QStringLiteral(":/icons/image-error.svg")).paint(painter, iconRect);
        QFont f = option.font;
        f.setPointSizeF(f.pointSizeF() * 0.85);
        painter->setFont(f);
        painter->setPen(theme::errorColor());
        painter->drawText(r.adjusted(4, 40, -4, -2), Qt::AlignHCenter | Qt::AlignTop,
            QCoreApplication::translate("ThumbnailStrip", "Cannot open"));
    } else if (!thumb.isNull()) {
        // Fit the thumbnail into the box in logical pixels, drawn from device pixels (sharp on HiDPI).
        QSizeF logical = QSizeF(thumb.size()) / thumb.devicePixelRatio();
        logical.scale(QSizeF(box.size()), Qt::KeepAspectRatio);
        const QRectF target(box.left() + (box.width() - logical.width()) / 2.0,
            box.top() + (box.height() - logical.height()) / 2.0, logical.width(), logical.height());
        painter->setRenderHint(QPainter::SmoothPixmapTransform, true);
        painter->drawImage(target, thumb);
        painter->setPen(QPen(QColor(0, 0, 0, 110), 1));
        painter->setBrush(Qt::NoBrush);
        painter->drawRect(target.adjusted(-0.5, -0.5, 0.5, 0.5));
        if (state == ThumbnailModel::State::Warning) {
            // A small amber triangle in the corner: decoded, but look at the tool tip.
            const QPointF c = target.topRight() + QPointF(-11, 11);
            QPainterPath tri;
            tri.moveTo(c + QPointF(0, -7));
            tri.lineTo(c + QPointF(7, 6));
            tri.lineTo(c + QPointF(-7, 6));
            tri.closeSubpath();
            painter->fillPath(tri, theme::warningColor());
            painter->setPen(QPen(QColor(0x20, 0x20, 0x20), 1.6));
            painter->drawLine(c + QPointF(0, -2.5), c + QPointF(0, 1.5));
            painter->drawPoint(c + QPointF(0, 3.8));
        }
    } else {
        // Still decoding: a quiet placeholder of the box's shape.
        painter->setPen(Qt::NoPen);
        painter->setBrush(QColor(0x26, 0x26, 0x26));
        painter->drawRoundedRect(QRectF(box).adjusted(10, 8, -10, -8), 3, 3);
    }

    if (index.data(ThumbnailModel::VerifiedRole).toBool()) {
        // Verified (Space): a green disc with a white tick at the thumbnail's bottom-right corner.
        const QPointF c = QPointF(box.right() - 12, box.bottom() - 10);
        painter->setPen(QPen(QColor(0x1d, 0x1d, 0x1d), 1.5));
        painter->setBrush(QColor(0x3c, 0xa0, 0x5a));
        painter->drawEllipse(c, 8.5, 8.5);
        painter->setPen(QPen(Qt::white, 2.0, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        painter->setBrush(Qt::NoBrush);
        painter->drawPolyline(
            QPolygonF({ c + QPointF(-4, 0.5), c + QPointF(-1.2, 3.2), c + QPointF(4.2, -3) }));
    }

    if (const int pending = index.data(ThumbnailModel::PendingReviewRole).toInt(); pending > 0) {
        // Suggestions to review (ui/review/): an amber pill with their count at the top-left corner.
        QFont f = option.font;
        f.setPointSizeF(f.pointSizeF() * 0.8);
        f.setBold(true);
        const QString text = QString::number(pending);
        const qreal w = qMax<qreal>(17, QFontMetricsF(f).horizontalAdvance(text) + 10);
        const QRectF pill(box.left() + 4, box.top() + 3, w, 17);
        painter->setPen(QPen(QColor(0x1d, 0x1d, 0x1d), 1.5));
        painter->setBrush(QColor(0xe8, 0xb0, 0x3a));
        painter->drawRoundedRect(pill, 8.5, 8.5);
        painter->setFont(f);
        painter->setPen(QColor(0x1a, 0x1a, 0x1a));
        painter->drawText(pill, Qt::AlignCenter, text);
    }

    // File name, elided in the middle (the end of a camera file name is what tells files apart).
    QFont f = option.font;
    f.setPointSizeF(f.pointSizeF() * 0.85);
    painter->setFont(f);
    painter->setPen(selected ? QColor(0xe8, 0xe8, 0xe8) : QColor(0x9a, 0x9a, 0x9a));
    const QRect nameRect(cell.left() + 4, box.bottom() + 3, cell.width() - 8, kNameHeight);
    const QString name = QFontMetrics(f).elidedText(
        index.data(Qt::DisplayRole).toString(), Qt::ElideMiddle, nameRect.width());
    painter->drawText(nameRect, Qt::AlignHCenter | Qt::AlignVCenter, name);
    painter->restore();
}

ThumbnailStrip::ThumbnailStrip(QWidget *parent)
    : QListView(parent)
{
    setObjectName(QStringLiteral("thumbnailStrip"));
    setItemDelegate(new ThumbnailDelegate(this));
    setSelectionMode(QAbstractItemView::ExtendedSelection);
    setViewMode(QListView::ListMode);
    setUniformItemSizes(true);
    setMouseTracking(true);
    setAttribute(Qt::WA_Hover, true);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    setFrameShape(QFrame::NoFrame);
    setHorizontal(true);
}

void ThumbnailStrip::setHorizontal(bool horizontal)
{
    setFlow(horizontal ? QListView::LeftToRight : QListView::TopToBottom);
    setWrapping(false);
    setHorizontalScrollBarPolicy(horizontal ? Qt::ScrollBarAsNeeded : Qt::ScrollBarAlwaysOff);
    setVerticalScrollBarPolicy(horizontal ? Qt::ScrollBarAlwaysOff : Qt::ScrollBarAsNeeded);
    updateGeometry();
}

QSize ThumbnailStrip::sizeHint() const
{
    const QSize cell = ThumbnailDelegate().sizeHint(QStyleOptionViewItem(), QModelIndex());
    const int bar = style()->pixelMetric(QStyle::PM_ScrollBarExtent);
    return flow() == QListView::LeftToRight ? QSize(640, cell.height() + bar + 6)
                                            : QSize(cell.width() + bar + 6, 480);
}

void ThumbnailStrip::setThumbnailModel(ThumbnailModel *model)
{
    m_model = model;
    setModel(model);
    connect(
        selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex &current) {
            if (!m_settingCurrent && current.isValid())
                emit currentRowChanged(current.row());
        });
    connect(selectionModel(), &QItemSelectionModel::selectionChanged, this,
        [this] { emit selectionCountChanged(int(selectionModel()->selectedRows().size())); });
}

void ThumbnailStrip::setCurrentRow(int row)
{
    if (!m_model || row < 0 || row >= m_model->rowCount())
        return;
    m_settingCurrent = true;
    const QModelIndex idx = m_model->index(row);
    selectionModel()->setCurrentIndex(idx, QItemSelectionModel::ClearAndSelect);
    scrollTo(idx, QAbstractItemView::EnsureVisible);
    m_settingCurrent = false;
}

int ThumbnailStrip::currentRow() const
{
    return currentIndex().isValid() ? currentIndex().row() : -1;
}

QList<int> ThumbnailStrip::selectedRows() const
{
    QList<int> rows;
    if (!selectionModel())
        return rows;
    for (const QModelIndex &idx : selectionModel()->selectedRows())
        rows << idx.row();
    std::sort(rows.begin(), rows.end());
    return rows;
}

} // namespace cropwise
