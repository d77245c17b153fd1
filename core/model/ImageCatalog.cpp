#include "core/model/ImageCatalog.h"

#include <QCollator>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QSet>

#include <algorithm>
#include <filesystem>
#include <system_error>

namespace cropwise {

namespace fs = std::filesystem;

namespace {

fs::path toFsPath(const QString &path)
{
    return fs::path(QFile::encodeName(path).toStdString());
}

QString fromFsPath(const fs::path &path)
{
    return QFile::decodeName(QByteArray::fromStdString(path.string()));
}

QString reason(const std::error_code &ec)
{
    QString text = QString::fromLocal8Bit(ec.message());
    if (!text.isEmpty())
        text[0] = text[0].toLower();
    return text;
}

// Lists one folder; returns an error sentence when the folder itself cannot be listed.
QString listFolder(const QString &folder, FolderDepth depth, QStringList *images, QStringList *skipped)
{
    std::error_code ec;
    fs::directory_iterator it(toFsPath(folder), ec);
    if (ec)
        return QStringLiteral("The folder %1 cannot be read: %2.").arg(folder, reason(ec));
    QStringList subfolders;
    for (const fs::directory_iterator end; it != end; it.increment(ec)) {
        if (ec)
            return QStringLiteral("The folder %1 could not be read to the end: %2.").arg(folder, reason(ec));
        const fs::directory_entry &entry = *it;
        const QString name = fromFsPath(entry.path().filename());
        if (name.startsWith(QLatin1Char('.')))
            continue; // hidden (also ".", "..")
        std::error_code statusError;
        if (entry.is_directory(statusError)) {
            // Symlinked folders are not followed: they can loop or leave the tree.
            if (depth == FolderDepth::Recursive && !entry.is_symlink(statusError))
                subfolders.append(fromFsPath(entry.path()));
            continue;
        }
        if (entry.is_regular_file(statusError) && isImageFileName(name))
            images->append(fromFsPath(entry.path()));
    }
    for (const QString &sub : std::as_const(subfolders)) {
        const QString error = listFolder(sub, depth, images, skipped);
        if (!error.isEmpty())
            skipped->append(error); // one unreadable subfolder does not spoil the rest
    }
    return {};
}

} // namespace

QStringList imageFileExtensions()
{
    return { QStringLiteral("jpg"), QStringLiteral("jpeg"), QStringLiteral("jpe"), QStringLiteral("png"),
        QStringLiteral("webp"), QStringLiteral("tif"), QStringLiteral("tiff"), QStringLiteral("bmp") };
}

bool isImageFileName(const QString &fileName)
{
    static const QSet<QString> extensions = [] {
        const QStringList list = imageFileExtensions();
        return QSet<QString>(list.begin(), list.end());
    }();
    const QString name = QFileInfo(fileName).fileName();
    const qsizetype dot = name.lastIndexOf(QLatin1Char('.'));
    if (dot <= 0) // no extension, or a dot-file like ".jpg"
        return false;
    return extensions.contains(name.mid(dot + 1).toLower());
}

void sortNaturally(QStringList &paths)
{
    // Qt 6 compares plainly (no numeric mode, case-sensitive) under the C/POSIX locale, which is
    // what CLIs, CI and containers often run with; English collation gives the natural order there.
    const QLocale system = QLocale::system();
    QCollator collator(
        system.language() == QLocale::C ? QLocale(QLocale::English, QLocale::UnitedStates) : system);
    collator.setNumericMode(true);
    collator.setCaseSensitivity(Qt::CaseInsensitive);
    std::sort(paths.begin(), paths.end(), [&](const QString &a, const QString &b) {
        const int c = collator.compare(a, b);
        return c != 0 ? c < 0 : a < b;
    });
}

CatalogResult scanFolder(const QString &folder, FolderDepth depth)
{
    CatalogResult result;
    const QFileInfo info(folder);
    const QString shown
        = folder.isEmpty() ? QStringLiteral("\"\"") : QDir::cleanPath(info.absoluteFilePath());
    if (folder.isEmpty() || !info.exists()) {
        result.error = QStringLiteral("The folder %1 does not exist.").arg(shown);
        return result;
    }
    if (!info.isDir()) {
        result.error = QStringLiteral("%1 is not a folder.").arg(shown);
        return result;
    }
    result.error = listFolder(shown, depth, &result.imagePaths, &result.skipped);
    if (!result.error.isEmpty()) {
        result.imagePaths.clear();
        return result;
    }
    for (QString &p : result.imagePaths)
        p = QDir::cleanPath(p);
    sortNaturally(result.imagePaths);
    return result;
}

CatalogResult catalogFromFiles(const QStringList &paths)
{
    CatalogResult result;
    QSet<QString> seen;
    for (const QString &path : paths) {
        const QFileInfo info(path);
        const QString clean = QDir::cleanPath(info.absoluteFilePath());
        if (!info.exists()) {
            result.skipped.append(QStringLiteral("%1 does not exist.").arg(clean));
        } else if (info.isDir()) {
            result.skipped.append(QStringLiteral("%1 is a folder; open it as a folder.").arg(clean));
        } else if (!isImageFileName(clean)) {
            result.skipped.append(QStringLiteral("%1 is not an image Cropwise opens (%2).")
                                      .arg(clean, imageFileExtensions().join(QStringLiteral(", "))));
        } else if (!seen.contains(clean)) {
            seen.insert(clean);
            result.imagePaths.append(clean);
        }
    }
    sortNaturally(result.imagePaths);
    if (result.imagePaths.isEmpty())
        result.error = paths.isEmpty()
            ? QStringLiteral("No files were given.")
            : QStringLiteral("None of the given files is an image Cropwise opens.");
    return result;
}

} // namespace cropwise
