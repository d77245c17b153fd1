#include "support/CliRunner.h"

#include <QTest>

using namespace cropwise::test;

class CliAppTest : public QObject
{
    Q_OBJECT

private slots:
    void help_listsCommands_onStdout()
    {
        for (const QString &flag : { QStringLiteral("--help"), QStringLiteral("-h") }) {
            const CliRun run = runCli({ flag });
            QVERIFY(run.finished);
            QCOMPARE(run.exitCode, 0);
            QVERIFY(run.err.isEmpty());
            QVERIFY(run.out.contains("info"));
            QVERIFY(run.out.contains("crop"));
        }
    }

    void version_printsProgramAndVersion()
    {
        const CliRun run = runCli({ QStringLiteral("--version") });
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.err.isEmpty());
        QVERIFY2(run.out.startsWith("cropwise-cli ") && run.outLines().size() == 1, run.out.constData());
    }

    void commandHelp_goesToStdout_data()
    {
        QTest::addColumn<QString>("command");
        QTest::newRow("info") << "info";
        QTest::newRow("crop") << "crop";
    }
    void commandHelp_goesToStdout()
    {
        QFETCH(QString, command);
        const CliRun run = runCli({ command, QStringLiteral("--help") });
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.err.isEmpty());
        QVERIFY(run.out.startsWith("Usage: cropwise-cli " + command.toUtf8()));
    }

    void badUsage_exits2_withOneLine_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QByteArray>("errorStart");
        QTest::newRow("no command") << QStringList {} << QByteArray("cropwise-cli: usage: no command given");
        QTest::newRow("unknown command") << QStringList { QStringLiteral("frobnicate") }
                                         << QByteArray("cropwise-cli: frobnicate: unknown command");
        QTest::newRow("info without image")
            << QStringList { QStringLiteral("info") } << QByteArray("cropwise-cli: info: no image given");
        QTest::newRow("info unknown option")
            << QStringList { QStringLiteral("info"), QStringLiteral("--frob"), QStringLiteral("x.jpg") }
            << QByteArray("cropwise-cli: info: Unknown option 'frob'");
    }
    void badUsage_exits2_withOneLine()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QByteArray, errorStart);
        const CliRun run = runCli(arguments);
        QVERIFY(run.finished);
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.out.isEmpty());
        QCOMPARE(run.errLines().size(), 1);
        QVERIFY2(run.err.startsWith(errorStart), run.err.constData());
    }
};

QTEST_GUILESS_MAIN(CliAppTest)
#include "CliAppTest.moc"
