#include "core/model/Sidecar.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

using namespace cropwise;

namespace {

const Size kImage { 400, 300 };

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool writeBytes(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

ImageState sampleState()
{
    ImageState s;
    s.crops = { Crop { "id-1", "Crop 1", "face", { 10, 20, 100, 125 }, AspectRatio::make(4, 5), {} },
        Crop { "id-2", QString::fromUtf8("Ünïcødé \"quoted\""), "", { 0, 0, 400, 300 }, std::nullopt, {} } };
    s.verified = true;
    return s;
}

QStringList brokenFilesIn(const QString &folder)
{
    return QDir(folder).entryList({ "*.broken-*" }, QDir::Files | QDir::Hidden);
}

} // namespace

class SidecarTest : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_image; // an image file in a writable folder
    QString m_userData; // per-user sidecar folder for the store under test
    SidecarStore m_store;

    static bool alwaysWritable(const QString &) { return true; }

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init()
    {
        QVERIFY(m_dir.isValid());
        const QString images = m_dir.filePath(QString("images-%1").arg(QTest::currentTestFunction()));
        QVERIFY(QDir().mkpath(images));
        m_image = images + "/photo.jpg";
        QVERIFY(writeBytes(m_image, "not decoded by the sidecar code"));
        m_userData = m_dir.filePath(QString("userdata-%1").arg(QTest::currentTestFunction()));
        m_store = SidecarStore(m_userData, &alwaysWritable);
    }

    void location_isBesideImageWithSuffix()
    {
        const SidecarLocation loc = m_store.besideImage(m_image);
        QCOMPARE(loc.path, m_image + ".cropwise.json");
        QCOMPARE(loc.place, SidecarPlace::BesideImage);
        const QString expectedHash = QString::fromLatin1(QCryptographicHash::hash(
            QFileInfo(m_image).canonicalFilePath().toUtf8(), QCryptographicHash::Sha1)
                                                             .toHex());
        QCOMPARE(m_store.inUserDataFolder(m_image).path, m_userData + "/" + expectedHash + ".json");
    }

    void defaultStore_usesAppDataSidecarsFolder()
    {
        const SidecarStore store;
        QCOMPARE(store.userDataFolder(),
            QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + "/sidecars");
    }

    void read_withoutSidecar_isNotFound()
    {
        const SidecarReadResult r = m_store.read(m_image, kImage);
        QCOMPARE(r.status, SidecarReadResult::Status::NotFound);
        QVERIFY(r.error.isEmpty());
        QVERIFY(r.state.isDefault());
        QVERIFY(!m_store.existingSidecar(m_image));
    }

    void writeThenRead_roundTrips_data()
    {
        QTest::addColumn<int>("degrees");
        QTest::addColumn<bool>("mirrored");
        QTest::newRow("no turn") << 0 << false;
        QTest::newRow("90 mirrored") << 90 << true;
        QTest::newRow("180") << 180 << false;
        QTest::newRow("270") << 270 << false;
    }
    void writeThenRead_roundTrips()
    {
        QFETCH(int, degrees);
        QFETCH(bool, mirrored);
        ImageState state = sampleState();
        state.userTurn
            = *UserTurn::fromParts(degrees, mirrored ? UserTurn::Mirror::Yes : UserTurn::Mirror::No);
        const Size displayed = state.userTurn.apply(kImage);
        state.crops[1].rect = Rect::fromSize(displayed);
        state.crops[0].rect = { displayed.width - 110, 5, 100, 125 };

        const SidecarWriteResult w = m_store.write(m_image, kImage, state);
        QVERIFY2(w.ok(), qPrintable(w.error));
        QCOMPARE(w.location.path, m_image + ".cropwise.json");
        const SidecarReadResult r = m_store.read(m_image, kImage);
        QCOMPARE(r.status, SidecarReadResult::Status::Loaded);
        QVERIFY2(r.warnings.isEmpty(), qPrintable(r.warnings.join('\n')));
        QCOMPARE(r.state, state);
        QCOMPARE(r.recordedImage.fileName, QStringLiteral("photo.jpg"));
        QCOMPARE(r.recordedImage.orientedSize, kImage);
        QCOMPARE(r.recordedImage.fileSize, QFileInfo(m_image).size());
        QCOMPARE(r.recordedImage.modified, QFileInfo(m_image).lastModified().toUTC());
    }

