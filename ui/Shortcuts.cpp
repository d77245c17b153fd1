#include "ui/Shortcuts.h"

#include <QCoreApplication>
#include <QIcon>
#include <QRegularExpression>
#include <QStringList>

#include <algorithm>

namespace cropwise {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Shortcuts", text);
}

QList<QKeySequence> keys(std::initializer_list<const char *> portable)
{
    QList<QKeySequence> result;
    for (const char *k : portable)
        result.append(QKeySequence(QString::fromLatin1(k), QKeySequence::PortableText));
    return result;
}

ShortcutEntry action(ShortcutId id, const char *key, ShortcutCategory category, const char *text,
                     const char *description, QList<QKeySequence> sequences, const char *icon = "",
                     ShortcutContext context = ShortcutContext::Window)
{
    return {id,          QString::fromLatin1(key), category, context, ShortcutKind::Action, tr(text),
            tr(description), std::move(sequences), QString(), QString::fromLatin1(icon)};
}

ShortcutEntry canvasKey(ShortcutId id, const char *key, const char *text, const char *description,
                        QList<QKeySequence> sequences)
{
    return {id,       QString::fromLatin1(key), ShortcutCategory::Crop, ShortcutContext::Canvas,
            ShortcutKind::CanvasKey, tr(text), tr(description), std::move(sequences), QString(), QString()};
}

ShortcutEntry gesture(ShortcutId id, const char *key, const char *text, const char *gestureText)
{
    return {id,       QString::fromLatin1(key), ShortcutCategory::Mouse, ShortcutContext::Mouse,
            ShortcutKind::Gesture, tr(text), tr(text), {}, tr(gestureText), QString()};
}

