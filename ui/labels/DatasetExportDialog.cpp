#include "ui/labels/DatasetExportDialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>

namespace cropwise {

namespace {
enum SizeChoice { SizeOriginal, SizeLongSide, SizeExact };
} // namespace

DatasetExportDialog::DatasetExportDialog(QWidget *parent)
    : QDialog(parent)
    , m_format(new QComboBox)
    , m_mode(new QComboBox)
    , m_folder(new QLineEdit)
    , m_visibility(new QDoubleSpinBox)
    , m_sizeMode(new QComboBox)
    , m_width(new QSpinBox)
    , m_height(new QSpinBox)
    , m_imageFormat(new QComboBox)
    , m_verifiedOnly(new QCheckBox(tr("Only images marked verified")))
    , m_explain(new QLabel)
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel))
{
    setWindowTitle(tr("Export Dataset"));
    m_format->addItem(tr("COCO (annotations.json)"), int(DatasetFormat::Coco));
    m_format->addItem(tr("Pascal VOC (XML per image)"), int(DatasetFormat::Voc));
    m_format->addItem(tr("YOLO (txt per image + classes.txt)"), int(DatasetFormat::Yolo));
    m_format->addItem(tr("CSV (annotations.csv)"), int(DatasetFormat::Csv));
    m_format->addItem(tr("Folders (one folder per label)"), int(DatasetFormat::Folders));
    m_mode->addItem(tr("Boxes: the photos, each labelled crop a box"), int(DatasetMode::Boxes));
    m_mode->addItem(tr("Crops: each crop its own image"), int(DatasetMode::Crops));
    m_visibility->setRange(0.0, 1.0);
    m_visibility->setSingleStep(0.05);
    m_visibility->setDecimals(2);
    m_visibility->setValue(0.5);
    m_visibility->setToolTip(tr("An object box is kept in a crop when at least this share of its area "
                                "is inside the crop (albumentations' min_visibility)."));
    m_sizeMode->addItem(tr("Crop's own pixels"), SizeOriginal);
    m_sizeMode->addItem(tr("Longest side"), SizeLongSide);
    m_sizeMode->addItem(tr("Exactly W × H"), SizeExact);
    for (QSpinBox *s : { m_width, m_height }) {
        s->setRange(1, 65535);
        s->setSuffix(tr(" px"));
    }
    m_width->setValue(640);
    m_height->setValue(640);
    m_imageFormat->addItem(QStringLiteral("JPEG"), int(OutputFormat::Jpeg));
    m_imageFormat->addItem(QStringLiteral("PNG"), int(OutputFormat::Png));
    m_explain->setWordWrap(true);
    m_explain->setStyleSheet(QStringLiteral("color: #9a9a9a;"));
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Export"));

    auto *browse = new QPushButton(tr("Browse…"));
    auto *folderRow = new QHBoxLayout;
    folderRow->addWidget(m_folder, 1);
    folderRow->addWidget(browse);
    auto *sizeRow = new QHBoxLayout;
    sizeRow->addWidget(m_sizeMode);
    sizeRow->addWidget(m_width);
    sizeRow->addWidget(m_height);
    sizeRow->addStretch(1);

    auto *form = new QFormLayout(this);
    form->addRow(tr("Format:"), m_format);
    form->addRow(tr("Mode:"), m_mode);
    form->addRow(tr("Folder:"), folderRow);
    form->addRow(tr("Min. visibility:"), m_visibility);
    form->addRow(tr("Crop image size:"), sizeRow);
    form->addRow(tr("Image format:"), m_imageFormat);
    form->addRow(QString(), m_verifiedOnly);
    form->addRow(m_explain);
    form->addRow(m_buttons);
    resize(600, sizeHint().height());

    connect(browse, &QPushButton::clicked, this, &DatasetExportDialog::browse);
    for (QComboBox *c : { m_format, m_mode, m_sizeMode })
        connect(c, &QComboBox::currentIndexChanged, this, &DatasetExportDialog::update);
    connect(m_folder, &QLineEdit::textChanged, this, &DatasetExportDialog::update);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    update();
}

