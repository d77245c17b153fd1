#include "ui/renditions/RenditionPreview.h"

#include "core/renditions/FileNameTemplate.h"
#include "core/renditions/RenditionCrop.h"
#include "ui/renditions/RenditionThumbnail.h"

#include <QEnterEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>

namespace cropwise {

namespace {

constexpr int kPadding = 8;
constexpr int kLineHeight = 17;

const QColor kTile(0x29, 0x29, 0x29);
const QColor kTileHover(0x30, 0x30, 0x30);
const QColor kTileSelected(0x2a, 0x36, 0x44);
const QColor kAccent(0x4a, 0x90, 0xd9);
const QColor kText(0xe8, 0xe8, 0xe8);
const QColor kDim(0x9a, 0x9a, 0x9a);
const QColor kWarning(0xe8, 0xa8, 0x38);

QString sizeText(Size s)
{
    return QStringLiteral("%1 × %2").arg(s.width).arg(s.height);
}

QString aspectText(const Rendition &r)
{
    return r.aspect ? r.aspect->toString() : RenditionPreview::tr("original");
}

} // namespace

RenditionPreview::RenditionPreview(const Rendition &rendition, QWidget *parent)
    : QWidget(parent)
    , m_rendition(rendition)
{
    setObjectName(QStringLiteral("renditionPreview_%1").arg(rendition.name));
    setAccessibleName(rendition.name);
    setCursor(Qt::PointingHandCursor);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    setAttribute(Qt::WA_Hover);
    setFixedHeight(sizeHint().height());
    updateToolTip();
}

void RenditionPreview::setCrop(const QString &cropId, const Rect &rect)
{
    if (cropId == m_cropId && rect == m_rect)
        return;
    m_cropId = cropId;
    m_rect = rect;
    updateToolTip();
    update();
}

void RenditionPreview::setPicture(const QImage &preview, Size displayedSize)
{
    if (preview.cacheKey() == m_preview.cacheKey() && displayedSize == m_displayedSize)
        return;
    m_preview = preview;
    m_displayedSize = displayedSize;
    update();
}

void RenditionPreview::setFileStem(const QString &stem)
{
    if (stem == m_stem)
        return;
    m_stem = stem;
    updateToolTip();
}

void RenditionPreview::setWarnings(const QStringList &warnings)
{
    if (warnings == m_warnings)
        return;
    m_warnings = warnings;
    updateToolTip();
}

void RenditionPreview::setSelected(bool selected)
{
    if (selected == m_selected)
        return;
    m_selected = selected;
    update();
}

Size RenditionPreview::outputSize() const
{
    return m_rect.isEmpty() ? Size() : renditionOutputSize(m_rendition, m_rect.size());
}

bool RenditionPreview::isUpscaled() const
{
    return !m_rect.isEmpty() && needsUpscaling(m_rect.size(), outputSize());
}

double RenditionPreview::upscaleFactor() const
{
    return m_rect.isEmpty() ? 1.0 : cropwise::upscaleFactor(m_rect.size(), outputSize());
}

QRect RenditionPreview::thumbnailBox() const
{
    const QRect area(kPadding, kPadding, width() - 2 * kPadding, m_pictureHeight);
    Size aspect = outputSize();
    if (aspect.isEmpty() && m_rendition.aspect)
        aspect = { m_rendition.aspect->num, m_rendition.aspect->den };
    if (aspect.isEmpty())
        aspect = { 1, 1 };
    const QSize size = fitAspect(aspect, area.size());
    return QRect(area.x() + (area.width() - size.width()) / 2, area.y() + (area.height() - size.height()) / 2,
        size.width(), size.height());
}

QImage RenditionPreview::thumbnail() const
{
    const QSize device = thumbnailBox().size() * devicePixelRatioF();
    if (m_thumbRect != m_rect || m_thumbSize != device || m_thumbSource != m_preview.cacheKey()) {
        m_thumb = renditionThumbnail(m_preview, m_displayedSize, m_rect, device);
        m_thumb.setDevicePixelRatio(devicePixelRatioF());
        m_thumbRect = m_rect;
        m_thumbSize = device;
        m_thumbSource = m_preview.cacheKey();
    }
    return m_thumb;
}

void RenditionPreview::setPictureHeight(int height)
{
    if (height == m_pictureHeight)
        return;
    m_pictureHeight = height;
    setFixedHeight(sizeHint().height());
    update();
}

int RenditionPreview::chromeHeight()
{
    return kPadding + 6 + 3 * kLineHeight + kPadding;
}

QSize RenditionPreview::sizeHint() const
{
    return QSize(168, m_pictureHeight + chromeHeight());
}

QSize RenditionPreview::minimumSizeHint() const
{
    return QSize(120, sizeHint().height());
}

void RenditionPreview::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QRectF tile = QRectF(rect()).adjusted(1, 1, -1, -1);
    p.setPen(m_selected ? QPen(kAccent, 2) : Qt::NoPen);
    p.setBrush(m_selected ? kTileSelected : (m_hovered ? kTileHover : kTile));
    p.drawRoundedRect(tile, 6, 6);
    const QRect box = thumbnailBox();
    paintPicture(p, box);
    if (isUpscaled())
        paintBadge(p, box);
    paintCaption(p);
}

