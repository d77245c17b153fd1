#include "ui/panels/ThumbnailModel.h"

#include "core/io/ImageDecoder.h"
#include "ui/ImageConversion.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

namespace cropwise {

struct ThumbnailModel::Result
{
    QImage thumbnail;
    QSize imageSize;
    QString error;
    QStringList warnings;
};

ThumbnailModel::ThumbnailModel(QObject *parent)
    : QAbstractListModel(parent)
{
    m_pool.setMaxThreadCount(m_maxInFlight);
}

ThumbnailModel::~ThumbnailModel()
{
    // Pending jobs only hold values; let running ones finish before the pool goes.
    m_generation++;
    for (QFutureWatcher<Result> *watcher : std::as_const(m_watchers)) {
        watcher->disconnect(this);
        watcher->future().cancel();
    }
    m_pool.waitForDone();
}

ThumbnailModel::Result ThumbnailModel::load(const QString &path, int longSide)
{
    Result r;
    DecodeOptions options;
    options.maxLongSide = longSide;
    const DecodedImage decoded = decodeImage(path, options);
    if (!decoded.ok()) {
        r.error = decoded.error.isEmpty() ? QCoreApplication::translate("ThumbnailModel", "cannot be decoded")
                                          : decoded.error;
        return r;
    }
    r.imageSize = QSize(decoded.fullSize.width, decoded.fullSize.height);
    r.warnings = decoded.warnings;
    QImage picture = toDisplayImage(decoded.pixels, decoded.iccProfile);
    if (picture.width() > longSide || picture.height() > longSide)
        picture = picture.scaled(longSide, longSide, Qt::KeepAspectRatio, Qt::SmoothTransformation);
    r.thumbnail = picture;
    return r;
}

void ThumbnailModel::setImages(const QStringList &paths)
{
    beginResetModel();
    m_generation++;
    // Jobs of the old list that have not started are cancelled (QtConcurrent skips them); running
    // ones finish and their results are ignored (generation check in finish()).
    for (QFutureWatcher<Result> *watcher : std::as_const(m_watchers)) {
        watcher->disconnect(this);
        watcher->future().cancel();
        watcher->deleteLater();
    }
    m_watchers.clear();
    m_items.clear();
    m_queue.clear();
    m_inFlight = 0;
    m_settled = 0;
    for (const QString &p : paths) {
        Item item;
        item.path = p;
        m_items.append(item);
    }
    for (int i = 0; i < m_items.size(); ++i)
        m_queue.push_back(i);
    endResetModel();
    if (m_items.isEmpty())
        QTimer::singleShot(0, this, [this, g = m_generation] {
            if (g == m_generation)
                emit loadingFinished();
        });
    pump();
}

QStringList ThumbnailModel::paths() const
{
    QStringList result;
    for (const Item &item : m_items)
        result << item.path;
    return result;
}

QString ThumbnailModel::path(int row) const
{
    return row >= 0 && row < m_items.size() ? m_items[row].path : QString();
}

void ThumbnailModel::setThumbnailLongSide(int devicePixels)
{
    m_longSide = qBound(32, devicePixels, 1024);
}

ThumbnailModel::State ThumbnailModel::state(int row) const
{
    return row >= 0 && row < m_items.size() ? m_items[row].state : State::Pending;
}

QString ThumbnailModel::problem(int row) const
{
    return row >= 0 && row < m_items.size() ? m_items[row].problem : QString();
}

int ThumbnailModel::failedCount() const
{
    return int(std::count_if(
        m_items.begin(), m_items.end(), [](const Item &i) { return i.state == State::Failed; }));
}

int ThumbnailModel::warningCount() const
{
    return int(std::count_if(
        m_items.begin(), m_items.end(), [](const Item &i) { return i.state == State::Warning; }));
}

QStringList ThumbnailModel::problems(bool withWarnings) const
{
    QStringList result;
    for (const Item &item : m_items) {
        if (item.state == State::Failed || (withWarnings && item.state == State::Warning))
            result << QStringLiteral("%1: %2").arg(QFileInfo(item.path).fileName(), item.problem);
    }
    return result;
}

int ThumbnailModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_items.size());
}

