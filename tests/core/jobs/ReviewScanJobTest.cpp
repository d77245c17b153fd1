// Reading the review state of many images in the background (core/jobs/ReviewScanJob.h), without
// side effects (core/model/SidecarPeek.h).

#include "core/jobs/ReviewScanJob.h"
#include "core/model/ReviewState.h"
#include "core/model/ReviewStats.h"
#include "core/model/SidecarPeek.h"

#include <QDir>
#include <QFile>
#include <QFutureWatcher>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace cropwise;

namespace {

const Size kSize { 400, 300 };

bool writeBytes(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

QStringList filesIn(const QString &folder)
{
    return QDir(folder).entryList(QDir::Files | QDir::Hidden, QDir::Name);
}

} // namespace

class ReviewScanJobTest : public QObject
{
    Q_OBJECT

private slots:
    void scan_readsEveryImage_reportsBrokenOnes_andTouchesNothing()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const SidecarStore store(dir.filePath("user"), [](const QString &) { return true; });
        const QString pending = dir.filePath("pending.jpg");
        const QString plain = dir.filePath("plain.jpg");
        const QString broken = dir.filePath("broken.jpg");
        for (const QString &p : { pending, plain, broken })
            QVERIFY(writeBytes(p, "not decoded"));

        ImageState suggested;
        suggested.crops = { cropFromSuggestion({ { 0, 0, 300, 300 }, AspectRatio { 1, 1 }, 0.42, {}, 0 },
                                QStringLiteral("cropwise-suggest/1"), QStringLiteral("1:1")),
            acceptedCrop(cropFromSuggestion({ { 0, 0, 400, 225 }, AspectRatio { 16, 9 }, 0.9, {}, 0 },
                QStringLiteral("cropwise-suggest/1"), QStringLiteral("16:9"))) };
        QVERIFY(store.write(pending, kSize, suggested).ok());
        QVERIFY(writeBytes(broken + ".cropwise.json", "{ broken"));
        const QStringList before = filesIn(dir.path());

        QFutureWatcher<ReviewScanResult> watcher;
        QSignalSpy finished(&watcher, &QFutureWatcher<ReviewScanResult>::finished);
        watcher.setFuture(startReviewScan({ pending, plain, broken }, store));
        QVERIFY(finished.wait(10000));
        const QList<ReviewScanResult> results = watcher.future().results();
        QCOMPARE(results.size(), 3);
        QCOMPARE(watcher.progressValue(), 3);
        QCOMPARE(watcher.progressMaximum(), 3);

        QCOMPARE(results[0].index, 0);
        QVERIFY(results[0].ok());
        QCOMPARE(results[0].sidecarPath, pending + ".cropwise.json");
        QCOMPARE(results[0].state.crops, suggested.crops);
        QVERIFY(needsReview(results[0].state));
        QCOMPARE(lowestPendingScore(results[0].state), std::optional<double>(0.42));

        QVERIFY(results[1].ok());
        QVERIFY(results[1].sidecarPath.isEmpty());
        QVERIFY(results[1].state.isDefault());

        QVERIFY(!results[2].ok());
        QVERIFY2(results[2].error.contains("not valid JSON"), qPrintable(results[2].error));
        QVERIFY(results[2].state.isDefault());
        QCOMPARE(filesIn(dir.path()), before); // nothing renamed aside, nothing written

        QList<ImageState> states;
        for (const ReviewScanResult &r : results)
            states.append(r.state);
        const ReviewStats stats = computeReviewStats(states);
        QCOMPARE(stats.images, 3);
        QCOMPARE(stats.total.pending, 1);
        QCOMPARE(stats.total.accepted, 1);
    }

    void sidecarPathOf_prefersTheNewerOfBothPlaces()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const SidecarStore store(dir.filePath("user"), [](const QString &) { return true; });
        const QString image = dir.filePath("a.jpg");
        QVERIFY(writeBytes(image, "x"));
        QVERIFY(sidecarPathOf(store, image).isEmpty());
        const QString beside = store.besideImage(image).path;
        const QString perUser = store.inUserDataFolder(image).path;
        QVERIFY(QDir().mkpath(dir.filePath("user")));
        QVERIFY(writeBytes(perUser, "{}"));
        QCOMPARE(sidecarPathOf(store, image), perUser);
        QVERIFY(writeBytes(beside, "{}"));
        QFile besideFile(beside);
        QVERIFY(besideFile.open(QIODevice::ReadWrite));
        QVERIFY(besideFile.setFileTime(
            QDateTime::currentDateTimeUtc().addSecs(-60), QFileDevice::FileModificationTime));
        besideFile.close();
        QCOMPARE(sidecarPathOf(store, image), perUser); // per-user is newer
        QVERIFY(besideFile.open(QIODevice::ReadWrite));
        QVERIFY(besideFile.setFileTime(
            QDateTime::currentDateTimeUtc().addSecs(60), QFileDevice::FileModificationTime));
        besideFile.close();
        QCOMPARE(sidecarPathOf(store, image), beside);
    }

    void scan_cancelled_addsNoMoreResults()
    {
        // The body on this thread with a promise cancelled up front: deterministic, and it is the
        // job's own check that stops it (QtConcurrent would not even start a cancelled task).
        QPromise<ReviewScanResult> promise;
        QFuture<ReviewScanResult> future = promise.future();
        promise.start();
        future.cancel();
        runReviewScan(promise, { QStringLiteral("/nonexistent/a.jpg"), QStringLiteral("/nonexistent/b.jpg") },
            SidecarStore(QStringLiteral("/nonexistent/user"), [](const QString &) { return false; }));
        promise.finish();
        QCOMPARE(future.resultCount(), 0);
        QCOMPARE(future.progressValue(), 0);
    }
};

QTEST_GUILESS_MAIN(ReviewScanJobTest)
#include "ReviewScanJobTest.moc"
