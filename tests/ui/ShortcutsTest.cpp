// The one shortcuts table: no key taken twice where both could fire, every row well formed, keys
// reserved for coming features still free, the docs generated from it up to date, and the dialog
// listing it grouped and searchable.

#include "ui/Shortcuts.h"
#include "ui/dialogs/ShortcutsDialog.h"

#include <QFile>
#include <QIcon>
#include <QLineEdit>
#include <QSet>
#include <QTest>
#include <QTreeWidget>

using namespace cropwise;

class ShortcutsTest : public QObject
{
    Q_OBJECT

private slots:
    void table_hasNoConflictingKeys();
    void conflictCheck_findsDuplicates_inOverlappingContextsOnly_data();
    void conflictCheck_findsDuplicates_inOverlappingContextsOnly();
    void table_hasEveryIdOnce_withUniqueNames();
    void table_rowsAreWellFormed();
    void table_leavesReservedKeysFree_data();
    void table_leavesReservedKeysFree();
    void table_iconsExistInResources();
    void createAction_carriesKeysTooltipAndName();
    void docs_matchTheTable();
    void dialog_listsEveryRowGrouped();
    void dialog_filtersByActionOrKey_data();
    void dialog_filtersByActionOrKey();
};

void ShortcutsTest::table_hasNoConflictingKeys()
{
    const QList<ShortcutConflict> conflicts = findShortcutConflicts();
    QStringList lines;
    for (const ShortcutConflict &c : conflicts)
        lines << QStringLiteral("%1: %2 vs %3")
                     .arg(c.keys.toString(), shortcut(c.first).key, shortcut(c.second).key);
    QVERIFY2(conflicts.isEmpty(), qPrintable(lines.join(QStringLiteral("; "))));
}

void ShortcutsTest::conflictCheck_findsDuplicates_inOverlappingContextsOnly_data()
{
    QTest::addColumn<int>("firstContext");
    QTest::addColumn<int>("secondContext");
    QTest::addColumn<bool>("conflict");
    QTest::newRow("window+window") << int(ShortcutContext::Window) << int(ShortcutContext::Window) << true;
    QTest::newRow("window+canvas") << int(ShortcutContext::Window) << int(ShortcutContext::Canvas) << true;
    QTest::newRow("canvas+canvas") << int(ShortcutContext::Canvas) << int(ShortcutContext::Canvas) << true;
    QTest::newRow("mouse+window") << int(ShortcutContext::Mouse) << int(ShortcutContext::Window) << false;
}

void ShortcutsTest::conflictCheck_findsDuplicates_inOverlappingContextsOnly()
{
    QFETCH(int, firstContext);
    QFETCH(int, secondContext);
    QFETCH(bool, conflict);
    ShortcutEntry a = shortcut(ShortcutId::ZoomFit);
    ShortcutEntry b = shortcut(ShortcutId::Zoom100);
    a.context = ShortcutContext(firstContext);
    b.context = ShortcutContext(secondContext);
    b.keys = { QKeySequence(QStringLiteral("Ctrl+0")) }; // the same key as ZoomFit
    const QList<ShortcutConflict> found = findShortcutConflicts({ a, b });
    QCOMPARE(!found.isEmpty(), conflict);
    // A row listing one key twice is a conflict with itself.
    ShortcutEntry twice = shortcut(ShortcutId::ZoomIn);
    twice.keys = { QKeySequence(QStringLiteral("Ctrl++")), QKeySequence(QStringLiteral("Ctrl++")) };
    QCOMPARE(findShortcutConflicts({ twice }).size(), 1);
}

void ShortcutsTest::table_hasEveryIdOnce_withUniqueNames()
{
    QSet<int> ids;
    QSet<QString> names;
    for (const ShortcutEntry &e : shortcutTable()) {
        QVERIFY2(!ids.contains(int(e.id)), qPrintable(e.key));
        QVERIFY2(!names.contains(e.key), qPrintable(e.key));
        ids.insert(int(e.id));
        names.insert(e.key);
    }
    // Every enum value up to the last one has a row (shortcut() asserts otherwise).
    for (int id = 0; id <= int(ShortcutId::ShowShortcuts); ++id)
        QVERIFY2(ids.contains(id), qPrintable(QString::number(id)));
}

void ShortcutsTest::table_rowsAreWellFormed()
{
    for (const ShortcutEntry &e : shortcutTable()) {
        QVERIFY2(!e.text.isEmpty() && !e.description.isEmpty(), qPrintable(e.key));
        if (e.kind == ShortcutKind::Gesture) {
            QVERIFY2(e.keys.isEmpty() && !e.gesture.isEmpty(), qPrintable(e.key));
            QCOMPARE(e.context, ShortcutContext::Mouse);
            continue;
        }
        QVERIFY2(!e.keys.isEmpty(), qPrintable(e.key));
        for (const QKeySequence &k : e.keys) {
            // A typo in the table ("Ctlr+E") parses to an empty or unknown sequence.
            QVERIFY2(!k.isEmpty() && k[0].key() != Qt::Key_unknown, qPrintable(e.key));
        }
    }
}