    void write_producesDocumentedJson()
    {
        QVERIFY(m_store.write(m_image, kImage, sampleState()).ok());
        const QJsonObject root = QJsonDocument::fromJson(readAll(m_image + ".cropwise.json")).object();
        QCOMPARE(root["format"].toString(), QStringLiteral("cropwise.sidecar"));
        QCOMPARE(root["version"].toInt(), 1);
        QCOMPARE(root["image"]["file"].toString(), QStringLiteral("photo.jpg"));
        QCOMPARE(root["image"]["width"].toInt(), 400);
        QCOMPARE(root["image"]["height"].toInt(), 300);
        QVERIFY(!root["image"].toObject().contains("path")); // absolute paths only in the per-user folder
        QCOMPARE(root["userTurn"]["rotateClockwise"].toInt(), 0);
        QCOMPARE(root["userTurn"]["mirror"].toBool(), false);
        QCOMPARE(root["verified"].toBool(), true);
        const QJsonArray crops = root["crops"].toArray();
        QCOMPARE(crops.size(), 2);
        QCOMPARE(crops[0]["id"].toString(), QStringLiteral("id-1"));
        QCOMPARE(crops[0]["label"].toString(), QStringLiteral("face"));
        QCOMPARE(crops[0]["rect"].toArray(), (QJsonArray { 10, 20, 100, 125 }));
        QCOMPARE(crops[0]["aspect"].toString(), QStringLiteral("4:5"));
        QVERIFY(crops[1].toObject().contains("aspect"));
        QVERIFY(crops[1]["aspect"].isNull());
    }

    void write_defaultState_stillWrites()
    {
        QVERIFY(m_store.write(m_image, kImage, sampleState()).ok());
        QVERIFY(m_store.write(m_image, kImage, ImageState()).ok());
        const SidecarReadResult r = m_store.read(m_image, kImage);
        QCOMPARE(r.status, SidecarReadResult::Status::Loaded);
        QVERIFY(r.state.crops.isEmpty()); // the deletion persisted
    }