QList<ShortcutEntry> buildTable()
{
    using C = ShortcutCategory;
    using I = ShortcutId;
    QList<ShortcutEntry> t;
    // File
    t << action(I::OpenFiles, "file.open", C::File, "&Open Images...", "Open one or more image files",
                keys({"Ctrl+O"}), "document-open")
      << action(I::OpenFolder, "file.openFolder", C::File, "Open &Folder...",
                "Open every image of a folder in the strip", keys({"Ctrl+Shift+O"}), "folder-open")
      << action(I::ExportCrops, "file.export", C::File, "&Export Crops...",
                "Export the chosen crops as JPEG or PNG files", keys({"Ctrl+E"}), "export")
      << action(I::Quit, "file.quit", C::File, "&Quit", "Save the session and quit", keys({"Ctrl+Q"}));
    // Edit. Undo/redo actions come from QUndoGroup; their keys come from here.
    t << action(I::Undo, "edit.undo", C::Edit, "&Undo", "Undo the last change to this image",
                keys({"Ctrl+Z"}), "edit-undo")
      << action(I::Redo, "edit.redo", C::Edit, "&Redo", "Redo the change just undone",
                keys({"Ctrl+Shift+Z", "Ctrl+Y"}), "edit-redo")
      << action(I::CopyCrop, "edit.copyCrop", C::Edit, "&Copy Crop",
                "Copy the selected crop (to paste it onto other images)", keys({"Ctrl+C"}), "edit-copy")
      << action(I::PasteCrop, "edit.pasteCrop", C::Edit, "&Paste Crop to Selected Images",
                "Paste the copied crop onto every image selected in the strip, scaled to each "
                "image with its aspect kept",
                keys({"Ctrl+V"}), "edit-paste")
      << action(I::AddCrop, "edit.addCrop", C::Edit, "&New Crop",
                "Add a new crop in the middle of the image, with the current aspect", keys({"Ctrl+N"}),
                "crop-add")
      << action(I::DeleteCrop, "edit.deleteCrop", C::Edit, "&Delete Crop", "Delete the selected crop",
                keys({"Del", "Backspace"}), "edit-delete")
      << action(I::RenameCrop, "edit.renameCrop", C::Edit, "&Rename Crop...",
                "Edit the name of the selected crop in the crops panel", keys({"F2"}))
      << action(I::NextCrop, "edit.nextCrop", C::Edit, "Select Ne&xt Crop",
                "Select the next crop of this image (canvas focused)", keys({"Tab"}), "",
                ShortcutContext::Canvas)
      << action(I::PreviousCrop, "edit.previousCrop", C::Edit, "Select Pre&vious Crop",
                "Select the previous crop of this image (canvas focused)", keys({"Shift+Tab", "Shift+Backtab"}),
                "", ShortcutContext::Canvas);
    // Crop: keys the canvas handles itself, then actions.
    t << canvasKey(I::NudgeCrop, "crop.nudge", "Nudge Crop", "Move the selected crop by 1 pixel",
                   keys({"Left", "Right", "Up", "Down"}))
      << canvasKey(I::NudgeCropFar, "crop.nudgeFar", "Nudge Crop 10 px",
                   "Move the selected crop by 10 pixels", keys({"Shift+Left", "Shift+Right", "Shift+Up", "Shift+Down"}))
      << canvasKey(I::CancelDrag, "crop.cancelDrag", "Cancel Drag",
                   "Cancel the drag in progress; the crop goes back to where it was", keys({"Esc"}))
      << action(I::LockAspect, "crop.lockAspect", C::Crop, "&Lock Aspect Ratio",
                "Keep the chosen aspect ratio while resizing", keys({"L"}), "lock")
      << action(I::SwapOrientation, "crop.swapOrientation", C::Crop, "S&wap Orientation",
                "Swap the aspect between landscape and portrait (4:5 <-> 5:4)", keys({"X"}), "swap")
      << action(I::CustomAspect, "crop.customAspect", C::Crop, "&Custom Aspect...",
                "Type an aspect ratio such as 7:5", keys({"Ctrl+Shift+A"}));
    // Image
    t << action(I::RotateLeft, "image.rotateLeft", C::Image, "Rotate &Left",
                "Rotate the image 90 degrees counter-clockwise; crops follow", keys({"["}), "rotate-left")
      << action(I::RotateRight, "image.rotateRight", C::Image, "Rotate &Right",
                "Rotate the image 90 degrees clockwise; crops follow", keys({"]"}), "rotate-right")
      << action(I::FlipHorizontal, "image.flipHorizontal", C::Image, "Flip &Horizontally",
                "Mirror the image left to right; crops follow", keys({"H"}), "flip-horizontal")
      << action(I::FlipVertical, "image.flipVertical", C::Image, "Flip &Vertically",
                "Mirror the image top to bottom; crops follow", keys({"V"}), "flip-vertical");
    // Navigate. Plain arrows nudge the crop, so images move with Page keys or Ctrl+arrows.
    t << action(I::NextImage, "nav.nextImage", C::Navigate, "&Next Image", "Go to the next image",
                keys({"PgDown", "Ctrl+Right"}), "go-next")
      << action(I::PreviousImage, "nav.previousImage", C::Navigate, "&Previous Image",
                "Go to the previous image", keys({"PgUp", "Ctrl+Left"}), "go-previous")
      << action(I::FirstImage, "nav.firstImage", C::Navigate, "&First Image", "Go to the first image",
                keys({"Ctrl+Home"}))
      << action(I::LastImage, "nav.lastImage", C::Navigate, "&Last Image", "Go to the last image",
                keys({"Ctrl+End"}));
    // View
    t << action(I::CycleGuides, "view.cycleGuides", C::View, "&Cycle Guides",
                "Cycle the composition guides: thirds, grid, golden, diagonals, none", keys({"O"}), "guides")
      << action(I::ZoomFit, "view.zoomFit", C::View, "Zoom to &Fit", "Fit the whole image in the window",
                keys({"Ctrl+0"}), "zoom-fit")
      << action(I::Zoom100, "view.zoom100", C::View, "&Actual Pixels (100%)", "One image pixel per screen pixel",
                keys({"Ctrl+1"}), "zoom-100")
      << action(I::ZoomIn, "view.zoomIn", C::View, "Zoom &In", "Zoom in", keys({"Ctrl++", "Ctrl+="}), "zoom-in")
      << action(I::ZoomOut, "view.zoomOut", C::View, "Zoom &Out", "Zoom out", keys({"Ctrl+-"}), "zoom-out")
      << action(I::FullScreen, "view.fullScreen", C::View, "F&ull Screen", "Toggle full screen",
                keys({"F11"}));
    // Mouse
    t << gesture(I::MouseDrawCrop, "mouse.draw", "Draw a new crop", "Drag outside the selected crop")
      << gesture(I::MouseMoveCrop, "mouse.move", "Move the crop", "Drag inside the crop")
      << gesture(I::MouseResizeCrop, "mouse.resize", "Resize the crop", "Drag an edge or a corner handle")
      << gesture(I::MouseResizeFromCentre, "mouse.resizeCentre", "Resize around the centre",
                 "Shift + drag a handle")
      << gesture(I::MousePan, "mouse.pan", "Pan the image", "Space + drag, or middle-button drag")
      << gesture(I::MouseWheelZoom, "mouse.wheelZoom", "Zoom at the cursor", "Mouse wheel");
    // Help
    t << action(I::ShowShortcuts, "help.shortcuts", C::Help, "&Keyboard Shortcuts",
                "Show this list of shortcuts", keys({"F1", "Ctrl+/"}), "help");
    return t;
}

} // namespace

const QList<ShortcutEntry> &shortcutTable()
{
    static const QList<ShortcutEntry> table = buildTable();
    return table;
}

const ShortcutEntry &shortcut(ShortcutId id)
{
    const auto &table = shortcutTable();
    const auto it = std::find_if(table.begin(), table.end(), [id](const ShortcutEntry &e) { return e.id == id; });
    Q_ASSERT_X(it != table.end(), "shortcut", "ShortcutId missing from the shortcuts table");
    return *it;
}

QString categoryName(ShortcutCategory category)
{
    switch (category) {
    case ShortcutCategory::File: return tr("File");
    case ShortcutCategory::Edit: return tr("Edit");
    case ShortcutCategory::Crop: return tr("Crop");
    case ShortcutCategory::Image: return tr("Image");
    case ShortcutCategory::Navigate: return tr("Navigate");
    case ShortcutCategory::View: return tr("View");
    case ShortcutCategory::Mouse: return tr("Mouse");
    case ShortcutCategory::Help: return tr("Help");
    }
    return QString();
}

