#pragma once

// The list of images of an opened folder or set of files, in natural order ("img2" before "img10",
// case-insensitive, QCollator numeric mode). Plain functions over the file system; no state.
// Thread: reentrant.

#include <QString>
#include <QStringList>

namespace cropwise {

enum class FolderDepth { TopLevel, Recursive };

struct CatalogResult
{
    QStringList imagePaths; // absolute, clean paths, naturally sorted
    // Non-empty when the folder itself cannot be listed: one sentence naming it, e.g.
    // "The folder /x/y does not exist." / "... cannot be read: permission denied."
    QString error;
    // Files given explicitly (catalogFromFiles) that were left out, one sentence each.
    QStringList skipped;
    bool ok() const { return error.isEmpty(); }
};

// Image file names by extension (jpg jpeg jpe png webp tif tiff bmp, any case). The content is checked
// later by the decoder (a PNG named .jpg is fine; a text file named .jpg gets the decoder's message).
bool isImageFileName(const QString &fileName);
QStringList imageFileExtensions(); // lower case, without dot; the one list (catalog, CLI, importers)

// Image files of folder: hidden files/folders (leading dot) skipped, sidecars and other non-image
// files ignored; subfolders only with FolderDepth::Recursive (symlinked folders not followed).
// An empty but readable folder is ok() with no paths.
CatalogResult scanFolder(const QString &folder, FolderDepth depth = FolderDepth::TopLevel);

// Files picked explicitly (file dialog, command line): folders, missing and non-image files are
// listed in skipped; the rest sorted naturally, duplicates removed. error is set only when no file
// is left.
CatalogResult catalogFromFiles(const QStringList &paths);

// Natural, case-insensitive order in the user's collation (English under the C locale); ties broken
// by plain comparison so the order is total.
void sortNaturally(QStringList &paths);

} // namespace cropwise
