#include "core/model/ImageCatalog.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

using namespace cropwise;

namespace {

void touch(const QString &path)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
}

QStringList fileNames(const QStringList &paths, const QString &root)
{
    QStringList names;
    for (const QString &p : paths)
        names << QDir(root).relativeFilePath(p);
    return names;
}

} // namespace

class ImageCatalogTest : public QObject
{
    Q_OBJECT

private slots:
    void isImageFileName_byExtension_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("image");
        QTest::newRow("jpg") << "a.jpg" << true;
        QTest::newRow("JPEG upper") << "A.JPEG" << true;
        QTest::newRow("png") << "b.png" << true;
        QTest::newRow("webp") << "c.WebP" << true;
        QTest::newRow("tif") << "d.tif" << true;
        QTest::newRow("tiff") << "e.tiff" << true;
        QTest::newRow("bmp") << "f.bmp" << true;
        QTest::newRow("with folder") << "/x.y/z/photo.jpg" << true;
        QTest::newRow("sidecar") << "a.jpg.cropwise.json" << false;
        QTest::newRow("kept broken sidecar") << "a.jpg.cropwise.json.broken-20250101-000000" << false;
        QTest::newRow("gif") << "g.gif" << false;
        QTest::newRow("no extension") << "jpg" << false;
        QTest::newRow("dot file only") << ".jpg" << false;
        QTest::newRow("text") << "notes.txt" << false;
        QTest::newRow("jpg in middle") << "a.jpg.txt" << false;
    }
    void isImageFileName_byExtension()
    {
        QFETCH(QString, name);
        QFETCH(bool, image);
        QCOMPARE(isImageFileName(name), image);
    }

    void scanFolder_sortsNaturallyAndFilters()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        for (const char *name : { "img10.jpg", "img2.jpg", "img1.png", "Beta.tif", "alpha.JPG", "notes.txt",
                 "img2.jpg.cropwise.json", ".hidden.jpg", "sub/deep.jpg", ".cache/thumb.jpg" })
            touch(dir.filePath(name));
        const CatalogResult r = scanFolder(dir.path());
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(fileNames(r.imagePaths, dir.path()),
            (QStringList { "alpha.JPG", "Beta.tif", "img1.png", "img2.jpg", "img10.jpg" }));
        for (const QString &p : r.imagePaths)
            QVERIFY(QFileInfo(p).isAbsolute());
    }

    void scanFolder_recursive_includesSubfoldersButNotHiddenOnes()
    {
        QTemporaryDir dir;
        for (const char *name : { "b.jpg", "a/z.png", "a/b/c.jpg", ".cache/thumb.jpg", "a/.x/y.jpg" })
            touch(dir.filePath(name));
        const CatalogResult r = scanFolder(dir.path(), FolderDepth::Recursive);
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(fileNames(r.imagePaths, dir.path()), (QStringList { "a/b/c.jpg", "a/z.png", "b.jpg" }));
    }

    void scanFolder_recursive_doesNotFollowSymlinkedFolders()
    {
        QTemporaryDir dir;
        touch(dir.filePath("a/x.jpg"));
        QVERIFY(QFile::link(dir.path(), dir.filePath("a/loop")));
        const CatalogResult r = scanFolder(dir.path(), FolderDepth::Recursive);
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(fileNames(r.imagePaths, dir.path()), (QStringList { "a/x.jpg" }));
    }

    void scanFolder_emptyFolder_isOkAndEmpty()
    {
        QTemporaryDir dir;
        const CatalogResult r = scanFolder(dir.path());
        QVERIFY(r.ok());
        QVERIFY(r.imagePaths.isEmpty());
    }

    void scanFolder_badFolder_saysWhy_data()
    {
        QTest::addColumn<QString>("relative");
        QTest::addColumn<QString>("expected");
        QTest::newRow("missing") << "nope"
                                 << "does not exist";
        QTest::newRow("a file") << "file.jpg"
                                << "is not a folder";
    }
    void scanFolder_badFolder_saysWhy()
    {
        QFETCH(QString, relative);
        QFETCH(QString, expected);
        QTemporaryDir dir;
        touch(dir.filePath("file.jpg"));
        const CatalogResult r = scanFolder(dir.filePath(relative));
        QVERIFY(!r.ok());
        QVERIFY2(r.error.contains(expected), qPrintable(r.error));
        QVERIFY2(r.error.contains(dir.filePath(relative)), qPrintable(r.error));
        QVERIFY(r.imagePaths.isEmpty());
    }

    void scanFolder_unreadableFolder_saysPermissionDenied()
    {
        if (geteuid() == 0)
            QSKIP("root can read folders without read permission");
        QTemporaryDir dir;
        touch(dir.filePath("locked/a.jpg"));
        const QString locked = dir.filePath("locked");
        QVERIFY(QFile::setPermissions(locked, QFileDevice::Permissions()));
        const CatalogResult r = scanFolder(locked);
        QFile::setPermissions(
            locked, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
        QVERIFY(!r.ok());
        QVERIFY2(r.error.contains("permission denied"), qPrintable(r.error));
    }

    void catalogFromFiles_skipsWithReasonsAndDeduplicates()
    {
        QTemporaryDir dir;
        touch(dir.filePath("b10.jpg"));
        touch(dir.filePath("b9.jpg"));
        touch(dir.filePath("readme.txt"));
        QDir().mkpath(dir.filePath("folder.jpg"));
        const CatalogResult r
            = catalogFromFiles({ dir.filePath("b10.jpg"), dir.filePath("b9.jpg"), dir.filePath("./b9.jpg"),
                dir.filePath("readme.txt"), dir.filePath("missing.jpg"), dir.filePath("folder.jpg") });
        QVERIFY(r.ok());
        QCOMPARE(fileNames(r.imagePaths, dir.path()), (QStringList { "b9.jpg", "b10.jpg" }));
        QCOMPARE(r.skipped.size(), 3);
        QVERIFY(r.skipped[0].contains("readme.txt"));
        QVERIFY(r.skipped[1].contains("does not exist"));
        QVERIFY(r.skipped[2].contains("is a folder"));
    }

    void catalogFromFiles_nothingUsable_isAnError()
    {
        QTemporaryDir dir;
        touch(dir.filePath("readme.txt"));
        QVERIFY(!catalogFromFiles({ dir.filePath("readme.txt") }).ok());
        QVERIFY(!catalogFromFiles({}).ok());
    }

    void sortNaturally_isTotalAndCaseInsensitive()
    {
        QStringList paths { "/p/x10.jpg", "/p/X2.jpg", "/p/x2.jpg", "/p/x1.jpg" };
        sortNaturally(paths);
        QCOMPARE(paths, (QStringList { "/p/x1.jpg", "/p/X2.jpg", "/p/x2.jpg", "/p/x10.jpg" }));
    }
};

QTEST_GUILESS_MAIN(ImageCatalogTest)
#include "ImageCatalogTest.moc"
