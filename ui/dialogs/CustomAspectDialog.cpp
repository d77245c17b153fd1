#include "ui/dialogs/CustomAspectDialog.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace cropwise {

CustomAspectDialog::CustomAspectDialog(AspectRatio initial, QWidget *parent)
    : QDialog(parent)
    , m_width(new QSpinBox)
    , m_height(new QSpinBox)
    , m_note(new QLabel)
{
    setObjectName(QStringLiteral("customAspectDialog"));
    setWindowTitle(tr("Custom Aspect Ratio"));
    for (QSpinBox *s : { m_width, m_height }) {
        s->setRange(1, 1000);
        s->setAlignment(Qt::AlignRight);
        s->setMinimumWidth(90);
    }
    m_width->setObjectName(QStringLiteral("aspectWidth"));
    m_height->setObjectName(QStringLiteral("aspectHeight"));
    m_note->setWordWrap(true);
    m_note->setStyleSheet(QStringLiteral("color: #9a9a9a;"));

    auto *row = new QHBoxLayout;
    row->addWidget(new QLabel(tr("Width")));
    row->addWidget(m_width);
    auto *colon = new QLabel(QStringLiteral(":"));
    colon->setStyleSheet(QStringLiteral("font-weight: bold;"));
    row->addWidget(colon);
    row->addWidget(m_height);
    row->addWidget(new QLabel(tr("Height")));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Use Ratio"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("Aspect ratio of the crop (width : height):")));
    layout->addLayout(row);
    layout->addWidget(m_note);
    layout->addWidget(buttons);

    connect(m_width, &QSpinBox::valueChanged, this, &CustomAspectDialog::updateNote);
    connect(m_height, &QSpinBox::valueChanged, this, &CustomAspectDialog::updateNote);
    setAspect(initial);
    m_width->setFocus();
    m_width->selectAll();
}

AspectRatio CustomAspectDialog::aspect() const
{
    return AspectRatio::make(m_width->value(), m_height->value()).value_or(AspectRatio { 1, 1 });
}

void CustomAspectDialog::setAspect(AspectRatio ratio)
{
    m_width->setValue(ratio.num);
    m_height->setValue(ratio.den);
    updateNote();
}

void CustomAspectDialog::updateNote()
{
    const AspectRatio r = aspect();
    QString note;
    if (r.num != m_width->value())
        note = tr("Used as %1 (lowest terms). ").arg(r.toString());
    note += tr("Width / height = %1.").arg(r.value(), 0, 'f', 3);
    if (std::max(r.num, r.den) > AspectRatio::maxApproximationTerm)
        note += QLatin1Char(' ')
            + tr("Crops keep this ratio exactly, so their size changes in steps of %1 × %2 px.")
                  .arg(r.num)
                  .arg(r.den);
    m_note->setText(note);
}

std::optional<AspectRatio> CustomAspectDialog::getAspect(QWidget *parent, AspectRatio initial)
{
    CustomAspectDialog dialog(initial, parent);
    if (dialog.exec() != QDialog::Accepted)
        return std::nullopt;
    return dialog.aspect();
}

} // namespace cropwise
