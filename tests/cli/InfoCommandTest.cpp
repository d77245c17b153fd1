#include "support/CliRunner.h"
#include "support/FixtureImages.h"

#include <QDir>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace cropwise::test;

class InfoCommandTest : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_jpegRotated, m_png, m_webp, m_tiff, m_bmp, m_pngNamedJpg;

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const cv::Mat image = quadrantImage(64, 32);
        m_jpegRotated = writeFixture(m_dir.path(), QStringLiteral("rotated.jpg"),
            withExifOrientation(encodeWithOpenCv(image, ".jpg"), 6));
        m_png = writeFixture(m_dir.path(), QStringLiteral("plain.png"), encodeWithOpenCv(image, ".png"));
        m_webp = writeFixture(m_dir.path(), QStringLiteral("plain.webp"), encodeWithOpenCv(image, ".webp"));
        m_tiff = writeFixture(m_dir.path(), QStringLiteral("deep.tiff"),
            encodeWithOpenCv(quadrantImage(64, 32, CV_16U), ".tiff"));
        m_bmp = writeFixture(m_dir.path(), QStringLiteral("plain.bmp"), encodeWithOpenCv(image, ".bmp"));
        m_pngNamedJpg
            = writeFixture(m_dir.path(), QStringLiteral("lying.jpg"), encodeWithOpenCv(image, ".png"));
        for (const QString &p : { m_jpegRotated, m_png, m_webp, m_tiff, m_bmp, m_pngNamedJpg })
            QVERIFY(!p.isEmpty());
    }

    void info_printsOneJsonLinePerImage()
    {
        const QStringList images = { m_jpegRotated, m_png, m_webp, m_tiff, m_bmp, m_pngNamedJpg };
        const CliRun run = runCli(QStringList { QStringLiteral("info") } + images);
        QVERIFY(run.finished);
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.err.isEmpty(), run.err.constData());
        const QList<QJsonObject> lines = run.jsonLines();
        QCOMPARE(lines.size(), images.size());
        const struct
        {
            int width, height, orientation;
            const char *format;
        } expected[] = { { 32, 64, 6, "jpeg" }, { 64, 32, 1, "png" }, { 64, 32, 1, "webp" },
            { 64, 32, 1, "tiff" }, { 64, 32, 1, "bmp" }, { 64, 32, 1, "png" } };
        for (int i = 0; i < images.size(); ++i) {
            const QJsonObject &o = lines[i];
            QCOMPARE(o.value(QLatin1String("image")).toString(), images[i]);
            QCOMPARE(o.value(QLatin1String("width")).toInt(), expected[i].width);
            QCOMPARE(o.value(QLatin1String("height")).toInt(), expected[i].height);
            QCOMPARE(o.value(QLatin1String("orientation")).toInt(), expected[i].orientation);
            QCOMPARE(o.value(QLatin1String("format")).toString(), QString::fromLatin1(expected[i].format));
            QCOMPARE(o.size(), 5);
        }
    }

    void info_escapesUnusualFileNames()
    {
        const QString name = QStringLiteral("quote\" back\\slash tab\t ünï 😀.png");
        const QString path
            = writeFixture(m_dir.path(), name, encodeWithOpenCv(quadrantImage(32, 32), ".png"));
        QVERIFY(!path.isEmpty());
        const CliRun run = runCli({ QStringLiteral("info"), path });
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.outLines().size(), 1);
        QCOMPARE(run.jsonLines().first().value(QLatin1String("image")).toString(), path);
    }

    void info_reportsBadFiles_andGoesOn_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("reason");
        QTest::newRow("zero bytes") << "empty.jpg" << QByteArray() << "empty file";
        QTest::newRow("text") << "notes.jpg" << QByteArray("not a photo\n")
                              << "not an image (unrecognised content)";
        QTest::newRow("gif") << "anim.gif" << tinyGif()
                             << "GIF is not supported: convert it to JPEG, PNG, WebP or TIFF first";
        QTest::newRow("missing") << "missing.png" << QByteArray("-") << "file not found";
        QTest::newRow("folder") << "folder.png" << QByteArray("/") << "is a folder, not an image file";
    }
    void info_reportsBadFiles_andGoesOn()
    {
        QFETCH(QString, name);
        QFETCH(QByteArray, bytes);
        QFETCH(QString, reason);
        QString bad = m_dir.filePath(name);
        if (bytes == "/")
            QVERIFY(QDir().mkpath(bad));
        else if (bytes != "-")
            bad = writeFixture(m_dir.path(), name, bytes);
        const CliRun run = runCli({ QStringLiteral("info"), m_png, bad, m_bmp });
        QVERIFY(run.finished);
        QCOMPARE(run.exitCode, 1);
        // The good files before and after still get their lines, in order.
        const QList<QJsonObject> lines = run.jsonLines();
        QCOMPARE(lines.size(), 2);
        QCOMPARE(lines[0].value(QLatin1String("image")).toString(), m_png);
        QCOMPARE(lines[1].value(QLatin1String("image")).toString(), m_bmp);
        // Exactly one line on stderr, naming the file and the reason: no library noise.
        QCOMPARE(QString::fromUtf8(run.err), QStringLiteral("cropwise-cli: %1: %2\n").arg(bad, reason));
    }

    void info_writesNothing()
    {
        // Run inside the fixture folder, over all of it (good and bad files): nothing may change.
        writeFixture(m_dir.path(), QStringLiteral("bomb.png"), pngHeaderOnly(100000, 100000));
        const QStringList before = folderSnapshot(m_dir.path());
        QStringList all;
        for (const QString &entry : QDir(m_dir.path()).entryList(QDir::Files))
            all << m_dir.filePath(entry);
        const CliRun run = runCli(QStringList { QStringLiteral("info") } + all, m_dir.path());
        QVERIFY(run.finished);
        QCOMPARE(folderSnapshot(m_dir.path()), before);
        // Every line on stdout is a JSON object.
        for (const QJsonObject &o : run.jsonLines())
            QVERIFY(!o.isEmpty());
        // The header-only probe reports a bomb's announced size without decoding it.
        QVERIFY(run.out.contains("\"width\":100000"));
    }
};

QTEST_GUILESS_MAIN(InfoCommandTest)
#include "InfoCommandTest.moc"