QVariant ThumbnailModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_items.size())
        return {};
    const Item &item = m_items[index.row()];
    switch (role) {
    case Qt::DisplayRole:
        return QFileInfo(item.path).fileName();
    case Qt::ToolTipRole: {
        QString tip = QStringLiteral("<b>%1</b>").arg(QFileInfo(item.path).fileName().toHtmlEscaped());
        if (item.imageSize.isValid())
            tip += QStringLiteral("<br>%1 × %2 px").arg(item.imageSize.width()).arg(item.imageSize.height());
        if (item.state == State::Failed)
            tip += QStringLiteral("<br><span style='color:#e06c5f'>%1</span>")
                       .arg(tr("Cannot be opened: %1").arg(item.problem).toHtmlEscaped());
        else if (item.state == State::Warning)
            tip += QStringLiteral("<br><span style='color:#e3b341'>%1</span>")
                       .arg(item.problem.toHtmlEscaped());
        tip += QStringLiteral("<br><span style='color:#909090'>%1</span>").arg(item.path.toHtmlEscaped());
        return tip;
    }
    case PathRole:
        return item.path;
    case StateRole:
        return int(item.state);
    case ProblemRole:
        return item.problem;
    case ImageSizeRole:
        return item.imageSize;
    case VerifiedRole:
        return item.verified;
    case PendingReviewRole:
        return item.pendingReview;
    case ThumbnailRole:
    case Qt::DecorationRole:
        if (item.state == State::Pending)
            request(index.row());
        return item.thumbnail;
    default:
        return {};
    }
}

void ThumbnailModel::request(int row) const
{
    // The view asks for what it shows: decode those first. Moving the row to the front of the
    // queue is cheap enough (the queue only holds rows still pending).
    if (!m_queue.empty() && m_queue.front() == row)
        return;
    auto it = std::find(m_queue.begin(), m_queue.end(), row);
    if (it == m_queue.end())
        return;
    m_queue.erase(it);
    m_queue.push_front(row);
}

void ThumbnailModel::pump()
{
    while (m_inFlight < m_maxInFlight && !m_queue.empty()) {
        const int row = m_queue.front();
        m_queue.pop_front();
        Item &item = m_items[row];
        if (item.state != State::Pending || item.inFlight)
            continue;
        item.inFlight = true;
        ++m_inFlight;
        auto *watcher = new QFutureWatcher<Result>(this);
        m_watchers.append(watcher);
        const quint64 generation = m_generation;
        connect(watcher, &QFutureWatcher<Result>::finished, this, [this, watcher, generation, row] {
            m_watchers.removeOne(watcher);
            watcher->deleteLater();
            if (watcher->future().isCanceled() || watcher->future().resultCount() == 0)
                return;
            finish(generation, row, watcher->future().result());
        });
        watcher->setFuture(QtConcurrent::run(&m_pool, &ThumbnailModel::load, item.path, m_longSide));
    }
}

void ThumbnailModel::finish(quint64 generation, int row, const Result &result)
{
    if (generation != m_generation || row >= m_items.size())
        return; // a result for a list that is gone
    --m_inFlight;
    Item &item = m_items[row];
    item.inFlight = false;
    item.imageSize = result.imageSize;
    if (!result.error.isEmpty()) {
        item.state = State::Failed;
        item.problem = result.error;
    } else {
        item.thumbnail = result.thumbnail;
        item.state = result.warnings.isEmpty() ? State::Ready : State::Warning;
        item.problem = result.warnings.join(QLatin1Char(' '));
    }
    ++m_settled;
    const QModelIndex idx = index(row);
    emit dataChanged(idx, idx);
    pump();
    if (m_settled == m_items.size())
        emit loadingFinished();
}

void ThumbnailModel::setVerified(const QString &path, bool verified)
{
    for (int row = 0; row < m_items.size(); ++row) {
        if (m_items[row].path != path || m_items[row].verified == verified)
            continue;
        m_items[row].verified = verified;
        const QModelIndex i = index(row);
        Q_EMIT dataChanged(i, i, { VerifiedRole });
    }
}

bool ThumbnailModel::isVerified(int row) const
{
    return row >= 0 && row < m_items.size() && m_items[row].verified;
}

void ThumbnailModel::setPendingReview(int row, int pending)
{
    if (row < 0 || row >= m_items.size() || m_items[row].pendingReview == pending)
        return;
    m_items[row].pendingReview = pending;
    const QModelIndex i = index(row);
    Q_EMIT dataChanged(i, i, { PendingReviewRole });
}

} // namespace cropwise
