#include "ui/review/ReviewIndex.h"

#include "core/model/ReviewState.h"
#include "core/model/SidecarPeek.h"

#include <algorithm>

namespace cropwise {

ReviewIndex::ReviewIndex(SidecarStore store, QObject *parent)
    : QObject(parent)
    , m_store(std::move(store))
{
    connect(&m_watcher, &QFutureWatcher<ReviewScanResult>::resultReadyAt, this, [this](int index) {
        const ReviewScanResult r = m_watcher.future().resultAt(index);
        if (r.index < 0 || r.index >= m_states.size() || m_paths[r.index] != r.imagePath || m_fresh[r.index])
            return;
        m_states[r.index] = r.state;
        emit rowChanged(r.index);
    });
    connect(&m_watcher, &QFutureWatcher<ReviewScanResult>::finished, this, &ReviewIndex::scanFinished);
}

ReviewIndex::~ReviewIndex()
{
    m_watcher.disconnect(this);
    m_watcher.cancel();
    m_watcher.waitForFinished();
}

void ReviewIndex::setImages(const QStringList &paths)
{
    m_watcher.cancel();
    m_paths = paths;
    m_states = QList<ImageState>(paths.size());
    m_fresh = QList<bool>(paths.size(), false);
    m_watcher.setFuture(startReviewScan(paths, m_store));
}

void ReviewIndex::update(const QString &path, const ImageState &state)
{
    const int row = rowOf(path);
    if (row < 0)
        return;
    m_fresh[row] = true;
    if (m_states[row] == state)
        return;
    m_states[row] = state;
    emit rowChanged(row);
}

void ReviewIndex::reread(const QString &path)
{
    const SidecarPeekResult peek = peekSidecar(m_store, path);
    if (peek.ok())
        update(path, peek.state);
}

bool ReviewIndex::needsReview(int row) const
{
    return row >= 0 && row < m_states.size() && cropwise::needsReview(m_states[row]);
}

int ReviewIndex::pendingCount(int row) const
{
    if (row < 0 || row >= m_states.size())
        return 0;
    const QList<Crop> &crops = m_states[row].crops;
    return int(std::count_if(crops.cbegin(), crops.cend(),
        [](const Crop &c) { return reviewStatus(c) == ReviewStatus::Suggested; }));
}

std::optional<double> ReviewIndex::lowestPendingScore(int row) const
{
    if (row < 0 || row >= m_states.size())
        return std::nullopt;
    return cropwise::lowestPendingScore(m_states[row]);
}

ReviewStats ReviewIndex::stats() const
{
    return computeReviewStats(m_states);
}

} // namespace cropwise
