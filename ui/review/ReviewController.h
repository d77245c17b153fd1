#pragma once

// The review of automatic crop suggestions in the window (docs/review.md, "In the app"): wiring
// between the main window's parts and core's review rules. It
//  - runs suggestions in the background for the current image or the whole list (SuggestionRunner
//    over core/jobs/SuggestJob.h), puts results in as they finish: through the image's document and
//    undo stack when it is open (ReviewStateCommand "Suggest crops"), else into its sidecar
//    (core storeSuggestions). The sidecar's suggestion cache makes a rerun on unchanged input cheap;
//  - turns the review keys into undoable commands computed by core (accept, reject, restore, accept
//    all, cycle alternatives: ReviewCropCommand) and moves through pending suggestions, across images;
//  - keeps must-include regions (a crop's area, pinned faces) and recomputes at once when they change;
//  - owns the canvas layers (heat map, faces, must-include boxes, suggestion badges) and the
//    filmstrip filter, and keeps the folder's review index (metrics, filter) up to date.
// Decisions are core's (ReviewState.h); this class only routes them. Every key comes from the one
// shortcuts table (ui/Shortcuts.cpp): the window creates the actions, this class connects them.
//
// Thread: GUI thread only.

#include "core/jobs/SuggestJob.h"
#include "core/model/Crop.h"
#include "core/model/SuggestionRecord.h"
#include "ui/review/ReviewFilter.h"

#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>
#include <optional>
#include <vector>

class QAction;
class QMenu;

namespace cropwise {

class FaceLayer;
class HeatMapLayer;
class ImageDocument;
class MainWindow;
class MustIncludeLayer;
class ReviewIndex;
class SuggestionBadgeLayer;
class SuggestionRunner;

class ReviewController : public QObject
{
    Q_OBJECT

public:
    enum class Decision { Accept, Reject, Restore };
    enum class Scope { CurrentImage, AllImages };

    // window: not owned; the controller is its child and lives as long as it.
    explicit ReviewController(MainWindow *window);
    ~ReviewController() override;

    // --- Suggesting ---------------------------------------------------------------------------
    void suggest(Scope scope);
    void cancelSuggestions();
    bool isSuggesting() const;
    SuggestionRunner *runner(Scope scope) const;
    // Aspects asked for ("1:1,4:5,16:9,9:16", remembered in the settings). Changing them reruns
    // the current image when it has suggestions. False (and nothing changed) for bad text.
    bool setAspectsText(const QString &text, QString *error = nullptr);
    QString aspectsText() const;
    int top() const { return m_top; } // suggestions kept per aspect: the best + alternatives

    // --- Reviewing the selected suggestion (no-ops with a message when there is none) -----------
    void decide(Decision decision);
    void acceptAllInImage();
    void stepSuggestion(int direction); // +1 next pending suggestion, -1 previous; crosses images
    void stepAlternative(int direction); // +1 / -1 through the top-N alternatives of its aspect
    // The selected crop's suggestion facts; nullopt when the selected crop is not a suggestion.
    std::optional<Crop> selectedSuggestion() const;
    // The alternatives of the selected suggestion's aspect (best first); empty when unknown.
    QList<SuggestionRecord> alternativesOfSelected() const;

    // --- Must-include --------------------------------------------------------------------------
    void mustIncludeSelectedArea();
    void clearMustInclude();
    void toggleFacePin(const FaceRecord &face);
    // Marks a detected face as no face (the suggester then ignores it), or takes a mark back.
    void markNotFace(const FaceRecord &face);
    void unmarkNotFace(const MustIncludeRegion &mark);

    // --- Parts, for the panel and tests --------------------------------------------------------
    ReviewIndex *index() const { return m_index; }
    ReviewFilter *filter() const { return m_filter; }
    HeatMapLayer *heatMapLayer() const { return m_heatMap; }
    FaceLayer *faceLayer() const { return m_faces; }
    MustIncludeLayer *mustIncludeLayer() const { return m_mustInclude; }
    ImageDocument *document() const;

Q_SIGNALS:
    void selectionChanged(); // the selected crop or its review changed: the panel re-reads
    void jobStateChanged(); // started, progressed, finished
    void statsChanged(); // the folder's review metrics may have changed (coalesced)
    void message(const QString &text); // one line for the status bar

private:
    // One undo step that edits the image's must-include regions (suggestions recompute at once).
    void editRegions(const std::function<void(QList<MustIncludeRegion> &)> &edit, const QString &text);
    void connectActions();
    void connectWindow();
    void addLayers();
    void onCurrentImageChanged();
    void onDocumentChanged();
    void onMustIncludeChanged();
    void onResult(const SuggestJobResult &result);
    void onFolderFinished(bool canceled);
    void applyToDocument(ImageDocument *document, const SuggestJobResult &result);
    void storeForClosedImage(const SuggestJobResult &result);
    void refreshOverlays();
    void updateActions();
    void showContextMenu(const QPoint &pos);
    void startFolderRun();
    SuggestJobRequest baseRequest() const;
    SuggestJobItem itemFor(const QString &path) const;
    QString selectedPendingOr(const QString &fallbackId) const;
    bool selectPending(int fromIndex, int direction);
    void watch(ImageDocument *document);
    void scheduleStats();
    void say(const QString &text);
    QAction *action(int id) const;

    QPointer<MainWindow> m_window;
    ReviewIndex *m_index;
    ReviewFilter *m_filter;
    SuggestionRunner *m_currentRunner;
    SuggestionRunner *m_folderRunner;
    HeatMapLayer *m_heatMap;
    FaceLayer *m_faces;
    MustIncludeLayer *m_mustInclude;
    SuggestionBadgeLayer *m_badges;
    QPointer<ImageDocument> m_document;
    std::vector<SuggestAspect> m_aspects;
    int m_top = 3;
    bool m_folderWaitsForScan = false;
    bool m_statsScheduled = false;
    QStringList m_folderErrors;
};

} // namespace cropwise
