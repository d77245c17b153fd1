#pragma once

// The ONE shortcuts table of Cropwise. Every QAction with a key is made (or keyed) from here, and
// the keys the canvas handles itself (nudge, Esc) and the mouse gestures are listed here too, so
// the Help > Keyboard Shortcuts dialog, docs/shortcuts.md and the conflict test all read the same
// rows. Adding a feature with a key = adding a row (and an enum value); ShortcutsTest fails when
// two rows share a key sequence in overlapping contexts.
//
// Reserved for later features (do not take them for anything else): plain 1..9 (label hotkeys),
// A / R (accept / reject suggestion, taken by ui/review/), Space (mark verified; Space-drag keeps panning the canvas).
//
// Thread: GUI thread only (QAction, QKeySequence).

#include <QAction>
#include <QKeySequence>
#include <QList>
#include <QString>

class QWidget;

namespace cropwise {

// One value per row of the table. Names say what the key does, not which key it is.
enum class ShortcutId {
    // File
    OpenFiles,
    OpenFolder,
    ExportCrops,
    ExportRenditions,
    Quit,
    // Edit
    Undo,
    Redo,
    CopyCrop,
    PasteCrop,
    AddCrop,
    DeleteCrop,
    RenameCrop,
    NextCrop,
    PreviousCrop,
    // Crop (canvas-local keys, handled by CropCanvas itself)
    NudgeCrop,
    NudgeCropFar,
    CancelDrag,
    // Crop (actions)
    LockAspect,
    SwapOrientation,
    CustomAspect,
    // Image
    RotateLeft,
    RotateRight,
    FlipHorizontal,
    FlipVertical,
    // Navigate
    NextImage,
    PreviousImage,
    FirstImage,
    LastImage,
    // View
    CycleGuides,
    ZoomFit,
    Zoom100,
    ZoomIn,
    ZoomOut,
    FullScreen,
    ShowRenditions,
    // Labels (training datasets; ui/labels/). LabelHotkey1..9 are consecutive: hotkey n is
    // ShortcutId(int(LabelHotkey1) + n - 1).
    LabelHotkey1,
    LabelHotkey2,
    LabelHotkey3,
    LabelHotkey4,
    LabelHotkey5,
    LabelHotkey6,
    LabelHotkey7,
    LabelHotkey8,
    LabelHotkey9,
    ToggleVerified,
    ToggleObjectBoxes,
    ImportObjectBoxes,
    ExportDataset,
    // Review of automatic suggestions (ui/review/)
    SuggestImage,
    SuggestFolder,
    AcceptSuggestion,
    RejectSuggestion,
    RestoreSuggestion,
    AcceptAllSuggestions,
    NextSuggestion,
    PreviousSuggestion,
    NextAlternative,
    PreviousAlternative,
    MustIncludeArea,
    ClearMustInclude,
    ToggleFaces,
    ToggleHeatMap,
    ShowReviewMetrics,
    // Mouse (listed for the dialog and docs; no key sequence)
    MouseDrawCrop,
    MouseMoveCrop,
    MouseResizeCrop,
    MouseResizeFromCentre,
    MousePan,
    MouseWheelZoom,
    // Help
    ShowShortcuts,
};

enum class ShortcutCategory { File, Edit, Crop, Image, Navigate, View, Labels, Review, Mouse, Help };

// Where a row's keys are live. Two rows conflict when they share a key sequence and their
// contexts overlap: Window overlaps everything (the canvas is inside the window).
enum class ShortcutContext {
    Window, // a QAction on the main window (Qt::WindowShortcut)
    Canvas, // only while the canvas has focus: a QAction on the canvas (Qt::WidgetShortcut) or a
            // key CropCanvas::keyPressEvent handles itself
    Mouse, // a mouse gesture: `gesture` describes it, `keys` is empty
};

// How a row is implemented; the dialog shows all of them the same way.
enum class ShortcutKind {
    Action, // createAction()/applyShortcut() put `keys` on a QAction
    CanvasKey, // handled inside CropCanvas (documented here, so nothing else takes the key)
    Gesture, // mouse
};

struct ShortcutEntry
{
    ShortcutId id;
    QString key; // stable dotted name, e.g. "file.open" (objectName of the QAction)
    ShortcutCategory category;
    ShortcutContext context;
    ShortcutKind kind;
    QString text; // menu text with & mnemonic, e.g. "&Open Images..."
    QString description; // one line for the dialog and docs
    QList<QKeySequence> keys; // first = primary (shown in menus); empty for gestures
    QString gesture; // for Mouse rows: e.g. "Shift + drag a handle"
    QString iconName; // ":/icons/<name>.svg" when non-empty
};

// All rows, in the order the dialog and the docs show them (grouped by category).
const QList<ShortcutEntry> &shortcutTable();
const ShortcutEntry &shortcut(ShortcutId id);

QString categoryName(ShortcutCategory category);
// The row's text without mnemonic and trailing dots: "&Open Images..." -> "Open Images".
QString actionName(const ShortcutEntry &entry);

// The keys as the user reads them on this platform, e.g. "Ctrl+Shift+O, Ctrl+Right";
// for gestures, the gesture text.
QString keysText(const ShortcutEntry &entry, QKeySequence::SequenceFormat format = QKeySequence::NativeText);

// A new QAction owned by `parent`, with the row's text, keys, icon, tool tip ("Open Images (Ctrl+O)")
// and objectName = key. Only for Action rows.
QAction *createAction(ShortcutId id, QObject *parent);

// Puts the row's keys, tool tip and objectName on an action made elsewhere (e.g. by QUndoGroup).
void applyShortcut(QAction *action, ShortcutId id);

struct ShortcutConflict
{
    QKeySequence keys;
    ShortcutId first;
    ShortcutId second;
};

// Rows sharing a key sequence in overlapping contexts (empty = good). Also used by the test.
QList<ShortcutConflict> findShortcutConflicts(const QList<ShortcutEntry> &table = shortcutTable());

// The table as Markdown, the source of docs/shortcuts.md (`cropwise --shortcuts-markdown`).
QString shortcutsMarkdown();

} // namespace cropwise
