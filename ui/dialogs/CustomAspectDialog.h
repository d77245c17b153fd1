#pragma once

// Crop > Custom Aspect...: a small dialog for an a:b ratio (e.g. 7:5, 65:24 for XPan). Shows the
// ratio in lowest terms as it will be used, and why big terms make the crop move in big steps
// (exact ratios only come in multiples of num x den pixels; see core/geometry/AspectSolver.h).
// Thread: GUI thread only.

#include "core/geometry/AspectRatio.h"

#include <QDialog>

#include <optional>

class QLabel;
class QSpinBox;

namespace cropwise {

class CustomAspectDialog : public QDialog
{
    Q_OBJECT

public:
    explicit CustomAspectDialog(AspectRatio initial, QWidget *parent = nullptr);

    // The entered ratio in lowest terms.
    AspectRatio aspect() const;
    void setAspect(AspectRatio ratio);

    // Modal helper: nullopt when cancelled.
    static std::optional<AspectRatio> getAspect(QWidget *parent, AspectRatio initial);

private:
    void updateNote();

    QSpinBox *m_width;
    QSpinBox *m_height;
    QLabel *m_note;
};

} // namespace cropwise
