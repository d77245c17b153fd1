#include "ui/dialogs/ExportDialog.h"

#include "core/io/ImageEncoder.h"
#include "ui/Plural.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSlider>
#include <QSpinBox>
#include <QVBoxLayout>

namespace cropwise {

namespace {
enum SizeChoice { SizeOriginal, SizeLongSide, SizeWidth, SizeHeight };
}

ExportDialog::ExportDialog(QWidget *parent)
    : QDialog(parent)
    , m_scopeSelected(new QRadioButton)
    , m_scopeCurrent(new QRadioButton)
    , m_scopeSelectedImages(new QRadioButton)
    , m_scopeAll(new QRadioButton)
    , m_scopeGroup(new QButtonGroup(this))
    , m_folder(new QLineEdit)
    , m_format(new QComboBox)
    , m_qualitySlider(new QSlider(Qt::Horizontal))
    , m_quality(new QSpinBox)
    , m_qualityLabel(new QLabel(tr("Quality")))
    , m_sizeMode(new QComboBox)
    , m_sizeValue(new QSpinBox)
    , m_pattern(new QLineEdit)
    , m_preview(new QLabel)
{
    setObjectName(QStringLiteral("exportDialog"));
    setWindowTitle(tr("Export Crops"));

    m_scopeGroup->addButton(m_scopeSelected, int(Scope::SelectedCrop));
    m_scopeGroup->addButton(m_scopeCurrent, int(Scope::CurrentImage));
    m_scopeGroup->addButton(m_scopeSelectedImages, int(Scope::SelectedImages));
    m_scopeGroup->addButton(m_scopeAll, int(Scope::AllImages));
    auto *scopeBox = new QGroupBox(tr("Crops"));
    auto *scopeLayout = new QVBoxLayout(scopeBox);
    for (QRadioButton *b : { m_scopeSelected, m_scopeCurrent, m_scopeSelectedImages, m_scopeAll })
        scopeLayout->addWidget(b);

    m_folder->setObjectName(QStringLiteral("exportFolder"));
    auto *browse = new QPushButton(tr("Browse…"));
    auto *folderRow = new QHBoxLayout;
    folderRow->addWidget(m_folder, 1);
    folderRow->addWidget(browse);

    m_format->addItem(tr("JPEG"), int(OutputFormat::Jpeg));
    m_format->addItem(tr("PNG (lossless)"), int(OutputFormat::Png));
    m_qualitySlider->setRange(1, 100);
    m_quality->setRange(1, 100);
    auto *qualityRow = new QHBoxLayout;
    qualityRow->addWidget(m_qualitySlider, 1);
    qualityRow->addWidget(m_quality);

    m_sizeMode->addItem(tr("Crop's own pixels (no resizing)"), SizeOriginal);
    m_sizeMode->addItem(tr("Long side"), SizeLongSide);
    m_sizeMode->addItem(tr("Width"), SizeWidth);
    m_sizeMode->addItem(tr("Height"), SizeHeight);
    m_sizeValue->setRange(16, 65535);
    m_sizeValue->setSuffix(tr(" px"));
    m_sizeValue->setValue(2048);
    auto *sizeRow = new QHBoxLayout;
    sizeRow->addWidget(m_sizeMode, 1);
    sizeRow->addWidget(m_sizeValue);

    m_pattern->setObjectName(QStringLiteral("exportPattern"));
    m_pattern->setToolTip(tr("{stem} image name, {name} crop name, {label} crop label, {index} crop number, "
                             "{w} / {h} output size, {ratio} e.g. 4x5"));
    m_preview->setStyleSheet(QStringLiteral("color: #9a9a9a;"));
    m_preview->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *outputBox = new QGroupBox(tr("Output"));
    auto *form = new QFormLayout(outputBox);
    form->addRow(tr("Folder"), folderRow);
    form->addRow(tr("Format"), m_format);
    form->addRow(m_qualityLabel, qualityRow);
    form->addRow(tr("Size"), sizeRow);
    form->addRow(tr("File names"), m_pattern);
    form->addRow(QString(), m_preview);

    auto *note = new QLabel(
        tr("The aspect ratio is always kept. Existing files are never replaced without asking."));
    note->setWordWrap(true);
    note->setStyleSheet(QStringLiteral("color: #9a9a9a;"));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Export"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(scopeBox);
    layout->addWidget(outputBox);
    layout->addWidget(note);
    layout->addWidget(buttons);
    setMinimumWidth(520);

    connect(browse, &QPushButton::clicked, this, &ExportDialog::browse);
    connect(m_qualitySlider, &QSlider::valueChanged, m_quality, &QSpinBox::setValue);
    connect(m_quality, &QSpinBox::valueChanged, m_qualitySlider, &QSlider::setValue);
    connect(m_format, &QComboBox::currentIndexChanged, this, &ExportDialog::updateControls);
    connect(m_sizeMode, &QComboBox::currentIndexChanged, this, &ExportDialog::updateControls);
    connect(m_sizeValue, &QSpinBox::valueChanged, this, &ExportDialog::updateControls);
    connect(m_pattern, &QLineEdit::textChanged, this, &ExportDialog::updateControls);
    connect(m_folder, &QLineEdit::textChanged, this, [buttons, this] {
        buttons->button(QDialogButtonBox::Ok)->setEnabled(!m_folder->text().trimmed().isEmpty());
    });

    setSettings(ExportSettings());
    setCounts(Counts());
}

void ExportDialog::setCounts(const Counts &c)
{
    m_scopeSelected->setText(tr("The selected crop"));
    m_scopeSelected->setEnabled(c.hasSelectedCrop);
    m_scopeCurrent->setText(c.currentImageCrops == 0 ? tr("This image has no crops")
            : c.currentImageCrops == 1               ? tr("The crop of this image")
                                       : tr("All %1 crops of this image").arg(c.currentImageCrops));
    m_scopeCurrent->setEnabled(c.currentImageCrops > 0);
    m_scopeSelectedImages->setText(c.selectedImages > 1
            ? tr("All crops of the %1 selected images").arg(c.selectedImages)
            : tr("All crops of the selected images (Ctrl+click several in the filmstrip)"));
    m_scopeSelectedImages->setEnabled(c.selectedImages > 1);
    m_scopeAll->setText(tr("All crops of all %1").arg(plural(c.allImages, tr("%1 image"), tr("%1 images"))));
    m_scopeAll->setEnabled(c.allImages > 0);
    // Keep the choice when possible, else the most useful enabled one.
    if (m_scopeGroup->checkedButton() && m_scopeGroup->checkedButton()->isEnabled())
        return;
    for (QRadioButton *b : { m_scopeCurrent, m_scopeSelected, m_scopeSelectedImages, m_scopeAll }) {
        if (b->isEnabled()) {
            b->setChecked(true);
            return;
        }
    }
}

void ExportDialog::setExample(const QString &imagePath, const Crop &crop)
{
    m_exampleImage = imagePath;
    m_exampleCrop = crop;
    updateControls();
}

void ExportDialog::setSettings(const ExportSettings &s)
{
    m_folder->setText(QDir::toNativeSeparators(s.folder));
    m_format->setCurrentIndex(s.format == OutputFormat::Png ? 1 : 0);
    m_quality->setValue(s.quality);
    m_qualitySlider->setValue(s.quality);
    switch (s.size.mode) {
    case ExportSize::LongestSide:
        m_sizeMode->setCurrentIndex(SizeLongSide);
        m_sizeValue->setValue(s.size.length);
        break;
    case ExportSize::Width:
        m_sizeMode->setCurrentIndex(SizeWidth);
        m_sizeValue->setValue(s.size.length);
        break;
    case ExportSize::Height:
        m_sizeMode->setCurrentIndex(SizeHeight);
        m_sizeValue->setValue(s.size.length);
        break;
    default:
        m_sizeMode->setCurrentIndex(SizeOriginal);
        break;
    }
    m_pattern->setText(s.pattern.isEmpty() ? kDefaultFileNamePattern : s.pattern);
    updateControls();
}

ExportSettings ExportDialog::settings() const
{
    ExportSettings s;
    s.folder = QDir::fromNativeSeparators(m_folder->text().trimmed());
    s.format = OutputFormat(m_format->currentData().toInt());
    s.quality = m_quality->value();
    switch (m_sizeMode->currentData().toInt()) {
    case SizeLongSide:
        s.size = ExportSize::longestSide(m_sizeValue->value());
        break;
    case SizeWidth:
        s.size = ExportSize::fixedWidth(m_sizeValue->value());
        break;
    case SizeHeight:
        s.size = ExportSize::fixedHeight(m_sizeValue->value());
        break;
    default:
        s.size = ExportSize::original();
        break;
    }
    s.pattern = m_pattern->text().trimmed().isEmpty() ? kDefaultFileNamePattern : m_pattern->text().trimmed();
    return s;
}

void ExportDialog::setScope(Scope scope)
{
    if (QAbstractButton *b = m_scopeGroup->button(int(scope)); b && b->isEnabled())
        b->setChecked(true);
}

ExportDialog::Scope ExportDialog::scope() const
{
    return Scope(m_scopeGroup->checkedId() < 0 ? int(Scope::CurrentImage) : m_scopeGroup->checkedId());
}

void ExportDialog::updateControls()
{
    const bool jpeg = OutputFormat(m_format->currentData().toInt()) == OutputFormat::Jpeg;
    m_quality->setEnabled(jpeg);
    m_qualitySlider->setEnabled(jpeg);
    m_qualityLabel->setEnabled(jpeg);
    m_sizeValue->setEnabled(m_sizeMode->currentData().toInt() != SizeOriginal);

    Crop example = m_exampleCrop;
    if (example.rect.isEmpty()) {
        example.name = tr("Crop 1");
        example.rect = Rect { 0, 0, 1600, 2000 };
    }
    const QString image = m_exampleImage.isEmpty() ? QStringLiteral("photo.jpg") : m_exampleImage;
    const ExportSettings s = settings();
    const Size out = exportPixelSize(example.rect.size(), s.size);
    m_preview->setText(
        tr("e.g. %1.%2  (%3 × %4 px)")
            .arg(expandFileNamePattern(s.pattern, image, example, 1, out), outputFormatSuffix(s.format))
            .arg(out.width)
            .arg(out.height));
}

void ExportDialog::browse()
{
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Export Crops To"), m_folder->text());
    if (!dir.isEmpty())
        m_folder->setText(QDir::toNativeSeparators(dir));
}

} // namespace cropwise
