#include "core/renditions/RenditionPresetStore.h"

#include "core/io/AtomicWrite.h"
#include "core/renditions/BuiltinRenditionSets.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>

#include <algorithm>

namespace cropwise {

namespace {

bool isBuiltinName(const QString &name)
{
    for (const QString &b : builtinRenditionSetNames()) {
        if (b.compare(name, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

// A file name for a set name: characters that are trouble in file names become "_".
QString fileNameForSet(const QString &name)
{
    QString out;
    for (const QChar c : name) {
        const bool safe = c.isLetterOrNumber() || c == QLatin1Char('-') || c == QLatin1Char('_')
            || c == QLatin1Char(' ') || c == QLatin1Char('.');
        out += safe ? c : QLatin1Char('_');
    }
    if (out.startsWith(QLatin1Char('.')))
        out[0] = QLatin1Char('_');
    return out + QStringLiteral(".json");
}

QStringList jsonFilesIn(const QString &folder)
{
    QDir dir(folder);
    QStringList files;
    for (const QString &name :
        dir.entryList({ QStringLiteral("*.json") }, QDir::Files | QDir::Readable, QDir::Name))
        files << dir.filePath(name);
    return files;
}

} // namespace

RenditionPresetStore::RenditionPresetStore()
    : m_folder(
        QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation) + QStringLiteral("/renditions"))
{
}

RenditionPresetStore::RenditionPresetStore(const QString &folder)
    : m_folder(folder)
{
}

RenditionPresetStore::LoadResult RenditionPresetStore::loadUserSets() const
{
    LoadResult result;
    for (const QString &path : jsonFilesIn(m_folder)) {
        const RenditionSetLookup read = readRenditionSetFile(path);
        if (!read.ok()) {
            result.errors << read.error;
            continue;
        }
        if (isBuiltinName(read.set.name)) {
            result.errors
                << QStringLiteral("%1: name: \"%2\" is a built-in set; rename it").arg(path, read.set.name);
            continue;
        }
        result.sets << read.set;
    }
    std::stable_sort(
        result.sets.begin(), result.sets.end(), [](const RenditionSet &a, const RenditionSet &b) {
            return a.name.compare(b.name, Qt::CaseInsensitive) < 0;
        });
    return result;
}

QString RenditionPresetStore::fileFor(const QString &setName) const
{
    for (const QString &path : jsonFilesIn(m_folder)) {
        const RenditionSetLookup read = readRenditionSetFile(path);
        if (read.ok() && read.set.name.compare(setName, Qt::CaseInsensitive) == 0)
            return path;
    }
    return {};
}

QString RenditionPresetStore::save(const RenditionSet &set) const
{
    if (const QString problem = validateRenditionSet(set); !problem.isEmpty())
        return QStringLiteral("The preset set cannot be saved: %1.").arg(problem);
    if (isBuiltinName(set.name))
        return QStringLiteral("\"%1\" is the name of a built-in set; choose another name.").arg(set.name);
    if (!QDir().mkpath(m_folder))
        return QStringLiteral("The folder %1 cannot be created.").arg(m_folder);
    QString path = fileFor(set.name);
    if (path.isEmpty()) {
        path = QDir(m_folder).filePath(fileNameForSet(set.name));
        // Another set's file may already have that name (names that differ only in replaced characters).
        for (int n = 2; QFileInfo::exists(path); ++n)
            path = QDir(m_folder).filePath(
                fileNameForSet(set.name).chopped(5) + QStringLiteral("-%1.json").arg(n));
    }
    const QString error = writeFileAtomically(path, toRenditionSetJson(set), OverwritePolicy::Replace);
    return error.isEmpty() ? QString() : QStringLiteral("%1 cannot be written: %2.").arg(path, error);
}

QString RenditionPresetStore::remove(const QString &name) const
{
    const QString path = fileFor(name);
    if (path.isEmpty())
        return QStringLiteral("There is no user preset set called \"%1\".").arg(name);
    QFile file(path);
    return file.remove() ? QString()
                         : QStringLiteral("%1 cannot be deleted: %2.").arg(path, file.errorString());
}

QList<RenditionSet> availableRenditionSets(const RenditionPresetStore &store, QStringList *errors)
{
    QList<RenditionSet> sets = builtinRenditionSets();
    const RenditionPresetStore::LoadResult user = store.loadUserSets();
    sets << user.sets;
    if (errors)
        *errors = user.errors;
    return sets;
}

RenditionSetLookup readRenditionSetFile(const QString &path)
{
    RenditionSetLookup result;
    result.origin = QStringLiteral("file %1").arg(path);
    QFile file(path);
    if (QFileInfo(path).isDir()) {
        result.error = QStringLiteral("%1: is a folder, not a preset file").arg(path);
        return result;
    }
    if (!file.open(QIODevice::ReadOnly)) {
        result.error = QStringLiteral("%1: cannot be read (%2)").arg(path, file.errorString());
        return result;
    }
    // A preset file is small; anything huge is not one (and must not be read into memory).
    if (file.size() > 1024 * 1024) {
        result.error = QStringLiteral("%1: too large for a preset file (over 1 MB)").arg(path);
        return result;
    }
    const RenditionSetParseResult parsed = parseRenditionSet(file.readAll(), path);
    result.set = parsed.set;
    result.error = parsed.error;
    return result;
}

RenditionSetLookup findRenditionSet(const QString &fileOrName, const RenditionPresetStore &store)
{
    const bool looksLikeFile = fileOrName.endsWith(QLatin1String(".json"), Qt::CaseInsensitive)
        || fileOrName.contains(QLatin1Char('/'));
    if (looksLikeFile)
        return readRenditionSetFile(fileOrName);

    QStringList names;
    for (const RenditionSet &set : builtinRenditionSets()) {
        if (set.name.compare(fileOrName, Qt::CaseInsensitive) == 0)
            return { set, QStringLiteral("built-in set %1").arg(set.name), {} };
        names << set.name;
    }
    const RenditionPresetStore::LoadResult user = store.loadUserSets();
    for (const RenditionSet &set : user.sets) {
        if (set.name.compare(fileOrName, Qt::CaseInsensitive) == 0)
            return { set, QStringLiteral("user set %1 (%2)").arg(set.name, store.fileFor(set.name)), {} };
        names << set.name;
    }
    if (QFileInfo(fileOrName).isFile())
        return readRenditionSetFile(fileOrName);
    RenditionSetLookup result;
    result.error = QStringLiteral("no preset set called \"%1\" (sets: %2; user sets are read from %3)")
                       .arg(fileOrName, names.join(QStringLiteral(", ")), store.folder());
    if (!user.errors.isEmpty())
        result.error
            += QStringLiteral("; unreadable user preset files: ") + user.errors.join(QStringLiteral("; "));
    return result;
}

} // namespace cropwise
