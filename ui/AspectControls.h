#pragma once

// The aspect-ratio controls of the window: a combo box with the presets (free, original, 1:1, 4:5,
// 5:4, 3:2, 2:3, 4:3, 3:4, 16:9, 9:16), the custom ratio in use and "Custom..."; the same presets
// as menu actions; the lock toggle (L) and the orientation swap (X). They drive the
// CropEditController, the single owner of the aspect lock, and follow it (selecting a crop adopts
// its stored ratio; the controls show it).
//
// Behaviour, as in Lightroom's crop tool: picking a ratio locks it (and reshapes the selected
// crop, one undo step); "Free" unlocks; the padlock toggles the lock and, when locking with no
// ratio chosen yet, locks the selected crop's own shape (else the image's). "Original" is the
// image's ratio in small terms (AspectRatio::approximate) and is re-resolved for each image shown.
// Thread: GUI thread only.

#include "core/geometry/AspectRatio.h"

#include <QAction>
#include <QComboBox>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

#include <optional>

class QActionGroup;
class QWidget;

namespace cropwise {

class CropEditController;

class AspectControls : public QObject
{
    Q_OBJECT

public:
    // lock (checkable), swap and custom are the window's actions (from the shortcuts table).
    AspectControls(CropEditController *controller, QAction *lock, QAction *swap, QAction *custom,
        QWidget *dialogParent, QObject *parent = nullptr);
    ~AspectControls() override;

    // Created here, placed by the window (the tool bar takes ownership).
    QComboBox *comboBox() const { return m_combo; }
    // One checkable action per preset, for the Crop > Aspect Ratio menu.
    QList<QAction *> presetActions() const;

    // The controller shows another image (and has no crop selected yet): re-resolve "Original".
    void imageChanged();
    // Picks a preset as the user would (index into aspectPresets()).
    void choosePreset(int presetIndex);
    bool isOriginalChosen() const { return m_originalChosen; }

    // Persisted choice: "free", "original" or "a:b".
    QString settingsValue() const;
    void restoreSettingsValue(const QString &value);

Q_SIGNALS:
    // The user picked a ratio (combo, menu, dialog, padlock, swap); the window may refocus the canvas.
    void aspectChosen();

private:
    void onComboActivated(int comboIndex);
    void onLockToggled(bool locked);
    void chooseCustom();
    void swapOrientation();
    void sync(std::optional<AspectRatio> aspect);
    int originalPresetIndex() const;

    QPointer<CropEditController> m_controller;
    QPointer<QAction> m_lock;
    QPointer<QComboBox> m_combo;
    QWidget *m_dialogParent;
    QActionGroup *m_presetGroup;
    bool m_originalChosen = false; // "Original" picked: re-resolved for every image
    std::optional<AspectRatio> m_lastRatio; // what the padlock locks again
    bool m_syncing = false;
};

} // namespace cropwise
