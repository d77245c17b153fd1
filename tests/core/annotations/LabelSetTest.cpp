#include "core/annotations/LabelSet.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace cropwise;

class LabelSetTest : public QObject
{
    Q_OBJECT

private slots:
    void add_givesIdsInOrder_andFirstFreeHotkeysAndColours()
    {
        LabelSet set;
        QCOMPARE(set.add(QStringLiteral("cat")), QString());
        QCOMPARE(set.add(QStringLiteral("  dog  ")), QString());
        QCOMPARE(set.idOf(QStringLiteral("cat")), 0);
        QCOMPARE(set.idOf(QStringLiteral("dog")), 1);
        QCOMPARE(set.idOf(QStringLiteral("bird")), -1);
        QCOMPARE(set.labels()[0].hotkey, 1);
        QCOMPARE(set.labels()[1].hotkey, 2);
        QVERIFY(set.labels()[0].colour != set.labels()[1].colour);
        QVERIFY(LabelSet::normalisedColour(set.labels()[0].colour).has_value());
        QCOMPARE(set.labelForHotkey(2)->name, QStringLiteral("dog"));
        QVERIFY(!set.labelForHotkey(3));
        QVERIFY(!set.labelForHotkey(0));
        QVERIFY(!set.labelForHotkey(10));
    }

    void add_refusesBadNamesAndDuplicatesIgnoringCase_data()
    {
        QTest::addColumn<QString>("name");
        QTest::newRow("empty") << QString();
        QTest::newRow("spaces") << QStringLiteral("   ");
        QTest::newRow("same name") << QStringLiteral("cat");
        QTest::newRow("other case") << QStringLiteral("Cat");
        QTest::newRow("line break") << QStringLiteral("a\nb");
        QTest::newRow("tab") << QStringLiteral("a\tb");
        QTest::newRow("too long") << QString(kMaxLabelNameLength + 1, QLatin1Char('x'));
    }
    void add_refusesBadNamesAndDuplicatesIgnoringCase()
    {
        QFETCH(QString, name);
        LabelSet set;
        QCOMPARE(set.add(QStringLiteral("cat")), QString());
        QVERIFY(!set.add(name).isEmpty());
        QCOMPARE(set.size(), 1);
    }

    void add_acceptsSlashesDotsUnicode()
    {
        LabelSet set;
        for (const QString &n : { QStringLiteral("a/b"), QStringLiteral(".."), QStringLiteral("chat noir"),
                 QStringLiteral("猫"), QStringLiteral("🐈") })
            QCOMPARE(set.add(n), QString());
        QCOMPARE(set.size(), 5);
    }

    void hotkeys_tenthLabelHasNone_andSetHotkeyMovesTheKey()
    {
        LabelSet set;
        for (int i = 0; i < 10; ++i)
            QCOMPARE(set.add(QStringLiteral("l%1").arg(i)), QString());
        QCOMPARE(set.labels()[8].hotkey, 9);
        QCOMPARE(set.labels()[9].hotkey, 0);
        QCOMPARE(set.setHotkey(QStringLiteral("l9"), 1), QString());
        QCOMPARE(set.labelForHotkey(1)->name, QStringLiteral("l9"));
        QCOMPARE(set.label(QStringLiteral("l0"))->hotkey, 0); // lost its key
        QVERIFY(!set.setHotkey(QStringLiteral("l9"), 10).isEmpty());
        QVERIFY(!set.add(QStringLiteral("x"), {}, 1).isEmpty()); // key 1 is taken
        QCOMPARE(set.setHotkey(QStringLiteral("l9"), 0), QString());
        QVERIFY(!set.labelForHotkey(1));
    }

