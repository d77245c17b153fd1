// Output file names from templates: placeholders, extensions, and above all that no template and
// no value (a label, a stem) can ever name a file outside the output folder.

#include "core/renditions/FileNameTemplate.h"

#include <QDir>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace cropwise;

Q_DECLARE_METATYPE(cropwise::OutputFormat)

class FileNameTemplateTest : public QObject
{
    Q_OBJECT

private slots:
    void expand_fillsPlaceholdersAndAddsTheExtension_data()
    {
        QTest::addColumn<QString>("tpl");
        QTest::addColumn<OutputFormat>("format");
        QTest::addColumn<QString>("expected");
        QTest::newRow("default") << "{stem}_{rendition}" << OutputFormat::Jpeg << "IMG_0042_square.jpg";
        QTest::newRow("sizes") << "{stem}-{w}x{h}" << OutputFormat::WebP << "IMG_0042-1080x1350.webp";
        QTest::newRow("label") << "{label}/{stem}" << OutputFormat::Png << "";
        QTest::newRow("extension kept") << "{stem}.jpeg" << OutputFormat::Jpeg << "IMG_0042.jpeg";
        QTest::newRow("other extension appended") << "{stem}.png" << OutputFormat::Tiff << "IMG_0042.png.tif";
        QTest::newRow("literal text")
            << "web {rendition} final" << OutputFormat::Jpeg << "web square final.jpg";
    }
    void expand_fillsPlaceholdersAndAddsTheExtension()
    {
        QFETCH(QString, tpl);
        QFETCH(OutputFormat, format);
        QFETCH(QString, expected);
        QString error;
        const QString name = expandFileName(tpl,
            { QStringLiteral("IMG_0042"), QStringLiteral("square"), QStringLiteral("face"), 1080, 1350 },
            format, &error);
        if (expected.isEmpty()) { // a template with a separator is refused outright
            QVERIFY(name.isEmpty());
            QVERIFY(error.contains(QLatin1String("not a path")));
            return;
        }
        QCOMPARE(name, expected);
    }

    // Hostile values: whatever they are, the result is one plain, visible file name.
    void expand_sanitisesValues_data()
    {
        QTest::addColumn<QString>("label");
        QTest::addColumn<QString>("expected");
        QTest::newRow("parent folders") << "../../etc/passwd"
                                        << "photo__.._.._etc_passwd.jpg";
        QTest::newRow("absolute path") << "/etc/passwd"
                                       << "photo___etc_passwd.jpg";
        QTest::newRow("backslashes") << "..\\..\\x"
                                     << "photo__.._.._x.jpg";
        QTest::newRow("only dots") << ".."
                                   << "photo__...jpg";
        QTest::newRow("control characters") << "a\nb\tc"
                                            << "photo__a_b_c.jpg";
        QTest::newRow("windows reserved") << "a<b>c:d\"e|f?g*h"
                                          << "photo__a_b_c_d_e_f_g_h.jpg";
        QTest::newRow("unicode kept") << "café ☕"
                                      << "photo__café ☕.jpg";
    }
    void expand_sanitisesValues()
    {
        QFETCH(QString, label);
        QFETCH(QString, expected);
        QTemporaryDir dir;
        const QString name = expandFileName(QStringLiteral("{stem}__{label}"),
            { QStringLiteral("photo"), QStringLiteral("r"), label, 1, 1 }, OutputFormat::Jpeg);
        QCOMPARE(name, expected);
        QString error;
        const QString path = outputPathIn(dir.path(), name, &error);
        QVERIFY2(!path.isEmpty(), qPrintable(error));
        QCOMPARE(QFileInfo(path).absolutePath(), QDir(dir.path()).absolutePath());
    }

