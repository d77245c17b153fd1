#pragma once

// Edits the user's own rendition sets: add and remove renditions (name, aspect, size, format,
// quality, file-name template), save the set as JSON in the RenditionPresetStore (atomically,
// one file per set), delete a set. What is typed is checked by the very parser that reads preset
// files (parseRenditionSet), so the error names the field the same way
// ("renditions[2].size: expected "WxH" or a number").
// Thread: GUI thread only.

#include "core/renditions/Rendition.h"
#include "core/renditions/RenditionPresetStore.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QTableWidget;

namespace cropwise {

class RenditionPresetDialog : public QDialog
{
    Q_OBJECT

public:
    explicit RenditionPresetDialog(const RenditionPresetStore &store, QWidget *parent = nullptr);

    // Opens the user's set of that name, or a new set copied from it (built-in names are reserved).
    void setStartingSet(const RenditionSet &set);
    // The set as typed, checked; nullopt and *error (naming the field) when it is not valid.
    std::optional<RenditionSet> editedSet(QString *error = nullptr) const;
    // Saves the set as typed; an empty string on success, else the reason (also shown).
    QString save();
    QString lastSavedName() const { return m_lastSaved; }

    QTableWidget *table() const { return m_table; }
    QLineEdit *nameEdit() const { return m_name; }
    QString errorText() const;

private:
    void load(const RenditionSet &set);
    void reloadUserSets(const QString &select);
    void addRendition();
    void removeRendition();
    void deleteSet();

    RenditionPresetStore m_store;
    QComboBox *m_userSets;
    QLineEdit *m_name;
    QLineEdit *m_description;
    QTableWidget *m_table;
    QLabel *m_error;
    QString m_lastSaved;
};

} // namespace cropwise
