#include "ui/review/ReviewStatsDialog.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

namespace cropwise {

namespace {

QString meanText(const std::optional<double> &mean)
{
    return mean ? QString::number(*mean, 'f', 3) : QStringLiteral("—");
}

} // namespace

ReviewStatsDialog::ReviewStatsDialog(QWidget *parent)
    : QDialog(parent)
    , m_summary(new QLabel)
    , m_table(new QTableWidget(0, 7))
{
    setObjectName(QStringLiteral("reviewStatsDialog"));
    setWindowTitle(tr("Review Metrics"));
    m_table->setHorizontalHeaderLabels({ tr("Suggester version"), tr("Accepted"), tr("Edited"),
        tr("Rejected"), tr("Pending"), tr("Mean IoU"), tr("Mean IoU (edited)") });
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionMode(QAbstractItemView::NoSelection);
    auto *note
        = new QLabel(tr("IoU = overlap of the suggested and the final crop (1 = kept exactly). "
                        "Accepted crops count 1.0; the last column shows how far people moved the ones "
                        "they fixed. Same numbers as <code>cropwise-cli review-stats</code>."));
    note->setWordWrap(true);
    note->setStyleSheet(QStringLiteral("color: #8a8a8a;"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_table, 1);
    layout->addWidget(note);
    layout->addWidget(buttons);
    resize(720, 320);
}

void ReviewStatsDialog::setStats(const ReviewStats &stats)
{
    m_summary->setText(
        tr("<b>%1 images</b>: %2 reviewed, %3 with suggestions still to review, %4 crops drawn by hand.")
            .arg(stats.images)
            .arg(stats.reviewedImages)
            .arg(stats.pendingImages)
            .arg(stats.manualCrops));
    m_table->setRowCount(0);
    const auto addRow = [this](const QString &name, const ReviewCounts &c, bool bold) {
        const int row = m_table->rowCount();
        m_table->insertRow(row);
        const QStringList cells { name, QString::number(c.accepted), QString::number(c.edited),
            QString::number(c.rejected), QString::number(c.pending), meanText(c.meanIou()),
            meanText(c.meanEditedIou()) };
        for (int col = 0; col < cells.size(); ++col) {
            auto *item = new QTableWidgetItem(cells[col]);
            if (col > 0)
                item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            QFont f = item->font();
            f.setBold(bold);
            item->setFont(f);
            m_table->setItem(row, col, item);
        }
    };
    for (auto it = stats.versions.cbegin(); it != stats.versions.cend(); ++it)
        addRow(it.key(), it.value(), false);
    addRow(tr("All versions"), stats.total, true);
}

} // namespace cropwise