    void renameRemoveMove_keepInvariants()
    {
        LabelSet set = LabelSet::fromNames({ QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c") });
        QVERIFY(!set.rename(QStringLiteral("a"), QStringLiteral("B")).isEmpty()); // clash ignoring case
        QCOMPARE(set.rename(QStringLiteral("a"), QStringLiteral("A")), QString()); // own case change
        QCOMPARE(set.rename(QStringLiteral("A"), QStringLiteral("alpha")), QString());
        QVERIFY(!set.rename(QStringLiteral("nope"), QStringLiteral("x")).isEmpty());
        QCOMPARE(set.move(QStringLiteral("c"), 0), QString());
        QCOMPARE(
            set.names(), (QStringList { QStringLiteral("c"), QStringLiteral("alpha"), QStringLiteral("b") }));
        QCOMPARE(set.remove(QStringLiteral("alpha")), QString());
        QCOMPARE(set.idOf(QStringLiteral("b")), 1);
        QVERIFY(!set.remove(QStringLiteral("alpha")).isEmpty());
    }

    void colours_areValidated()
    {
        LabelSet set;
        QCOMPARE(set.add(QStringLiteral("a"), QStringLiteral("#ABC")), QString());
        QCOMPARE(set.label(QStringLiteral("a"))->colour, QStringLiteral("#aabbcc"));
        QVERIFY(!set.setColour(QStringLiteral("a"), QStringLiteral("red")).isEmpty());
        QVERIFY(!set.add(QStringLiteral("b"), QStringLiteral("#12345")).isEmpty());
    }

    void json_roundTripsThroughAFile()
    {
        QTemporaryDir dir;
        LabelSet set;
        QCOMPARE(set.add(QStringLiteral("cat"), QStringLiteral("#112233"), 5), QString());
        QCOMPARE(set.add(QStringLiteral("chien/loup"), {}, 0), QString());
        QCOMPARE(set.add(QStringLiteral("猫")), QString());
        const QString path = LabelSet::pathInFolder(dir.path());
        QVERIFY(path.endsWith(QLatin1String("/cropwise-labels.json")));
        QCOMPARE(set.save(path), QString());
        const LabelSetLoadResult loaded = LabelSet::load(path);
        QVERIFY2(loaded.ok(), qPrintable(loaded.error));
        QVERIFY(loaded.warnings.isEmpty());
        QCOMPARE(loaded.labels, set);
    }

    void load_missingFileIsAnEmptySet()
    {
        QTemporaryDir dir;
        const LabelSetLoadResult r = LabelSet::load(LabelSet::pathInFolder(dir.path()));
        QVERIFY(r.ok());
        QVERIFY(r.labels.isEmpty());
    }

    void fromJson_skipsBadEntriesWithTheirField()
    {
        const QByteArray json = R"({"format": "cropwise.labels", "version": 1, "labels": [
            {"name": "cat", "colour": "#ff0000", "hotkey": 1},
            {"name": "", "colour": "#00ff00", "hotkey": 2},
            {"name": "CAT", "hotkey": 3},
            {"name": "dog", "colour": "green", "hotkey": 1},
            {"name": "bird", "hotkey": 42}
        ]})";
        const LabelSetLoadResult r = LabelSet::fromJson(json, QStringLiteral("labels.json"));
        QVERIFY(r.ok());
        QCOMPARE(r.labels.names(),
            (QStringList { QStringLiteral("cat"), QStringLiteral("dog"), QStringLiteral("bird") }));
        const QString all = r.warnings.join(QLatin1Char('\n'));
        QVERIFY2(all.contains(QLatin1String("labels.json: labels[1].name")), qPrintable(all));
        QVERIFY2(all.contains(QLatin1String("labels.json: labels[2].name")), qPrintable(all));
        QVERIFY2(all.contains(QLatin1String("labels.json: labels[3].colour")), qPrintable(all));
        QVERIFY2(all.contains(QLatin1String("labels.json: labels[3].hotkey")), qPrintable(all));
        QVERIFY2(all.contains(QLatin1String("labels.json: labels[4].hotkey")), qPrintable(all));
        QCOMPARE(r.labels.label(QStringLiteral("dog"))->hotkey, 0);
    }

    void fromJson_refusesOtherFilesAndNewerVersions_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::newRow("not json") << QByteArray("{nope");
        QTest::newRow("other format") << QByteArray(R"({"format": "x", "version": 1, "labels": []})");
        QTest::newRow("newer version")
            << QByteArray(R"({"format": "cropwise.labels", "version": 99, "labels": []})");
    }
    void fromJson_refusesOtherFilesAndNewerVersions()
    {
        QFETCH(QByteArray, json);
        const LabelSetLoadResult r = LabelSet::fromJson(json, QStringLiteral("l.json"));
        QVERIFY(!r.ok());
        QVERIFY(r.error.startsWith(QLatin1String("l.json")));
    }
};

QTEST_APPLESS_MAIN(LabelSetTest)
#include "LabelSetTest.moc"
