// When a cached suggestion run is still current (SuggestionCache.h isCurrent()).

#include "core/model/SuggestionCache.h"

#include <QTest>

#include <functional>

using namespace cropwise;

using KeyEdit = std::function<void(SuggestionCacheKey &)>;
Q_DECLARE_METATYPE(KeyEdit)

namespace {

SuggestionCacheKey baseKey()
{
    SuggestionCacheKey k;
    k.contentSha256 = QStringLiteral("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    k.suggester = QStringLiteral("cropwise-suggest/1");
    k.aspects = { AspectRatio { 1, 1 }, AspectRatio { 4, 5 }, std::nullopt };
    k.mustInclude = { { MustIncludeRegion::Kind::Region, { 10, 10, 50, 50 } } };
    k.top = 3;
    return k;
}

} // namespace

class ReviewCacheKeyTest : public QObject
{
    Q_OBJECT

private slots:
    void isCurrent_whenTheWantedKeyChanges_data()
    {
        QTest::addColumn<KeyEdit>("edit");
        QTest::addColumn<bool>("current");
        QTest::newRow("same") << KeyEdit([](SuggestionCacheKey &) {}) << true;
        QTest::newRow("file content changed")
            << KeyEdit([](SuggestionCacheKey &k) { k.contentSha256.replace(0, 1, QStringLiteral("f")); })
            << false;
        QTest::newRow("suggester version changed")
            << KeyEdit([](SuggestionCacheKey &k) { k.suggester = QStringLiteral("cropwise-suggest/2"); })
            << false;
        QTest::newRow("aspect added") << KeyEdit([](SuggestionCacheKey &k) {
            k.aspects.append(AspectRatio { 16, 9 });
        }) << false;
        QTest::newRow("aspect removed")
            << KeyEdit([](SuggestionCacheKey &k) { k.aspects.removeLast(); }) << false;
        QTest::newRow("aspects reordered")
            << KeyEdit([](SuggestionCacheKey &k) { std::swap(k.aspects[0], k.aspects[1]); }) << false;
        QTest::newRow("free became an aspect") << KeyEdit([](SuggestionCacheKey &k) {
            k.aspects[2] = AspectRatio { 1, 1 };
        }) << false;
        QTest::newRow("region moved")
            << KeyEdit([](SuggestionCacheKey &k) { k.mustInclude[0].rect.x += 1; }) << false;
        QTest::newRow("region became a pinned face")
            << KeyEdit([](SuggestionCacheKey &k) { k.mustInclude[0].kind = MustIncludeRegion::Kind::Face; })
            << false;
        QTest::newRow("region added") << KeyEdit([](SuggestionCacheKey &k) {
            k.mustInclude.append({ MustIncludeRegion::Kind::Face, { 0, 0, 5, 5 } });
        }) << false;
        QTest::newRow("regions cleared")
            << KeyEdit([](SuggestionCacheKey &k) { k.mustInclude.clear(); }) << false;
        QTest::newRow("image turned") << KeyEdit([](SuggestionCacheKey &k) {
            k.userTurn = *UserTurn::fromParts(90, UserTurn::Mirror::No);
        }) << false;
        QTest::newRow("image mirrored") << KeyEdit([](SuggestionCacheKey &k) {
            k.userTurn = *UserTurn::fromParts(0, UserTurn::Mirror::Yes);
        }) << false;
        QTest::newRow("fewer alternatives wanted")
            << KeyEdit([](SuggestionCacheKey &k) { k.top = 1; }) << true;
        QTest::newRow("more alternatives wanted")
            << KeyEdit([](SuggestionCacheKey &k) { k.top = 4; }) << false;
    }
    void isCurrent_whenTheWantedKeyChanges()
    {
        QFETCH(KeyEdit, edit);
        QFETCH(bool, current);
        SuggestionCacheKey wanted = baseKey();
        edit(wanted);
        QCOMPARE(isCurrent(baseKey(), wanted), current);
    }

    void isCurrent_neverForAnEntryOfUnknownOrigin()
    {
        SuggestionCacheKey stored = baseKey();
        stored.contentSha256.clear();
        SuggestionCacheKey wanted = stored;
        QVERIFY(!isCurrent(stored, wanted));
        stored = baseKey();
        stored.suggester.clear();
        wanted = stored;
        QVERIFY(!isCurrent(stored, wanted));
    }

    void fileStamp_isMillisecondUtc_andInvalidForMissingFiles()
    {
        QVERIFY(!fileStamp(QStringLiteral("/no/such/file.jpg")).isValid());
        const FileStamp own = fileStamp(QString::fromUtf8(__FILE__));
        QVERIFY(own.isValid());
        QCOMPARE(own.modified.timeSpec(), Qt::UTC);
        QCOMPARE(fileStamp(QString::fromUtf8(__FILE__)), own);
    }
};

QTEST_GUILESS_MAIN(ReviewCacheKeyTest)
#include "ReviewCacheKeyTest.moc"