void ShortcutsTest::table_leavesReservedKeysFree_data()
{
    QTest::addColumn<QKeySequence>("key");
    QTest::addColumn<QString>("owner"); // the one row allowed to use the key; empty = none yet
    for (int digit = 1; digit <= 9; ++digit)
        QTest::newRow(qPrintable(QString::number(digit)))
            << QKeySequence(Qt::Key_0 + digit) << QStringLiteral("labels.hotkey%1").arg(digit);
    QTest::newRow("A") << QKeySequence(Qt::Key_A) << QStringLiteral("review.accept");
    QTest::newRow("R") << QKeySequence(Qt::Key_R) << QStringLiteral("review.reject");
    QTest::newRow("Space") << QKeySequence(Qt::Key_Space) << QStringLiteral("labels.toggleVerified");
}

void ShortcutsTest::table_leavesReservedKeysFree()
{
    QFETCH(QKeySequence, key);
    QFETCH(QString, owner);
    for (const ShortcutEntry &e : shortcutTable())
        QVERIFY2(e.key == owner || !e.keys.contains(key), qPrintable(e.key));
}

void ShortcutsTest::table_iconsExistInResources()
{
    for (const ShortcutEntry &e : shortcutTable()) {
        if (e.iconName.isEmpty())
            continue;
        const QString path = QStringLiteral(":/icons/%1.svg").arg(e.iconName);
        QVERIFY2(QFile::exists(path), qPrintable(path));
        QVERIFY2(!QIcon(path).pixmap(24, 24).isNull(), qPrintable(path));
    }
}

void ShortcutsTest::createAction_carriesKeysTooltipAndName()
{
    QObject parent;
    QAction *a = createAction(ShortcutId::ExportCrops, &parent);
    QCOMPARE(a->objectName(), QStringLiteral("file.export"));
    QCOMPARE(a->shortcut(), QKeySequence(QStringLiteral("Ctrl+E")));
    QCOMPARE(a->shortcutContext(), Qt::WindowShortcut);
    QVERIFY(a->toolTip().contains(QKeySequence(QStringLiteral("Ctrl+E")).toString(QKeySequence::NativeText)));
    QVERIFY(!a->icon().isNull());

    QAction *next = createAction(ShortcutId::NextCrop, &parent);
    QCOMPARE(next->shortcutContext(), Qt::WidgetShortcut); // Tab stays focus navigation elsewhere
}

void ShortcutsTest::docs_matchTheTable()
{
    QFile file(QStringLiteral(CROPWISE_SOURCE_DIR "/docs/shortcuts.md"));
    QVERIFY2(file.open(QIODevice::ReadOnly | QIODevice::Text),
        "docs/shortcuts.md missing: run `cropwise --shortcuts-markdown > docs/shortcuts.md`");
    const QString docs = QString::fromUtf8(file.readAll());
    QVERIFY2(docs == shortcutsMarkdown(),
        "docs/shortcuts.md is out of date: run `cropwise --shortcuts-markdown > docs/shortcuts.md`");
}

void ShortcutsTest::dialog_listsEveryRowGrouped()
{
    ShortcutsDialog dialog;
    QCOMPARE(dialog.visibleRowCount(), int(shortcutTable().size()));
    QSet<int> categories;
    for (const ShortcutEntry &e : shortcutTable())
        categories.insert(int(e.category));
    QCOMPARE(dialog.tree()->topLevelItemCount(), int(categories.size()));
    QCOMPARE(dialog.tree()->topLevelItem(0)->text(0), categoryName(ShortcutCategory::File));
}

void ShortcutsTest::dialog_filtersByActionOrKey_data()
{
    QTest::addColumn<QString>("filter");
    QTest::addColumn<QString>("expectedKey"); // a row that must remain
    QTest::addColumn<QString>("hiddenKey"); // a row that must be filtered out
    QTest::newRow("action word") << QStringLiteral("zoom") << QStringLiteral("view.zoomIn")
                                 << QStringLiteral("file.open");
    QTest::newRow("key") << QStringLiteral("Ctrl+E") << QStringLiteral("file.export")
                         << QStringLiteral("view.zoomIn");
    QTest::newRow("description") << QStringLiteral("counter-clockwise") << QStringLiteral("image.rotateLeft")
                                 << QStringLiteral("image.rotateRight");
    QTest::newRow("category") << QStringLiteral("mouse") << QStringLiteral("mouse.pan")
                              << QStringLiteral("edit.undo");
}

void ShortcutsTest::dialog_filtersByActionOrKey()
{
    QFETCH(QString, filter);
    QFETCH(QString, expectedKey);
    QFETCH(QString, hiddenKey);
    ShortcutsDialog dialog;
    QTest::keyClicks(dialog.searchField(), filter);
    bool expectedShown = false;
    bool hiddenShown = false;
    for (int g = 0; g < dialog.tree()->topLevelItemCount(); ++g) {
        const QTreeWidgetItem *group = dialog.tree()->topLevelItem(g);
        for (int i = 0; i < group->childCount(); ++i) {
            const QTreeWidgetItem *item = group->child(i);
            const bool shown = !item->isHidden() && !group->isHidden();
            const QString key = item->data(0, Qt::UserRole).toString();
            expectedShown |= shown && key == expectedKey;
            hiddenShown |= shown && key == hiddenKey;
        }
    }
    QVERIFY(expectedShown);
    QVERIFY(!hiddenShown);
    QVERIFY(dialog.visibleRowCount() < int(shortcutTable().size()));
    dialog.setFilterText(QString());
    QCOMPARE(dialog.visibleRowCount(), int(shortcutTable().size()));
}

QTEST_MAIN(ShortcutsTest)
#include "ShortcutsTest.moc"
