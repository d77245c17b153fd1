#include "core/suggest/HogScanBackend.h"

#include <QCoreApplication>
#include <QDir>
#include <QLibrary>
#include <QStringList>

namespace cropwise::detail {

namespace {

bool cpuHasAvx2Fma()
{
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
    return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
#else
    return false;
#endif
}

QStringList moduleCandidates()
{
    QStringList paths;
#ifdef CROPWISE_HOG_MODULE_NAME
    const QString name = QStringLiteral(CROPWISE_HOG_MODULE_NAME);
    if (QCoreApplication::instance()) {
        // The build tree puts it beside the executables; an install (moved or not) under lib/.
        const QDir appDir(QCoreApplication::applicationDirPath());
        paths << appDir.filePath(name) << appDir.filePath(QStringLiteral(CROPWISE_HOG_MODULE_FROM_BINDIR));
    }
    paths << QStringLiteral(CROPWISE_HOG_MODULE_INSTALLED) << QStringLiteral(CROPWISE_HOG_MODULE_BUILT);
#endif
    return paths;
}

CropwiseHogScanFn loadAvx2()
{
    if (!cpuHasAvx2Fma())
        return nullptr;
    for (const QString &path : moduleCandidates()) {
        // Never unloaded: the function pointer lives as long as the process.
        QLibrary library(path);
        if (!library.load())
            continue;
        if (auto fn = reinterpret_cast<CropwiseHogScanFn>(library.resolve(kHogScanAvx2Symbol)))
            return fn;
        library.unload();
    }
    return nullptr;
}

CropwiseHogScanFn avx2Scan()
{
    static const CropwiseHogScanFn fn = loadAvx2();
    return fn;
}

bool portableForced()
{
    return qEnvironmentVariable("CROPWISE_HOG_BACKEND") == QLatin1String("portable");
}

} // namespace

CropwiseHogScanFn hogScanFunction(HogBackend wanted)
{
    switch (wanted) {
    case HogBackend::Portable:
        return &hogScanPortable;
    case HogBackend::Avx2:
        return avx2Scan();
    case HogBackend::Auto:
        break;
    }
    static const CropwiseHogScanFn chosen = [] {
        CropwiseHogScanFn fn = portableForced() ? nullptr : avx2Scan();
        return fn ? fn : &hogScanPortable;
    }();
    return chosen;
}

QString hogBackendName()
{
    return hogScanFunction() == &hogScanPortable ? QStringLiteral("portable") : QStringLiteral("avx2");
}

} // namespace cropwise::detail
