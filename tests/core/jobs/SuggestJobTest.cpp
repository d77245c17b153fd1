// The background suggestion job (core/jobs/SuggestJob.h): results per image as they finish,
// progress, cancel, the sidecar cache (reused when current, recomputed when an input changes),
// and storing results in sidecars of images that are not open.
//
// Most tests swap the analysis (faces + importance) for a fast, counting stand-in: the job's own
// work (hashing, decoding, turning, cache decisions, optimising per aspect, converting) still runs
// for real. One test runs the real analysis on a sample photo.

#include "core/jobs/SuggestJob.h"
#include "core/io/ImageDecoder.h"
#include "core/jobs/SuggestionSidecar.h"
#include "core/model/ReviewState.h"
#include "core/suggest/ImportanceMap.h"

#include "support/FixtureImages.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFile>
#include <QFutureWatcher>
#include <QSemaphore>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <opencv2/imgproc.hpp>

#include <atomic>
#include <memory>

using namespace cropwise;
using namespace cropwise::test;

using RequestEdit = std::function<void(SuggestJobRequest &)>;
Q_DECLARE_METATYPE(RequestEdit)

namespace {

const Size kSize { 96, 64 };

// Stand-in for analyseImage(): importance = brightness (+1 so no cell is zero), no faces.
// Counts calls; call number `holdCall` signals `entered` and then waits for `gate` (to cancel
// while an image is being worked on).
struct FakeAnalysis
{
    std::shared_ptr<std::atomic<int>> calls = std::make_shared<std::atomic<int>>(0);
    std::shared_ptr<QSemaphore> entered = std::make_shared<QSemaphore>(0);
    std::shared_ptr<QSemaphore> gate = std::make_shared<QSemaphore>(0);
    int holdCall = -1;
    // What the last call saw (written on the worker; read after the future finished).
    std::shared_ptr<cv::Mat> lastPixels = std::make_shared<cv::Mat>();
    std::shared_ptr<Size> lastSize = std::make_shared<Size>();

    AnalyseFunction function() const
    {
        return [*this](const cv::Mat &pixels, Size size, const SuggestParams &) {
            const int n = ++*calls;
            if (n == holdCall) {
                entered->release();
                gate->tryAcquire(1, 10000); // bounded: a broken test fails instead of hanging
            }
            *lastPixels = pixels.clone();
            *lastSize = size;
            ImageAnalysis a;
            a.fullSize = size;
            cv::Mat grey;
            cv::cvtColor(toBgr8(pixels), grey, cv::COLOR_BGR2GRAY);
            grey.convertTo(a.importance, CV_32F, 1.0, 1.0);
            a.importance /= cv::sum(a.importance)[0];
            return a;
        };
    }
};

QString writePng(const QString &dir, const QString &name, const cv::Mat &pixels)
{
    return writeFixture(dir, name, encodeWithOpenCv(pixels, ".png"));
}

struct Collected
{
    QList<SuggestJobResult> results; // in arrival order
    QList<int> progress;
    int progressMaximum = -1;
};

// Runs the job under a QFutureWatcher like the GUI does; `onResult` may act on the future.
Collected runWatched(const SuggestJobRequest &request,
    const std::function<void(QFuture<SuggestJobResult> &, int index)> &onResult = {})
{
    Collected c;
    QFutureWatcher<SuggestJobResult> watcher;
    QFuture<SuggestJobResult> future;
    QObject::connect(&watcher, &QFutureWatcher<SuggestJobResult>::resultReadyAt, [&](int index) {
        c.results.append(future.resultAt(index));
        if (onResult)
            onResult(future, index);
    });
    QObject::connect(&watcher, &QFutureWatcher<SuggestJobResult>::progressValueChanged,
        [&](int value) { c.progress.append(value); });
    QObject::connect(&watcher, &QFutureWatcher<SuggestJobResult>::progressRangeChanged,
        [&](int, int maximum) { c.progressMaximum = maximum; });
    QSignalSpy finished(&watcher, &QFutureWatcher<SuggestJobResult>::finished);
    future = startSuggestJob(request);
    watcher.setFuture(future);
    if (!finished.wait(30000))
        qWarning("the job did not finish in time");
    return c;
}

} // namespace