    void unknownFields_arePreservedVerbatim()
    {
        const QByteArray json = R"({"format":"cropwise.sidecar","version":1,
            "image":{"file":"photo.jpg","width":400,"height":300},
            "labels":[{"name":"face","colour":"#ff0000"}],
            "crops":[{"id":"k","name":"n","label":"","rect":[1,2,3,4],"aspect":null,
                      "review":{"state":"accepted","suggestedRect":[1,2,3,4]}}]})";
        QVERIFY(writeBytes(m_image + ".cropwise.json", json));
        SidecarReadResult r = m_store.read(m_image, kImage);
        QCOMPARE(r.status, SidecarReadResult::Status::Loaded);
        QVERIFY(r.state.extraFields.contains("labels"));
        QCOMPARE(
            r.state.crops[0].extraFields.value("review")["state"].toString(), QStringLiteral("accepted"));
        r.state.crops[0].rect = { 5, 5, 10, 10 };
        QVERIFY(m_store.write(m_image, kImage, r.state).ok());
        const QJsonObject root = QJsonDocument::fromJson(readAll(m_image + ".cropwise.json")).object();
        QCOMPARE(root["labels"][0]["colour"].toString(), QStringLiteral("#ff0000"));
        QCOMPARE(root["crops"][0]["review"]["suggestedRect"].toArray(), (QJsonArray { 1, 2, 3, 4 }));
        QCOMPARE(root["crops"][0]["rect"].toArray(), (QJsonArray { 5, 5, 10, 10 }));
    }

    void brokenSidecar_isKeptAsideUntouched_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("reason");
        QTest::newRow("not json") << QByteArray("{\"format\": \"cropwise.sidecar\", trunc")
                                  << "not valid JSON";
        QTest::newRow("empty file") << QByteArray() << "not valid JSON";
        QTest::newRow("array") << QByteArray("[1,2]") << "not a Cropwise sidecar";
        QTest::newRow("other format")
            << QByteArray(R"({"format":"something","version":1})") << "not a Cropwise sidecar";
        QTest::newRow("newer version")
            << QByteArray(R"({"format":"cropwise.sidecar","version":2,"image":{"width":400,"height":300}})")
            << "newer Cropwise";
        QTest::newRow("no version") << QByteArray(R"({"format":"cropwise.sidecar"})")
                                    << "no valid format version";
        QTest::newRow("bad turn") << QByteArray(
            R"({"format":"cropwise.sidecar","version":1,"image":{"width":400,"height":300},)"
            R"("userTurn":{"rotateClockwise":45,"mirror":false}})")
                                  << "invalid \"userTurn\"";
        QTest::newRow("crops not a list") << QByteArray(
            R"({"format":"cropwise.sidecar","version":1,"image":{"width":400,"height":300},)"
            R"("crops":{"a":1}})") << "not a list";
    }
    void brokenSidecar_isKeptAsideUntouched()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, reason);
        const QString sidecar = m_image + ".cropwise.json";
        QVERIFY(writeBytes(sidecar, content));

        const SidecarReadResult r = m_store.read(m_image, kImage);
        QCOMPARE(r.status, SidecarReadResult::Status::Broken);
        QVERIFY2(r.error.contains(reason), qPrintable(r.error));
        QVERIFY(r.state.isDefault());
        QVERIFY(!QFileInfo::exists(sidecar));
        QVERIFY(r.keptAsidePath.startsWith(sidecar + ".broken-"));
        QVERIFY2(r.error.contains(r.keptAsidePath), qPrintable(r.error));
        QCOMPARE(readAll(r.keptAsidePath), content);

        // Saving afterwards creates a fresh sidecar and leaves the kept file alone.
        QVERIFY(m_store.write(m_image, kImage, sampleState()).ok());
        QCOMPARE(readAll(r.keptAsidePath), content);
        QCOMPARE(m_store.read(m_image, kImage).status, SidecarReadResult::Status::Loaded);
    }

    void brokenSidecar_twiceInOneSecond_keepsBothFiles()
    {
        const QString sidecar = m_image + ".cropwise.json";
        QVERIFY(writeBytes(sidecar, "first"));
        const QString first = m_store.read(m_image, kImage).keptAsidePath;
        QVERIFY(writeBytes(sidecar, "second"));
        const QString second = m_store.read(m_image, kImage).keptAsidePath;
        QVERIFY(!first.isEmpty() && !second.isEmpty());
        QVERIFY(first != second);
        QCOMPARE(readAll(first), QByteArray("first"));
        QCOMPARE(readAll(second), QByteArray("second"));
    }

    void write_refusesToReplaceForeignFile_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::newRow("garbage") << QByteArray("hello");
        QTest::newRow("newer version") << QByteArray(R"({"format":"cropwise.sidecar","version":7})");
    }
    void write_refusesToReplaceForeignFile()
    {
        QFETCH(QByteArray, content);
        // E.g. a newer Cropwise wrote it after this one opened the image.
        const QString sidecar = m_image + ".cropwise.json";
        QVERIFY(writeBytes(sidecar, content));
        const SidecarWriteResult w = m_store.write(m_image, kImage, sampleState());
        QVERIFY(!w.ok());
        QVERIFY2(w.error.contains("did not overwrite"), qPrintable(w.error));
        QCOMPARE(readAll(sidecar), content);
    }

    void read_dropsCropsOutsideImage_andRenewsRepeatedIds()
    {
        const QByteArray json = R"({"format":"cropwise.sidecar","version":1,
            "image":{"file":"photo.jpg","width":400,"height":300},
            "crops":[{"id":"a","name":"ok","rect":[0,0,400,300]},
                     {"id":"a","name":"twin","rect":[1,1,10,10],"aspect":"1:1"},
                     {"id":"b","name":"outside","rect":[390,0,20,20]},
                     {"id":"c","name":"empty","rect":[0,0,0,20]},
                     {"id":"d","name":"bad rect","rect":[0,0,"x",20]},
                     {"id":"e","name":"bad aspect","rect":[0,0,5,5],"aspect":"wide"},
                     "not an object"]})";
        QVERIFY(writeBytes(m_image + ".cropwise.json", json));
        const SidecarReadResult r = m_store.read(m_image, kImage);
        QCOMPARE(r.status, SidecarReadResult::Status::Loaded);
        QStringList names;
        for (const Crop &c : r.state.crops)
            names << c.name;
        QCOMPARE(names, (QStringList { "ok", "twin", "bad aspect" }));
        QCOMPARE(r.state.crops[0].id, QStringLiteral("a"));
        QVERIFY(r.state.crops[1].id != QStringLiteral("a"));
        QCOMPARE(r.state.crops[1].aspect, AspectRatio::make(1, 1));
        QVERIFY(!r.state.crops[2].aspect);
        QCOMPARE(r.warnings.size(), 6);
        const QString all = r.warnings.join('\n');
        QVERIFY(all.contains("\"outside\""));
        QVERIFY(all.contains("repeated the id a"));
        // The file itself stays as it was until the next save.
        QCOMPARE(readAll(m_image + ".cropwise.json"), json);
    }

    void read_imageSizeChanged_keepsFittingCropsAndSaysSo()
    {
        ImageState state;
        state.crops = { Crop { "a", "small", "", { 0, 0, 50, 50 }, std::nullopt, {} },
            Crop { "b", "big", "", { 0, 0, 400, 300 }, std::nullopt, {} } };
        QVERIFY(m_store.write(m_image, kImage, state).ok());
        const SidecarReadResult r = m_store.read(m_image, { 200, 150 });
        QCOMPARE(r.status, SidecarReadResult::Status::Loaded);
        QCOMPARE(r.state.crops.size(), 1);
        QCOMPARE(r.state.crops[0], state.crops[0]);
        QVERIFY2(r.warnings.join(' ').contains("was the file replaced"), qPrintable(r.warnings.join('\n')));
        QCOMPARE(r.recordedImage.orientedSize, kImage);
    }

    void parse_withoutCurrentSize_usesRecordedSize()
    {
        const QByteArray json
            = toSidecarJson(sampleState(), SidecarImageInfo { "photo.jpg", {}, kImage, 1, {} });
        const SidecarParseResult p = parseSidecarJson(json, Size());
        QVERIFY2(p.ok(), qPrintable(p.error));
        QCOMPARE(p.state, sampleState());
        QCOMPARE(p.version, 1);
        QVERIFY(!parseSidecarJson(R"({"format":"cropwise.sidecar","version":1})", Size()).ok());
    }

    void readOnlyFolder_fallsBackToUserDataFolder()
    {
        // As root, chmod cannot make a folder refuse files, so the folder check is injected.
        const SidecarStore store(m_userData, [](const QString &) { return false; });
        const SidecarWriteResult w = store.write(m_image, kImage, sampleState());
        QVERIFY2(w.ok(), qPrintable(w.error));
        QCOMPARE(w.location.place, SidecarPlace::UserDataFolder);
        QCOMPARE(w.location.path, store.inUserDataFolder(m_image).path);
        QVERIFY(!QFileInfo::exists(m_image + ".cropwise.json"));
        const QJsonObject root = QJsonDocument::fromJson(readAll(w.location.path)).object();
        QCOMPARE(root["image"]["path"].toString(), QFileInfo(m_image).canonicalFilePath());

        const SidecarReadResult r = store.read(m_image, kImage);
        QCOMPARE(r.status, SidecarReadResult::Status::Loaded);
        QCOMPARE(r.location.place, SidecarPlace::UserDataFolder);
        QCOMPARE(r.state, sampleState());
    }

    void folderRefusingFiles_fallsBackEvenWhenCheckSaysWritable()
    {
        // The check can be wrong (read-only mounts, ACLs); the failed create is what decides. A folder
        // that vanished refuses files for root too.
        const QString gone = m_dir.filePath("gone/photo.jpg");
        const SidecarWriteResult w = m_store.write(gone, kImage, sampleState());
        QVERIFY2(w.ok(), qPrintable(w.error));
        QCOMPARE(w.location.place, SidecarPlace::UserDataFolder);
        QCOMPARE(m_store.read(gone, kImage).state, sampleState());
    }

    void realReadOnlyFolder_fallsBack()
    {
        if (geteuid() == 0)
            QSKIP("root writes into read-only folders; covered by the injected-check tests above");
        const QString folder = QFileInfo(m_image).absolutePath();
        QVERIFY(QFile::setPermissions(folder, QFileDevice::ReadOwner | QFileDevice::ExeOwner));
        const SidecarWriteResult w = SidecarStore(m_userData, [](const QString &f) {
            return QFileInfo(f).isWritable();
        }).write(m_image, kImage, sampleState());
        QFile::setPermissions(
            folder, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
        QVERIFY2(w.ok(), qPrintable(w.error));
        QCOMPARE(w.location.place, SidecarPlace::UserDataFolder);
    }

    void brokenInReadOnlyFolder_isLeftInPlaceAndNotOverwritten()
    {
        if (geteuid() == 0)
            QSKIP("root can rename files in read-only folders");
        const QString folder = QFileInfo(m_image).absolutePath();
        const QString sidecar = m_image + ".cropwise.json";
        QVERIFY(writeBytes(sidecar, "garbage"));
        QVERIFY(QFile::setPermissions(folder, QFileDevice::ReadOwner | QFileDevice::ExeOwner));
        const SidecarStore store(m_userData, [](const QString &f) { return QFileInfo(f).isWritable(); });
        const SidecarReadResult first = store.read(m_image, kImage);
        const SidecarWriteResult w = store.write(m_image, kImage, sampleState());
        const SidecarReadResult second = store.read(m_image, kImage);
        QFile::setPermissions(
            folder, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);

        QCOMPARE(first.status, SidecarReadResult::Status::Broken);
        QVERIFY(first.keptAsidePath.isEmpty());
        QVERIFY2(first.error.contains("could not be moved aside"), qPrintable(first.error));
        QVERIFY2(w.ok(), qPrintable(w.error));
        QCOMPARE(w.location.place, SidecarPlace::UserDataFolder);
        QCOMPARE(readAll(sidecar), QByteArray("garbage"));
        QCOMPARE(second.status, SidecarReadResult::Status::Loaded);
        QCOMPARE(second.state, sampleState());
        QVERIFY(!second.error.isEmpty()); // the broken file is still there and still reported
    }

    void bothPlaces_moreRecentWins()
    {
        ImageState older = sampleState();
        older.verified = false;
        QVERIFY(m_store.write(m_image, kImage, older).ok()); // beside the image
        const SidecarStore readOnly(m_userData, [](const QString &) { return false; });
        QTest::qWait(20); // distinct modification times
        QVERIFY(readOnly.write(m_image, kImage, sampleState()).ok()); // per-user, later
        QFile beside(m_image + ".cropwise.json");
        QVERIFY(beside.open(QIODevice::ReadWrite));
        QVERIFY(
            beside.setFileTime(QDateTime::currentDateTime().addSecs(-60), QFileDevice::FileModificationTime));
        beside.close();
        const SidecarReadResult r = m_store.read(m_image, kImage);
        QCOMPARE(r.status, SidecarReadResult::Status::Loaded);
        QCOMPARE(r.location.place, SidecarPlace::UserDataFolder);
        QCOMPARE(r.state, sampleState());
        QCOMPARE(r.warnings.size(), 1);
    }

    void brokenBeside_usableUserCopy_loadsUserCopyAndReportsBroken()
    {
        const SidecarStore readOnly(m_userData, [](const QString &) { return false; });
        QVERIFY(readOnly.write(m_image, kImage, sampleState()).ok());
        QVERIFY(writeBytes(m_image + ".cropwise.json", "garbage"));
        const SidecarReadResult r = m_store.read(m_image, kImage);
        QCOMPARE(r.status, SidecarReadResult::Status::Loaded);
        QCOMPARE(r.state, sampleState());
        QVERIFY2(r.error.contains("loaded instead"), qPrintable(r.error));
        QCOMPARE(brokenFilesIn(QFileInfo(m_image).absolutePath()).size(), 1);
    }

    void sidecarThatIsAFolder_isLeftInPlace()
    {
        QVERIFY(QDir().mkpath(m_image + ".cropwise.json"));
        const SidecarReadResult r = m_store.read(m_image, kImage);
        QCOMPARE(r.status, SidecarReadResult::Status::Broken);
        QVERIFY(r.keptAsidePath.isEmpty());
        QVERIFY(QFileInfo(m_image + ".cropwise.json").isDir());
        QVERIFY(!m_store.write(m_image, kImage, sampleState()).ok());
    }
};

QTEST_GUILESS_MAIN(SidecarTest)
#include "SidecarTest.moc"
