// The export dialog gathers settings faithfully (round trip), offers only the scopes that make
// sense, and previews the file name the pattern gives. Set CROPWISE_GRAB_DIR to save a picture of
// it (for looking at the layout).

#include "ui/dialogs/ExportDialog.h"
#include "ui/Theme.h"
#include "ui/dialogs/CustomAspectDialog.h"

#include <QApplication>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QRadioButton>
#include <QSpinBox>
#include <QTest>

using namespace cropwise;

class ExportDialogTest : public QObject
{
    Q_OBJECT

private slots:
    void settings_roundTrip_data();
    void settings_roundTrip();
    void scopes_followCounts();
    void preview_showsFileNameAndSize();
    void customAspect_reducesToLowestTerms();
};

void ExportDialogTest::settings_roundTrip_data()
{
    QTest::addColumn<int>("format");
    QTest::addColumn<int>("quality");
    QTest::addColumn<int>("sizeMode");
    QTest::addColumn<int>("length");
    QTest::newRow("jpeg original") << int(OutputFormat::Jpeg) << 85 << int(ExportSize::Original) << 0;
    QTest::newRow("png long side") << int(OutputFormat::Png) << 92 << int(ExportSize::LongestSide) << 1080;
    QTest::newRow("jpeg width") << int(OutputFormat::Jpeg) << 70 << int(ExportSize::Width) << 1200;
    QTest::newRow("jpeg height") << int(OutputFormat::Jpeg) << 100 << int(ExportSize::Height) << 400;
}

void ExportDialogTest::settings_roundTrip()
{
    QFETCH(int, format);
    QFETCH(int, quality);
    QFETCH(int, sizeMode);
    QFETCH(int, length);
    ExportSettings in;
    in.folder = QDir::tempPath() + QStringLiteral("/crops");
    in.format = OutputFormat(format);
    in.quality = quality;
    in.size.mode = ExportSize::Mode(sizeMode);
    in.size.length = length;
    in.pattern = QStringLiteral("{label}_{index}");
    ExportDialog dialog;
    dialog.setSettings(in);
    const ExportSettings out = dialog.settings();
    QCOMPARE(out.folder, in.folder);
    QCOMPARE(out.format, in.format);
    QCOMPARE(out.quality, in.quality);
    QCOMPARE(int(out.size.mode), sizeMode);
    if (sizeMode != ExportSize::Original)
        QCOMPARE(out.size.length, length);
    QCOMPARE(out.pattern, in.pattern);
}

void ExportDialogTest::scopes_followCounts()
{
    ExportDialog dialog;
    ExportDialog::Counts counts;
    counts.hasSelectedCrop = false;
    counts.currentImageCrops = 3;
    counts.selectedImages = 1;
    counts.allImages = 12;
    dialog.setCounts(counts);
    QCOMPARE(dialog.scope(), ExportDialog::Scope::CurrentImage);
    dialog.setScope(ExportDialog::Scope::SelectedCrop); // not possible: ignored
    QCOMPARE(dialog.scope(), ExportDialog::Scope::CurrentImage);
    dialog.setScope(ExportDialog::Scope::AllImages);
    QCOMPARE(dialog.scope(), ExportDialog::Scope::AllImages);
    bool mentionsAll = false;
    for (const QRadioButton *b : dialog.findChildren<QRadioButton *>())
        mentionsAll |= b->text().contains(QStringLiteral("12 images"));
    QVERIFY(mentionsAll);
}

void ExportDialogTest::preview_showsFileNameAndSize()
{
    ExportDialog dialog;
    ExportSettings s;
    s.folder = QDir::tempPath();
    s.format = OutputFormat::Png;
    s.size = ExportSize::longestSide(1000);
    dialog.setSettings(s);
    Crop crop = Crop::create(QStringLiteral("Portrait"), Rect { 0, 0, 800, 1000 });
    dialog.setExample(QStringLiteral("/photos/cat.jpg"), crop);
    bool found = false;
    for (const QLabel *l : dialog.findChildren<QLabel *>())
        found |= l->text().contains(QStringLiteral("cat_Portrait.png"))
            && l->text().contains(QStringLiteral("800 × 1000"));
    QVERIFY(found);

    if (const QByteArray grabDir = qgetenv("CROPWISE_GRAB_DIR"); !grabDir.isEmpty()) {
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        dialog.grab().save(QString::fromLocal8Bit(grabDir) + QStringLiteral("/export-dialog.png"));
    }
}

void ExportDialogTest::customAspect_reducesToLowestTerms()
{
    CustomAspectDialog dialog(AspectRatio { 3, 2 });
    QCOMPARE(dialog.aspect(), (AspectRatio { 3, 2 }));
    dialog.findChild<QSpinBox *>(QStringLiteral("aspectWidth"))->setValue(14);
    dialog.findChild<QSpinBox *>(QStringLiteral("aspectHeight"))->setValue(10);
    QCOMPARE(dialog.aspect(), (AspectRatio { 7, 5 }));
}

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    applyCropwiseTheme(app); // the grab shows the real look
    ExportDialogTest test;
    return QTest::qExec(&test, argc, argv);
}

#include "ExportDialogTest.moc"
