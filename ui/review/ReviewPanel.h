#pragma once

// The "Review" panel: everything about automatic suggestions in one column.
//  - Suggest: this image / all images, the aspects asked for, progress with a Cancel button;
//  - Selected suggestion: aspect, which alternative, score, status and the suggester's reasons,
//    with Accept / Reject / Restore and the alternative arrows;
//  - This image: counts per status, Accept all, the overlays (faces, heat map), must-include areas;
//  - Folder: the filmstrip filter and the review metrics (details in ReviewStatsDialog).
// Every button is one of the window's actions (same keys, same enabled state); the panel reads
// the ReviewController and never changes a document itself.
// Thread: GUI thread only.

#include <QPointer>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;

namespace cropwise {

class MainWindow;
class ReviewController;

class ReviewPanel : public QWidget
{
    Q_OBJECT

public:
    ReviewPanel(ReviewController *review, MainWindow *window, QWidget *parent = nullptr);

    QComboBox *filterCombo() const { return m_filter; }
    QLineEdit *aspectsField() const { return m_aspects; }
    QString selectedText() const; // the selected suggestion's card as plain text (tests)
    QString metricsText() const;
    QString jobText() const;

private:
    QWidget *buildSuggestSection();
    QWidget *buildSelectedSection();
    QWidget *buildImageSection();
    QWidget *buildFolderSection();
    QPushButton *button(int shortcutId, const QString &text);

    void refreshSelected();
    void refreshImage();
    void refreshJob();
    void refreshMetrics();
    void applyAspects();

    QPointer<ReviewController> m_review;
    QPointer<MainWindow> m_window;
    QLineEdit *m_aspects = nullptr;
    QProgressBar *m_progress = nullptr;
    QPushButton *m_cancel = nullptr;
    QLabel *m_jobLabel = nullptr;
    QLabel *m_title = nullptr;
    QLabel *m_status = nullptr;
    QProgressBar *m_score = nullptr;
    QLabel *m_reasons = nullptr;
    QWidget *m_card = nullptr;
    QLabel *m_noSelection = nullptr;
    QLabel *m_imageSummary = nullptr;
    QLabel *m_mustIncludeSummary = nullptr;
    QComboBox *m_filter = nullptr;
    QLabel *m_filterSummary = nullptr;
    QLabel *m_metrics = nullptr;
};

} // namespace cropwise
