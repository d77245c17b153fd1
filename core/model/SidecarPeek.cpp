#include "core/model/SidecarPeek.h"

#include <QFile>
#include <QFileInfo>

namespace cropwise {

namespace {

// Sidecars are a few KB; a file far larger is not one (and is not read into memory).
constexpr qint64 kMaxSidecarBytes = 64 * 1024 * 1024;

} // namespace

QString sidecarPathOf(const SidecarStore &store, const QString &imagePath)
{
    const QFileInfo beside(store.besideImage(imagePath).path);
    const QFileInfo perUser(store.inUserDataFolder(imagePath).path);
    if (beside.isFile() && perUser.isFile())
        return perUser.lastModified() > beside.lastModified() ? perUser.filePath() : beside.filePath();
    if (beside.isFile())
        return beside.filePath();
    if (perUser.isFile())
        return perUser.filePath();
    return {};
}

SidecarPeekResult peekSidecar(const SidecarStore &store, const QString &imagePath)
{
    const QString path = sidecarPathOf(store, imagePath);
    return path.isEmpty() ? SidecarPeekResult {} : peekSidecarFile(path);
}

SidecarPeekResult peekSidecarFile(const QString &sidecarPath)
{
    SidecarPeekResult result;
    result.sidecarPath = sidecarPath;
    QFile file(sidecarPath);
    if (file.size() > kMaxSidecarBytes) {
        result.error = QStringLiteral("too large to be a Cropwise sidecar");
        return result;
    }
    if (!file.open(QIODevice::ReadOnly)) {
        result.error = QStringLiteral("cannot be read (%1)").arg(file.errorString());
        return result;
    }
    const SidecarParseResult parsed = parseSidecarJson(file.readAll(), Size {});
    if (!parsed.ok()) {
        result.error = QStringLiteral("not a usable sidecar: it %1").arg(parsed.error);
        return result;
    }
    result.state = parsed.state;
    return result;
}

} // namespace cropwise
