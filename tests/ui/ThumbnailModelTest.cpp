// Thumbnails decode in the background, small, and bad files settle as Failed with a reason; the
// model says once when everything has settled (for the one summary).

#include "ui/panels/ThumbnailModel.h"
#include "support/FixtureImages.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <opencv2/imgcodecs.hpp>

using namespace cropwise;

class ThumbnailModelTest : public QObject
{
    Q_OBJECT

private slots:
    void loadsThumbnails_andReportsBadFiles_once();
    void newList_dropsResultsOfTheOldOne();
    void emptyList_finishesToo();
};

void ThumbnailModelTest::loadsThumbnails_andReportsBadFiles_once()
{
    QTemporaryDir dir;
    const QString good = dir.filePath(QStringLiteral("good.png"));
    QVERIFY(cv::imwrite(good.toStdString(), test::quadrantImage(640, 480)));
    const QString empty = dir.filePath(QStringLiteral("empty.jpg"));
    QFile(empty).open(QIODevice::WriteOnly);
    const QString text = dir.filePath(QStringLiteral("text.png"));
    {
        QFile f(text);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("not an image");
    }

    ThumbnailModel model;
    model.setThumbnailLongSide(128);
    QSignalSpy finished(&model, &ThumbnailModel::loadingFinished);
    model.setImages({ good, empty, text });
    QCOMPARE(model.rowCount(), 3);
    QVERIFY(model.isLoading());
    QVERIFY(finished.wait(10000));
    QTest::qWait(50);
    QCOMPARE(finished.count(), 1);
    QVERIFY(!model.isLoading());

    QCOMPARE(model.state(0), ThumbnailModel::State::Ready);
    const QImage thumb = model.data(model.index(0), ThumbnailModel::ThumbnailRole).value<QImage>();
    QVERIFY(!thumb.isNull());
    QCOMPARE(thumb.width(), 128); // long side, aspect kept
    QCOMPARE(thumb.height(), 96);
    QCOMPARE(model.data(model.index(0), ThumbnailModel::ImageSizeRole).toSize(), QSize(640, 480));

    QCOMPARE(model.state(1), ThumbnailModel::State::Failed);
    QCOMPARE(model.state(2), ThumbnailModel::State::Failed);
    QVERIFY(!model.problem(1).isEmpty());
    QCOMPARE(model.failedCount(), 2);
    const QStringList problems = model.problems();
    QCOMPARE(problems.size(), 2);
    QVERIFY(problems.first().startsWith(QStringLiteral("empty.jpg: ")));
    QVERIFY(
        model.data(model.index(2), Qt::ToolTipRole).toString().contains(QStringLiteral("Cannot be opened")));
}

void ThumbnailModelTest::newList_dropsResultsOfTheOldOne()
{
    QTemporaryDir dir;
    QStringList first;
    for (int i = 0; i < 6; ++i) {
        const QString p = dir.filePath(QStringLiteral("a%1.png").arg(i));
        QVERIFY(cv::imwrite(p.toStdString(), test::noiseImage(800, 600, 3, i)));
        first << p;
    }
    const QString second = dir.filePath(QStringLiteral("b.png"));
    QVERIFY(cv::imwrite(second.toStdString(), test::quadrantImage(64, 32)));

    ThumbnailModel model;
    QSignalSpy finished(&model, &ThumbnailModel::loadingFinished);
    model.setImages(first);
    model.setImages({ second }); // while the first list is still decoding
    QVERIFY(finished.wait(10000));
    QTest::qWait(300); // late results of the first list must not land or finish again
    QCOMPARE(finished.count(), 1);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.state(0), ThumbnailModel::State::Ready);
    QCOMPARE(model.data(model.index(0), ThumbnailModel::ImageSizeRole).toSize(), QSize(64, 32));
}

void ThumbnailModelTest::emptyList_finishesToo()
{
    ThumbnailModel model;
    QSignalSpy finished(&model, &ThumbnailModel::loadingFinished);
    model.setImages({});
    QVERIFY(finished.wait(1000));
    QCOMPARE(model.failedCount(), 0);
}

QTEST_MAIN(ThumbnailModelTest)
#include "ThumbnailModelTest.moc"
