#include "cli/ExportCommand.h"

#include "cli/CliSupport.h"
#include "core/io/Metadata.h"
#include "core/renditions/BuiltinRenditionSets.h"
#include "core/renditions/RenditionExport.h"
#include "core/renditions/RenditionPresetStore.h"
#include "core/suggest/FaceDetector.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QThread>
#include <QThreadPool>

#include <algorithm>

namespace cropwise::cli {

namespace {

const QString kCommand = QStringLiteral("export");

QJsonArray rectJson(const Rect &r)
{
    return QJsonArray { r.x, r.y, r.width, r.height };
}

QJsonArray stringsJson(const QStringList &list)
{
    QJsonArray array;
    for (const QString &s : list)
        array.append(s);
    return array;
}

QJsonObject renditionJson(const RenditionOutcome &outcome, const Rendition &rendition)
{
    QJsonObject o { { QStringLiteral("name"), outcome.rendition },
        { QStringLiteral("out"), outcome.outputPath }, { QStringLiteral("rect"), rectJson(outcome.crop) },
        { QStringLiteral("crop"), cropSourceName(outcome.source) },
        { QStringLiteral("width"), outcome.outputSize.width },
        { QStringLiteral("height"), outcome.outputSize.height },
        { QStringLiteral("format"), outputFormatName(rendition.format) },
        { QStringLiteral("upscaled"), outcome.upscaled },
        { QStringLiteral("warnings"), stringsJson(outcome.warnings) } };
    if (!outcome.ok())
        o.insert(QStringLiteral("error"), outcome.error);
    return o;
}

struct Totals
{
    int images = 0;
    int imagesFailed = 0; // any error in the image or one of its renditions
    int written = 0;
    int failed = 0; // renditions not written for another reason than "exists"
    int existing = 0; // renditions not written because the file exists
    int upscaled = 0;
    int warnings = 0;
};

bool isExistsError(const QString &error)
{
    return error == QLatin1String("already exists (not overwritten)");
}

void report(const ImageExportResult &result, const RenditionSet &set, Totals &totals)
{
    ++totals.images;
    const QString shownImage = QDir::toNativeSeparators(result.imagePath);
    for (const QString &w : result.warnings)
        printError(shownImage, QStringLiteral("warning: %1").arg(w));
    totals.warnings += int(result.warnings.size());
    if (!result.error.isEmpty()) {
        ++totals.imagesFailed;
        printError(shownImage, result.error);
        totals.failed += int(result.renditions.size());
        printJsonLine(
            { { QStringLiteral("image"), result.imagePath }, { QStringLiteral("error"), result.error } });
        return;
    }
    QJsonArray renditions;
    for (const RenditionOutcome &outcome : result.renditions) {
        const Rendition rendition = set.rendition(outcome.rendition).value_or(Rendition {});
        const QString subject = outcome.outputPath.isEmpty() ? shownImage : outcome.outputPath;
        for (const QString &w : outcome.warnings)
            printError(subject, QStringLiteral("warning: %1").arg(w));
        totals.warnings += int(outcome.warnings.size());
        totals.upscaled += outcome.upscaled ? 1 : 0;
        if (outcome.ok()) {
            ++totals.written;
        } else if (isExistsError(outcome.error)) {
            ++totals.existing;
            printError(subject, QStringLiteral("already exists (use --overwrite to replace it)"));
        } else {
            ++totals.failed;
            printError(subject, outcome.error);
        }
        renditions.append(renditionJson(outcome, rendition));
    }
    if (!result.ok())
        ++totals.imagesFailed;
    printJsonLine(
        { { QStringLiteral("image"), result.imagePath }, { QStringLiteral("renditions"), renditions },
            { QStringLiteral("warnings"), stringsJson(result.warnings) } });
}

int listPresets(const RenditionPresetStore &store)
{
    QStringList errors;
    const QList<RenditionSet> sets = availableRenditionSets(store, &errors);
    const QStringList builtin = [] {
        QStringList names;
        for (const RenditionSet &s : builtinRenditionSets())
            names << s.name;
        return names;
    }();
    for (const RenditionSet &set : sets) {
        QJsonObject o = QJsonDocument::fromJson(toRenditionSetJson(set)).object();
        o.remove(QStringLiteral("version"));
        o.insert(QStringLiteral("origin"),
            builtin.contains(set.name) ? QStringLiteral("built-in") : store.fileFor(set.name));
        printJsonLine(o);
    }
    for (const QString &e : errors)
        printError(QStringLiteral("presets"), e);
    return errors.isEmpty() ? ExitSuccess : ExitInputError;
}

} // namespace

QString exportCommandSummary()
{
    return QStringLiteral("write every rendition of a preset set (social, web, print...) for images");
}

int runExport(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Writes every rendition of a preset set for each image, at exactly the preset's sizes, into DIR. "
        "PATH: images, folders (searched recursively) or sidecars. A rendition uses the saved crop linked "
        "to it, else (--suggest) the suggested crop for its aspect, else the largest centred crop. "
        "One JSON line per image on stdout; errors, warnings and a summary on stderr. See "
        "docs/renditions.md."));
    const QCommandLineOption presetOption(QStringLiteral("preset"),
        QStringLiteral("A preset set: built-in social, web or print, a user set's "
                       "name, or a preset file (.json)."),
        QStringLiteral("FILE|NAME"));
    const QCommandLineOption outOption(QStringLiteral("out"),
        QStringLiteral("The output folder (created if missing)."), QStringLiteral("DIR"));
    const QCommandLineOption suggestOption(QStringLiteral("suggest"),
        QStringLiteral("Renditions without a saved crop get the suggested crop for "
                       "their aspect (else the largest centred crop)."));
    const QCommandLineOption overwriteOption(
        QStringLiteral("overwrite"), QStringLiteral("Replace existing files (never done otherwise)."));
    const QCommandLineOption jobsOption(QStringLiteral("jobs"),
        QStringLiteral("Images exported in parallel (default: number of cores)."), QStringLiteral("N"));
    const QCommandLineOption metadataOption(QStringLiteral("metadata"),
        QStringLiteral("keep (default: EXIF, XMP, IPTC, ICC; orientation reset, "
                       "thumbnail dropped), strip-gps, or strip (only the colour "
                       "profile stays). See docs/metadata.md."),
        QStringLiteral("keep|strip-gps|strip"), QStringLiteral("keep"));
    const QCommandLineOption listOption(QStringLiteral("list-presets"),
        QStringLiteral("Print the available preset sets as JSON lines and exit."));
    // The same developer knobs as `cropwise-cli suggest --param` (tests and benches use them to
    // compare both commands under equal settings).
    const QCommandLineOption paramOption(QStringLiteral("param"),
        QStringLiteral("With --suggest: a tuning knob of the suggester, as for "
                       "'cropwise-cli suggest' (developers; repeatable)."),
        QStringLiteral("name=value"));
    parser.addOptions({ presetOption, outOption, suggestOption, overwriteOption, jobsOption, metadataOption,
        listOption, paramOption });
    parser.addPositionalArgument(
        QStringLiteral("PATH"), QStringLiteral("Images, folders or sidecars."), QStringLiteral("PATH..."));
    int exitCode = ExitSuccess;
    const QString usage
        = QStringLiteral("cropwise-cli export --preset FILE|NAME --out DIR [--suggest] [--overwrite] "
                         "[--jobs N] [--metadata keep|strip-gps|strip] PATH...\n"
                         "       cropwise-cli export --list-presets");
    if (!parseCommandLine(parser, kCommand, usage, args, &exitCode))
        return exitCode;

    const RenditionPresetStore store;
    if (parser.isSet(listOption))
        return listPresets(store);

    // Usage first: everything that can be judged before touching an image.
    if (!parser.isSet(presetOption))
        return usageError(
            kCommand, QStringLiteral("--preset FILE|NAME is required (built-in: social, web, print)"));
    if (!parser.isSet(outOption) || parser.value(outOption).isEmpty())
        return usageError(kCommand, QStringLiteral("--out DIR is required"));
    const QStringList paths = parser.positionalArguments();
    if (paths.isEmpty())
        return usageError(kCommand, QStringLiteral("no PATH given"));
    int jobs = std::max(1, QThread::idealThreadCount());
    if (parser.isSet(jobsOption)) {
        bool ok = false;
        jobs = parser.value(jobsOption).toInt(&ok);
        if (!ok || jobs < 1 || jobs > 256)
            return usageError(kCommand,
                QStringLiteral("invalid --jobs '%1': expected 1..256").arg(parser.value(jobsOption)));
    }
    const std::optional<MetadataPolicy> metadata = parseMetadataPolicy(parser.value(metadataOption));
    if (!metadata)
        return usageError(kCommand,
            QStringLiteral("invalid --metadata '%1': expected keep, strip-gps or strip")
                .arg(parser.value(metadataOption)));
    const RenditionSetLookup preset = findRenditionSet(parser.value(presetOption), store);
    if (!preset.ok())
        return usageError(kCommand, preset.error);

    RenditionExportOptions options;
    options.set = preset.set;
    options.outputFolder = QDir::cleanPath(QFileInfo(parser.value(outOption)).absoluteFilePath());
    options.fallback = parser.isSet(suggestOption) ? CropFallback::Suggest : CropFallback::Centred;
    options.overwrite = parser.isSet(overwriteOption) ? OverwritePolicy::Replace : OverwritePolicy::Refuse;
    options.metadata = *metadata;
    for (const QString &param : parser.values(paramOption)) {
        if (!param.contains(QLatin1Char('=')))
            return usageError(kCommand, QStringLiteral("--param needs name=value"));
        const QString error = setSuggestParam(
            options.suggestParams, param.section(QLatin1Char('='), 0, 0), param.section(QLatin1Char('='), 1));
        if (!error.isEmpty())
            return usageError(kCommand, error);
    }
    if (options.fallback == CropFallback::Suggest) {
        // Missing face data is a setup problem, not a per-image one: say it once and stop.
        if (const QString missing = faceDetectorError(options.suggestParams.faces.kind); !missing.isEmpty())
            return usageError(kCommand, missing);
    }
    const QFileInfo outInfo(options.outputFolder);
    if (outInfo.exists() && !outInfo.isDir())
        return usageError(
            kCommand, QStringLiteral("--out %1 is a file, not a folder").arg(parser.value(outOption)));
    if (!QDir().mkpath(options.outputFolder)) {
        printError(parser.value(outOption), QStringLiteral("the output folder cannot be created"));
        return ExitInputError;
    }

    const ExportInputs inputs = collectExportInputs(paths, options.outputFolder);
    for (const QString &e : inputs.errors)
        printError(kCommand, e);
    const RenditionExportPlan plan = planRenditionExport(inputs.inputs, options);

    QThreadPool pool;
    pool.setMaxThreadCount(jobs);
    QFuture<ImageExportResult> future = startRenditionExport(plan, options, &pool);
    Totals totals;
    for (int i = 0; i < plan.images.size(); ++i)
        report(future.resultAt(i), options.set, totals); // in plan order, whatever finished first
    future.waitForFinished();

    QString summary = QStringLiteral("%1 of %2 files written for %3 image(s) with the %4 set into %5")
                          .arg(totals.written)
                          .arg(totals.written + totals.failed + totals.existing)
                          .arg(totals.images)
                          .arg(options.set.name, QDir::toNativeSeparators(options.outputFolder));
    if (totals.imagesFailed > 0)
        summary += QStringLiteral("; %1 image(s) with errors").arg(totals.imagesFailed);
    if (totals.existing > 0)
        summary += QStringLiteral("; %1 existing file(s) kept (use --overwrite)").arg(totals.existing);
    if (totals.upscaled > 0)
        summary += QStringLiteral("; %1 enlarged").arg(totals.upscaled);
    if (!inputs.errors.isEmpty())
        summary += QStringLiteral("; %1 path(s) not usable").arg(inputs.errors.size());
    if (totals.images == 0 && inputs.errors.isEmpty())
        summary += QStringLiteral("; no images found");
    printError(kCommand, summary);
    const bool failed
        = totals.imagesFailed > 0 || !inputs.errors.isEmpty() || totals.existing > 0 || totals.failed > 0;
    return failed ? ExitInputError : ExitSuccess;
}

} // namespace cropwise::cli
