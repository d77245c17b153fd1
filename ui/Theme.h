#pragma once

// The look of Cropwise: Qt's Fusion style with a calm, neutral dark palette (as darktable and
// Lightroom use for photo work: a neutral grey surround does not tint how colours are judged),
// plus a few style-sheet touches for the tool bar, docks and the message bar.
// Thread: GUI thread; call once after QApplication is created, before windows are shown.

#include <QColor>

class QApplication;

namespace cropwise {

namespace theme {
// The neutral grey behind the photo on the canvas and around thumbnails.
inline QColor canvasBackground()
{
    return QColor(0x1c, 0x1c, 0x1c);
}
// The accent used for the selected crop and the current thumbnail.
inline QColor accent()
{
    return QColor(0x4c, 0x9a, 0xe6);
}
inline QColor errorColor()
{
    return QColor(0xe0, 0x6c, 0x5f);
}
inline QColor warningColor()
{
    return QColor(0xe3, 0xb3, 0x41);
}
} // namespace theme

void applyCropwiseTheme(QApplication &app);

} // namespace cropwise
