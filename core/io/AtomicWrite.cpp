#include "core/io/AtomicWrite.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QSaveFile>

#include <cerrno>

#ifdef Q_OS_UNIX
#include <cstdio> // renameat2 (glibc >= 2.28)
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#endif

namespace cropwise {

namespace {

QString reasonFromErrno(int code, const QString &fallback)
{
    switch (code) {
    case ENOSPC:
        return QStringLiteral("no space left on device");
#ifdef EDQUOT
    case EDQUOT:
        return QStringLiteral("disk quota exceeded");
#endif
    case EACCES:
    case EPERM:
        return QStringLiteral("permission denied");
    case EROFS:
        return QStringLiteral("read-only file system");
    case ENOENT:
        return QStringLiteral("folder does not exist");
    case ENOTDIR:
        return QStringLiteral("a part of the path is not a folder");
    case ENAMETOOLONG:
        return QStringLiteral("file name too long");
    case EISDIR:
        return QStringLiteral("is a folder");
    case EEXIST:
        return QStringLiteral("already exists (not overwritten)");
    case EIO:
        return QStringLiteral("input/output error");
    default:
        return fallback;
    }
}

// A missing folder is reported as such; a regular file where a folder should be gets its own words.
QString folderProblem(const QString &folder)
{
    const QFileInfo dir(folder);
    if (dir.isDir())
        return {};
    if (dir.exists())
        return QStringLiteral("a part of the path is not a folder");
    for (QFileInfo up(dir.absolutePath()); !up.isRoot() && up.absoluteFilePath() != dir.absoluteFilePath();
         up = QFileInfo(up.absolutePath())) {
        if (up.exists())
            return up.isDir() ? QStringLiteral("folder does not exist")
                              : QStringLiteral("a part of the path is not a folder");
    }
    return QStringLiteral("folder does not exist");
}

QString replaceAtomically(const QString &path, QByteArrayView data)
{
    QSaveFile file(path);
    errno = 0;
    if (!file.open(QIODevice::WriteOnly))
        return reasonFromErrno(errno, file.errorString());
    if (file.write(data.data(), data.size()) != data.size()) {
        const int code = errno;
        file.cancelWriting();
        return reasonFromErrno(code, file.errorString());
    }
    errno = 0;
    if (!file.commit()) // flushes, syncs to disk, then renames over the target
        return reasonFromErrno(errno, file.errorString());
    return {};
}

// Moves `from` to `to` unless `to` exists, atomically where the file system allows; 0 or an errno.
// (QFile::rename is not enough: when its rename fails it falls back to copying over the target.)
int renameNoReplace(const QString &from, const QString &to)
{
#ifdef Q_OS_UNIX
    const QByteArray src = QFile::encodeName(from);
    const QByteArray dst = QFile::encodeName(to);
#if defined(Q_OS_LINUX) && defined(RENAME_NOREPLACE)
    if (::renameat2(AT_FDCWD, src.constData(), AT_FDCWD, dst.constData(), RENAME_NOREPLACE) == 0)
        return 0;
    if (errno != EINVAL && errno != ENOSYS && errno != EOPNOTSUPP)
        return errno;
#endif
    // A hard link fails with EEXIST when the target exists: atomic, and the temporary name goes next.
    if (::link(src.constData(), dst.constData()) == 0) {
        ::unlink(src.constData());
        return 0;
    }
    if (errno != EPERM && errno != EOPNOTSUPP && errno != ENOSYS)
        return errno;
    // File systems without hard links (FAT, some network shares): check, then rename. The window
    // between the two is tiny, but it is not atomic.
    struct stat st;
    if (::lstat(dst.constData(), &st) == 0)
        return EEXIST;
    return ::rename(src.constData(), dst.constData()) == 0 ? 0 : errno;
#else
    return QFile::exists(to) ? EEXIST : (QFile::rename(from, to) ? 0 : EIO);
#endif
}

// Without replacing: write a uniquely named temporary file next to the target, sync it, then move
// it into place without ever replacing a file (renameNoReplace), so even a file that appears
// meanwhile survives.
QString createAtomically(const QString &path, QByteArrayView data)
{
    const QFileInfo target(path);
    QFile temp;
    for (int attempt = 0;; ++attempt) {
        temp.setFileName(target.absolutePath()
            + QStringLiteral("/.%1.%2.part")
                  .arg(target.fileName())
                  .arg(QRandomGenerator::global()->generate(), 8, 16, QLatin1Char('0')));
        errno = 0;
        // NewOnly = O_EXCL; permissions are the usual 0666 minus umask (QTemporaryFile would use 0600).
        if (temp.open(QIODevice::WriteOnly | QIODevice::NewOnly))
            break;
        if (errno != EEXIST || attempt >= 16)
            return reasonFromErrno(errno, temp.errorString());
    }
    const auto fail = [&temp](int code) {
        const QString reason = reasonFromErrno(code, temp.errorString());
        temp.close();
        temp.remove();
        return reason;
    };
    errno = 0;
    if (temp.write(data.data(), data.size()) != data.size() || !temp.flush())
        return fail(errno);
#ifdef Q_OS_UNIX
    errno = 0;
    if (::fsync(temp.handle()) != 0)
        return fail(errno);
#endif
    temp.close();
    if (temp.error() != QFileDevice::NoError)
        return fail(errno);
    if (const int code = renameNoReplace(temp.fileName(), path); code != 0) {
        QFile::remove(temp.fileName());
        return reasonFromErrno(code, QStringLiteral("cannot move the written file into place"));
    }
    return {};
}

} // namespace

QString writeFileAtomically(const QString &path, QByteArrayView data, OverwritePolicy overwrite)
{
    if (path.isEmpty())
        return QStringLiteral("no file name given");
    const QFileInfo target(path);
    if (target.fileName().isEmpty() || path.endsWith(QLatin1Char('/')))
        return QStringLiteral("is a folder");
    if (const QString problem = folderProblem(target.absolutePath()); !problem.isEmpty())
        return problem;
    if (target.isDir())
        return QStringLiteral("is a folder");
    const bool exists = target.exists() || target.isSymLink();
    if (exists && overwrite == OverwritePolicy::Refuse)
        return QStringLiteral("already exists (not overwritten)");
    return overwrite == OverwritePolicy::Replace ? replaceAtomically(path, data)
                                                 : createAtomically(path, data);
}

} // namespace cropwise
