#pragma once

// Where rendition sets come from: the built-in ones (BuiltinRenditionSets.h), the user's own (one
// JSON file per set in <AppConfigLocation>/renditions/, edited in the app and saved here), and any
// preset file given by path (`cropwise-cli export --preset my-presets.json`).
// Built-in names are reserved: a user set cannot be called "social", so a name means one set.
// Thread: reentrant (plain file reads and atomic writes); the store itself is a value.

#include "core/renditions/Rendition.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace cropwise {

class RenditionPresetStore
{
public:
    // <QStandardPaths::AppConfigLocation>/renditions; the GUI and the CLI share it because both set
    // the same organisation and application names (app/gui_main.cpp, app/cli_main.cpp).
    RenditionPresetStore();
    explicit RenditionPresetStore(const QString &folder); // tests, portable setups

    QString folder() const { return m_folder; }

    struct LoadResult
    {
        QList<RenditionSet> sets; // sorted by name (case-insensitive)
        QStringList errors; // one per unusable file, naming it and the field (parseRenditionSet)
    };
    // Every *.json in the folder; a missing folder is simply no user sets.
    LoadResult loadUserSets() const;

    // Writes the set atomically to the folder (created if needed) as <name>.json, replacing the file
    // that held a set of the same name (case-insensitive). Refused for an invalid set or a built-in
    // name. Returns an empty string on success, else a sentence naming the problem.
    QString save(const RenditionSet &set) const;
    // Deletes the user's set of that name; an error when there is none.
    QString remove(const QString &name) const;

    // The existing file holding the user's set of that name (case-insensitive); empty when none.
    QString fileFor(const QString &setName) const;

private:
    QString m_folder;
};

// Built-in then user sets (the GUI's preset list). errors: user files that could not be read.
QList<RenditionSet> availableRenditionSets(const RenditionPresetStore &store, QStringList *errors = nullptr);

struct RenditionSetLookup
{
    RenditionSet set;
    QString
        origin; // "built-in set social", "user set mine (/home/u/.config/.../mine.json)", "file presets.json"
    QString error; // what went wrong, naming the file and field; empty when ok
    bool ok() const { return error.isEmpty(); }
};

// `--preset FILE|NAME`: a value ending in ".json" or containing a "/" is a file; anything else is
// a set name (built-in first, then the user's; case-insensitive), or else a file of that name if one
// exists. An unknown name lists the names there are.
RenditionSetLookup findRenditionSet(const QString &fileOrName, const RenditionPresetStore &store);

// Reads and parses a preset file; the error names the path as given.
RenditionSetLookup readRenditionSetFile(const QString &path);

} // namespace cropwise
