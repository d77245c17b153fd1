#include "core/io/AtomicWrite.h"

#include "support/FixtureImages.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>
#include <unistd.h>

using namespace cropwise;
using namespace cropwise::test;

class AtomicWriteTest : public QObject
{
    Q_OBJECT

private:
    // Nothing but `expected` in the folder: no temporary files left behind.
    static void verifyOnlyFiles(const QString &folder, const QStringList &expected)
    {
        QStringList files = QDir(folder).entryList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot);
        files.sort();
        QStringList want = expected;
        want.sort();
        QCOMPARE(files, want);
    }

private slots:
    void write_createsNewFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("new.bin"));
        QCOMPARE(writeFileAtomically(path, "hello", OverwritePolicy::Refuse), QString());
        QCOMPARE(readFileBytes(path), QByteArray("hello"));
        verifyOnlyFiles(dir.path(), { QStringLiteral("new.bin") });
        // Created with the usual permissions (0666 minus umask), not a temporary file's 0600.
        const mode_t mask = ::umask(0);
        ::umask(mask);
        struct stat st;
        QCOMPARE(::stat(QFile::encodeName(path).constData(), &st), 0);
        QCOMPARE(int(st.st_mode & 0777), int(0666 & ~mask));
    }

    void write_refusesToOverwrite_withoutReplace()
    {
        QTemporaryDir dir;
        const QString path = writeFixture(dir.path(), QStringLiteral("existing.bin"), "original");
        QCOMPARE(writeFileAtomically(path, "new", OverwritePolicy::Refuse),
            QStringLiteral("already exists (not overwritten)"));
        QCOMPARE(readFileBytes(path), QByteArray("original"));
        verifyOnlyFiles(dir.path(), { QStringLiteral("existing.bin") });
    }

    void write_replaces_whenAsked()
    {
        QTemporaryDir dir;
        const QString path = writeFixture(dir.path(), QStringLiteral("existing.bin"), "original");
        QCOMPARE(writeFileAtomically(path, "replacement", OverwritePolicy::Replace), QString());
        QCOMPARE(readFileBytes(path), QByteArray("replacement"));
        verifyOnlyFiles(dir.path(), { QStringLiteral("existing.bin") });
    }

    void write_refusesDanglingSymlinkTarget()
    {
        QTemporaryDir dir;
        const QString link = dir.filePath(QStringLiteral("link.bin"));
        QVERIFY(QFile::link(dir.filePath(QStringLiteral("nowhere")), link));
        QCOMPARE(writeFileAtomically(link, "x", OverwritePolicy::Refuse),
            QStringLiteral("already exists (not overwritten)"));
        QVERIFY(!QFileInfo::exists(dir.filePath(QStringLiteral("nowhere"))));
    }

    void write_reportsBadTargets_data()
    {
        QTest::addColumn<QString>("relativePath");
        QTest::addColumn<QString>("error");
        QTest::newRow("missing folder") << "no/such/folder/out.bin"
                                        << "folder does not exist";
        QTest::newRow("file used as folder") << "plain-file/out.bin"
                                             << "a part of the path is not a folder";
        QTest::newRow("file deeper under a file") << "plain-file/sub/out.bin"
                                                  << "a part of the path is not a folder";
        QTest::newRow("target is a folder") << "a-folder"
                                            << "is a folder";
    }
    void write_reportsBadTargets()
    {
        QFETCH(QString, relativePath);
        QFETCH(QString, error);
        QTemporaryDir dir;
        writeFixture(dir.path(), QStringLiteral("plain-file"), "x");
        QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("a-folder")));
        for (const OverwritePolicy policy : { OverwritePolicy::Refuse, OverwritePolicy::Replace })
            QCOMPARE(writeFileAtomically(dir.filePath(relativePath), "data", policy), error);
        verifyOnlyFiles(dir.path(), { QStringLiteral("plain-file") });
    }

    void write_reportsReadOnlyFolder()
    {
        if (::geteuid() == 0)
            QSKIP("running as root: folder permissions do not block writing");
        QTemporaryDir dir;
        const QString folder = dir.filePath(QStringLiteral("locked"));
        QVERIFY(QDir().mkdir(folder));
        QVERIFY(QFile::setPermissions(folder, QFileDevice::ReadOwner | QFileDevice::ExeOwner));
        for (const OverwritePolicy policy : { OverwritePolicy::Refuse, OverwritePolicy::Replace })
            QCOMPARE(writeFileAtomically(folder + QStringLiteral("/out.bin"), "data", policy),
                QStringLiteral("permission denied"));
        QFile::setPermissions(
            folder, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    }

    void write_emptyData_createsEmptyFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("empty.bin"));
        QCOMPARE(writeFileAtomically(path, QByteArrayView(), OverwritePolicy::Refuse), QString());
        QVERIFY(QFileInfo::exists(path));
        QCOMPARE(QFileInfo(path).size(), 0);
    }
};

QTEST_GUILESS_MAIN(AtomicWriteTest)
#include "AtomicWriteTest.moc"
