// `cropwise-cli suggest` as other tools see it: the JSON Lines shape, path order whatever --jobs,
// error lines and exit codes, must-include errors per aspect, and that it writes no files.

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

namespace {

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

Run runCli(const QStringList &args)
{
    QProcess p;
    p.start(QStringLiteral(CROPWISE_CLI_PATH), QStringList { QStringLiteral("suggest") } + args);
    if (!p.waitForFinished(120000))
        return {};
    return { p.exitCode(), p.readAllStandardOutput(), p.readAllStandardError() };
}

QList<QJsonObject> jsonLines(const QByteArray &out)
{
    QList<QJsonObject> lines;
    for (const QByteArray &line : out.split('\n')) {
        if (line.isEmpty())
            continue;
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(line, &error);
        if (error.error != QJsonParseError::NoError || !doc.isObject())
            return {};
        lines << doc.object();
    }
    return lines;
}

void writeImage(const QString &path, int w, int h, int seed)
{
    cv::Mat img(h, w, CV_8UC3, cv::Scalar(40 + seed * 30, 90, 160));
    cv::circle(img, { w / 3 + seed * 10, h / 2 }, h / 5, cv::Scalar(10, 200, 240), cv::FILLED);
    cv::rectangle(img, { w / 2, h / 4 }, { w - 10, h / 2 }, cv::Scalar(250, 250, 250), cv::FILLED);
    QVERIFY(cv::imwrite(path.toStdString(), img));
}

// Names and sizes of every file under `dir`, to show that nothing was written.
QStringList snapshot(const QString &dir)
{
    QStringList entries;
    QDirIterator it(
        dir, QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        it.next();
        entries << it.filePath() + QLatin1Char(' ') + QString::number(it.fileInfo().size()) + QLatin1Char(' ')
                + QString::number(it.fileInfo().lastModified().toMSecsSinceEpoch());
    }
    entries.sort();
    return entries;
}

bool isIntRect(const QJsonValue &v)
{
    const QJsonArray a = v.toArray();
    if (a.size() != 4)
        return false;
    for (const QJsonValue &x : a) {
        if (!x.isDouble() || x.toDouble() != double(x.toInt()))
            return false;
    }
    return a[2].toInt() > 0 && a[3].toInt() > 0;
}

QStringList keys(const QJsonObject &o)
{
    QStringList k = o.keys();
    k.sort();
    return k;
}

} // namespace

class SuggestCliTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const QDir d(m_dir.path());
        QVERIFY(d.mkpath(QStringLiteral("sub")));
        QVERIFY(d.mkpath(QStringLiteral(".hiddendir")));
        writeImage(d.filePath(QStringLiteral("b.png")), 320, 240, 0);
        writeImage(d.filePath(QStringLiteral("a.jpg")), 240, 300, 1);
        writeImage(d.filePath(QStringLiteral("sub/c.png")), 300, 200, 2);
        writeImage(d.filePath(QStringLiteral(".hidden.png")), 64, 64, 3);
        writeImage(d.filePath(QStringLiteral(".hiddendir/d.png")), 64, 64, 3);
        QFile bad(d.filePath(QStringLiteral("broken.jpg")));
        QVERIFY(bad.open(QIODevice::WriteOnly));
        bad.write("this is not a JPEG at all");
        bad.close();
        QFile sidecar(d.filePath(QStringLiteral("a.jpg.cropwise.json")));
        QVERIFY(sidecar.open(QIODevice::WriteOnly));
        sidecar.write("{}");
        sidecar.close();
        QFile notes(d.filePath(QStringLiteral("notes.txt")));
        QVERIFY(notes.open(QIODevice::WriteOnly));
        notes.write("not an image");
    }

    void suggest_printsOneLinePerImage_inPathOrder_withTheContractShape()
    {
        const QStringList before = snapshot(m_dir.path());
        const Run run
            = runCli({ QStringLiteral("--aspects"), QStringLiteral("1:1,free,16:9"), QStringLiteral("--top"),
                QStringLiteral("2"), QStringLiteral("--jobs"), QStringLiteral("1"), m_dir.path() });
        QCOMPARE(run.exitCode, 1); // broken.jpg failed; the others went on
        QVERIFY2(run.err.isEmpty(), run.err.constData());
        const QList<QJsonObject> lines = jsonLines(run.out);
        const QDir d(m_dir.path());
        const QStringList expected
            = { d.filePath(QStringLiteral("a.jpg")), d.filePath(QStringLiteral("b.png")),
                  d.filePath(QStringLiteral("broken.jpg")), d.filePath(QStringLiteral("sub/c.png")) };
        QCOMPARE(lines.size(), expected.size());
        for (int i = 0; i < lines.size(); ++i)
            QCOMPARE(QDir::cleanPath(lines[i].value(QStringLiteral("image")).toString()),
                QDir::cleanPath(expected[i]));

        const QJsonObject broken = lines[2];
        QCOMPARE(keys(broken), (QStringList { QStringLiteral("error"), QStringLiteral("image") }));
        QVERIFY(!broken.value(QStringLiteral("error")).toString().isEmpty());

        for (int i : { 0, 1, 3 }) {
            const QJsonObject o = lines[i];
            QCOMPARE(keys(o),
                (QStringList { QStringLiteral("faces"), QStringLiteral("height"), QStringLiteral("image"),
                    QStringLiteral("suggestions"), QStringLiteral("width") }));
            const int w = o.value(QStringLiteral("width")).toInt();
            const int h = o.value(QStringLiteral("height")).toInt();
            QVERIFY(w > 0 && h > 0);
            for (const QJsonValue &f : o.value(QStringLiteral("faces")).toArray()) {
                QCOMPARE(
                    keys(f.toObject()), (QStringList { QStringLiteral("rect"), QStringLiteral("score") }));
                QVERIFY(isIntRect(f.toObject().value(QStringLiteral("rect"))));
            }
            const QJsonArray suggestions = o.value(QStringLiteral("suggestions")).toArray();
            QStringList aspects;
            for (const QJsonValue &v : suggestions) {
                const QJsonObject s = v.toObject();
                QCOMPARE(keys(s),
                    (QStringList { QStringLiteral("aspect"), QStringLiteral("reasons"),
                        QStringLiteral("rect"), QStringLiteral("score") }));
                const QString aspect = s.value(QStringLiteral("aspect")).toString();
                aspects << aspect;
                QVERIFY(isIntRect(s.value(QStringLiteral("rect"))));
                const QJsonArray r = s.value(QStringLiteral("rect")).toArray();
                QVERIFY(r[0].toInt() >= 0 && r[1].toInt() >= 0 && r[0].toInt() + r[2].toInt() <= w
                    && r[1].toInt() + r[3].toInt() <= h);
                if (aspect == QLatin1String("1:1"))
                    QCOMPARE(r[2].toInt(), r[3].toInt());
                if (aspect == QLatin1String("16:9"))
                    QCOMPARE(r[2].toInt() * 9, r[3].toInt() * 16);
                const double score = s.value(QStringLiteral("score")).toDouble(-1);
                QVERIFY(score >= 0.0 && score <= 1.0);
                QVERIFY(!s.value(QStringLiteral("reasons")).toArray().isEmpty());
                QVERIFY(s.value(QStringLiteral("reasons")).toArray().first().isString());
            }
            // Each aspect in the order asked, best first, then alternatives (at most --top 2 each).
            QStringList order = aspects;
            order.removeDuplicates();
            QCOMPARE(order,
                (QStringList { QStringLiteral("1:1"), QStringLiteral("free"), QStringLiteral("16:9") }));
            for (const QString &a : order)
                QVERIFY(aspects.count(a) >= 1 && aspects.count(a) <= 2);
        }
        QCOMPARE(snapshot(m_dir.path()), before); // suggest writes no files
    }

    void suggest_givesTheSameOutput_forAnyJobs()
    {
        const QStringList args = { QStringLiteral("--aspects"), QStringLiteral("4:5,free"),
            QStringLiteral("--top"), QStringLiteral("3"), m_dir.path() };
        const Run one = runCli(QStringList { QStringLiteral("--jobs"), QStringLiteral("1") } + args);
        const Run two = runCli(QStringList { QStringLiteral("--jobs"), QStringLiteral("2") } + args);
        QCOMPARE(one.exitCode, 1);
        QCOMPARE(two.exitCode, 1);
        QVERIFY(!one.out.isEmpty());
        QCOMPARE(two.out, one.out);
    }

    void suggest_reportsAnAspectThatCannotHoldTheRegion()
    {
        const QString image = QDir(m_dir.path()).filePath(QStringLiteral("b.png")); // 320 x 240
        const Run run = runCli({ QStringLiteral("--aspects"), QStringLiteral("9:16,16:9"),
            QStringLiteral("--include"), QStringLiteral("10,100,280,40"), image });
        QCOMPARE(run.exitCode, 0); // an aspect that cannot be met is not a failed image
        const QList<QJsonObject> lines = jsonLines(run.out);
        QCOMPARE(lines.size(), 1);
        const QJsonArray suggestions = lines[0].value(QStringLiteral("suggestions")).toArray();
        QCOMPARE(suggestions.size(), 2);
        const QJsonObject failed = suggestions[0].toObject();
        QCOMPARE(keys(failed), (QStringList { QStringLiteral("aspect"), QStringLiteral("error") }));
        QCOMPARE(failed.value(QStringLiteral("aspect")).toString(), QStringLiteral("9:16"));
        const QJsonArray r = suggestions[1].toObject().value(QStringLiteral("rect")).toArray();
        QVERIFY(r[0].toInt() <= 10 && r[1].toInt() <= 100 && r[0].toInt() + r[2].toInt() >= 290
            && r[1].toInt() + r[3].toInt() >= 140);
    }

    void suggest_ignoresFacesMarkedNotAFace()
    {
        const QString portrait = QStringLiteral(CROPWISE_SAMPLES_DIR "/grace_hopper.jpg");
        const auto facesOf = [](const Run &run) {
            const QList<QJsonObject> lines = jsonLines(run.out);
            return lines.size() == 1 ? lines[0].value(QStringLiteral("faces")).toArray().size() : -1;
        };
        const Run plain = runCli({ QStringLiteral("--aspects"), QStringLiteral("1:1"), portrait });
        QCOMPARE(plain.exitCode, 0);
        QCOMPARE(facesOf(plain), 1);
        // A box around her face (drawn loosely: it holds the face's centre).
        const Run marked = runCli({ QStringLiteral("--aspects"), QStringLiteral("1:1"),
            QStringLiteral("--not-face"), QStringLiteral("200,150,150,150"), portrait });
        QCOMPARE(marked.exitCode, 0);
        QCOMPARE(facesOf(marked), 0);
        const QJsonArray suggestions = jsonLines(marked.out)[0].value(QStringLiteral("suggestions")).toArray();
        QCOMPARE(suggestions.size(), 1);
        QVERIFY(suggestions[0].toObject().contains(QStringLiteral("rect")));
    }

    void suggest_rejectsBadUsage_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("no path") << QStringList {};
        QTest::newRow("bad aspect") << QStringList { QStringLiteral("--aspects"), QStringLiteral("1:0"),
            QStringLiteral("x.png") };
        QTest::newRow("top 0") << QStringList { QStringLiteral("--top"), QStringLiteral("0"),
            QStringLiteral("x.png") };
        QTest::newRow("bad include") << QStringList { QStringLiteral("--include"), QStringLiteral("1,2,3"),
            QStringLiteral("x.png") };
        QTest::newRow("bad not-face") << QStringList { QStringLiteral("--not-face"), QStringLiteral("1,2,0,4"),
            QStringLiteral("x.png") };
        QTest::newRow("unknown option")
            << QStringList { QStringLiteral("--frobnicate"), QStringLiteral("x.png") };
    }
    void suggest_rejectsBadUsage()
    {
        QFETCH(QStringList, args);
        const Run run = runCli(args);
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.out.isEmpty());
        QVERIFY(!run.err.isEmpty());
        QCOMPARE(run.err.count('\n'), 1); // one line
    }

private:
    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(SuggestCliTest)
#include "SuggestCliTest.moc"