void DatasetExportDialog::setRequest(const DatasetRequest &request)
{
    const DatasetExportOptions &o = request.options;
    m_format->setCurrentIndex(m_format->findData(int(o.format)));
    m_mode->setCurrentIndex(m_mode->findData(int(o.mode)));
    m_folder->setText(o.outputFolder);
    m_visibility->setValue(o.minVisibility);
    switch (o.cropSize.mode) {
    case ExportSize::LongestSide:
        m_sizeMode->setCurrentIndex(SizeLongSide);
        m_width->setValue(o.cropSize.length);
        break;
    case ExportSize::Exact:
        m_sizeMode->setCurrentIndex(SizeExact);
        m_width->setValue(o.cropSize.width);
        m_height->setValue(o.cropSize.height);
        break;
    default:
        m_sizeMode->setCurrentIndex(SizeOriginal);
        break;
    }
    m_imageFormat->setCurrentIndex(qMax(0, m_imageFormat->findData(int(o.encode.format))));
    m_verifiedOnly->setChecked(request.images == DatasetImages::VerifiedOnly);
    update();
}

DatasetRequest DatasetExportDialog::request() const
{
    DatasetRequest r;
    r.options.format = DatasetFormat(m_format->currentData().toInt());
    r.options.mode = DatasetMode(m_mode->currentData().toInt());
    r.options.outputFolder = m_folder->text().trimmed();
    r.options.minVisibility = m_visibility->value();
    if (r.options.mode == DatasetMode::Crops) {
        if (m_sizeMode->currentIndex() == SizeLongSide)
            r.options.cropSize = ExportSize::longestSide(m_width->value());
        else if (m_sizeMode->currentIndex() == SizeExact)
            r.options.cropSize = ExportSize::exact(m_width->value(), m_height->value());
    }
    r.options.encode.format = OutputFormat(m_imageFormat->currentData().toInt());
    r.images = m_verifiedOnly->isChecked() ? DatasetImages::VerifiedOnly : DatasetImages::All;
    return r;
}

void DatasetExportDialog::browse()
{
    const QString chosen = QFileDialog::getExistingDirectory(this, tr("Dataset Folder"), m_folder->text());
    if (!chosen.isEmpty())
        m_folder->setText(chosen);
}

void DatasetExportDialog::update()
{
    // A folder layout cannot hold boxes: folders always means crops (as the CLI refuses the mix).
    const bool folders = DatasetFormat(m_format->currentData().toInt()) == DatasetFormat::Folders;
    if (folders && m_mode->currentData().toInt() != int(DatasetMode::Crops))
        m_mode->setCurrentIndex(m_mode->findData(int(DatasetMode::Crops)));
    m_mode->setEnabled(!folders);
    const bool crops = m_mode->currentData().toInt() == int(DatasetMode::Crops);
    m_visibility->setEnabled(crops && !folders);
    m_sizeMode->setEnabled(crops);
    m_width->setVisible(crops && m_sizeMode->currentIndex() != SizeOriginal);
    m_height->setVisible(crops && m_sizeMode->currentIndex() == SizeExact);

    QString text;
    if (folders)
        text = tr("A classification dataset: every labelled crop as an image in a folder named after its "
                  "label, with manifest.csv and manifest.json pointing back to the photo and rectangle.");
    else if (crops)
        text = tr("A detection dataset of the crop images: each crop's labels are the photo's object boxes "
                  "moved into the crop (clipped, scaled, dropped below the minimum visibility, marked "
                  "truncated when cut).");
    else
        text = tr("A detection dataset of the photos (written upright): every labelled crop becomes a box "
                  "with its label, next to the photo's object boxes.");
    text += QLatin1Char(' ') + tr("A folder that is not empty is replaced only after you confirm.");
    m_explain->setText(text);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!m_folder->text().trimmed().isEmpty());
}

} // namespace cropwise
