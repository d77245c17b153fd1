#pragma once

// The label set of the folder being worked on (core LabelSet, stored in the folder's
// cropwise-labels.json) and the keyboard side of labelling: number keys give the selected crop a
// label (one undo step through CropEditController, i.e. SetCropLabelCommand), Space marks the image
// verified (SetVerifiedCommand on the image's own undo stack).
//
// Every edit of the set is validated by LabelSet (the returned string is the reason it was refused,
// empty on success) and saved at once, atomically (LabelSet::save). Renaming a label also relabels
// the crops of every listed image in the folder, one undo step ("Rename label") per image, as
// pasting onto several images does; removing a label leaves crops with their label text (the export
// appends labels missing from the set, with a warning).
//
// The folder is the current image's folder; when it changes the set is reloaded.
// Thread: GUI thread only.

#include "core/annotations/LabelSet.h"

#include <QColor>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>

namespace cropwise {

class CropEditController;
class ImageSession;

class LabelsController : public QObject
{
    Q_OBJECT

public:
    LabelsController(ImageSession *session, CropEditController *controller, QObject *parent = nullptr);

    // Loads folder's label set (empty folder string: no folder, empty set). Same folder: no-op.
    void setFolder(const QString &folder);
    QString folder() const { return m_folder; }
    const LabelSet &labelSet() const { return m_set; }
    // The label's colour; an invalid QColor for a name not in the set.
    QColor colourOf(const QString &label) const;

    // Edits of the set, saved at once. Empty string = done; otherwise why not (nothing changed).
    QString addLabel(const QString &name, const QString &colour = {}, int hotkey = -1);
    QString renameLabel(const QString &name, const QString &newName);
    QString setLabelColour(const QString &name, const QString &colour);
    QString setLabelHotkey(const QString &name, int hotkey);
    QString removeLabel(const QString &name);
    // Adds the names not in the set yet (labels of imported boxes, of crops); returns those added.
    QStringList addMissingLabels(const QStringList &names);

    // Number key n (1..9): the selected crop gets the label bound to n (undoable) and that label
    // becomes the one new crops get. Returns the label applied, or an empty string when no label
    // has key n (a message tells the user).
    QString applyHotkey(int n);
    // Toggles the current image's verified flag (undoable). False without a current image.
    bool toggleVerified();

Q_SIGNALS:
    void labelSetChanged();
    // After a rename was saved and the crops relabelled (object boxes are the catalog's business).
    void labelRenamed(const QString &from, const QString &to);
    // Something to tell the user (a file that cannot be read or saved, an unbound key...).
    void message(const QString &text);

private:
    QString commit(const QString &refusal, const LabelSet &edited);
    void relabelCrops(const QString &from, const QString &to);

    QPointer<ImageSession> m_session;
    QPointer<CropEditController> m_controller;
    QString m_folder;
    LabelSet m_set;
};

} // namespace cropwise