class SuggestJobTest : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QStringList m_images; // three different 96 x 64 PNGs

    SuggestJobRequest request(const FakeAnalysis &fake, const QStringList &paths) const
    {
        SuggestJobRequest r;
        for (const QString &p : paths)
            r.items.append({ p, {}, {}, std::nullopt });
        r.aspects = { AspectRatio { 1, 1 }, std::nullopt };
        r.top = 2;
        r.analyse = fake.function();
        return r;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_images = { writePng(m_dir.path(), "a.png", quadrantImage(kSize.width, kSize.height)),
            writePng(m_dir.path(), "b.png", noiseImage(kSize.width, kSize.height, 3, 7)),
            writePng(m_dir.path(), "c.png", noiseImage(kSize.width, kSize.height, 3, 8)) };
        for (const QString &p : m_images)
            QVERIFY(!p.isEmpty());
    }

    void job_givesOneResultPerImage_withProgress()
    {
        FakeAnalysis fake;
        const Collected c = runWatched(request(fake, m_images));
        QCOMPARE(c.results.size(), 3);
        QCOMPARE(*fake.calls, 3);
        QCOMPARE(c.progressMaximum, 3);
        QVERIFY(!c.progress.isEmpty());
        QCOMPARE(c.progress.last(), 3);
        for (int i = 0; i < 3; ++i) {
            const SuggestJobResult &r = c.results[i];
            QCOMPARE(r.index, i);
            QCOMPARE(r.imagePath, m_images[i]);
            QVERIFY2(r.ok(), qPrintable(r.error));
            QCOMPARE(r.source, SuggestJobResult::Source::Computed);
            QCOMPARE(r.orientedSize, kSize);
            QCOMPARE(r.suggestions.key.contentSha256,
                QString::fromLatin1(
                    QCryptographicHash::hash(readFileBytes(m_images[i]), QCryptographicHash::Sha256)
                        .toHex()));
            QCOMPARE(r.suggestions.key.suggester, QString::fromLatin1(kSuggesterVersion));
            QCOMPARE(r.suggestions.key.top, 2);
            QCOMPARE(r.suggestions.hashedFile, fileStamp(m_images[i]));
            QCOMPARE(r.suggestions.aspects.size(), 2);
            const AspectSuggestionRecords &square = r.suggestions.aspects[0];
            QCOMPARE(square.aspect, std::optional<AspectRatio>(AspectRatio { 1, 1 }));
            QVERIFY(!square.suggestions.isEmpty() && square.suggestions.size() <= 2);
            for (int k = 0; k < square.suggestions.size(); ++k) {
                const SuggestionRecord &s = square.suggestions[k];
                QCOMPARE(s.alternative, k);
                QCOMPARE(s.aspect, square.aspect);
                QCOMPARE(s.rect.width, s.rect.height);
                QVERIFY(Rect::fromSize(kSize).contains(s.rect));
                QVERIFY(s.score >= 0.0 && s.score <= 1.0);
            }
            QCOMPARE(r.suggestions.aspects[1].aspect, std::optional<AspectRatio>());
            QVERIFY(!r.suggestions.aspects[1].suggestions.isEmpty());
            // The heat map: small, 8-bit, relative (its maximum is 255), same as the cached preview.
            QCOMPARE(r.importance.type(), CV_8UC1);
            QVERIFY(std::max(r.importance.cols, r.importance.rows) <= kImportancePreviewLongSide);
            double maxValue = 0;
            cv::minMaxLoc(r.importance, nullptr, &maxValue);
            QCOMPARE(maxValue, 255.0);
            QCOMPARE(r.suggestions.importance.size, (Size { r.importance.cols, r.importance.rows }));
            QCOMPARE(r.suggestions.importance.values,
                QByteArray(
                    reinterpret_cast<const char *>(r.importance.data), qsizetype(r.importance.total())));
        }
    }

    void job_cancelAfterFirstImage_stopsInsideTheSecond()
    {
        FakeAnalysis fake;
        fake.holdCall = 2; // the second image's analysis waits until the test has cancelled
        const Collected c
            = runWatched(request(fake, m_images), [&](QFuture<SuggestJobResult> &future, int index) {
                  if (index == 0) {
                      QVERIFY(fake.entered->tryAcquire(1, 10000)); // the worker is inside the second image
                      future.cancel();
                      fake.gate->release();
                  }
              });
        QCOMPARE(c.results.size(), 1);
        QCOMPARE(c.results[0].index, 0);
        // The second image was analysed when the cancel came and was dropped before its aspects
        // were optimised; the third was never started.
        QCOMPARE(*fake.calls, 2);
    }

    void job_currentCache_isReused_notRecomputed()
    {
        FakeAnalysis first;
        const Collected computed = runWatched(request(first, m_images));
        QCOMPARE(computed.results.size(), 3);

        for (ContentCheck check : { ContentCheck::TrustFileStamp, ContentCheck::AlwaysHash }) {
            FakeAnalysis second;
            SuggestJobRequest again = request(second, m_images);
            again.contentCheck = check;
            for (int i = 0; i < 3; ++i)
                again.items[i].cached = computed.results[i].suggestions;
            const Collected cached = runWatched(again);
            QCOMPARE(cached.results.size(), 3);
            QCOMPARE(*second.calls, 0);
            for (int i = 0; i < 3; ++i) {
                const SuggestJobResult &r = cached.results[i];
                QCOMPARE(r.source, SuggestJobResult::Source::Cache);
                QCOMPARE(r.suggestions, computed.results[i].suggestions);
                QCOMPARE(r.orientedSize, kSize); // from the header, for writing the sidecar
                QCOMPARE(cv::norm(r.importance, computed.results[i].importance, cv::NORM_INF), 0.0);
            }
        }
    }

    void job_changedInput_recomputes_data()
    {
        QTest::addColumn<RequestEdit>("edit");
        QTest::addColumn<bool>("recomputed");
        QTest::newRow("nothing changed") << RequestEdit([](SuggestJobRequest &) {}) << false;
        QTest::newRow("fewer alternatives") << RequestEdit([](SuggestJobRequest &r) { r.top = 1; }) << false;
        QTest::newRow("more alternatives") << RequestEdit([](SuggestJobRequest &r) { r.top = 3; }) << true;
        QTest::newRow("another aspect") << RequestEdit([](SuggestJobRequest &r) {
            r.aspects.push_back(AspectRatio { 16, 9 });
        }) << true;
        QTest::newRow("new suggester version") << RequestEdit([](SuggestJobRequest &r) {
            r.suggesterVersion = QStringLiteral("cropwise-suggest/2");
        }) << true;
        QTest::newRow("must-include region") << RequestEdit([](SuggestJobRequest &r) {
            r.items[0].mustInclude = { { MustIncludeRegion::Kind::Region, { 10, 10, 20, 20 } } };
        }) << true;
        QTest::newRow("image turned") << RequestEdit([](SuggestJobRequest &r) {
            r.items[0].userTurn = *UserTurn::fromParts(180, UserTurn::Mirror::No);
        }) << true;
    }
    void job_changedInput_recomputes()
    {
        QFETCH(RequestEdit, edit);
        QFETCH(bool, recomputed);
        FakeAnalysis first;
        const Collected computed = runWatched(request(first, { m_images[0] }));
        QCOMPARE(computed.results.size(), 1);

        FakeAnalysis second;
        SuggestJobRequest again = request(second, { m_images[0] });
        again.items[0].cached = computed.results[0].suggestions;
        edit(again);
        const Collected c = runWatched(again);
        QCOMPARE(c.results.size(), 1);
        QVERIFY2(c.results[0].ok(), qPrintable(c.results[0].error));
        QCOMPARE(*second.calls, recomputed ? 1 : 0);
        QCOMPARE(c.results[0].source,
            recomputed ? SuggestJobResult::Source::Computed : SuggestJobResult::Source::Cache);
        if (recomputed) // the new entry answers the new request
            QVERIFY(isCurrent(c.results[0].suggestions.key,
                suggestionCacheKey(again.items[0], again, c.results[0].suggestions.key.contentSha256)));
    }

    void job_changedFileContent_recomputes_unlessTheStampIsTrusted()
    {
        // BMP: changing a pixel keeps the size and a valid file, so only the content hash can tell.
        cv::Mat pixels = quadrantImage(kSize.width, kSize.height);
        const QString path = writeFixture(m_dir.path(), "same-size.bmp", encodeWithOpenCv(pixels, ".bmp"));
        QVERIFY(!path.isEmpty());
        FakeAnalysis first;
        const Collected computed = runWatched(request(first, { path }));
        QCOMPARE(computed.results.size(), 1);
        const FileStamp before = fileStamp(path);

        pixels.at<cv::Vec3b>(0, 0) = cv::Vec3b(1, 2, 3);
        QVERIFY(!writeFixture(m_dir.path(), "same-size.bmp", encodeWithOpenCv(pixels, ".bmp")).isEmpty());
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::ReadWrite));
            QVERIFY(f.setFileTime(before.modified, QFileDevice::FileModificationTime));
        }
        QCOMPARE(fileStamp(path), before);

        const QList<std::pair<ContentCheck, bool>> rows { { ContentCheck::TrustFileStamp, false },
            { ContentCheck::AlwaysHash, true } };
        for (const auto &[check, recomputed] : rows) {
            FakeAnalysis second;
            SuggestJobRequest again = request(second, { path });
            again.items[0].cached = computed.results[0].suggestions;
            again.contentCheck = check;
            const Collected c = runWatched(again);
            QCOMPARE(c.results.size(), 1);
            QCOMPARE(*second.calls, recomputed ? 1 : 0);
            QCOMPARE(c.results[0].suggestions.key.contentSha256
                    != computed.results[0].suggestions.key.contentSha256,
                recomputed);
        }

        // A touched file (new mtime) with the same bytes is hashed again and found current.
        QVERIFY(!writeFixture(m_dir.path(), "same-size.bmp", encodeWithOpenCv(pixels, ".bmp")).isEmpty());
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::ReadWrite));
            QVERIFY(f.setFileTime(before.modified.addSecs(5), QFileDevice::FileModificationTime));
        }
        FakeAnalysis third;
        SuggestJobRequest hashed = request(third, { path });
        const Collected recomputed = runWatched(hashed);
        FakeAnalysis fourth;
        SuggestJobRequest touched = request(fourth, { path });
        touched.items[0].cached = recomputed.results[0].suggestions;
        touched.items[0].cached->hashedFile.modified = before.modified; // as if hashed before the touch
        const Collected c = runWatched(touched);
        QCOMPARE(*fourth.calls, 0);
        QCOMPARE(c.results[0].source, SuggestJobResult::Source::Cache);
        QCOMPARE(c.results[0].suggestions.hashedFile, fileStamp(path)); // refreshed: next time no hashing
    }

    void job_turnsThePixels_resultsAreInDisplayedPixels()
    {
        FakeAnalysis fake;
        SuggestJobRequest r = request(fake, { m_images[0] }); // quadrants: red, green / blue, yellow
        r.items[0].userTurn = *UserTurn::fromParts(90, UserTurn::Mirror::No);
        const Collected c = runWatched(r);
        QCOMPARE(c.results.size(), 1);
        const Size displayed { kSize.height, kSize.width };
        QCOMPARE(*fake.lastSize, displayed);
        QCOMPARE(fake.lastPixels->cols, displayed.width);
        QCOMPARE(fake.lastPixels->rows, displayed.height);
        // Turned clockwise, the bottom-left (blue) quadrant comes to the top left.
        const cv::Vec3b topLeft = fake.lastPixels->at<cv::Vec3b>(2, 2);
        QCOMPARE(cv::Scalar(topLeft[0], topLeft[1], topLeft[2]), quadrantColour(Quadrant::BottomLeft));
        const SuggestJobResult &res = c.results[0];
        QCOMPARE(res.orientedSize, kSize);
        QCOMPARE(res.suggestions.key.userTurn, r.items[0].userTurn);
        for (const AspectSuggestionRecords &a : res.suggestions.aspects)
            for (const SuggestionRecord &s : a.suggestions)
                QVERIFY(Rect::fromSize(displayed).contains(s.rect));
        // Tall, like the turned image (64 x 43 cells for 64 x 96 pixels).
        QCOMPARE(res.importance.rows, kImportancePreviewLongSide);
        QCOMPARE(res.importance.cols, 43);
    }

    void job_keepsMustIncludeRegionsWhole()
    {
        FakeAnalysis fake;
        SuggestJobRequest r = request(fake, { m_images[1] });
        r.top = 3;
        const Rect region { 70, 40, 20, 16 };
        const Rect face { 8, 20, 10, 10 };
        r.items[0].mustInclude
            = { { MustIncludeRegion::Kind::Region, region }, { MustIncludeRegion::Kind::Face, face } };
        const Collected c = runWatched(r);
        QCOMPARE(c.results.size(), 1);
        const Rect head = headBox(face, r.params.faceMargin).intersected(Rect::fromSize(kSize));
        int checked = 0;
        for (const AspectSuggestionRecords &a : c.results[0].suggestions.aspects) {
            for (const SuggestionRecord &s : a.suggestions) {
                QVERIFY(s.rect.contains(region));
                QVERIFY(s.rect.contains(head));
                ++checked;
            }
        }
        QVERIFY(checked > 0);
    }

    void job_ignoresFacesMarkedNotAFace()
    {
        const Face person { { 10, 10, 20, 20 }, 0.95 };
        const Face badge { { 60, 30, 16, 16 }, 0.58 };
        SuggestJobRequest r;
        r.items = { { m_images[1], {}, { { MustIncludeRegion::Kind::NotFace, { 61, 31, 15, 15 } } }, std::nullopt } };
        r.aspects = { AspectRatio { 1, 1 } };
        r.top = 2;
        r.analyse = [&](const cv::Mat &pixels, Size size, const SuggestParams &params) {
            return analyseImage(pixels, size, params, std::vector<Face> { person, badge });
        };
        const Collected c = runWatched(r);
        QCOMPARE(c.results.size(), 1);
        QVERIFY2(c.results[0].ok(), qPrintable(c.results[0].error));
        const SuggestionCache &cache = c.results[0].suggestions;
        QCOMPARE(cache.faces.size(), 1); // the badge is gone; the person stays
        QCOMPARE(cache.faces[0].rect, person.rect);
        QCOMPARE(cache.key.mustInclude.size(), 1); // and the mark is part of the cache key
        // A mark is no constraint: suggestions may leave its area out (none is required).
        QVERIFY(!cache.aspects.isEmpty() && !cache.aspects[0].suggestions.isEmpty());
        QVERIFY(cache.aspects[0].error.isEmpty());
    }

    void mustIncludeRects_growFacesClipAndDropEmpty()
    {
        SuggestParams params;
        const Size image { 100, 100 };
        const QList<MustIncludeRegion> regions { { MustIncludeRegion::Kind::Region, { 90, 90, 20, 20 } },
            { MustIncludeRegion::Kind::Face, { 40, 40, 20, 20 } }, { MustIncludeRegion::Kind::Region, { 200, 0, 5, 5 } },
            { MustIncludeRegion::Kind::NotFace, { 0, 0, 30, 30 } } };
        QCOMPARE(notFaceRects(regions), (std::vector<Rect> { { 0, 0, 30, 30 } }));
        const std::vector<Rect> rects = mustIncludeRects(regions, image, params);
        QCOMPARE(rects.size(), std::size_t(2));
        QCOMPARE(rects[0], (Rect { 90, 90, 10, 10 }));
        QCOMPARE(rects[1], headBox({ 40, 40, 20, 20 }, params.faceMargin));
        QVERIFY(rects[1].contains({ 40, 40, 20, 20 }) && rects[1] != (Rect { 40, 40, 20, 20 }));
    }

    void importancePreview_isSmallRelativeAndRoundTrips()
    {
        cv::Mat map(240, 320, CV_32F, cv::Scalar(1.0f));
        map(cv::Rect(200, 20, 40, 40)).setTo(5.0f);
        map /= cv::sum(map)[0];
        const ImportancePreview preview = importancePreview(map);
        QCOMPARE(preview.size, (Size { 64, 48 }));
        QCOMPARE(preview.values.size(), 64 * 48);
        const cv::Mat back = importancePreviewMat(preview);
        double lo = 0, hi = 0;
        cv::minMaxLoc(back, &lo, &hi);
        QCOMPARE(hi, 255.0);
        QCOMPARE(lo, 51.0); // 1/5 of the hot spot
        QCOMPARE(back.at<uchar>(8, 45), uchar(255)); // the hot spot, scaled by 1/5
        QVERIFY(importancePreview(cv::Mat()).isEmpty());
        QVERIFY(importancePreviewMat({}).empty());
    }

    void job_unreadableImages_giveErrors_andTheRunGoesOn()
    {
        const QString text = writeFixture(m_dir.path(), "text.jpg", "this is not a JPEG");
        FakeAnalysis fake;
        const Collected c = runWatched(request(fake, { text, m_dir.filePath("missing.png"), m_images[0] }));
        QCOMPARE(c.results.size(), 3);
        QVERIFY(!c.results[0].ok());
        QVERIFY(!c.results[1].ok());
        QVERIFY2(c.results[1].error.contains("does not exist"), qPrintable(c.results[1].error));
        QVERIFY(c.results[2].ok());
        QVERIFY(c.results[0].suggestions.aspects.isEmpty());
        QCOMPARE(*fake.calls, 1);
    }

    void realAnalysis_onASamplePhoto()
    {
        SuggestJobRequest r;
        r.items = { { QStringLiteral(CROPWISE_SAMPLES_DIR "/grace_hopper.jpg"), {}, {}, std::nullopt } };
        r.aspects = { AspectRatio { 4, 5 } };
        r.top = 1;
        // No face detection: the detectors take 10-25 s in this Debug build on a loaded machine
        // (dlib is compiled from headers) and are tested by core/suggest; here it also shows that
        // the request's params reach the analysis (no faces come back).
        r.params.faces.kind = FaceDetectorKind::None;
        QElapsedTimer timer;
        timer.start();
        const Collected c = runWatched(r);
        QCOMPARE(c.results.size(), 1);
        const SuggestJobResult &res = c.results[0];
        QVERIFY2(res.ok(), qPrintable(res.error));
        qInfo("real analysis of %d x %d: %lld ms", res.orientedSize.width, res.orientedSize.height,
            timer.elapsed());
        QVERIFY(res.suggestions.faces.isEmpty());
        QCOMPARE(res.suggestions.aspects.size(), 1);
        QCOMPARE(res.suggestions.aspects[0].suggestions.size(), 1);
        const Rect crop = res.suggestions.aspects[0].suggestions[0].rect;
        QVERIFY((AspectRatio { 4, 5 }.matches(crop.size())));
        QVERIFY(Rect::fromSize(res.orientedSize).contains(crop));
        QVERIFY(!res.importance.empty());
    }

    void storeSuggestions_proposesCropsOnce_andRefusesStaleResults()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString image = writePng(dir.path(), "p.png", quadrantImage(kSize.width, kSize.height));
        const SidecarStore store(dir.filePath("user"), [](const QString &) { return true; });
        FakeAnalysis fake;
        const Collected c = runWatched(request(fake, { image }));
        QCOMPARE(c.results.size(), 1);
        const SuggestJobResult &result = c.results[0];

        StoreSuggestionsResult stored = storeSuggestions(store, result, SuggestionUse::ProposeCrops);
        QCOMPARE(stored.outcome, StoreSuggestionsResult::Outcome::Written);
        QCOMPARE(stored.sidecarPath, image + ".cropwise.json");
        SidecarReadResult read = store.read(image, kSize);
        QCOMPARE(read.state.suggestions, std::optional<SuggestionCache>(result.suggestions));
        QCOMPARE(read.state.crops.size(), 2); // 1:1 and free, pending
        for (const Crop &crop : read.state.crops) {
            QCOMPARE(reviewStatus(crop), ReviewStatus::Suggested);
            QCOMPARE(crop.review->suggester, QString::fromLatin1(kSuggesterVersion));
        }
        QVERIFY(needsReview(read.state));

        // The same result again changes nothing (no rewrite, crop ids stay).
        stored = storeSuggestions(store, result, SuggestionUse::ProposeCrops);
        QCOMPARE(stored.outcome, StoreSuggestionsResult::Outcome::Unchanged);

        // The user turned the image meanwhile: the result no longer fits.
        ImageState turned = read.state;
        turned.userTurn = *UserTurn::fromParts(90, UserTurn::Mirror::No);
        QVERIFY(store.write(image, kSize, turned).ok());
        QCOMPARE(storeSuggestions(store, result, SuggestionUse::CacheOnly).outcome,
            StoreSuggestionsResult::Outcome::Stale);
        QCOMPARE(storeSuggestions(store, result, SuggestionUse::ProposeCrops).outcome,
            StoreSuggestionsResult::Outcome::Stale);

        // Cache only: the crops stay as they are.
        ImageState plain;
        plain.crops = { Crop::create("mine", { 0, 0, 10, 10 }) };
        QVERIFY(store.write(image, kSize, plain).ok());
        QCOMPARE(storeSuggestions(store, result, SuggestionUse::CacheOnly).outcome,
            StoreSuggestionsResult::Outcome::Written);
        read = store.read(image, kSize);
        QCOMPARE(read.state.crops, plain.crops);
        QVERIFY(read.state.suggestions);

        SuggestJobResult failed;
        failed.imagePath = image;
        failed.error = QStringLiteral("cannot read the file");
        QCOMPARE(storeSuggestions(store, failed, SuggestionUse::CacheOnly).outcome,
            StoreSuggestionsResult::Outcome::Failed);
    }
};

QTEST_GUILESS_MAIN(SuggestJobTest)
#include "SuggestJobTest.moc"
