#include "core/annotations/SafeName.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

using namespace cropwise;

namespace {

// What every safe name must satisfy, whatever the input.
void verifySafe(const QString &name)
{
    QVERIFY2(!name.isEmpty(), "empty");
    QVERIFY2(name != QLatin1String(".") && name != QLatin1String(".."), qPrintable(name));
    QVERIFY2(!name.startsWith(QLatin1Char('.')), qPrintable(name));
    QVERIFY2(!name.contains(QLatin1String("..")), qPrintable(name));
    QVERIFY2(!name.endsWith(QLatin1Char('.')) && !name.endsWith(QLatin1Char(' ')), qPrintable(name));
    for (const QChar c : name) {
        QVERIFY2(!QStringLiteral("/\\:*?\"<>|").contains(c), qPrintable(name));
        QVERIFY2(c.category() != QChar::Other_Control, qPrintable(name));
        QVERIFY2(!c.isSpace(), qPrintable(name));
    }
    QVERIFY2(name.toUtf8().size() <= kMaxSafeNameBytes, qPrintable(name));
    QVERIFY2(!QDir::isAbsolutePath(name), qPrintable(name));
}

} // namespace

class SafeNameTest : public QObject
{
    Q_OBJECT

private slots:
    void safeFileName_sanitises_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected");
        QTest::newRow("plain") << QStringLiteral("cat") << QStringLiteral("cat");
        QTest::newRow("keeps case and dashes") << QStringLiteral("Red-Car_2") << QStringLiteral("Red-Car_2");
        QTest::newRow("slash") << QStringLiteral("a/b") << QStringLiteral("a_b");
        QTest::newRow("backslash") << QStringLiteral("a\\b") << QStringLiteral("a_b");
        QTest::newRow("parent") << QStringLiteral("..") << QStringLiteral("_");
        QTest::newRow("parent path") << QStringLiteral("../../etc/passwd") << QStringLiteral("_._etc_passwd");
        QTest::newRow("absolute") << QStringLiteral("/etc/passwd") << QStringLiteral("_etc_passwd");
        QTest::newRow("windows absolute") << QStringLiteral("C:\\x") << QStringLiteral("C__x");
        QTest::newRow("dot") << QStringLiteral(".") << QStringLiteral("_");
        QTest::newRow("hidden") << QStringLiteral(".hidden") << QStringLiteral("hidden");
        QTest::newRow("trailing dots") << QStringLiteral("cat...") << QStringLiteral("cat");
        QTest::newRow("inner dots kept") << QStringLiteral("v1.2") << QStringLiteral("v1.2");
        QTest::newRow("dot runs collapse") << QStringLiteral("a...b") << QStringLiteral("a.b");
        QTest::newRow("spaces") << QStringLiteral("chat noir") << QStringLiteral("chat_noir");
        QTest::newRow("only spaces") << QStringLiteral("   ") << QStringLiteral("_");
        QTest::newRow("empty") << QString() << QStringLiteral("_");
        QTest::newRow("control") << QStringLiteral("a\nb\tc") << QStringLiteral("a_b_c");
        QTest::newRow("windows reserved chars")
            << QStringLiteral("a:b*c?d\"e<f>g|h") << QStringLiteral("a_b_c_d_e_f_g_h");
        QTest::newRow("device name") << QStringLiteral("con") << QStringLiteral("_con");
        QTest::newRow("device with extension") << QStringLiteral("NUL.txt") << QStringLiteral("_NUL.txt");
        QTest::newRow("COM1") << QStringLiteral("com1") << QStringLiteral("_com1");
        QTest::newRow("unicode kept") << QStringLiteral("猫") << QStringLiteral("猫");
        QTest::newRow("emoji kept") << QStringLiteral("🐈") << QStringLiteral("🐈");
        // "é" as e + combining accent becomes the single precomposed character (NFC).
        QTest::newRow("NFC") << QStringLiteral("caf") + QChar(0x65) + QChar(0x301)
                             << QStringLiteral("caf") + QChar(0xe9);
    }
    void safeFileName_sanitises()
    {
        QFETCH(QString, text);
        QFETCH(QString, expected);
        const QString got = cropwise::safeFileName(text);
        QCOMPARE(got, expected);
        verifySafe(got);
    }

    void safeFileName_longNamesAreCutOnCharacterBoundaries()
    {
        const QString longName = QString(200, QChar(0x732b)); // 3 bytes each in UTF-8
        const QString got = cropwise::safeFileName(longName);
        verifySafe(got);
        QCOMPARE(got.toUtf8().size(), 120);
        const QString emoji = QString::fromUtf8("🐈").repeated(50); // 4 bytes each
        const QString e = cropwise::safeFileName(emoji);
        verifySafe(e);
        QVERIFY(QString::fromUtf8(e.toUtf8()) == e); // no broken surrogate
    }

    void allocator_givesDistinctNamesToColliding_labels()
    {
        SafeNameAllocator names;
        const QString a = names.nameFor(QStringLiteral("a/b"));
        const QString b = names.nameFor(QStringLiteral("a_b"));
        const QString c = names.nameFor(QStringLiteral("a b"));
        QCOMPARE(a, QStringLiteral("a_b"));
        QCOMPARE(b, QStringLiteral("a_b-2"));
        QCOMPARE(c, QStringLiteral("a_b-3"));
        QCOMPARE(names.nameFor(QStringLiteral("a/b")), a); // stable
        // Case-insensitive file systems: "Cat" and "cat" must not share a folder.
        const QString upper = names.nameFor(QStringLiteral("Cat"));
        const QString lower = names.nameFor(QStringLiteral("cat"));
        QVERIFY(upper.compare(lower, Qt::CaseInsensitive) != 0);
        // Empty and dots all become "_" first, then get suffixes.
        const QString e1 = names.nameFor(QString());
        const QString e2 = names.nameFor(QStringLiteral(".."));
        const QString e3 = names.nameFor(QStringLiteral("."));
        QCOMPARE(QSet<QString>({ e1, e2, e3 }).size(), 3);
        verifySafe(e1);
        verifySafe(e2);
        verifySafe(e3);
    }

    void allocator_respectsReservedNames()
    {
        SafeNameAllocator names;
        names.reserve(QStringLiteral("manifest.csv"));
        QCOMPARE(names.nameFor(QStringLiteral("MANIFEST.csv")), QStringLiteral("MANIFEST.csv-2"));
    }

    void allocator_claimIsFreshEveryTime()
    {
        SafeNameAllocator names;
        QCOMPARE(names.claim(QStringLiteral("img")), QStringLiteral("img"));
        QCOMPARE(names.claim(QStringLiteral("img")), QStringLiteral("img-2"));
        QCOMPARE(names.claim(QStringLiteral("IMG")), QStringLiteral("IMG-3"));
    }

    // The real check: hostile names, created as folders, all land directly inside the parent.
    void hostileNames_createFoldersOnlyInsideTheParent()
    {
        QTemporaryDir dir;
        QDir parent(dir.path());
        SafeNameAllocator names;
        const QStringList hostile = { QStringLiteral("../escape"), QStringLiteral("/abs"),
            QStringLiteral(".."), QStringLiteral("."), QString(), QStringLiteral("a/../../b"),
            QStringLiteral("~"), QStringLiteral("..\\..\\win"), QStringLiteral(" ") };
        for (const QString &h : hostile) {
            const QString name = names.nameFor(h);
            QVERIFY2(parent.mkdir(name), qPrintable(name));
        }
        QCOMPARE(parent.entryList(QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden).size(), hostile.size());
        QDir up(dir.path());
        QVERIFY(up.cdUp());
        QVERIFY(!QFileInfo::exists(up.filePath(QStringLiteral("escape"))));
    }
};

QTEST_APPLESS_MAIN(SafeNameTest)
#include "SafeNameTest.moc"
