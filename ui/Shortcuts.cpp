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
    return { id, QString::fromLatin1(key), category, context, ShortcutKind::Action, tr(text), tr(description),
        std::move(sequences), QString(), QString::fromLatin1(icon) };
}

ShortcutEntry canvasKey(
    ShortcutId id, const char *key, const char *text, const char *description, QList<QKeySequence> sequences)
{
    return { id, QString::fromLatin1(key), ShortcutCategory::Crop, ShortcutContext::Canvas,
        ShortcutKind::CanvasKey, tr(text), tr(description), std::move(sequences), QString(), QString() };
}

ShortcutEntry gesture(ShortcutId id, const char *key, const char *text, const char *gestureText)
{
    return { id, QString::fromLatin1(key), ShortcutCategory::Mouse, ShortcutContext::Mouse,
        ShortcutKind::Gesture, tr(text), tr(text), {}, tr(gestureText), QString() };
}

QList<ShortcutEntry> buildTable()
{
    using C = ShortcutCategory;
    using I = ShortcutId;
    QList<ShortcutEntry> t;
    // File
    t << action(I::OpenFiles, "file.open", C::File, "&Open Images...", "Open one or more image files",
        keys({ "Ctrl+O" }), "document-open")
      << action(I::OpenFolder, "file.openFolder", C::File, "Open &Folder...",
             "Open every image of a folder in the filmstrip", keys({ "Ctrl+Shift+O" }), "folder-open")
      << action(I::ExportCrops, "file.export", C::File, "&Export Crops...",
             "Export the chosen crops as JPEG or PNG files", keys({ "Ctrl+E" }), "export")
      << action(I::ExportRenditions, "file.exportRenditions", C::File, "Export &Renditions...",
             "Export every rendition of the chosen preset set (e.g. social: 1080x1080, 1080x1350, "
             "1920x1080, 1080x1920) for this image or all images", keys({ "Ctrl+Alt+E" }), "export")
      << action(I::Quit, "file.quit", C::File, "&Quit", "Save the session and quit", keys({ "Ctrl+Q" }));
    // Edit. Undo/redo actions come from QUndoGroup; their keys come from here.
    t << action(I::Undo, "edit.undo", C::Edit, "&Undo", "Undo the last change to this image",
        keys({ "Ctrl+Z" }), "edit-undo")
      << action(I::Redo, "edit.redo", C::Edit, "&Redo", "Redo the change just undone",
             keys({ "Ctrl+Shift+Z", "Ctrl+Y" }), "edit-redo")
      << action(I::CopyCrop, "edit.copyCrop", C::Edit, "&Copy Crop",
             "Copy the selected crop (all crops when none is selected) to paste onto other images",
             keys({ "Ctrl+C" }), "edit-copy")
      << action(I::PasteCrop, "edit.pasteCrop", C::Edit, "&Paste Crop to Selected Images",
             "Paste the copied crop onto the other images selected in the filmstrip (or onto this "
             "one), scaled to each image with its aspect kept; one undo step per image",
             keys({ "Ctrl+V" }), "edit-paste")
      << action(I::AddCrop, "edit.addCrop", C::Edit, "&New Crop",
             "Add a new crop in the middle of the image, with the current aspect", keys({ "Ctrl+N" }),
             "crop-add")
      << action(I::DeleteCrop, "edit.deleteCrop", C::Edit, "&Delete Crop", "Delete the selected crop",
             keys({ "Del", "Backspace" }), "edit-delete")
      << action(I::RenameCrop, "edit.renameCrop", C::Edit, "&Rename Crop...",
             "Edit the name of the selected crop in the crops panel", keys({ "F2" }))
      << action(I::NextCrop, "edit.nextCrop", C::Edit, "Select Ne&xt Crop",
             "Select the next crop of this image (canvas focused)", keys({ "Tab" }), "",
             ShortcutContext::Canvas)
      << action(I::PreviousCrop, "edit.previousCrop", C::Edit, "Select Pre&vious Crop",
             "Select the previous crop of this image (canvas focused)",
             keys({ "Shift+Tab", "Shift+Backtab" }), "", ShortcutContext::Canvas);
    // Crop: keys the canvas handles itself, then actions.
    t << canvasKey(I::NudgeCrop, "crop.nudge", "Nudge Crop", "Move the selected crop by 1 pixel",
        keys({ "Left", "Right", "Up", "Down" }))
      << canvasKey(I::NudgeCropFar, "crop.nudgeFar", "Nudge Crop 10 px",
             "Move the selected crop by 10 pixels",
             keys({ "Shift+Left", "Shift+Right", "Shift+Up", "Shift+Down" }))
      << canvasKey(I::CancelDrag, "crop.cancelDrag", "Cancel Drag",
             "Cancel the drag in progress; the crop goes back to where it was", keys({ "Esc" }))
      << action(I::LockAspect, "crop.lockAspect", C::Crop, "&Lock Aspect Ratio",
             "Keep the chosen aspect ratio while resizing", keys({ "L" }), "lock")
      << action(I::SwapOrientation, "crop.swapOrientation", C::Crop, "S&wap Orientation",
             "Swap the aspect between landscape and portrait (4:5 <-> 5:4)", keys({ "X" }), "swap")
      << action(I::CustomAspect, "crop.customAspect", C::Crop, "&Custom Aspect...",
             "Type an aspect ratio such as 7:5", keys({ "Ctrl+Shift+A" }));
    // Image
    t << action(I::RotateLeft, "image.rotateLeft", C::Image, "Rotate &Left",
        "Rotate the image 90 degrees counter-clockwise; crops follow", keys({ "[" }), "rotate-left")
      << action(I::RotateRight, "image.rotateRight", C::Image, "Rotate &Right",
             "Rotate the image 90 degrees clockwise; crops follow", keys({ "]" }), "rotate-right")
      << action(I::FlipHorizontal, "image.flipHorizontal", C::Image, "Flip &Horizontally",
             "Mirror the image left to right; crops follow", keys({ "H" }), "flip-horizontal")
      << action(I::FlipVertical, "image.flipVertical", C::Image, "Flip &Vertically",
             "Mirror the image top to bottom; crops follow", keys({ "V" }), "flip-vertical");
    // Navigate. Plain arrows nudge the crop, so images move with Page keys or Ctrl+arrows.
    t << action(I::NextImage, "nav.nextImage", C::Navigate, "&Next Image", "Go to the next image",
        keys({ "PgDown", "Ctrl+Right" }), "go-next")
      << action(I::PreviousImage, "nav.previousImage", C::Navigate, "&Previous Image",
             "Go to the previous image", keys({ "PgUp", "Ctrl+Left" }), "go-previous")
      << action(I::FirstImage, "nav.firstImage", C::Navigate, "&First Image", "Go to the first image",
             keys({ "Ctrl+Home" }))
      << action(I::LastImage, "nav.lastImage", C::Navigate, "&Last Image", "Go to the last image",
             keys({ "Ctrl+End" }));
    // View
    t << action(I::CycleGuides, "view.cycleGuides", C::View, "&Cycle Guides",
        "Cycle the composition guides: thirds, grid, golden, diagonals, none", keys({ "O" }), "guides")
      << action(I::ZoomFit, "view.zoomFit", C::View, "Zoom to &Fit", "Fit the whole image in the window",
             keys({ "Ctrl+0" }), "zoom-fit")
      << action(I::Zoom100, "view.zoom100", C::View, "&Actual Pixels (100%)",
             "One image pixel per screen pixel", keys({ "Ctrl+1" }), "zoom-100")
      << action(I::ZoomIn, "view.zoomIn", C::View, "Zoom &In", "Zoom in", keys({ "Ctrl++", "Ctrl+=" }),
             "zoom-in")
      << action(I::ZoomOut, "view.zoomOut", C::View, "Zoom &Out", "Zoom out", keys({ "Ctrl+-" }), "zoom-out")
      << action(I::FullScreen, "view.fullScreen", C::View, "F&ull Screen", "Toggle full screen",
             keys({ "F11" }))
      << action(I::ShowRenditions, "view.renditions", C::View, "&Renditions Panel",
             "Show or hide the Renditions panel: every output size of this photo side by side, "
             "each with its own crop", keys({ "Ctrl+Shift+R" }));
    // Labels (ui/labels/). Plain digits: a focused text field or spin box still takes them as text.
    for (int n = 1; n <= 9; ++n) {
        const QByteArray key = "labels.hotkey" + QByteArray::number(n);
        const QByteArray text = "Label &" + QByteArray::number(n);
        const QByteArray portable = QByteArray::number(n);
        t << action(ShortcutId(int(I::LabelHotkey1) + n - 1), key.constData(), C::Labels, text.constData(),
            "Give the selected crop the label bound to this number (none selected: the label of new crops)",
            keys({ portable.constData() }));
    }
    // Space: the canvas claims it (hold + drag pans); a tap without a drag triggers this action.
    t << action(I::ToggleVerified, "labels.toggleVerified", C::Labels, "Mark Image &Verified",
        "Mark this image's labels as checked, or unmark it (tap Space; Space + drag still pans)",
        keys({ "Space" }))
      << action(I::ToggleObjectBoxes, "labels.toggleBoxes", C::Labels, "Show &Object Boxes",
             "Show or hide the imported object boxes on the photo", keys({ "B" }))
      << action(I::ImportObjectBoxes, "labels.importBoxes", C::Labels, "&Import Object Boxes...",
             "Import object boxes for the open folder from COCO JSON, Pascal VOC XML or YOLO txt",
             keys({ "Ctrl+I" }))
      << action(I::ExportDataset, "labels.exportDataset", C::Labels, "Export &Dataset...",
             "Export the labelled crops as a COCO, VOC, YOLO, CSV or folder-per-label dataset",
             keys({ "Ctrl+Shift+E" }));
    // Review of automatic suggestions (ui/review/)
    t << action(I::SuggestImage, "review.suggestImage", C::Review, "&Suggest Crops for This Image",
        "Propose crops for this photo in the background (one per aspect, with alternatives)", keys({ "S" }))
      << action(I::SuggestFolder, "review.suggestFolder", C::Review, "Suggest Crops for &All Images",
             "Propose crops for every image in the filmstrip in the background; unchanged images "
             "reuse their stored suggestions",
             keys({ "Shift+S" }))
      << action(I::AcceptSuggestion, "review.accept", C::Review, "&Accept Suggestion",
             "Accept the selected suggested crop (or the first pending one) and go to the next",
             keys({ "A" }))
      << action(I::RejectSuggestion, "review.reject", C::Review, "&Reject Suggestion",
             "Reject the selected suggested crop (kept, not exported) and go to the next", keys({ "R" }))
      << action(I::RestoreSuggestion, "review.restore", C::Review, "Res&tore Suggestion",
             "Put the selected crop back where the suggester proposed it, pending again", keys({ "Shift+R" }))
      << action(I::AcceptAllSuggestions, "review.acceptAll", C::Review, "Accept All &Pending in This Image",
             "Accept every pending suggestion of this image in one step", keys({ "Shift+A" }))
      << action(I::NextSuggestion, "review.nextSuggestion", C::Review, "&Next Pending Suggestion",
             "Select the next suggestion still to review, moving on to the next image when this one "
             "is done",
             keys({ "N" }))
      << action(I::PreviousSuggestion, "review.previousSuggestion", C::Review, "Pre&vious Pending Suggestion",
             "Select the previous suggestion still to review, in this image or an earlier one",
             keys({ "Shift+N" }))
      << action(I::NextAlternative, "review.nextAlternative", C::Review, "Ne&xt Alternative",
             "Show the next of the top alternatives for the selected suggestion's aspect", keys({ "C" }))
      << action(I::PreviousAlternative, "review.previousAlternative", C::Review, "Previous A&lternative",
             "Show the previous alternative for the selected suggestion's aspect", keys({ "Shift+C" }))
      << action(I::MustIncludeArea, "review.mustInclude", C::Review, "&Must Include This Area",
             "Every suggestion must keep the selected crop's area whole (draw a box, press M); "
             "suggestions are recomputed at once",
             keys({ "M" }))
      << action(I::ClearMustInclude, "review.clearMustInclude", C::Review, "&Clear Must-Include Areas",
             "Remove this image's must-include areas and pinned faces; suggestions are recomputed",
             keys({ "Shift+M" }))
      << action(I::ToggleFaces, "review.toggleFaces", C::Review, "Show &Faces",
             "Show or hide the detected faces (right-click a face to pin it)", keys({ "F" }))
      << action(I::ToggleHeatMap, "review.toggleHeatMap", C::Review, "Show &Importance Heat Map",
             "Show or hide what the suggester finds important in the photo", keys({ "I" }))
      << action(I::ShowReviewMetrics, "review.metrics", C::Review, "Review &Metrics...",
             "Accepted, edited and rejected suggestions and the mean IoU, per suggester version",
             keys({ "Ctrl+Shift+M" }));
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
        "Show this list of shortcuts", keys({ "F1", "Ctrl+/" }), "help");
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
    const auto it
        = std::find_if(table.begin(), table.end(), [id](const ShortcutEntry &e) { return e.id == id; });
    Q_ASSERT_X(it != table.end(), "shortcut", "ShortcutId missing from the shortcuts table");
    return *it;
}

QString categoryName(ShortcutCategory category)
{
    switch (category) {
    case ShortcutCategory::File:
        return tr("File");
    case ShortcutCategory::Edit:
        return tr("Edit");
    case ShortcutCategory::Crop:
        return tr("Crop");
    case ShortcutCategory::Image:
        return tr("Image");
    case ShortcutCategory::Navigate:
        return tr("Navigate");
    case ShortcutCategory::View:
        return tr("View");
    case ShortcutCategory::Labels:
        return tr("Labels");
    case ShortcutCategory::Review:
        return tr("Review");
    case ShortcutCategory::Mouse:
        return tr("Mouse");
    case ShortcutCategory::Help:
        return tr("Help");
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
    action->setShortcutContext(
        e.context == ShortcutContext::Canvas ? Qt::WidgetShortcut : Qt::WindowShortcut);
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
                        conflicts.append({ a.keys[ka], a.id, b.id });
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
        "(click it). Suggestions are reviewed with **A** / **R** (accept / reject), **N** (next pending) "
        "and **C** (next alternative). **Space** tapped on the photo marks the image verified; held while "
        "dragging it pans.\n");
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
