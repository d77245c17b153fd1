#include "ui/review/ReviewPanel.h"

#include "core/model/ImageDocument.h"
#include "core/model/ReviewState.h"
#include "core/model/ReviewStats.h"
#include "ui/MainWindow.h"
#include "ui/Plural.h"
#include "ui/Shortcuts.h"
#include "ui/review/ReviewController.h"
#include "ui/review/ReviewIndex.h"
#include "ui/review/ReviewPainting.h"
#include "ui/review/SuggestionRunner.h"

#include <QAction>
#include <QComboBox>
#include <QCoreApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

#include <algorithm>

namespace cropwise {

namespace {

QLabel *sectionTitle(const QString &text)
{
    auto *l = new QLabel(text.toUpper());
    l->setStyleSheet(QStringLiteral("color: #8a8a8a; font-size: 8pt; font-weight: bold; letter-spacing: 1px; "
                                    "padding-top: 8px;"));
    return l;
}

QString percent(double value)
{
    return QStringLiteral("%1 %").arg(qRound(value * 100));
}

QString countsLine(const ReviewCounts &c)
{
    return QCoreApplication::translate("ReviewPanel", "%1 accepted · %2 edited · %3 rejected · %4 pending")
        .arg(c.accepted)
        .arg(c.edited)
        .arg(c.rejected)
        .arg(c.pending);
}

} // namespace

ReviewPanel::ReviewPanel(ReviewController *review, MainWindow *window, QWidget *parent)
    : QWidget(parent)
    , m_review(review)
    , m_window(window)
{
    setObjectName(QStringLiteral("reviewPanel"));
    auto *content = new QWidget;
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(10, 4, 10, 10);
    layout->setSpacing(6);
    layout->addWidget(buildSuggestSection());
    layout->addWidget(buildSelectedSection());
    layout->addWidget(buildImageSection());
    layout->addWidget(buildFolderSection());
    layout->addStretch(1);

    auto *scroll = new QScrollArea;
    scroll->setWidget(content);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(scroll);

    connect(review, &ReviewController::selectionChanged, this, [this] {
        refreshSelected();
        refreshImage();
    });
    connect(review, &ReviewController::jobStateChanged, this, &ReviewPanel::refreshJob);
    connect(review, &ReviewController::statsChanged, this, &ReviewPanel::refreshMetrics);
    connect(review->filter(), &ReviewFilter::applied, this, [this](int shown, int total) {
        m_filterSummary->setText(m_review->filter()->mode() == ReviewFilter::Mode::AllImages
                ? QString()
                : tr("%1 of %2 images shown").arg(shown).arg(total));
    });
    refreshSelected();
    refreshImage();
    refreshJob();
    refreshMetrics();
}

QPushButton *ReviewPanel::button(int shortcutId, const QString &text)
{
    // A button that triggers the window's action: same keys, same enabled and checked state, but
    // a short label of its own (a default action would force the long menu text on it).
    QAction *action = m_window->action(ShortcutId(shortcutId));
    auto *b = new QPushButton;
    b->setText(text);
    b->setToolTip(action->toolTip());
    b->setEnabled(action->isEnabled());
    b->setCheckable(action->isCheckable());
    b->setChecked(action->isChecked());
    b->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    connect(b, &QPushButton::clicked, action, [action] { action->trigger(); });
    connect(action, &QAction::enabledChanged, b, &QWidget::setEnabled);
    connect(action, &QAction::toggled, b, &QPushButton::setChecked);
    return b;
}

// --- Sections -------------------------------------------------------------------------------------

QWidget *ReviewPanel::buildSuggestSection()
{
    auto *w = new QWidget;
    auto *v = new QVBoxLayout(w);
    v->setContentsMargins(0, 0, 0, 0);
    v->addWidget(sectionTitle(tr("Suggest")));
    auto *buttons = new QHBoxLayout;
    QPushButton *image = button(int(ShortcutId::SuggestImage), tr("This Image"));
    QPushButton *all = button(int(ShortcutId::SuggestFolder), tr("All Images"));
    buttons->addWidget(image, 1);
    buttons->addWidget(all, 1);
    v->addLayout(buttons);

    auto *aspectsRow = new QHBoxLayout;
    aspectsRow->addWidget(new QLabel(tr("Aspects")));
    m_aspects = new QLineEdit(m_review->aspectsText());
    m_aspects->setObjectName(QStringLiteral("reviewAspects"));
    m_aspects->setToolTip(tr("Aspects to suggest, comma separated, e.g. 1:1,4:5,16:9,free. "
                             "Changing them recomputes this image. Suggestions run in the background: "
                             "keep working meanwhile."));
    connect(m_aspects, &QLineEdit::editingFinished, this, &ReviewPanel::applyAspects);
    aspectsRow->addWidget(m_aspects, 1);
    v->addLayout(aspectsRow);

    auto *progressRow = new QHBoxLayout;
    m_progress = new QProgressBar;
    m_progress->setTextVisible(false);
    m_progress->setMaximumHeight(6);
    m_cancel = new QPushButton;
    m_cancel->setText(tr("Cancel"));
    connect(m_cancel, &QPushButton::clicked, m_review, &ReviewController::cancelSuggestions);
    progressRow->addWidget(m_progress, 1);
    progressRow->addWidget(m_cancel);
    v->addLayout(progressRow);
    m_jobLabel = new QLabel;
    m_jobLabel->setStyleSheet(QStringLiteral("color: #9a9a9a;"));
    m_jobLabel->setWordWrap(true);
    v->addWidget(m_jobLabel);
    return w;
}

QWidget *ReviewPanel::buildSelectedSection()
{
    auto *w = new QWidget;
    auto *v = new QVBoxLayout(w);
    v->setContentsMargins(0, 0, 0, 0);
    v->addWidget(sectionTitle(tr("Selected suggestion")));
    m_noSelection = new QLabel(tr("Select a suggested crop (%1 goes to the next one to review).")
                                   .arg(keysText(shortcut(ShortcutId::NextSuggestion))));
    m_noSelection->setWordWrap(true);
    m_noSelection->setStyleSheet(QStringLiteral("color: #8a8a8a;"));
    v->addWidget(m_noSelection);

    m_card = new QWidget;
    m_card->setObjectName(QStringLiteral("suggestionCard"));
    m_card->setStyleSheet(QStringLiteral("#suggestionCard { background: #2a2a2a; border-radius: 6px; }"));
    auto *card = new QVBoxLayout(m_card);
    card->setContentsMargins(10, 8, 10, 10);
    auto *head = new QHBoxLayout;
    m_title = new QLabel;
    m_title->setStyleSheet(QStringLiteral("font-weight: bold; font-size: 11pt;"));
    m_status = new QLabel;
    head->addWidget(m_title, 1);
    head->addWidget(m_status);
    card->addLayout(head);
    m_score = new QProgressBar;
    m_score->setRange(0, 100);
    m_score->setFormat(tr("score %p %"));
    m_score->setMaximumHeight(16);
    card->addWidget(m_score);
    m_reasons = new QLabel;
    m_reasons->setWordWrap(true);
    m_reasons->setTextFormat(Qt::RichText);
    card->addWidget(m_reasons);
    auto *decide = new QHBoxLayout;
    QPushButton *accept = button(int(ShortcutId::AcceptSuggestion), tr("Accept"));
    QPushButton *reject = button(int(ShortcutId::RejectSuggestion), tr("Reject"));
    // The two decisions in their status colours, so the card reads like the badges on the photo.
    const QString decisionStyle = QStringLiteral(
        "QPushButton:enabled { border: 1px solid %1; color: %1; border-radius: 4px; padding: 3px 8px; "
        "background: #303030; } QPushButton:enabled:hover { background: #3a3a3a; }");
    accept->setStyleSheet(decisionStyle.arg(review::statusColor(ReviewStatus::Accepted).name()));
    reject->setStyleSheet(decisionStyle.arg(review::statusColor(ReviewStatus::Rejected).name()));
    decide->addWidget(accept, 1);
    decide->addWidget(reject, 1);
    decide->addWidget(button(int(ShortcutId::RestoreSuggestion), tr("Restore")), 1);
    card->addLayout(decide);
    auto *alternatives = new QHBoxLayout;
    QPushButton *previous = button(int(ShortcutId::PreviousAlternative), tr("◀ Alternative"));
    QPushButton *next = button(int(ShortcutId::NextAlternative), tr("Alternative ▶"));
    alternatives->addWidget(previous, 1);
    alternatives->addWidget(next, 1);
    card->addLayout(alternatives);
    v->addWidget(m_card);
    return w;
}

QWidget *ReviewPanel::buildImageSection()
{
    auto *w = new QWidget;
    auto *v = new QVBoxLayout(w);
    v->setContentsMargins(0, 0, 0, 0);
    v->addWidget(sectionTitle(tr("This image")));
    m_imageSummary = new QLabel;
    m_imageSummary->setWordWrap(true);
    v->addWidget(m_imageSummary);
    auto *row = new QHBoxLayout;
    row->addWidget(button(int(ShortcutId::AcceptAllSuggestions), tr("Accept All Pending")), 1);
    v->addLayout(row);
    auto *overlays = new QHBoxLayout;
    QPushButton *faces = button(int(ShortcutId::ToggleFaces), tr("Faces"));
    QPushButton *heat = button(int(ShortcutId::ToggleHeatMap), tr("Heat Map"));
    overlays->addWidget(faces, 1);
    overlays->addWidget(heat, 1);
    v->addLayout(overlays);
    auto *must = new QHBoxLayout;
    m_mustIncludeSummary = new QLabel;
    m_mustIncludeSummary->setWordWrap(true);
    m_mustIncludeSummary->setStyleSheet(QStringLiteral("color: #9a9a9a;"));
    must->addWidget(m_mustIncludeSummary, 1);
    QPushButton *clear = button(int(ShortcutId::ClearMustInclude), tr("Clear"));
    clear->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    must->addWidget(clear);
    v->addLayout(must);
    return w;
}

QWidget *ReviewPanel::buildFolderSection()
{
    auto *w = new QWidget;
    auto *v = new QVBoxLayout(w);
    v->setContentsMargins(0, 0, 0, 0);
    v->addWidget(sectionTitle(tr("Filmstrip and metrics")));
    m_filter = new QComboBox;
    m_filter->setObjectName(QStringLiteral("reviewFilter"));
    m_filter->addItem(tr("All images"), int(ReviewFilter::Mode::AllImages));
    m_filter->addItem(tr("Needs review"), int(ReviewFilter::Mode::NeedsReview));
    m_filter->addItem(tr("Low confidence (score < %1)").arg(percent(kLowConfidenceScore)),
        int(ReviewFilter::Mode::LowConfidence));
    m_filter->setToolTip(tr("Show only the images that still have pending suggestions, or those whose "
                            "least confident pending suggestion scores below %1.")
                             .arg(percent(kLowConfidenceScore)));
    connect(m_filter, &QComboBox::currentIndexChanged, this,
        [this] { m_review->filter()->setMode(ReviewFilter::Mode(m_filter->currentData().toInt())); });
    v->addWidget(m_filter);
    m_filterSummary = new QLabel;
    m_filterSummary->setStyleSheet(QStringLiteral("color: #9a9a9a;"));
    v->addWidget(m_filterSummary);
    m_metrics = new QLabel;
    m_metrics->setWordWrap(true);
    m_metrics->setObjectName(QStringLiteral("reviewMetrics"));
    v->addWidget(m_metrics);
    QPushButton *details = button(int(ShortcutId::ShowReviewMetrics), tr("Metrics per Suggester Version…"));
    v->addWidget(details);
    return w;
}

// --- Refresh --------------------------------------------------------------------------------------

void ReviewPanel::refreshSelected()
{
    const auto crop = m_review->selectedSuggestion();
    m_card->setVisible(crop.has_value());
    m_noSelection->setVisible(!crop);
    if (!crop)
        return;
    const CropReview &r = *crop->review;
    const int alternatives = int(m_review->alternativesOfSelected().size());
    QString title = r.aspect ? r.aspect->toString() : tr("Free");
    if (alternatives > 1)
        title += tr("  ·  alternative %1 of %2").arg(r.alternative + 1).arg(alternatives);
    m_title->setText(title);
    const ReviewStatus status = reviewStatus(*crop);
    const QColor c = review::statusColor(status);
    m_status->setText(review::statusText(status));
    m_status->setStyleSheet(
        QStringLiteral("background: %1; color: #151515; border-radius: 8px; padding: 1px 8px; "
                       "font-weight: bold;")
            .arg(c.name()));
    m_score->setValue(qRound(r.score * 100));
    QStringList items;
    for (const QString &reason : r.reasons)
        items << QStringLiteral("<li>%1</li>").arg(reason.toHtmlEscaped());
    m_reasons->setText(items.isEmpty()
            ? tr("<i>No reasons given.</i>")
            : QStringLiteral("<ul style='margin-left:-24px'>%1</ul>").arg(items.join(QString())));
}

void ReviewPanel::refreshImage()
{
    const ImageDocument *doc = m_review->document();
    if (!doc) {
        m_imageSummary->setText(tr("No image."));
        m_mustIncludeSummary->clear();
        return;
    }
    QMap<ReviewStatus, int> counts;
    int suggestions = 0;
    for (const Crop &c : doc->crops()) {
        if (!c.review)
            continue;
        ++suggestions;
        ++counts[reviewStatus(c)];
    }
    if (suggestions == 0) {
        m_imageSummary->setText(
            doc->currentSuggestions() ? tr("No suggestions kept for this image.") : tr("Not suggested yet."));
    } else {
        QStringList parts;
        for (ReviewStatus s : { ReviewStatus::Suggested, ReviewStatus::Accepted, ReviewStatus::Edited,
                 ReviewStatus::Rejected }) {
            if (counts.value(s) > 0)
                parts << QStringLiteral("<span style='color:%1'>%2 %3</span>")
                             .arg(review::statusColor(s).name())
                             .arg(counts.value(s))
                             .arg(review::statusText(s));
        }
        m_imageSummary->setText(plural(suggestions, tr("%1 suggestion: "), tr("%1 suggestions: "))
            + parts.join(QStringLiteral(" · ")));
    }
    const QList<MustIncludeRegion> &all = doc->mustInclude();
    const int notFaces = int(std::count_if(all.cbegin(), all.cend(),
        [](const MustIncludeRegion &r) { return r.kind == MustIncludeRegion::Kind::NotFace; }));
    const int regions = int(all.size()) - notFaces;
    QString text = regions == 0
        ? tr("No must-include areas (draw a box and press %1, or right-click a face to pin it).")
              .arg(keysText(shortcut(ShortcutId::MustIncludeArea)))
        : plural(regions, tr("%1 must-include area"), tr("%1 must-include areas"));
    if (notFaces > 0)
        text += QLatin1Char(' ') + plural(notFaces, tr("%1 detection marked not a face."), tr("%1 detections marked not a face."));
    m_mustIncludeSummary->setText(text);
}

void ReviewPanel::refreshJob()
{
    const SuggestionRunner *folder = m_review->runner(ReviewController::Scope::AllImages);
    const SuggestionRunner *current = m_review->runner(ReviewController::Scope::CurrentImage);
    const SuggestionRunner *running
        = folder->isRunning() ? folder : (current->isRunning() ? current : nullptr);
    const bool busy = m_review->isSuggesting();
    m_progress->setVisible(busy);
    m_cancel->setVisible(busy);
    if (running) {
        m_progress->setRange(0, qMax(1, running->total()));
        m_progress->setValue(running->done());
        m_jobLabel->setText(tr("Suggesting… %1 of %2 images (%3 computed, %4 unchanged)")
                                .arg(running->done())
                                .arg(running->total())
                                .arg(running->computedCount())
                                .arg(running->cachedCount()));
    } else if (busy) {
        m_progress->setRange(0, 0);
        m_jobLabel->setText(tr("Reading saved suggestions…"));
    } else if (folder->total() > 0) {
        m_jobLabel->setText(
            tr("Last run: %1 of %2 images (%3 computed, %4 unchanged%5).")
                .arg(folder->done())
                .arg(folder->total())
                .arg(folder->computedCount())
                .arg(folder->cachedCount())
                .arg(folder->failedCount() > 0 ? tr(", %1 failed").arg(folder->failedCount()) : QString()));
    } else {
        m_jobLabel->clear();
    }
    m_jobLabel->setVisible(!m_jobLabel->text().isEmpty());
    refreshImage();
}

void ReviewPanel::refreshMetrics()
{
    const ReviewStats stats = m_review->index()->stats();
    const auto iou = stats.total.meanIou();
    QString text = QStringLiteral("<b>%1</b>").arg(countsLine(stats.total).toHtmlEscaped());
    text += QStringLiteral("<br>")
        + tr("Mean IoU suggested → final: <b>%1</b>").arg(iou ? QString::number(*iou, 'f', 3) : tr("—"));
    text += QStringLiteral("<br><span style='color:#8a8a8a'>%1</span>")
                .arg(tr("%1 with suggestions to review, %2 reviewed")
                         .arg(plural(stats.pendingImages, tr("%1 image"), tr("%1 images")))
                         .arg(stats.reviewedImages));
    m_metrics->setText(text);
}

void ReviewPanel::applyAspects()
{
    QString error;
    if (m_review->setAspectsText(m_aspects->text(), &error)) {
        m_aspects->setStyleSheet(QString());
        m_aspects->setToolTip(tr("Aspects to suggest, comma separated, e.g. 1:1,4:5,16:9,free."));
        return;
    }
    m_aspects->setStyleSheet(QStringLiteral("border: 1px solid #e06c5f;"));
    m_aspects->setToolTip(error);
}

QString ReviewPanel::selectedText() const
{
    if (m_card->isHidden())
        return m_noSelection->text();
    return QStringList { m_title->text(), m_status->text(), QString::number(m_score->value()),
        m_reasons->text() }
        .join(QLatin1Char('\n'));
}

QString ReviewPanel::metricsText() const
{
    return m_metrics->text();
}

QString ReviewPanel::jobText() const
{
    return m_jobLabel->text();
}

} // namespace cropwise
