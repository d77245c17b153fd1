// The Cropwise GUI: QApplication, settings identity, theme, command line, main window.
//
//   cropwise [PATH...]                 open image files and/or folders
//   cropwise --shortcuts-markdown      print docs/shortcuts.md (generated from ui/Shortcuts.cpp)
//   cropwise --screenshot FILE PATH... open PATH, save a picture of the window to FILE, quit
//   cropwise --renditions SET PATH...  open with the Renditions panel showing SET (e.g. social)
//   cropwise --panel TITLE PATH...     open with that panel (dock) shown in front, e.g. Labels
//   cropwise --suggest PATH...         suggest crops for every open image, faces + heat map on
//                                      (for docs; run under Xvfb)

#include "ui/MainWindow.h"
#include "ui/Shortcuts.h"
#include "ui/Theme.h"
#include "ui/canvas/CropCanvas.h"
#include "ui/renditions/RenditionsFeature.h"
#include "ui/renditions/RenditionsPanel.h"
#include "ui/review/ReviewController.h"
#include "ui/review/ReviewWorkbench.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QDockWidget>
#include <QEventLoop>
#include <QIcon>
#include <QScreen>
#include <QTextStream>
#include <QTimer>

#include <cstdio>

#ifndef CROPWISE_VERSION
#define CROPWISE_VERSION "0.1.0" // app/CMakeLists.txt may pass PROJECT_VERSION instead
#endif

int main(int argc, char *argv[])
{
    // Printing the shortcuts needs no display (used to regenerate docs/shortcuts.md anywhere).
    for (int i = 1; i < argc; ++i) {
        if (qstrcmp(argv[i], "--shortcuts-markdown") == 0) {
            QCoreApplication core(argc, argv);
            QTextStream(stdout) << cropwise::shortcutsMarkdown();
            return 0;
        }
    }

    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Cropwise"));
    QApplication::setOrganizationName(QStringLiteral("Cropwise"));
    QApplication::setApplicationDisplayName(QStringLiteral("Cropwise"));
    QApplication::setApplicationVersion(QStringLiteral(CROPWISE_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("org.cropwise.Cropwise"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/cropwise.svg")));

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main",
        "Crop photos by hand: named crops, exact aspect "
        "ratios, composition guides, export."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("paths"),
        QApplication::translate("main", "Image files and/or folders to open."), QStringLiteral("[PATH...]"));
    QCommandLineOption markdown(QStringLiteral("shortcuts-markdown"),
        QApplication::translate("main", "Print the keyboard shortcuts as Markdown and exit."));
    QCommandLineOption screenshot(QStringLiteral("screenshot"),
        QApplication::translate("main",
            "Save a picture of the window to FILE once the "
            "image is shown, then quit."),
        QStringLiteral("FILE"));
    QCommandLineOption windowSize(QStringLiteral("window-size"),
        QApplication::translate("main", "Initial window size, e.g. 1440x900."), QStringLiteral("WxH"));
    parser.addOption(markdown);
    parser.addOption(screenshot);
    parser.addOption(windowSize);
    QCommandLineOption renditions(QStringLiteral("renditions"),
        QApplication::translate("main", "Show the Renditions panel with this set (social, web, print or yours)."),
        QStringLiteral("SET"));
    parser.addOption(renditions);
    QCommandLineOption panel(QStringLiteral("panel"),
        QApplication::translate(
            "main", "Show this panel in front of the panels tabbed with it (e.g. Labels)."),
        QStringLiteral("TITLE"));
    parser.addOption(panel);
    QCommandLineOption suggest(QStringLiteral("suggest"),
        QApplication::translate("main",
            "Suggest crops for every open image and turn on the faces and heat-map overlays "
            "(before --screenshot takes its picture)."));
    parser.addOption(suggest);
    parser.process(app);

    cropwise::applyCropwiseTheme(app);
    cropwise::MainWindow window;
    if (parser.isSet(windowSize)) {
        const QStringList wh = parser.value(windowSize).split(QLatin1Char('x'));
        if (wh.size() == 2 && wh[0].toInt() > 0 && wh[1].toInt() > 0)
            window.resize(wh[0].toInt(), wh[1].toInt());
    }
    window.show();
    if (parser.isSet(renditions)) {
        window.renditions()->panel()->setCurrentSet(parser.value(renditions));
        window.renditions()->showPanel();
    }

    if (parser.isSet(panel)) {
        for (QDockWidget *dock : window.findChildren<QDockWidget *>()) {
            if (dock->windowTitle().compare(parser.value(panel), Qt::CaseInsensitive) == 0) {
                dock->show();
                dock->raise();
            }
        }
    }

    QStringList paths;
    for (const QString &arg : parser.positionalArguments())
        paths << QDir::current().absoluteFilePath(arg);

    if (parser.isSet(suggest)) {
        // Connected before the screenshot's handler, so the picture shows the finished run: the
        // wait is a local event loop (a documentation tool's start-up, not the app's normal path).
        QObject::connect(
            &window, &cropwise::MainWindow::imageShown, &window,
            [&window] {
                using cropwise::ShortcutId;
                window.action(ShortcutId::ToggleFaces)->setChecked(true);
                window.action(ShortcutId::ToggleHeatMap)->setChecked(true);
                cropwise::ReviewController *review = window.review()->controller();
                window.action(ShortcutId::SuggestFolder)->trigger();
                QEventLoop wait;
                QObject::connect(
                    review, &cropwise::ReviewController::jobStateChanged, &wait, [&wait, review] {
                        if (!review->isSuggesting())
                            wait.quit();
                    });
                if (review->isSuggesting())
                    wait.exec();
            },
            Qt::SingleShotConnection);
    }

    if (parser.isSet(screenshot)) {
        const QString out = parser.value(screenshot);
        auto grab = [&window, out] {
            // Let thumbnails and the full-resolution pass settle before the picture is taken.
            QTimer::singleShot(1500, &window, [&window, out] {
                const bool ok = window.grab().save(out);
                std::fprintf(
                    stderr, ok ? "cropwise: saved %s\n" : "cropwise: could not save %s\n", qPrintable(out));
                QApplication::exit(ok ? 0 : 1);
            });
        };
        QObject::connect(&window, &cropwise::MainWindow::imageShown, &window, grab, Qt::SingleShotConnection);
        if (paths.isEmpty())
            grab();
    }
    if (!paths.isEmpty())
        window.openPaths(paths);
    return app.exec();
}
