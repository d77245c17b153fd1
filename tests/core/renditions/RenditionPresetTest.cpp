// Rendition preset files: parsing (good files and every kind of bad field, with the field named in
// the error), the built-in sets (compiled-in JSON byte-identical to resources/presets, the exact
// social sizes), user sets saved and found, and --preset FILE|NAME lookup.

#include "core/renditions/BuiltinRenditionSets.h"
#include "core/renditions/Rendition.h"
#include "core/renditions/RenditionPresetStore.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace cropwise;

Q_DECLARE_METATYPE(cropwise::Size)

namespace {

QByteArray setWith(const QByteArray &renditions, const QByteArray &extraTop = {})
{
    return "{ \"name\": \"mine\", " + extraTop + "\"renditions\": [" + renditions + "] }";
}

const QByteArray kGood = R"({ "name": "square", "aspect": "1:1", "size": "1080x1080" })";

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class RenditionPresetTest : public QObject
{
    Q_OBJECT

private slots:
    void parse_readsEveryField()
    {
        const QByteArray json = R"({
            "version": 1, "name": "site", "description": "my site",
            "renditions": [
                { "name": "hero", "aspect": "16:9", "size": "2560x1440", "format": "webp", "quality": 80,
                  "fileName": "{stem}-{w}x{h}" },
                { "name": "full", "aspect": "original", "size": 2048, "format": "PNG" },
                { "name": "og", "size": "1200x630", "format": "jpg" },
                { "name": "tall", "aspect": "2:3", "size": 1500, "format": "tif" }
            ] })";
        const RenditionSetParseResult r = parseRenditionSet(json, QStringLiteral("site.json"));
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(r.set.name, QStringLiteral("site"));
        QCOMPARE(r.set.description, QStringLiteral("my site"));
        QCOMPARE(r.set.renditions.size(), 4);
        const Rendition &hero = r.set.renditions[0];
        QCOMPARE(hero.aspect, AspectRatio::make(16, 9));
        QCOMPARE(hero.size, RenditionSize::exact(2560, 1440));
        QCOMPARE(hero.format, OutputFormat::WebP);
        QCOMPARE(hero.quality, 80);
        QCOMPARE(hero.fileNameTemplate, QStringLiteral("{stem}-{w}x{h}"));
        const Rendition &full = r.set.renditions[1];
        QCOMPARE(full.aspect, std::nullopt);
        QCOMPARE(full.size, RenditionSize::longest(2048));
        QCOMPARE(full.format, OutputFormat::Png);
        QCOMPARE(full.quality, 90); // default
        QCOMPARE(full.fileNameTemplate, QStringLiteral("{stem}_{rendition}")); // default
        // Without an aspect, an exact size gives its own (1200x630 = 40:21).
        QCOMPARE(r.set.renditions[2].aspect, AspectRatio::make(40, 21));
        QCOMPARE(r.set.renditions[2].format, OutputFormat::Jpeg);
        QCOMPARE(r.set.renditions[3].format, OutputFormat::Tiff);
    }

    void parse_acceptsAnAspectWithinOnePixelOfTheSize()
    {
        // 1200x628 is 191:100 to within rounding (Facebook's 1.91:1).
        const RenditionSetParseResult r
            = parseRenditionSet(setWith(R"({ "name": "fb", "aspect": "191:100", "size": "1200x628" })"),
                QStringLiteral("p.json"));
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(r.set.renditions[0].aspect, AspectRatio::make(191, 100));
    }

    void parse_givesAnExactSizeItsSimplestAspect_data()
    {
        QTest::addColumn<QString>("size");
        QTest::addColumn<QString>("aspect");
        QTest::newRow("exact ratio") << "1080x1350"
                                     << "4:5";
        QTest::newRow("open graph") << "1200x630"
                                    << "40:21";
        QTest::newRow("within a pixel") << "1200x628"
                                        << "21:11"; // not 300:157
        QTest::newRow("a4 at 300 dpi") << "3508x2480"
                                       << "58:41"; // not 877:620
        QTest::newRow("full hd") << "1920x1080"
                                 << "16:9";
    }
    void parse_givesAnExactSizeItsSimplestAspect()
    {
        QFETCH(QString, size);
        QFETCH(QString, aspect);
        const RenditionSetParseResult r = parseRenditionSet(
            setWith("{ \"name\": \"x\", \"size\": \"" + size.toLatin1() + "\" }"), QStringLiteral("p.json"));
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(r.set.renditions[0].aspect->toString(), aspect);
    }

    void parse_namesTheBadField_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("error");
        QTest::newRow("not json")
            << QByteArray("{ \"name\": \"x\",\n  oops }")
            << QStringLiteral("presets.json: line 2, column 4: not valid JSON"); // where Qt noticed
        QTest::newRow("not an object")
            << QByteArray("[1, 2]") << QStringLiteral("presets.json: expected a JSON object");
        QTest::newRow("unknown top member") << QByteArray(R"({"name": "x", "renditons": []})")
                                            << QStringLiteral("presets.json: renditons: unknown member");
        QTest::newRow("newer version")
            << setWith(kGood, "\"version\": 7, ") << QStringLiteral("presets.json: version: 7 is newer");
        QTest::newRow("name missing")
            << QByteArray(R"({"renditions": []})")
            << QStringLiteral("presets.json: name: expected a string, found nothing");
        QTest::newRow("renditions not a list")
            << QByteArray(R"({"name": "x", "renditions": {}})")
            << QStringLiteral("presets.json: renditions: expected a list, found an object");
        QTest::newRow("no renditions")
            << setWith("") << QStringLiteral("presets.json: renditions: at least one rendition is needed");
        QTest::newRow("rendition not an object")
            << setWith(kGood + ", 3")
            << QStringLiteral("presets.json: renditions[1]: expected an object, found a number");
        QTest::newRow("size as text")
            << setWith(kGood + ", " + kGood + R"(, { "name": "x", "aspect": "1:1", "size": "big" })")
            << QStringLiteral("presets.json: renditions[2].size: expected \"WxH\" or a number");
        QTest::newRow("size missing")
            << setWith(R"({ "name": "x", "aspect": "1:1" })")
            << QStringLiteral("presets.json: renditions[0].size: expected \"WxH\" or a number");
        QTest::newRow("size zero")
            << setWith(R"({ "name": "x", "aspect": "1:1", "size": "0x0" })")
            << QStringLiteral("presets.json: renditions[0].size: each side must be 1..30000 pixels");
        QTest::newRow("longest side fraction")
            << setWith(R"({ "name": "x", "aspect": "1:1", "size": 10.5 })")
            << QStringLiteral("presets.json: renditions[0].size: expected \"WxH\" or a number");
        QTest::newRow("size not the aspect")
            << setWith(R"({ "name": "x", "aspect": "4:5", "size": "1080x1080" })")
            << QStringLiteral("presets.json: renditions[0].size: 1080x1080 does not have the aspect 4:5");
        QTest::newRow("original with exact size")
            << setWith(R"({ "name": "x", "aspect": "original", "size": "800x600" })")
            << QStringLiteral(
                   "presets.json: renditions[0].size: an \"original\" aspect needs a longest side");
        QTest::newRow("aspect malformed")
            << setWith(R"({ "name": "x", "aspect": "wide", "size": 800 })")
            << QStringLiteral("presets.json: renditions[0].aspect: expected \"a:b\" with positive integers "
                              "or \"original\", found \"wide\"");
        QTest::newRow("aspect missing with longest side")
            << setWith(R"({ "name": "x", "size": 800 })")
            << QStringLiteral("presets.json: renditions[0].aspect: needed with a longest side");
        QTest::newRow("aspect a number")
            << setWith(R"({ "name": "x", "aspect": 1.5, "size": 800 })")
            << QStringLiteral(
                   "presets.json: renditions[0].aspect: expected \"a:b\" or \"original\", found a number");
        QTest::newRow("format unknown")
            << setWith(R"({ "name": "x", "aspect": "1:1", "size": 800, "format": "gif" })")
            << QStringLiteral(
                   "presets.json: renditions[0].format: expected \"jpeg\", \"png\", \"webp\" or \"tiff\"");
        QTest::newRow("quality too high")
            << setWith(R"({ "name": "x", "aspect": "1:1", "size": 800, "quality": 101 })")
            << QStringLiteral("presets.json: renditions[0].quality: expected an integer from 1 to 100");
        QTest::newRow("quality text")
            << setWith(R"({ "name": "x", "aspect": "1:1", "size": 800, "quality": "high" })")
            << QStringLiteral("presets.json: renditions[0].quality: expected an integer from 1 to 100");
        QTest::newRow("name empty") << setWith(R"({ "name": "", "aspect": "1:1", "size": 800 })")
                                    << QStringLiteral("presets.json: renditions[0].name: must not be empty");
        QTest::newRow("name with slash")
            << setWith(R"({ "name": "a/b", "aspect": "1:1", "size": 800 })")
            << QStringLiteral("presets.json: renditions[0].name: must not contain /");
        QTest::newRow("name twice") << setWith(
            kGood + R"(, { "name": "Square", "aspect": "1:1", "size": 100 })")
                                    << QStringLiteral(
                                           "presets.json: renditions[1].name: \"Square\" is used twice");
        QTest::newRow("template path")
            << setWith(R"({ "name": "x", "aspect": "1:1", "size": 800, "fileName": "../{stem}" })")
            << QStringLiteral("presets.json: renditions[0].fileName: must be a file name, not a path");
        QTest::newRow("template placeholder")
            << setWith(R"({ "name": "x", "aspect": "1:1", "size": 800, "fileName": "{stem}_{size}" })")
            << QStringLiteral("presets.json: renditions[0].fileName: unknown placeholder {size}");
        QTest::newRow("template brace") << setWith(
            "{ \"name\": \"x\", \"aspect\": \"1:1\", \"size\": 800, \"fileName\": \"{stem\" }") // (moc trips
                                                                                                // over an
                                                                                                // unbalanced
                                                                                                // brace in a
                                                                                                // raw string)
                                        << QStringLiteral(
                                               "presets.json: renditions[0].fileName: a '{' without its '}'");
        QTest::newRow("unknown rendition member")
            << setWith(R"({ "name": "x", "aspect": "1:1", "size": 800, "sise": 3 })")
            << QStringLiteral("presets.json: renditions[0].sise: unknown member");
    }
    void parse_namesTheBadField()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, error);
        const RenditionSetParseResult r = parseRenditionSet(json, QStringLiteral("presets.json"));
        QVERIFY(!r.ok());
        QVERIFY2(r.error.startsWith(error), qPrintable(r.error));
        QVERIFY(r.set.renditions.isEmpty()); // nothing half-parsed comes back
    }

    void json_roundTrips()
    {
        for (const RenditionSet &set : builtinRenditionSets()) {
            const RenditionSetParseResult again = parseRenditionSet(toRenditionSetJson(set), set.name);
            QVERIFY2(again.ok(), qPrintable(again.error));
            QCOMPARE(again.set, set);
        }
    }

    void builtinSets_areTheFilesInResources()
    {
        QCOMPARE(builtinRenditionSetNames(),
            (QStringList { QStringLiteral("social"), QStringLiteral("web"), QStringLiteral("print") }));
        for (const QString &name : builtinRenditionSetNames()) {
            const QString path = QStringLiteral(CROPWISE_SOURCE_DIR "/resources/presets/%1.json").arg(name);
            const QByteArray onDisk = readFile(path);
            QVERIFY2(!onDisk.isEmpty(), qPrintable(path));
            QVERIFY2(builtinRenditionSetJson(name) == onDisk,
                qPrintable(QStringLiteral("%1 differs from the text compiled into "
                                          "core/renditions/BuiltinRenditionSets.cpp: copy it there")
                               .arg(path)));
            const RenditionSetParseResult parsed = parseRenditionSet(onDisk, path);
            QVERIFY2(parsed.ok(), qPrintable(parsed.error));
            QCOMPARE(parsed.set.name, name);
        }
        // Every file in resources/presets is a built-in set (none forgotten in the code).
        const QStringList files = QDir(QStringLiteral(CROPWISE_SOURCE_DIR "/resources/presets"))
                                      .entryList({ QStringLiteral("*.json") }, QDir::Files, QDir::Name);
        QCOMPARE(files.size(), builtinRenditionSetNames().size());
        QCOMPARE(builtinRenditionSets().size(), builtinRenditionSetNames().size());
    }

    void socialSet_hasExactlyTheFourSocialSizes()
    {
        const RenditionSetParseResult social
            = parseRenditionSet(builtinRenditionSetJson(QStringLiteral("social")), QStringLiteral("social"));
        QVERIFY2(social.ok(), qPrintable(social.error));
        QCOMPARE(social.set.renditions.size(), 4);
        const QList<std::pair<AspectRatio, Size>> expected = { { { 1, 1 }, { 1080, 1080 } },
            { { 4, 5 }, { 1080, 1350 } }, { { 16, 9 }, { 1920, 1080 } }, { { 9, 16 }, { 1080, 1920 } } };
        for (int i = 0; i < 4; ++i) {
            const Rendition &r = social.set.renditions[i];
            QCOMPARE(r.aspect, expected[i].first);
            QCOMPARE(r.size.kind, RenditionSize::Kind::Exact);
            QCOMPARE(renditionOutputSize(r, { 4000, 3000 }), expected[i].second);
            QVERIFY(expected[i].first.matches(expected[i].second)); // exactly the aspect, no rounding
        }
    }

    void outputSize_followsAspectOrCrop_data()
    {
        QTest::addColumn<QString>("aspect");
        QTest::addColumn<int>("longest");
        QTest::addColumn<Size>("crop");
        QTest::addColumn<Size>("expected");
        QTest::newRow("landscape by aspect") << "3:2" << 1500 << Size { 10, 10 } << Size { 1500, 1000 };
        QTest::newRow("portrait by aspect") << "2:3" << 1500 << Size { 10, 10 } << Size { 1000, 1500 };
        QTest::newRow("original landscape")
            << "original" << 2048 << Size { 6000, 4000 } << Size { 2048, 1365 };
        QTest::newRow("original portrait")
            << "original" << 2048 << Size { 3000, 4500 } << Size { 1365, 2048 };
    }
    void outputSize_followsAspectOrCrop()
    {
        QFETCH(QString, aspect);
        QFETCH(int, longest);
        QFETCH(Size, crop);
        QFETCH(Size, expected);
        Rendition r;
        r.aspect = aspect == QLatin1String("original") ? std::nullopt : AspectRatio::parse(aspect);
        r.size = RenditionSize::longest(longest);
        QCOMPARE(renditionOutputSize(r, crop), expected);
    }

    void store_savesLoadsReplacesAndRemovesUserSets()
    {
        QTemporaryDir dir;
        const RenditionPresetStore store(dir.filePath(QStringLiteral("renditions")));
        QVERIFY(store.loadUserSets().sets.isEmpty()); // missing folder = no sets

        RenditionSet set = parseRenditionSet(setWith(kGood), QStringLiteral("x")).set;
        set.name = QStringLiteral("My Site");
        QCOMPARE(store.save(set), QString());
        QCOMPARE(store.loadUserSets().sets, QList<RenditionSet> { set });
        const QString file = store.fileFor(QStringLiteral("my site"));
        QVERIFY(file.endsWith(QLatin1String("/My Site.json")));

        set.renditions[0].quality = 70; // saving again replaces the same file
        QCOMPARE(store.save(set), QString());
        QCOMPARE(QDir(store.folder()).entryList(QDir::Files).size(), 1);
        QCOMPARE(store.loadUserSets().sets.first().renditions[0].quality, 70);

        // Built-in names are reserved; invalid sets are refused with the field named.
        RenditionSet social = set;
        social.name = QStringLiteral("Social");
        QVERIFY(store.save(social).contains(QLatin1String("built-in")));
        RenditionSet bad = set;
        bad.renditions[0].quality = 0;
        QVERIFY(store.save(bad).contains(QLatin1String("renditions[0].quality")));

        // A broken file is reported by name and does not hide the good ones.
        QFile broken(QDir(store.folder()).filePath(QStringLiteral("broken.json")));
        QVERIFY(broken.open(QIODevice::WriteOnly));
        broken.write(setWith(R"({ "name": "x", "aspect": "1:1", "size": "huge" })"));
        broken.close();
        const RenditionPresetStore::LoadResult loaded = store.loadUserSets();
        QCOMPARE(loaded.sets.size(), 1);
        QCOMPARE(loaded.errors.size(), 1);
        QVERIFY2(loaded.errors.first().contains(QLatin1String("broken.json: renditions[0].size")),
            qPrintable(loaded.errors.first()));

        QCOMPARE(store.remove(QStringLiteral("MY SITE")), QString());
        QVERIFY(store.loadUserSets().sets.isEmpty());
        QVERIFY(!store.remove(QStringLiteral("my site")).isEmpty());
    }

    void findRenditionSet_resolvesNamesAndFiles()
    {
        QTemporaryDir dir;
        const RenditionPresetStore store(dir.filePath(QStringLiteral("renditions")));
        RenditionSet mine = parseRenditionSet(setWith(kGood), QStringLiteral("x")).set;
        QCOMPARE(store.save(mine), QString());

        const RenditionSetLookup social = findRenditionSet(QStringLiteral("Social"), store);
        QVERIFY2(social.ok(), qPrintable(social.error));
        QCOMPARE(social.set.name, QStringLiteral("social"));
        QVERIFY(social.origin.startsWith(QLatin1String("built-in")));

        const RenditionSetLookup user = findRenditionSet(QStringLiteral("mine"), store);
        QVERIFY2(user.ok(), qPrintable(user.error));
        QCOMPARE(user.set, mine);

        const QString file = dir.filePath(QStringLiteral("presets.json"));
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(setWith(
            R"({ "name": "a", "aspect": "1:1", "size": 100 }, { "name": "b", "aspect": "1:1", "size": "nope" })"));
        f.close();
        const RenditionSetLookup bad = findRenditionSet(file, store);
        QVERIFY(!bad.ok());
        QCOMPARE(bad.error, file + QStringLiteral(": renditions[1].size: expected \"WxH\" or a number"));

        const RenditionSetLookup unknown = findRenditionSet(QStringLiteral("instagram"), store);
        QVERIFY(!unknown.ok());
        QVERIFY2(
            unknown.error.contains(QLatin1String("social, web, print, mine")), qPrintable(unknown.error));
        QVERIFY(!findRenditionSet(dir.filePath(QStringLiteral("missing.json")), store).ok());
    }
};

QTEST_GUILESS_MAIN(RenditionPresetTest)
#include "RenditionPresetTest.moc"
