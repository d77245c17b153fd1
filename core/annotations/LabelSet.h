#pragma once

// The labels (classes) of a project: name, colour, hotkey. The order is the class order of every
// exported dataset: class id = position (YOLO id = position, COCO category_id = position + 1), so
// ids stay the same from one export to the next as long as the set is not reordered or shrunk.
//
// Stored per folder as "cropwise-labels.json" (kLabelSetFileName) beside the images; the CLI reads
// it from the folders it exports, the GUI edits it. Format: docs/datasets.md ("Label set").
//
// Invariants kept by every editing function (which return an empty string on success, else a short
// reason, and change nothing on failure): names are trimmed, non-empty, without control characters,
// at most kMaxLabelNameLength characters and unique ignoring case; colours are "#rrggbb" (lower
// case); hotkeys are 1..9 or 0 (none) and unique among the labels.
// Thread: a plain value; not shared.

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace cropwise {

inline constexpr auto kLabelSetFileName = "cropwise-labels.json";
inline constexpr auto kLabelSetFormatName = "cropwise.labels";
inline constexpr int kLabelSetVersion = 1;
inline constexpr int kMaxLabelNameLength = 200;

struct Label
{
    QString name;
    QString colour; // "#rrggbb"
    int hotkey = 0; // 1..9 = number key, 0 = none

    friend bool operator==(const Label &, const Label &) = default;
};

struct LabelSetLoadResult;

class LabelSet
{
public:
    LabelSet() = default;
    // Labels with the given names in that order, palette colours and hotkeys 1..9 for the first
    // nine. Names that are invalid or repeated are skipped (see add()).
    static LabelSet fromNames(const QStringList &names);

    const QList<Label> &labels() const { return m_labels; }
    QStringList names() const;
    int size() const { return int(m_labels.size()); }
    bool isEmpty() const { return m_labels.isEmpty(); }

    // The class id (position) of name, matched exactly (case-sensitive) after trimming; -1 when absent.
    int idOf(const QString &name) const;
    std::optional<Label> label(const QString &name) const;
    // The label bound to number key 1..9; nullopt when none (or key out of range).
    std::optional<Label> labelForHotkey(int hotkey) const;

    // Appends a label. An empty colour picks the first palette colour not yet used; hotkey -1 picks
    // the smallest free key 1..9 (0 when all are taken), 0 means none, 1..9 must be free.
    QString add(const QString &name, const QString &colour = {}, int hotkey = -1);
    // Crops and boxes keep the old name: the caller relabels them (the GUI does it in one undo step).
    QString rename(const QString &name, const QString &newName);
    QString remove(const QString &name); // later labels move up one id
    QString setColour(const QString &name, const QString &colour);
    // Binds key 1..9 to name (the label that had the key loses it) or 0 to unbind.
    QString setHotkey(const QString &name, int hotkey);
    // Moves the label to position newIndex (clamped); changes class ids, so datasets exported
    // before and after differ in their ids.
    QString move(const QString &name, int newIndex);

    // Appends the names not yet in the set (auto colour and hotkey) and returns them; for labels
    // met in crops or imported boxes. Invalid names are left out.
    QStringList addMissing(const QStringList &names);

    // JSON text (deterministic) and its parser. fileName only names the file in messages.
    QByteArray toJson() const;
    static LabelSetLoadResult fromJson(const QByteArray &json, const QString &fileName);

    // Reads path; a missing file gives an empty set and no error.
    static LabelSetLoadResult load(const QString &path);
    // Writes atomically, replacing an existing file. Empty string on success, else a sentence
    // naming the path.
    QString save(const QString &path) const;
    // folder + "/cropwise-labels.json"
    static QString pathInFolder(const QString &folder);

    // "" when name is acceptable as a label name (after trimming), else why not.
    static QString checkName(const QString &name);
    // "#rrggbb" in lower case; nullopt when colour is not #rgb / #rrggbb hex.
    static std::optional<QString> normalisedColour(const QString &colour);

    friend bool operator==(const LabelSet &, const LabelSet &) = default;

private:
    int indexOf(const QString &name) const;
    int indexOfIgnoringCase(const QString &name) const;
    QString nextColour() const;
    int nextHotkey() const;

    QList<Label> m_labels;
};

struct LabelSetLoadResult
{
    LabelSet labels;
    QString error; // the file is unusable (not JSON, not a label set, newer version); a sentence
    QStringList warnings; // entries skipped, "file:labels[2].name: ..." each
    bool ok() const { return error.isEmpty(); }
};

} // namespace cropwise