void RenditionPreview::paintPicture(QPainter &p, const QRect &box) const
{
    // The picture, on a dark mat, in the output's proportions; dimmed while it has no crop.
    p.fillRect(QRect(kPadding, kPadding, width() - 2 * kPadding, m_pictureHeight), QColor(0x1d, 0x1d, 0x1d));
    const QImage thumb = thumbnail();
    const bool linked = !m_cropId.isEmpty();
    if (!thumb.isNull()) {
        p.setOpacity(linked ? 1.0 : 0.35);
        p.drawImage(box, thumb);
        p.setOpacity(1.0);
    }
    p.setPen(QPen(QColor(0, 0, 0, 140), 1));
    p.setBrush(Qt::NoBrush);
    p.drawRect(QRectF(box).adjusted(-0.5, -0.5, 0.5, 0.5));
    if (!linked || m_rect.isEmpty()) {
        p.setPen(kText);
        p.drawText(box, Qt::AlignCenter | Qt::TextWordWrap,
            m_rect.isEmpty() ? tr("Image too small") : tr("Click to add"));
    }
}

void RenditionPreview::paintBadge(QPainter &p, const QRect &box) const
{
    // On the picture's top-right corner, where the eye goes after the picture.
    QFont f = font();
    f.setBold(true);
    f.setPointSizeF(f.pointSizeF() * 0.85);
    p.setFont(f);
    const QString text = QStringLiteral("⚠ %1×").arg(upscaleFactor(), 0, 'f', 1);
    const int w = QFontMetrics(f).horizontalAdvance(text) + 12;
    const QRectF badge(box.right() - w - 4, box.top() + 4, w, 19);
    p.setPen(Qt::NoPen);
    p.setBrush(kWarning);
    p.drawRoundedRect(badge, 9, 9);
    p.setPen(QColor(0x20, 0x18, 0x08));
    p.drawText(badge, Qt::AlignCenter, text);
}

void RenditionPreview::paintCaption(QPainter &p) const
{
    // Name and ratio; output size and format; the crop's own pixels.
    const QRect line(kPadding + 2, kPadding + m_pictureHeight + 6, width() - 2 * kPadding - 4, kLineHeight);
    QFont bold = font();
    bold.setBold(true);
    p.setFont(bold);
    p.setPen(m_selected ? QColor(0xff, 0xff, 0xff) : kText);
    p.drawText(line, Qt::AlignLeft | Qt::AlignVCenter,
        QFontMetrics(bold).elidedText(m_rendition.name, Qt::ElideRight, line.width() - 40));
    p.setFont(font());
    p.setPen(kDim);
    p.drawText(line, Qt::AlignRight | Qt::AlignVCenter, aspectText(m_rendition));
    const Size out = outputSize();
    p.drawText(line.translated(0, kLineHeight), Qt::AlignLeft | Qt::AlignVCenter,
        out.isEmpty()
            ? m_rendition.size.toString()
            : QStringLiteral("%1 px · %2").arg(sizeText(out), fileExtension(m_rendition.format).toUpper()));
    if (!m_rect.isEmpty()) {
        p.setPen(isUpscaled() ? kWarning : QColor(0x7c, 0x7c, 0x7c));
        p.drawText(line.translated(0, 2 * kLineHeight), Qt::AlignLeft | Qt::AlignVCenter,
            p.fontMetrics().elidedText(
                tr("crop %1").arg(sizeText(m_rect.size())), Qt::ElideRight, line.width()));
    }
}

void RenditionPreview::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton) {
        event->accept();
        emit clicked();
        return;
    }
    QWidget::mousePressEvent(event);
}

void RenditionPreview::enterEvent(QEnterEvent *event)
{
    m_hovered = true;
    update();
    QWidget::enterEvent(event);
}

void RenditionPreview::leaveEvent(QEvent *event)
{
    m_hovered = false;
    update();
    QWidget::leaveEvent(event);
}

void RenditionPreview::updateToolTip()
{
    QStringList lines;
    lines << QStringLiteral("<b>%1</b> — %2")
                 .arg(m_rendition.name.toHtmlEscaped(), renditionSummary(m_rendition).toHtmlEscaped());
    if (m_rect.isEmpty()) {
        lines << tr("The image is too small for this aspect.");
    } else {
        lines << tr("Crop: %1 px at (%2, %3)").arg(sizeText(m_rect.size())).arg(m_rect.x).arg(m_rect.y);
        if (isUpscaled())
            lines << QStringLiteral("<span style='color:#e8a838'>%1</span>")
                         .arg(tr(
                             "Enlarged %1×: the crop (%2) is smaller than the output (%3); the export will "
                             "be softer. Make the crop larger, or use a smaller size.")
                                  .arg(upscaleFactor(), 0, 'f', 2)
                                  .arg(sizeText(m_rect.size()), sizeText(outputSize())));
        const Size out = outputSize();
        const QString file = expandFileName(m_rendition.fileNameTemplate,
            { m_stem, m_rendition.name, QString(), out.width, out.height }, m_rendition.format);
        if (!m_stem.isEmpty() && !file.isEmpty())
            lines << tr("File: %1").arg(file.toHtmlEscaped());
        for (const QString &w : m_warnings)
            lines << QStringLiteral("<span style='color:#e8a838'>%1</span>").arg(w.toHtmlEscaped());
        lines << (m_cropId.isEmpty() ? tr("Click to add a crop for this rendition and edit it on the photo.")
                                     : tr("Click to edit this crop on the photo (aspect locked)."));
    }
    setToolTip(lines.join(QStringLiteral("<br>")));
}

} // namespace cropwise