QString keysText(const ShortcutEntry &entry, QKeySequence::SequenceFormat format)
{
    if (entry.kind == ShortcutKind::Gesture)
        return entry.gesture;
    QStringList parts;
    for (const QKeySequence &k : entry.keys) {
        // Shift+Backtab is what Qt reports for Shift+Tab on some platforms; listing it twice
        // would only confuse the reader.
        if (k == QKeySequence(Qt::SHIFT | Qt::Key_Backtab))
            continue;
        parts << k.toString(format);
    }
    return parts.join(QStringLiteral(", "));
}

namespace {
QString plainText(const QString &menuText)
{
    QString s = menuText;
    s.remove(QRegularExpression(QStringLiteral("&(?!&)")));
    if (s.endsWith(QLatin1String("...")))
        s.chop(3);
    return s;
}
} // namespace

QString actionName(const ShortcutEntry &entry)
{
    return plainText(entry.text);
}

void applyShortcut(QAction *action, ShortcutId id)
{
    const ShortcutEntry &e = shortcut(id);
    action->setObjectName(e.key);
    action->setShortcuts(e.keys);
    action->setShortcutContext(e.context == ShortcutContext::Canvas ? Qt::WidgetShortcut : Qt::WindowShortcut);
    const QString keysShown = keysText(e);
    action->setToolTip(keysShown.isEmpty() ? plainText(e.text)
                                           : QStringLiteral("%1 (%2)").arg(plainText(e.text), keysShown));
    action->setStatusTip(e.description);
    if (!e.iconName.isEmpty() && action->icon().isNull())
        action->setIcon(QIcon(QStringLiteral(":/icons/%1.svg").arg(e.iconName)));
}

QAction *createAction(ShortcutId id, QObject *parent)
{
    const ShortcutEntry &e = shortcut(id);
    Q_ASSERT_X(e.kind == ShortcutKind::Action, "createAction", "only Action rows make QActions");
    auto *action = new QAction(e.text, parent);
    applyShortcut(action, id);
    return action;
}

static bool contextsOverlap(ShortcutContext a, ShortcutContext b)
{
    if (a == ShortcutContext::Mouse || b == ShortcutContext::Mouse)
        return false;
    return a == ShortcutContext::Window || b == ShortcutContext::Window || a == b;
}

QList<ShortcutConflict> findShortcutConflicts(const QList<ShortcutEntry> &table)
{
    QList<ShortcutConflict> conflicts;
    for (qsizetype i = 0; i < table.size(); ++i) {
        for (qsizetype j = i; j < table.size(); ++j) {
            const ShortcutEntry &a = table[i];
            const ShortcutEntry &b = table[j];
            if (!contextsOverlap(a.context, b.context))
                continue;
            for (qsizetype ka = 0; ka < a.keys.size(); ++ka) {
                // Within one row, compare each key with the later ones only.
                for (qsizetype kb = (i == j ? ka + 1 : 0); kb < b.keys.size(); ++kb) {
                    if (a.keys[ka] == b.keys[kb])
                        conflicts.append({a.keys[ka], a.id, b.id});
                }
            }
        }
    }
    return conflicts;
}

QString shortcutsMarkdown()
{
    QString md;
    md += QStringLiteral("# Keyboard shortcuts\n\n");
    md += QStringLiteral(
        "Generated from the one shortcuts table, `ui/Shortcuts.cpp` (run `cropwise --shortcuts-markdown > "
        "docs/shortcuts.md` after changing it; `ShortcutsTest` fails while this file is out of date). "
        "The same list is in the app under **Help > Keyboard Shortcuts** (F1), searchable.\n\n"
        "Plain arrow keys nudge the selected crop, so images change with **Page Down / Page Up** or "
        "**Ctrl+Right / Ctrl+Left**. Keys marked *canvas* work while the photo has keyboard focus "
        "(click it). Reserved for coming features: **1-9** (label hotkeys), **A** / **R** (accept / reject "
        "a suggestion), **Space** (mark verified).\n");
    ShortcutCategory current = ShortcutCategory::Help;
    bool first = true;
    for (const ShortcutEntry &e : shortcutTable()) {
        if (first || e.category != current) {
            md += QStringLiteral("\n## %1\n\n| Keys | Action | What it does |\n|---|---|---|\n")
                      .arg(categoryName(e.category));
            current = e.category;
            first = false;
        }
        QString keyCell = keysText(e, QKeySequence::PortableText);
        keyCell.replace(QLatin1Char('|'), QLatin1String("\\|"));
        if (e.context == ShortcutContext::Canvas)
            keyCell += QStringLiteral(" *(canvas)*");
        md += QStringLiteral("| %1 | %2 | %3 |\n").arg(keyCell, plainText(e.text), e.description);
    }
    return md;
}

} // namespace cropwise