    void expand_neverGivesAHiddenOrEmptyName()
    {
        // Leading dots become underscores; an empty result gets a neutral name.
        QCOMPARE(
            expandFileName(QStringLiteral("{label}"),
                { QStringLiteral("p"), QStringLiteral("r"), QStringLiteral(".."), 1, 1 }, OutputFormat::Png),
            QStringLiteral("__.png"));
        QCOMPARE(expandFileName(QStringLiteral("{label}"),
                     { QStringLiteral("p"), QStringLiteral("r"), QStringLiteral(".hidden"), 1, 1 },
                     OutputFormat::Png),
            QStringLiteral("_hidden.png"));
        QCOMPARE(expandFileName(QStringLiteral("{label}"),
                     { QStringLiteral("p"), QStringLiteral("r"), QString(), 1, 1 }, OutputFormat::Png),
            QStringLiteral("image.png"));
    }

    void expand_cutsLongNamesWithoutSplittingCharacters()
    {
        const QString longStem = QString(300, QChar(0x00e9)); // é: 2 bytes each in UTF-8
        const QString name = expandFileName(
            QStringLiteral("{stem}"), { longStem, QStringLiteral("r"), {}, 1, 1 }, OutputFormat::Jpeg);
        QVERIFY(name.endsWith(QLatin1String(".jpg")));
        QVERIFY(name.toUtf8().size() <= 255);
        QCOMPARE(name.chopped(4), QString(100, QChar(0x00e9)));
    }

    void checkTemplate_refusesPathsAndUnknownPlaceholders_data()
    {
        QTest::addColumn<QString>("tpl");
        QTest::addColumn<QString>("problem");
        QTest::newRow("ok") << "{stem}_{rendition}_{w}x{h}_{label}"
                            << "";
        QTest::newRow("empty") << "  "
                               << "must not be empty";
        QTest::newRow("slash") << "out/{stem}"
                               << "must be a file name, not a path (no / or \\)";
        QTest::newRow("parent") << "../{stem}"
                                << "must be a file name, not a path (no / or \\)";
        QTest::newRow("absolute") << "/tmp/{stem}"
                                  << "must be a file name, not a path (no / or \\)";
        QTest::newRow("backslash") << "..\\{stem}"
                                   << "must be a file name, not a path (no / or \\)";
        QTest::newRow("unknown") << "{name}"
                                 << "unknown placeholder {name}; use {stem} {rendition} {w} {h} {label}";
        QTest::newRow("unclosed") << "{stem"
                                  << "a '{' without its '}'";
        QTest::newRow("unopened") << "stem}"
                                  << "a '}' without its '{'";
        QTest::newRow("control") << "a\tb"
                                 << "must not contain control characters";
    }
    void checkTemplate_refusesPathsAndUnknownPlaceholders()
    {
        QFETCH(QString, tpl);
        QFETCH(QString, problem);
        QCOMPARE(checkFileNameTemplate(tpl), problem);
    }

    void outputPathIn_refusesAnythingButAPlainName_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("ok");
        QTest::newRow("plain") << "a.jpg" << true;
        QTest::newRow("dots inside") << "a..b.jpg" << true;
        QTest::newRow("parent") << ".." << false;
        QTest::newRow("current") << "." << false;
        QTest::newRow("separator") << "x/a.jpg" << false;
        QTest::newRow("escape") << "../a.jpg" << false;
        QTest::newRow("absolute") << "/etc/passwd" << false;
        QTest::newRow("backslash") << "..\\a.jpg" << false;
        QTest::newRow("empty") << "" << false;
    }
    void outputPathIn_refusesAnythingButAPlainName()
    {
        QFETCH(QString, name);
        QFETCH(bool, ok);
        QTemporaryDir dir;
        QString error;
        const QString path = outputPathIn(dir.path(), name, &error);
        QCOMPARE(!path.isEmpty(), ok);
        if (ok)
            QCOMPARE(path, QDir(dir.path()).absolutePath() + QLatin1Char('/') + name);
        else
            QVERIFY(!error.isEmpty());
    }
};

QTEST_GUILESS_MAIN(FileNameTemplateTest)
#include "FileNameTemplateTest.moc"
