#include "core/model/Autosaver.h"
#include "core/model/ImageDocument.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace cropwise;
using namespace std::chrono_literals;

namespace {

const Size kImage { 300, 200 };

Crop makeCrop(const QString &id, Rect rect = { 0, 0, 10, 10 })
{
    return Crop { id, id, QString(), rect, std::nullopt, {} };
}

} // namespace

class AutosaverTest : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_image;
    QString m_sidecar;
    SidecarStore m_store;

    Autosaver *makeSaver(ImageDocument *doc, QObject *parent)
    {
        auto *saver = new Autosaver(doc, m_store, parent);
        saver->setDelays(100ms, 300ms);
        return saver;
    }

private slots:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_image = m_dir.filePath(QString("%1.jpg").arg(QTest::currentTestFunction()));
        QFile f(m_image);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("x");
        f.close();
        m_sidecar = m_image + ".cropwise.json";
        m_store = SidecarStore(m_dir.filePath("userdata"), [](const QString &) { return true; });
    }

    void withoutChanges_writesNothing()
    {
        ImageDocument doc(m_image, kImage);
        QObject owner;
        Autosaver *saver = makeSaver(&doc, &owner);
        QSignalSpy saved(saver, &Autosaver::saved);
        QTest::qWait(400);
        QVERIFY(saver->flush());
        QCOMPARE(saved.count(), 0);
        QVERIFY(!QFileInfo::exists(m_sidecar));
    }

    void change_isSavedAfterQuietDelay()
    {
        ImageDocument doc(m_image, kImage);
        QObject owner;
        Autosaver *saver = makeSaver(&doc, &owner);
        QSignalSpy saved(saver, &Autosaver::saved);
        QVERIFY(doc.addCrop(makeCrop("a")));
        QVERIFY(saver->hasUnsavedChanges());
        QVERIFY(!QFileInfo::exists(m_sidecar)); // debounced, not written on the spot
        QVERIFY(saved.wait(2000));
        QCOMPARE(saved.count(), 1);
        QCOMPARE(saved.first().first().toString(), m_sidecar);
        QVERIFY(!saver->hasUnsavedChanges());
        QCOMPARE(m_store.read(m_image, kImage).state, doc.state());
    }

    void constantEdits_areSavedWithinMaxDelay()
    {
        ImageDocument doc(m_image, kImage);
        QObject owner;
        Autosaver *saver = makeSaver(&doc, &owner);
        QSignalSpy saved(saver, &Autosaver::saved);
        QVERIFY(doc.addCrop(makeCrop("a")));
        QElapsedTimer clock;
        clock.start();
        // An edit every 40 ms never lets the 100 ms quiet delay expire; the 300 ms cap must.
        int step = 1;
        while (saved.isEmpty() && clock.elapsed() < 2000) {
            QTest::qWait(40);
            QVERIFY(doc.setCropRect("a", { step % 50, 0, 10, 10 }));
            ++step;
        }
        QCOMPARE(saved.count(), 1);
        QVERIFY2(clock.elapsed() < 1000, qPrintable(QString::number(clock.elapsed())));
        QVERIFY(clock.elapsed() >= 250);
    }

    void flush_writesAtOnce()
    {
        ImageDocument doc(m_image, kImage);
        QObject owner;
        Autosaver *saver = makeSaver(&doc, &owner);
        saver->setDelays(60s, 60s);
        QSignalSpy saved(saver, &Autosaver::saved);
        QVERIFY(doc.addCrop(makeCrop("a")));
        QVERIFY(saver->flush());
        QCOMPARE(saved.count(), 1);
        QCOMPARE(m_store.read(m_image, kImage).state.crops.size(), 1);
        QVERIFY(saver->flush()); // nothing pending: no second write
        QCOMPARE(saved.count(), 1);
    }

    void deletingLastCrop_persists()
    {
        ImageDocument doc(m_image, kImage);
        QObject owner;
        Autosaver *saver = makeSaver(&doc, &owner);
        QVERIFY(doc.addCrop(makeCrop("a")));
        QVERIFY(saver->flush());
        QVERIFY(doc.removeCrop("a"));
        QVERIFY(saver->flush());
        const SidecarReadResult r = m_store.read(m_image, kImage);
        QCOMPARE(r.status, SidecarReadResult::Status::Loaded);
        QVERIFY(r.state.crops.isEmpty());
    }

    void changeUndoneBeforeSave_createsNoSidecar()
    {
        ImageDocument doc(m_image, kImage);
        QObject owner;
        Autosaver *saver = makeSaver(&doc, &owner);
        QSignalSpy saved(saver, &Autosaver::saved);
        QVERIFY(doc.addCrop(makeCrop("a")));
        QVERIFY(doc.removeCrop("a"));
        QVERIFY(saver->flush());
        QVERIFY(!saver->hasUnsavedChanges());
        QVERIFY(!QFileInfo::exists(m_sidecar));
        QCOMPARE(saved.count(), 0);
    }

    void failedWrite_emitsSaveFailedAndStaysPending()
    {
        ImageDocument doc(m_image, kImage);
        QObject owner;
        Autosaver *saver = makeSaver(&doc, &owner);
        QSignalSpy failed(saver, &Autosaver::saveFailed);
        // A file this version must not replace sits where the sidecar goes.
        QFile foreign(m_sidecar);
        QVERIFY(foreign.open(QIODevice::WriteOnly));
        foreign.write("someone else's file");
        foreign.close();
        QVERIFY(doc.addCrop(makeCrop("a")));
        QVERIFY(!saver->flush());
        QCOMPARE(failed.count(), 1);
        QCOMPARE(failed.first().at(0).toString(), m_image);
        QVERIFY(!failed.first().at(1).toString().isEmpty());
        QVERIFY(saver->hasUnsavedChanges());
        // Once the obstacle is gone, the next flush saves the pending state.
        QVERIFY(QFile::remove(m_sidecar));
        QVERIFY(saver->flush());
        QCOMPARE(m_store.read(m_image, kImage).state.crops.size(), 1);
    }

    void documentGoneFirst_flushStillWritesSnapshot()
    {
        auto doc = std::make_unique<ImageDocument>(m_image, kImage);
        QObject owner;
        Autosaver *saver = makeSaver(doc.get(), &owner);
        QVERIFY(doc->addCrop(makeCrop("a")));
        doc->setVerified(true);
        doc.reset();
        QVERIFY(saver->flush());
        const ImageState state = m_store.read(m_image, kImage).state;
        QCOMPARE(state.crops.size(), 1);
        QVERIFY(state.verified);
    }

    void destructor_flushesPendingChanges()
    {
        ImageDocument doc(m_image, kImage);
        {
            Autosaver saver(&doc, m_store);
            saver.setDelays(60s, 60s);
            QVERIFY(doc.addCrop(makeCrop("a")));
            QVERIFY(!QFileInfo::exists(m_sidecar));
        }
        QCOMPARE(m_store.read(m_image, kImage).state.crops.size(), 1);
    }
};

QTEST_GUILESS_MAIN(AutosaverTest)
#include "AutosaverTest.moc"
