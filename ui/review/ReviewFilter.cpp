#include "ui/review/ReviewFilter.h"

#include "ui/panels/ThumbnailStrip.h"
#include "ui/review/ReviewIndex.h"

#include <QTimer>

namespace cropwise {

ReviewFilter::ReviewFilter(const ReviewIndex *index, ThumbnailStrip *strip, QObject *parent)
    : QObject(parent)
    , m_index(index)
    , m_strip(strip)
{
    connect(index, &ReviewIndex::rowChanged, this, [this](int row) {
        applyRow(row);
        // A folder run changes thousands of rows: count the shown ones once per burst.
        if (m_countScheduled)
            return;
        m_countScheduled = true;
        QTimer::singleShot(100, this, [this] {
            m_countScheduled = false;
            emit applied(shownCount(), m_index ? m_index->count() : 0);
        });
    });
}

void ReviewFilter::setMode(Mode mode)
{
    if (mode == m_mode)
        return;
    m_mode = mode;
    apply();
    emit modeChanged(mode);
}

bool ReviewFilter::accepts(int row) const
{
    if (!m_index)
        return true;
    switch (m_mode) {
    case Mode::AllImages:
        return true;
    case Mode::NeedsReview:
        return m_index->needsReview(row);
    case Mode::LowConfidence: {
        const auto lowest = m_index->lowestPendingScore(row);
        return lowest && *lowest < kLowConfidenceScore;
    }
    }
    return true;
}

int ReviewFilter::shownCount() const
{
    if (!m_strip || !m_strip->model())
        return 0;
    int shown = 0;
    for (int row = 0; row < m_strip->model()->rowCount(); ++row)
        shown += m_strip->isRowHidden(row) ? 0 : 1;
    return shown;
}

void ReviewFilter::applyRow(int row)
{
    if (!m_strip || !m_strip->model() || row < 0 || row >= m_strip->model()->rowCount())
        return;
    const bool hide = !accepts(row) && row != m_strip->currentRow();
    if (m_strip->isRowHidden(row) != hide)
        m_strip->setRowHidden(row, hide);
}

void ReviewFilter::apply()
{
    if (!m_strip || !m_strip->model())
        return;
    for (int row = 0; row < m_strip->model()->rowCount(); ++row)
        applyRow(row);
    emit applied(shownCount(), m_strip->model()->rowCount());
}

} // namespace cropwise
