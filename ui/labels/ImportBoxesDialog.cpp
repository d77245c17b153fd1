#include "ui/labels/ImportBoxesDialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

namespace cropwise {

ImportBoxesDialog::ImportBoxesDialog(const QString &startFolder, QWidget *parent)
    : QDialog(parent)
    , m_startFolder(startFolder)
    , m_format(new QComboBox)
    , m_path(new QLineEdit)
    , m_hint(new QLabel)
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel))
{
    setWindowTitle(tr("Import Object Boxes"));
    m_format->addItem(tr("COCO JSON (one file)"), int(AnnotationFormat::Coco));
    m_format->addItem(tr("Pascal VOC (folder of .xml files)"), int(AnnotationFormat::Voc));
    m_format->addItem(tr("YOLO (folder of .txt files + classes.txt)"), int(AnnotationFormat::Yolo));
    auto *browse = new QPushButton(tr("Browse…"));
    auto *pathRow = new QHBoxLayout;
    pathRow->addWidget(m_path, 1);
    pathRow->addWidget(browse);
    m_hint->setWordWrap(true);
    m_hint->setStyleSheet(QStringLiteral("color: #9a9a9a;"));
    m_hint->setText(tr("Boxes are matched to the folder's images by the names in the files (or by file "
                       "name). Bad entries are skipped and listed after the import. Importing an image "
                       "again replaces its boxes."));
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Import"));

    auto *form = new QFormLayout(this);
    form->addRow(tr("Format:"), m_format);
    form->addRow(tr("File or folder:"), pathRow);
    form->addRow(m_hint);
    form->addRow(m_buttons);
    resize(560, sizeHint().height());

    connect(browse, &QPushButton::clicked, this, &ImportBoxesDialog::browse);
    connect(m_path, &QLineEdit::textChanged, this, &ImportBoxesDialog::update);
    connect(m_format, &QComboBox::currentIndexChanged, this, &ImportBoxesDialog::update);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    update();
}

AnnotationFormat ImportBoxesDialog::format() const
{
    return AnnotationFormat(m_format->currentData().toInt());
}

QString ImportBoxesDialog::path() const
{
    return m_path->text().trimmed();
}

void ImportBoxesDialog::browse()
{
    const QString start = path().isEmpty() ? m_startFolder : path();
    QString chosen;
    if (format() == AnnotationFormat::Coco)
        chosen = QFileDialog::getOpenFileName(
            this, tr("COCO Annotations"), start, tr("COCO JSON (*.json);;All files (*)"));
    else
        chosen = QFileDialog::getExistingDirectory(this,
            format() == AnnotationFormat::Voc ? tr("Folder of VOC XML Files") : tr("Folder of YOLO Labels"),
            start);
    if (!chosen.isEmpty())
        m_path->setText(chosen);
}

void ImportBoxesDialog::update()
{
    const QFileInfo info(path());
    const bool fits = format() == AnnotationFormat::Coco ? info.isFile() : info.isDir();
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!path().isEmpty() && fits);
}

} // namespace cropwise
