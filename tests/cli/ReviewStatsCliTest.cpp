// `cropwise-cli review-stats PATH...` run as a user runs it (QProcess on the built CLI), on
// sidecars written by the test in the documented format (docs/sidecar.md, docs/review.md).

#include "support/CliRunner.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace cropwise::test;

namespace {

const QString v1 = QStringLiteral("cropwise-suggest/1");
const QString v2 = QStringLiteral("cropwise-suggest/2");

QJsonArray rect(int x, int y, int w, int h)
{
    return { x, y, w, h };
}

// A crop from a suggestion at `suggested`, now at `final`, with the stored status.
QJsonObject reviewedCrop(
    const QString &status, const QJsonArray &suggested, const QJsonArray &final, const QString &version)
{
    static int n = 0;
    return { { "id", QStringLiteral("id-%1").arg(++n) }, { "name", "1:1" }, { "label", "" },
        { "rect", final }, { "aspect", "1:1" },
        { "review",
            QJsonObject { { "status", status }, { "suggested", suggested }, { "aspect", "1:1" },
                { "score", 0.7 }, { "reasons", QJsonArray { "keeps the subject" } }, { "suggester", version },
                { "alternative", 0 } } } };
}

QJsonObject manualCrop()
{
    return { { "id", "manual-1" }, { "name", "Crop 1" }, { "label", "" }, { "rect", rect(1, 2, 30, 40) },
        { "aspect", QJsonValue::Null } };
}

QByteArray sidecar(const QString &file, const QJsonArray &crops)
{
    const QJsonObject root { { "format", "cropwise.sidecar" }, { "version", 1 },
        { "image", QJsonObject { { "file", file }, { "width", 400 }, { "height", 300 } } },
        { "userTurn", QJsonObject { { "rotateClockwise", 0 }, { "mirror", false } } }, { "verified", false },
        { "crops", crops } };
    return QJsonDocument(root).toJson();
}

bool write(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

const QByteArray kZeros = R"({"images":0,"manual_crops":0,"pending_images":0,"reviewed_images":0,)"
                          R"("total":{"accepted":0,"edited":0,"mean_iou":null,"mean_iou_edited":null,)"
                          R"("pending":0,"rejected":0},"versions":{}})";

// What the folder made by makeReviewedFolder() gives (worked out by hand in that function).
const QByteArray kFolderStats
    = R"({"images":4,"manual_crops":1,"pending_images":1,"reviewed_images":3,)"
      R"("total":{"accepted":2,"edited":2,"mean_iou":0.6875,"mean_iou_edited":0.375,"pending":1,"rejected":1},)"
      R"("versions":{"cropwise-suggest/1":{"accepted":1,"edited":1,"mean_iou":0.75,"mean_iou_edited":0.5,)"
      R"("pending":0,"rejected":0},"cropwise-suggest/2":{"accepted":1,"edited":1,"mean_iou":0.625,)"
      R"("mean_iou_edited":0.25,"pending":1,"rejected":1}}})";

} // namespace

class ReviewStatsCliTest : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_folder;

    // Images are never decoded by review-stats: any bytes do.
    void makeReviewedFolder()
    {
        m_folder = m_dir.filePath("photos");
        // a: v1 accepted (IoU 1) + v1 edited to half the suggestion (IoU 0.5) + one manual crop.
        QVERIFY(write(m_folder + "/a.jpg", "jpeg"));
        QVERIFY(write(m_folder + "/a.jpg.cropwise.json",
            sidecar("a.jpg",
                { reviewedCrop("accepted", rect(0, 0, 100, 100), rect(0, 0, 100, 100), v1),
                    reviewedCrop("edited", rect(0, 0, 100, 100), rect(0, 0, 50, 100), v1), manualCrop() })));
        // b: v2 rejected + v2 still pending.
        QVERIFY(write(m_folder + "/b.png", "png"));
        QVERIFY(write(m_folder + "/b.png.cropwise.json",
            sidecar("b.png",
                { reviewedCrop("rejected", rect(0, 0, 100, 100), rect(0, 0, 100, 100), v2),
                    reviewedCrop("suggested", rect(10, 10, 90, 90), rect(10, 10, 90, 90), v2) })));
        // c: never worked on (no sidecar) but counts as an image.
        QVERIFY(write(m_folder + "/c.jpg", "jpeg"));
        // sub/d: v2 accepted + a v2 "accepted" crop that was moved (an older version did it): edited,
        // IoU 0.25.
        QVERIFY(write(m_folder + "/sub/d.jpg", "jpeg"));
        QVERIFY(write(m_folder + "/sub/d.jpg.cropwise.json",
            sidecar("d.jpg",
                { reviewedCrop("accepted", rect(0, 0, 100, 100), rect(0, 0, 100, 100), v2),
                    reviewedCrop("accepted", rect(0, 0, 100, 100), rect(0, 0, 100, 25), v2) })));
        // Hidden folders and sidecars without their image are not part of a folder.
        QVERIFY(write(m_folder + "/.trash/e.jpg", "jpeg"));
        QVERIFY(write(m_folder + "/.trash/e.jpg.cropwise.json",
            sidecar("e.jpg", { reviewedCrop("rejected", rect(0, 0, 9, 9), rect(0, 0, 9, 9), v1) })));
        QVERIFY(write(m_folder + "/gone.jpg.cropwise.json",
            sidecar("gone.jpg", { reviewedCrop("rejected", rect(0, 0, 9, 9), rect(0, 0, 9, 9), v1) })));
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        // The CLI also looks for per-user sidecars: keep the developer's own out of the test.
        qputenv("XDG_DATA_HOME", m_dir.filePath("xdg-data").toUtf8());
        makeReviewedFolder();
    }

