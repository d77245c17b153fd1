#pragma once

// The session sidecar: one small versioned JSON file per image holding its ImageState.
// Format, names, places, versioning and the broken-file policy: docs/sidecar.md.
//
// Places: beside the image as "<image file name>.cropwise.json" (photo.jpg -> photo.jpg.cropwise.json);
// when the image's folder is not writable, in the per-user data folder as
// "<AppDataLocation>/sidecars/<sha1 hex of the absolute image path>.json". Reading looks beside the
// image first, then in the per-user folder.
//
// Broken files (not JSON, not a cropwise sidecar, a newer format version) are renamed aside to
// "<sidecar name>.broken-<yyyyMMdd-HHmmss>" and never overwritten or deleted; write() also refuses
// to replace any existing file that is not a sidecar this version understands.
//
// Thread: SidecarStore is a value; read()/write() are reentrant (different images from different
// threads are fine; the same image from two threads at once is not).

#include "core/geometry/Rect.h"
#include "core/model/ImageState.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace cropwise {

inline constexpr int kSidecarVersion = 1; // bumped only for changes an older reader would misread
inline constexpr auto kSidecarFormatName = "cropwise.sidecar";
inline constexpr auto kSidecarSuffix = ".cropwise.json";

// What the sidecar records about the image file, to notice a replaced file.
struct SidecarImageInfo
{
    QString fileName; // without folder
    // Absolute path; recorded only in the per-user folder, where the file name cannot tell which
    // image a sidecar belongs to.
    QString absolutePath;
    Size orientedSize; // EXIF orientation applied, user turn NOT applied
    qint64 fileSize = -1;
    QDateTime modified; // UTC; invalid when unknown
    friend bool operator==(const SidecarImageInfo &, const SidecarImageInfo &) = default;
};

enum class SidecarPlace { BesideImage, UserDataFolder };

struct SidecarLocation
{
    QString path;
    SidecarPlace place = SidecarPlace::BesideImage;
};

struct SidecarReadResult
{
    enum class Status {
        NotFound, // no sidecar in either place: default state
        Loaded, // state holds what was stored (repaired where needed, see warnings)
        Broken, // the only sidecar found is unusable; kept aside (see error); state is the default
    };
    Status status = Status::NotFound;
    ImageState state;
    SidecarLocation location; // the file loaded (Loaded) or found broken (Broken)
    SidecarImageInfo recordedImage; // Loaded: as recorded in the file
    // Non-empty whenever a broken sidecar was found, even when the other place then gave a Loaded
    // state. One sentence per broken file saying what is wrong and where the file now is, e.g.
    // "The sidecar /a/photo.jpg.cropwise.json is not valid JSON (...). It was kept as
    //  /a/photo.jpg.cropwise.json.broken-20250101-120000. The image opens without saved crops."
    QString error;
    QString keptAsidePath; // the new name of the broken file; empty when it stayed in place (error says why)
    // Loaded: repairs and notices, one sentence each (dropped crops, new ids, image size changed...).
    QStringList warnings;
};

struct SidecarWriteResult
{
    SidecarLocation location; // where it was written (or attempted)
    QString error; // empty on success; a sentence naming the path otherwise
    bool ok() const { return error.isEmpty(); }
};

class SidecarStore
{
public:
    using FolderCheck = std::function<bool(const QString &folderPath)>;

    // Per-user folder QStandardPaths::AppDataLocation + "/sidecars"; a folder counts as writable
    // when QFileInfo says so (a failing write beside the image still falls back, see write()).
    SidecarStore();
    // For tests and the CLI: explicit per-user folder and writability check.
    SidecarStore(const QString &userDataFolder, FolderCheck isFolderWritable);

    QString userDataFolder() const { return m_userDataFolder; }
    SidecarLocation besideImage(const QString &imagePath) const;
    SidecarLocation inUserDataFolder(const QString &imagePath) const;
    // Where write() will try first: beside the image when its folder is writable, else per-user.
    SidecarLocation preferredLocation(const QString &imagePath) const;
    // The existing sidecar read() would look at first, if any.
    std::optional<SidecarLocation> existingSidecar(const QString &imagePath) const;

    // orientedSize: the image's current size (EXIF orientation applied) to validate crops against;
    // pass an empty Size when unknown (the recorded size is used then). Crops outside the image are
    // dropped and reported; a recorded size different from orientedSize is reported (file replaced?)
    // and the crops that still fit are kept unchanged.
    // When both places hold a usable sidecar (the folder's writability changed between saves), the
    // more recently modified file wins (beside the image on a tie) and a warning says so.
    SidecarReadResult read(const QString &imagePath, Size orientedSize) const;

    // Writes atomically (QSaveFile, commit checked) at preferredLocation(); if that folder turns out
    // not to accept the file, at the per-user place. Writes even a default state (so deletions
    // persist); callers that must not create files for untouched images check isDefault() and
    // existingSidecar() first (the Autosaver does).
    SidecarWriteResult write(const QString &imagePath, Size orientedSize, const ImageState &state) const;

private:
    QString m_userDataFolder;
    FolderCheck m_isFolderWritable;
};

// The JSON text itself, exposed for tests and the CLI. toSidecarJson is deterministic (indented,
// stable key order from QJsonDocument).
QByteArray toSidecarJson(const ImageState &state, const SidecarImageInfo &image);

struct SidecarParseResult
{
    ImageState state;
    SidecarImageInfo recordedImage;
    int version = 0;
    QString error; // non-empty: the file is unusable (to be kept aside)
    QStringList warnings; // repairs made (dropped crops, new ids, size mismatch)
    bool ok() const { return error.isEmpty(); }
};
// Validates crops against currentOrientedSize (or the recorded size when empty), after the stored
// user turn.
SidecarParseResult parseSidecarJson(const QByteArray &json, Size currentOrientedSize);

// Convenience with the default SidecarStore.
SidecarReadResult readSidecar(const QString &imagePath, Size orientedSize);
SidecarWriteResult writeSidecar(const QString &imagePath, Size orientedSize, const ImageState &state);

} // namespace cropwise
