#include "ui/renditions/RenditionExportDialog.h"

#include "core/renditions/RenditionCrop.h"
#include "ui/Plural.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

namespace cropwise {

RenditionExportDialog::RenditionExportDialog(QWidget *parent)
    : QDialog(parent)
    , m_set(new QComboBox)
    , m_summary(new QLabel)
    , m_current(new QRadioButton)
    , m_all(new QRadioButton)
    , m_folder(new QLineEdit)
    , m_metadata(new QComboBox)
    , m_suggest(new QCheckBox(tr("Renditions without a crop of their own get the suggested crop "
                                 "(else the centred one)")))
{
    setObjectName(QStringLiteral("renditionExportDialog"));
    setWindowTitle(tr("Export Renditions"));
    m_summary->setWordWrap(true);
    m_summary->setStyleSheet(QStringLiteral("color: #9a9a9a;"));
    m_metadata->addItem(tr("Keep (EXIF, XMP, IPTC, colour profile)"), int(MetadataPolicy::Keep));
    m_metadata->addItem(tr("Keep, without GPS location"), int(MetadataPolicy::StripGps));
    m_metadata->addItem(tr("Strip everything but the colour profile"), int(MetadataPolicy::Strip));
    m_suggest->setChecked(true);
    m_all->setChecked(true);

    auto *browse = new QPushButton(tr("Choose…"));
    auto *folderRow = new QHBoxLayout;
    folderRow->addWidget(m_folder, 1);
    folderRow->addWidget(browse);
    auto *scope = new QVBoxLayout;
    scope->addWidget(m_current);
    scope->addWidget(m_all);

    auto *form = new QFormLayout;
    form->addRow(tr("Set:"), m_set);
    form->addRow(QString(), m_summary);
    form->addRow(tr("Images:"), scope);
    form->addRow(tr("Folder:"), folderRow);
    form->addRow(tr("Metadata:"), m_metadata);
    form->addRow(QString(), m_suggest);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Export"));
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(buttons);

    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(browse, &QPushButton::clicked, this, &RenditionExportDialog::chooseFolder);
    connect(m_set, &QComboBox::currentIndexChanged, this, &RenditionExportDialog::updateSummary);
    connect(m_folder, &QLineEdit::textChanged, this, [buttons](const QString &t) {
        buttons->button(QDialogButtonBox::Ok)->setEnabled(!t.trimmed().isEmpty());
    });
}

void RenditionExportDialog::setSets(const QList<RenditionSet> &sets, const QString &current)
{
    m_sets = sets;
    m_set->clear();
    for (const RenditionSet &set : sets)
        m_set->addItem(set.name, set.name);
    m_set->setCurrentIndex(qMax(0, m_set->findData(current)));
    updateSummary();
}

void RenditionExportDialog::setImageCounts(int current, int all)
{
    m_current->setText(tr("This image"));
    m_current->setEnabled(current > 0);
    m_all->setText(plural(all, tr("All %1 image in the filmstrip"), tr("All %1 images in the filmstrip")));
}

void RenditionExportDialog::setRequest(const RenditionExportRequest &request)
{
    if (!request.set.name.isEmpty())
        m_set->setCurrentIndex(qMax(0, m_set->findData(request.set.name)));
    m_folder->setText(request.folder);
    (request.scope == RenditionExportRequest::Scope::CurrentImage && m_current->isEnabled() ? m_current
                                                                                            : m_all)
        ->setChecked(true);
    m_metadata->setCurrentIndex(qMax(0, m_metadata->findData(int(request.metadata))));
    m_suggest->setChecked(request.fallback == CropFallback::Suggest);
}

RenditionExportRequest RenditionExportDialog::request() const
{
    RenditionExportRequest r;
    const int i = m_set->currentIndex();
    if (i >= 0 && i < m_sets.size())
        r.set = m_sets[i];
    r.folder = m_folder->text().trimmed();
    r.scope = m_current->isChecked() ? RenditionExportRequest::Scope::CurrentImage
                                     : RenditionExportRequest::Scope::AllImages;
    r.metadata = MetadataPolicy(m_metadata->currentData().toInt());
    r.fallback = m_suggest->isChecked() ? CropFallback::Suggest : CropFallback::Centred;
    return r;
}

void RenditionExportDialog::updateSummary()
{
    const int i = m_set->currentIndex();
    if (i < 0 || i >= m_sets.size()) {
        m_summary->clear();
        return;
    }
    QStringList lines;
    for (const Rendition &r : m_sets[i].renditions)
        lines << QStringLiteral("%1: %2").arg(r.name, renditionSummary(r));
    m_summary->setText(plural(lines.size(), tr("%1 file per image:"), tr("%1 files per image:"))
        + QLatin1Char('\n') + lines.join(QLatin1Char('\n')));
}

void RenditionExportDialog::chooseFolder()
{
    const QString folder
        = QFileDialog::getExistingDirectory(this, tr("Export Renditions To"), m_folder->text());
    if (!folder.isEmpty())
        m_folder->setText(folder);
}

} // namespace cropwise
