#pragma once

// Review metrics of the open images, per suggester version (core ReviewStats.h, the same numbers
// `cropwise-cli review-stats` prints): accepted, edited, rejected and pending suggestions, the mean
// IoU between suggested and final crops (accepted count 1.0) and over edited crops only.
// Thread: GUI thread only.

#include "core/model/ReviewStats.h"

#include <QDialog>

class QLabel;
class QTableWidget;

namespace cropwise {

class ReviewStatsDialog : public QDialog
{
    Q_OBJECT

public:
    explicit ReviewStatsDialog(QWidget *parent = nullptr);

    void setStats(const ReviewStats &stats);
    QTableWidget *table() const { return m_table; }

private:
    QLabel *m_summary;
    QTableWidget *m_table;
};

} // namespace cropwise
