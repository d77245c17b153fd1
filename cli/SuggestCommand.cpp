#include "cli/SuggestCommand.h"

#include "cli/CliSupport.h"

#include "core/io/ImageDecoder.h"
#include "core/model/ImageCatalog.h"
#include "core/suggest/CropSuggester.h"

#include <QCommandLineParser>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QFuture>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>
#include <QThread>
#include <QThreadPool>
#include <QtConcurrent>

#include <algorithm>
#include <cmath>
#include <map>
#include <memory>

namespace cropwise::cli {

namespace {

// Images under `folder`, recursively, hidden files/folders and sidecars skipped, sorted by path.
QStringList imagesUnder(const QString &folder)
{
    QStringList files;
    QDirIterator it(folder, QDir::Files | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    const QString root = QDir(folder).absolutePath();
    while (it.hasNext()) {
        const QString path = it.next();
        const QString relative = QDir(root).relativeFilePath(QFileInfo(path).absoluteFilePath());
        bool hidden = false;
        for (const QString &part : relative.split(QLatin1Char('/'))) {
            if (part.startsWith(QLatin1Char('.'))) {
                hidden = true;
                break;
            }
        }
        if (hidden || path.endsWith(QLatin1String(".cropwise.json")) || !isImageFileName(path))
            continue;
        files << path;
    }
    files.sort();
    return files;
}

QString jsonString(const QString &s)
{
    QString out = QStringLiteral("\"");
    for (const QChar c : s) {
        switch (c.unicode()) {
        case '"':
            out += QLatin1String("\\\"");
            break;
        case '\\':
            out += QLatin1String("\\\\");
            break;
        case '\n':
            out += QLatin1String("\\n");
            break;
        case '\r':
            out += QLatin1String("\\r");
            break;
        case '\t':
            out += QLatin1String("\\t");
            break;
        default:
            if (c.unicode() < 0x20)
                out += QStringLiteral("\\u%1").arg(int(c.unicode()), 4, 16, QLatin1Char('0'));
            else
                out += c;
        }
    }
    out += QLatin1Char('"');
    return out;
}

QString jsonRect(const Rect &r)
{
    return QStringLiteral("[%1, %2, %3, %4]").arg(r.x).arg(r.y).arg(r.width).arg(r.height);
}

// Scores with 4 decimals: stable text for diffs and golden files.
QString jsonScore(double s)
{
    return QString::number(std::round(s * 10000.0) / 10000.0, 'f', 4);
}

struct ImageLine
{
    QString text;
    bool failed = false;
};

ImageLine suggestLine(const QString &path, const SuggestRequest &request)
{
    DecodeOptions options;
    options.maxLongSide = std::max(request.params.faces.workingLongSide, request.params.analysisLongSide);
    const DecodedImage decoded = decodeImage(path, options);
    if (!decoded.ok()) {
        const QString reason
            = decoded.error.isEmpty() ? QStringLiteral("cannot decode the image") : decoded.error;
        return { QStringLiteral("{\"image\": %1, \"error\": %2}").arg(jsonString(path), jsonString(reason)),
            true };
    }
    const SuggestResult result = suggestCrops(decoded.pixels, decoded.fullSize, request);
    if (!result.ok())
        return {
            QStringLiteral("{\"image\": %1, \"error\": %2}").arg(jsonString(path), jsonString(result.error)),
            true
        };

    QStringList faces;
    for (const Face &f : result.faces)
        faces << QStringLiteral("{\"rect\": %1, \"score\": %2}").arg(jsonRect(f.rect), jsonScore(f.score));
    QStringList suggestions;
    for (const AspectSuggestions &a : result.aspects) {
        const QString aspect = jsonString(suggestAspectName(a.aspect));
        if (!a.ok()) {
            suggestions << QStringLiteral("{\"aspect\": %1, \"error\": %2}").arg(aspect, jsonString(a.error));
            continue;
        }
        for (const CropSuggestion &s : a.suggestions) {
            QStringList reasons;
            for (const QString &r : s.reasons)
                reasons << jsonString(r);
            suggestions << QStringLiteral("{\"aspect\": %1, \"rect\": %2, \"score\": %3, \"reasons\": [%4]}")
                               .arg(aspect, jsonRect(s.rect), jsonScore(s.score),
                                   reasons.join(QLatin1String(", ")));
        }
    }
    return { QStringLiteral(
                 "{\"image\": %1, \"width\": %2, \"height\": %3, \"faces\": [%4], \"suggestions\": [%5]}")
                 .arg(jsonString(path))
                 .arg(decoded.fullSize.width)
                 .arg(decoded.fullSize.height)
                 .arg(faces.join(QLatin1String(", ")), suggestions.join(QLatin1String(", "))),
        false };
}

// Faces per image from the JSON Lines of an earlier `suggest` run, keyed by path and by file name.
using KnownFaces = std::map<QString, std::vector<Face>>;

std::shared_ptr<const KnownFaces> readKnownFaces(const QString &fileName, QString *error)
{
    QFile file(fileName);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read %1: %2").arg(fileName, file.errorString());
        return nullptr;
    }
    auto known = std::make_shared<KnownFaces>();
    while (!file.atEnd()) {
        const QByteArray line = file.readLine().trimmed();
        if (line.isEmpty())
            continue;
        QJsonParseError parseError;
        const QJsonObject object = QJsonDocument::fromJson(line, &parseError).object();
        if (parseError.error != QJsonParseError::NoError) {
            *error = QStringLiteral("%1: not JSON Lines (%2)").arg(fileName, parseError.errorString());
            return nullptr;
        }
        std::vector<Face> faces;
        for (const QJsonValue &v : object.value(QStringLiteral("faces")).toArray()) {
            const QJsonArray r = v.toObject().value(QStringLiteral("rect")).toArray();
            if (r.size() != 4)
                continue;
            faces.push_back({ Rect { r[0].toInt(), r[1].toInt(), r[2].toInt(), r[3].toInt() },
                v.toObject().value(QStringLiteral("score")).toDouble(1.0) });
        }
        const QString path = object.value(QStringLiteral("image")).toString();
        (*known)[path] = faces;
        known->emplace(QFileInfo(path).fileName(), faces);
    }
    return known;
}

std::optional<Rect> parseRegion(const QString &text)
{
    const QStringList parts = text.split(QLatin1Char(','));
    if (parts.size() != 4)
        return std::nullopt;
    int v[4];
    for (int i = 0; i < 4; ++i) {
        bool ok = false;
        v[i] = parts[i].trimmed().toInt(&ok);
        if (!ok)
            return std::nullopt;
    }
    const Rect r { v[0], v[1], v[2], v[3] };
    if (r.isEmpty() || r.x < 0 || r.y < 0)
        return std::nullopt;
    return r;
}

} // namespace

QString suggestCommandSummary()
{
    return QStringLiteral("suggest crops (faces, saliency) for images: JSON Lines on stdout");
}

int runSuggest(const QStringList &args)
{
    const QString command = QStringLiteral("suggest");
    QCommandLineParser parser;
    const QCommandLineOption aspectsOption(QStringLiteral("aspects"),
        QStringLiteral("Comma-separated a:b or free (default 1:1,4:5,16:9,9:16)."), QStringLiteral("LIST"));
    const QCommandLineOption topOption(QStringLiteral("top"),
        QStringLiteral("Best suggestion plus up to N-1 alternatives per aspect (default 1)."),
        QStringLiteral("N"));
    const QCommandLineOption jobsOption(QStringLiteral("jobs"),
        QStringLiteral("Images analysed in parallel (default: number of cores)."), QStringLiteral("N"));
    const QCommandLineOption includeOption(QStringLiteral("include"),
        QStringLiteral("A region every suggestion must hold, displayed pixels (repeatable)."),
        QStringLiteral("x,y,w,h"));
    const QCommandLineOption notFaceOption(QStringLiteral("not-face"),
        QStringLiteral("A region whose detected faces are ignored (no face there), displayed pixels (repeatable)."),
        QStringLiteral("x,y,w,h"));
    const QCommandLineOption facesFromOption(QStringLiteral("faces-from"),
        QStringLiteral(
            "Use the faces of an earlier run's JSON Lines instead of detecting them (matched by path)."),
        QStringLiteral("FILE"));
    const QCommandLineOption paramOption(QStringLiteral("param"),
        QStringLiteral("Tuning knob of the suggester (developers; docs/suggest.md)."),
        QStringLiteral("name=value"));
    parser.addOptions(
        { aspectsOption, topOption, jobsOption, includeOption, notFaceOption, facesFromOption, paramOption });
    parser.addPositionalArgument(QStringLiteral("PATH"),
        QStringLiteral("Image or folder (searched recursively)."), QStringLiteral("PATH..."));
    int exitCode = ExitSuccess;
    if (!parseCommandLine(parser, command,
            QStringLiteral("cropwise-cli suggest [--aspects LIST] [--top N] [--jobs N] "
                           "[--include x,y,w,h]... PATH..."),
            args, &exitCode))
        return exitCode;

    SuggestRequest request;
    if (parser.isSet(aspectsOption)) {
        QString error;
        const auto aspects = parseSuggestAspects(parser.value(aspectsOption), &error);
        if (!aspects)
            return usageError(command, error);
        request.aspects = *aspects;
    }
    int jobs = std::max(1, QThread::idealThreadCount());
    for (const auto &[option, target] :
        { std::pair { &topOption, &request.top }, std::pair { &jobsOption, &jobs } }) {
        if (!parser.isSet(*option))
            continue;
        bool ok = false;
        const int n = parser.value(*option).toInt(&ok);
        if (!ok || n < 1)
            return usageError(
                command, QStringLiteral("--%1 needs a positive integer").arg(option->names().first()));
        *target = n;
    }
    for (const auto &[option, target] : { std::pair { &includeOption, &request.mustInclude },
             std::pair { &notFaceOption, &request.notFaces } }) {
        for (const QString &value : parser.values(*option)) {
            const std::optional<Rect> r = parseRegion(value);
            if (!r)
                return usageError(command,
                    QStringLiteral("--%1 needs x,y,w,h (non-negative integers, w and h > 0)").arg(option->names().first()));
            target->push_back(*r);
        }
    }
    for (const QString &value : parser.values(paramOption)) {
        if (!value.contains(QLatin1Char('=')))
            return usageError(command, QStringLiteral("--param needs name=value"));
        const QString error = setSuggestParam(
            request.params, value.section(QLatin1Char('='), 0, 0), value.section(QLatin1Char('='), 1));
        if (!error.isEmpty())
            return usageError(command, error);
    }
    std::shared_ptr<const KnownFaces> knownFaces;
    if (parser.isSet(facesFromOption)) {
        QString error;
        knownFaces = readKnownFaces(parser.value(facesFromOption), &error);
        if (!knownFaces)
            return usageError(command, error);
    }
    const QStringList paths = parser.positionalArguments();
    if (paths.isEmpty())
        return usageError(command, QStringLiteral("no PATH given"));

    // Missing face data is a setup problem, not a per-image one: say it once and stop.
    const QString missing = faceDetectorError(request.params.faces.kind);
    if (!missing.isEmpty()) {
        printError(command, missing);
        return ExitUsageError;
    }

    QStringList files;
    for (const QString &p : paths) {
        if (QFileInfo(p).isDir())
            files << imagesUnder(p);
        else
            files << p; // named explicitly: tried whatever its extension (errors are reported)
    }

    QThreadPool pool;
    pool.setMaxThreadCount(jobs);
    // Values in, values out: each worker gets the path and a copy of the request.
    QFuture<ImageLine> lines = QtConcurrent::mapped(&pool, files, [request, knownFaces](const QString &path) {
        SuggestRequest own = request;
        if (knownFaces) {
            // Known by path, else by file name; an image the file does not list gets no faces.
            auto it = knownFaces->find(path);
            if (it == knownFaces->end())
                it = knownFaces->find(QFileInfo(path).fileName());
            own.faces = it != knownFaces->end() ? it->second : std::vector<Face> {};
        }
        return suggestLine(path, own);
    });
    QTextStream out(stdout);
    bool anyFailed = false;
    for (int i = 0; i < files.size(); ++i) {
        const ImageLine line = lines.resultAt(i); // in path order, whatever finished first
        out << line.text << "\n";
        out.flush();
        anyFailed = anyFailed || line.failed;
    }
    return anyFailed ? ExitInputError : ExitSuccess;
}

} // namespace cropwise::cli
