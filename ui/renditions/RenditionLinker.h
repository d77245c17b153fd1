#pragma once

// Keeps every rendition of a set linked to its own crop in the current ImageDocument (the one
// source of truth), as docs/renditions.md says: a crop whose extraFields "rendition" names the
// rendition (core/renditions/RenditionCrop.h renditionTag()).
//
// linkMissing() adds, in ONE undo step (AddRenditionCropsCommand), a crop for each rendition of the
// set that has none: the rect is the one export would use (chooseRenditionCrop(): an untagged crop
// of the aspect the user drew, else the suggester's cached answer, else the largest centred crop,
// or the whole image for "original"). Crops that start centred are then improved in the background
// by the core suggester (startSuggestJob, top 1, the renditions' aspects): when the answer comes and
// the user has not touched them, they take the suggested rects (inside the same undo step while it
// is the newest one, else as one step "Use suggested rendition crops").
//
// It never adds crops on its own initiative after that: once the user undoes or deletes a rendition
// crop, it stays gone until linkMissing() is called again (choosing the set, opening the image, a
// click on its preview), so undo and the linker never fight.
//
// Thread: GUI thread; the suggester runs on the global thread pool on copied values.

#include "core/geometry/Rect.h"
#include "core/jobs/SuggestJob.h"
#include "core/model/ImageDocument.h"
#include "core/renditions/Rendition.h"

#include <QFutureWatcher>
#include <QList>
#include <QObject>
#include <QPair>
#include <QPointer>
#include <QString>
#include <QUndoStack>

namespace cropwise {

class AddRenditionCropsCommand;

class RenditionLinker : public QObject
{
    Q_OBJECT

public:
    explicit RenditionLinker(QObject *parent = nullptr);
    ~RenditionLinker() override; // cancels and waits for a running suggestion job

    // Not owned. A change cancels pending suggestions (they belong to the former image).
    void setTarget(ImageDocument *document, QUndoStack *stack);
    void setSet(const RenditionSet &set) { m_set = set; }
    const RenditionSet &set() const { return m_set; }

    // The id of the crop tagged for `renditionName` (case-insensitive); empty when none.
    static QString linkedCropId(const ImageDocument &document, const QString &renditionName);

    // Adds the missing crops (see above); only the named rendition when `onlyRendition` is given.
    // Returns how many crops were added.
    int linkMissing(const QString &onlyRendition = QString());
    // True from the start of a suggestion job until its answer has been applied (or dropped).
    bool isSuggesting() const { return m_suggesting; }

Q_SIGNALS:
    // The background suggestions were applied (changed = crops moved to the suggested rect).
    void suggestionsApplied(int changed);

private:
    void startSuggestions(const QList<QPair<QString, std::optional<AspectRatio>>> &cropAspects);
    void onSuggestionsReady();
    bool isOnStack(const AddRenditionCropsCommand *command) const;
    bool isNewestStep(const AddRenditionCropsCommand *command) const;

    QPointer<ImageDocument> m_document;
    QPointer<QUndoStack> m_stack;
    RenditionSet m_set;

    QFutureWatcher<SuggestJobResult> m_watcher;
    // What the running job is for: the crops created centred, their aspects and creation rects.
    struct Pending
    {
        QPointer<ImageDocument> document;
        UserTurn turn;
        const AddRenditionCropsCommand *command = nullptr;
        QList<QPair<QString, std::optional<AspectRatio>>>
            aspects; // crop id, its rendition's aspect; set order
    };
    Pending m_pending;
    bool m_suggesting = false;
};

} // namespace cropwise
