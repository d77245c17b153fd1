#pragma once

// One tile of the linked editor: a rendition's live picture (its crop scaled to the output
// proportions), its name, output size and the crop's pixels, a warning badge when the crop holds
// fewer pixels than the output needs (the export enlarges it; the factor is in the tool tip), and a
// highlight when its crop is the one selected on the canvas. A click asks to edit it.
//
// A view only: the panel gives it values (the rendition, the crop's id and rect, the canvas's screen
// preview); the thumbnail is cut from that preview and cached until the rect, size or preview
// changes, so repaints never decode or rescale.
// Thread: GUI thread only.

#include "core/geometry/Rect.h"
#include "core/renditions/Rendition.h"

#include <QImage>
#include <QString>
#include <QStringList>
#include <QWidget>

class QPainter;

namespace cropwise {

class RenditionPreview : public QWidget
{
    Q_OBJECT

public:
    explicit RenditionPreview(const Rendition &rendition, QWidget *parent = nullptr);

    const Rendition &rendition() const { return m_rendition; }

    // The crop shown: its id (empty = no linked crop yet: the rect is what the export would use and
    // the tile says "click to add") and rect in displayed pixels. An empty rect = nothing fits.
    void setCrop(const QString &cropId, const Rect &rect);
    QString cropId() const { return m_cropId; }
    Rect cropRect() const { return m_rect; }
    // The canvas's screen preview and the displayed size it stands for (implicitly shared, no copy).
    void setPicture(const QImage &preview, Size displayedSize);
    // The image's file name without its last extension ({stem}), for the output name in the tool tip.
    void setFileStem(const QString &stem);
    // Notes on the crop choice (core chooseRenditionCrop()), shown in the tool tip.
    void setWarnings(const QStringList &warnings);
    void setSelected(bool selected);
    bool isSelected() const { return m_selected; }

    Size outputSize() const; // for the current crop
    bool isUpscaled() const; // the upscaling badge is shown
    double upscaleFactor() const; // > 1 when upscaled
    // The thumbnail as painted (built now if needed), in device pixels; for tests.
    QImage thumbnail() const;

    // Height of the picture area (the panel makes it follow the column width); the tile's height follows.
    void setPictureHeight(int height);
    int pictureHeight() const { return m_pictureHeight; }
    // The tile's height besides the picture (margins and the three text lines).
    static int chromeHeight();

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

Q_SIGNALS:
    void clicked();

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void enterEvent(QEnterEvent *event) override;
    void leaveEvent(QEvent *event) override;

private:
    QRect thumbnailBox() const; // where the thumbnail goes, widget pixels
    void paintPicture(QPainter &p, const QRect &box) const;
    void paintBadge(QPainter &p, const QRect &box) const;
    void paintCaption(QPainter &p) const;
    void updateToolTip();

    Rendition m_rendition;
    QString m_cropId;
    Rect m_rect;
    QImage m_preview;
    QStringList m_warnings;
    QString m_stem;
    Size m_displayedSize;
    bool m_selected = false;
    bool m_hovered = false;
    int m_pictureHeight = 128;

    // Cache: rebuilt when any of the keys differs.
    mutable QImage m_thumb;
    mutable Rect m_thumbRect;
    mutable QSize m_thumbSize;
    mutable qint64 m_thumbSource = 0;
};

} // namespace cropwise