    void folder_printsExactlyTheDocumentedObject_andWritesNothing()
    {
        const QStringList before = folderSnapshot(m_dir.path());
        const CliRun run = runCli({ "review-stats", m_folder });
        QVERIFY(run.finished);
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.err, QByteArray());
        QCOMPARE(run.outLines().size(), 1);
        QCOMPARE(run.outLines().first(), kFolderStats);
        QCOMPARE(folderSnapshot(m_dir.path()), before);
    }

    void emptyFolder_printsZeros_exit0()
    {
        QTemporaryDir empty;
        QVERIFY(empty.isValid());
        const CliRun run = runCli({ "review-stats", empty.path() });
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.err, QByteArray());
        QCOMPARE(run.out, kZeros + "\n");
    }

    void nothingReviewedYet_exit0_meansNull()
    {
        QTemporaryDir dir;
        QVERIFY(write(dir.filePath("x.jpg"), "jpeg"));
        QVERIFY(write(dir.filePath("x.jpg.cropwise.json"), sidecar("x.jpg", { manualCrop() })));
        QVERIFY(write(dir.filePath("y.jpg"), "jpeg"));
        const CliRun run = runCli({ "review-stats", dir.path() });
        QCOMPARE(run.exitCode, 0);
        const QJsonObject o = run.jsonLines().value(0);
        QCOMPARE(o.value("images").toInt(), 2);
        QCOMPARE(o.value("manual_crops").toInt(), 1);
        QCOMPARE(o.value("reviewed_images").toInt(), 0);
        QCOMPARE(o.value("versions").toObject(), QJsonObject());
        QVERIFY(o.value("total").toObject().value("mean_iou").isNull());
        QCOMPARE(o.value("total").toObject().value("accepted").toInt(), 0);
    }

    void imagesAndSidecarsNamedTwice_countOnce()
    {
        const CliRun run = runCli({ "review-stats", m_folder, m_folder + "/a.jpg",
            m_folder + "/a.jpg.cropwise.json", m_folder + "/c.jpg" });
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.outLines().value(0), kFolderStats);
    }

    void sidecarNamedExplicitly_countsEvenWithoutItsImage()
    {
        const CliRun run
            = runCli({ "review-stats", m_folder + "/gone.jpg.cropwise.json", m_folder + "/b.png" });
        QCOMPARE(run.exitCode, 0);
        const QJsonObject o = run.jsonLines().value(0);
        QCOMPARE(o.value("images").toInt(), 2);
        QCOMPARE(o.value("total").toObject().value("rejected").toInt(), 2);
        QCOMPARE(o.value("total").toObject().value("pending").toInt(), 1);
        QCOMPARE(o.value("versions").toObject().keys(), (QStringList { v1, v2 }));
    }

    void brokenSidecar_isReportedAndLeftInPlace_exit1_statsOfTheRest()
    {
        QTemporaryDir dir;
        QVERIFY(write(dir.filePath("ok.jpg"), "jpeg"));
        QVERIFY(write(dir.filePath("ok.jpg.cropwise.json"),
            sidecar("ok.jpg", { reviewedCrop("accepted", rect(0, 0, 10, 10), rect(0, 0, 10, 10), v1) })));
        QVERIFY(write(dir.filePath("bad.jpg"), "jpeg"));
        QVERIFY(write(dir.filePath("bad.jpg.cropwise.json"), "{ not json"));
        const QStringList before = folderSnapshot(dir.path());
        const CliRun run = runCli({ "review-stats", dir.path() });
        QVERIFY(run.finished);
        QCOMPARE(run.exitCode, 1);
        QCOMPARE(run.errLines().size(), 1);
        QVERIFY2(run.err.startsWith("cropwise-cli: " + dir.filePath("bad.jpg.cropwise.json").toUtf8() + ": "),
            run.err.constData());
        const QJsonObject o = run.jsonLines().value(0);
        QCOMPARE(o.value("images").toInt(), 1);
        QCOMPARE(o.value("total").toObject().value("accepted").toInt(), 1);
        QCOMPARE(folderSnapshot(dir.path()), before); // not renamed aside, unlike in the app
    }

    void missingPath_exit1_stillPrintsTheObject()
    {
        const CliRun run = runCli({ "review-stats", m_dir.filePath("no-such-folder") });
        QCOMPARE(run.exitCode, 1);
        QCOMPARE(run.errLines().size(), 1);
        QVERIFY(run.err.contains("no such file or folder"));
        QCOMPARE(run.out, kZeros + "\n");
    }

    void noPath_isAUsageError()
    {
        const CliRun run = runCli({ "review-stats" });
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.out.isEmpty());
        QVERIFY(run.err.startsWith("cropwise-cli: review-stats: no path given"));
    }

    void help_listsTheCommand()
    {
        const CliRun run = runCli({ "--help" });
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.contains("review-stats"));
        const CliRun own = runCli({ "review-stats", "--help" });
        QCOMPARE(own.exitCode, 0);
        QVERIFY(own.out.startsWith("Usage: cropwise-cli review-stats PATH..."));
    }
};

QTEST_GUILESS_MAIN(ReviewStatsCliTest)
#include "ReviewStatsCliTest.moc"
