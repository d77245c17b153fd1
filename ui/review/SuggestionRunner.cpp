#include "ui/review/SuggestionRunner.h"

#include <QFileInfo>

namespace cropwise {

SuggestionRunner::SuggestionRunner(QObject *parent)
    : QObject(parent)
{
    connect(&m_watcher, &QFutureWatcher<SuggestJobResult>::resultReadyAt, this,
        &SuggestionRunner::onResultReadyAt);
    connect(&m_watcher, &QFutureWatcher<SuggestJobResult>::finished, this, &SuggestionRunner::onFinished);
    connect(&m_watcher, &QFutureWatcher<SuggestJobResult>::progressValueChanged, this, [this](int value) {
        m_done = value;
        emit progressed(value, m_total, QFileInfo(m_watcher.progressText()).fileName());
    });
}

SuggestionRunner::~SuggestionRunner()
{
    m_watcher.disconnect(this);
    m_watcher.cancel();
    m_watcher.waitForFinished();
}

void SuggestionRunner::start(const SuggestJobRequest &request)
{
    if (m_watcher.isRunning()) {
        // The old job's late signals must not count as the new one's: the watcher is re-pointed,
        // and QFutureWatcher drops the old future's pending events on setFuture().
        m_watcher.cancel();
    }
    m_running = true;
    m_total = int(request.items.size());
    m_done = m_computed = m_cached = m_failed = 0;
    emit started(m_total);
    m_watcher.setFuture(startSuggestJob(request));
}

void SuggestionRunner::cancel()
{
    if (m_running)
        m_watcher.cancel();
}

void SuggestionRunner::onResultReadyAt(int index)
{
    const SuggestJobResult result = m_watcher.future().resultAt(index);
    if (!result.ok())
        ++m_failed;
    else if (result.source == SuggestJobResult::Source::Cache)
        ++m_cached;
    else
        ++m_computed;
    emit resultReady(result);
}

void SuggestionRunner::onFinished()
{
    m_running = false;
    emit finished(m_watcher.isCanceled());
}

} // namespace cropwise
