#include "ui/renditions/RenditionPresetDialog.h"

#include "core/io/ImageEncoder.h"
#include "core/renditions/BuiltinRenditionSets.h"
#include "core/renditions/FileNameTemplate.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace cropwise {

namespace {

enum Column { Name, Aspect, OutSize, Format, Quality, FileName, ColumnCount };

// A number when the text is one (so "2048" is a longest side, not the string "2048").
QJsonValue numberOrText(const QString &text)
{
    bool ok = false;
    const int n = text.trimmed().toInt(&ok);
    return ok ? QJsonValue(n) : QJsonValue(text.trimmed());
}

} // namespace

RenditionPresetDialog::RenditionPresetDialog(const RenditionPresetStore &store, QWidget *parent)
    : QDialog(parent)
    , m_store(store)
    , m_userSets(new QComboBox)
    , m_name(new QLineEdit)
    , m_description(new QLineEdit)
    , m_table(new QTableWidget(0, ColumnCount))
    , m_error(new QLabel)
{
    setObjectName(QStringLiteral("renditionPresetDialog"));
    setWindowTitle(tr("Rendition Sets"));
    resize(760, 460);
    m_table->setHorizontalHeaderLabels(
        { tr("Name"), tr("Aspect"), tr("Size"), tr("Format"), tr("Quality"), tr("File name") });
    m_table->horizontalHeader()->setSectionResizeMode(FileName, QHeaderView::Stretch);
    m_table->verticalHeader()->hide();
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setToolTip(tr("Aspect: a:b or original. Size: WxH (exact) or a number (the longest side). "
                           "Format: jpeg, png, webp, tiff. File name: %1")
                            .arg(fileNamePlaceholders().join(QLatin1Char(' '))));
    m_error->setObjectName(QStringLiteral("presetError"));
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->setStyleSheet(QStringLiteral("color: #e06c5f;"));

    auto *newSet = new QPushButton(tr("New Set"));
    auto *deleteSet = new QPushButton(tr("Delete Set"));
    auto *top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Your sets:")));
    top->addWidget(m_userSets, 1);
    top->addWidget(newSet);
    top->addWidget(deleteSet);

    auto *form = new QFormLayout;
    form->addRow(tr("Name:"), m_name);
    form->addRow(tr("Description:"), m_description);

    auto *add = new QPushButton(tr("Add Rendition"));
    auto *remove = new QPushButton(tr("Remove Rendition"));
    auto *rows = new QHBoxLayout;
    rows->addWidget(add);
    rows->addWidget(remove);
    rows->addStretch(1);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Close);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addLayout(form);
    layout->addWidget(m_table, 1);
    layout->addLayout(rows);
    layout->addWidget(m_error);
    layout->addWidget(buttons);

    connect(add, &QPushButton::clicked, this, &RenditionPresetDialog::addRendition);
    connect(remove, &QPushButton::clicked, this, &RenditionPresetDialog::removeRendition);
    connect(deleteSet, &QPushButton::clicked, this, &RenditionPresetDialog::deleteSet);
    connect(newSet, &QPushButton::clicked, this, [this] {
        RenditionSet fresh;
        fresh.name = tr("my-set");
        fresh.renditions << Rendition { QStringLiteral("square"), AspectRatio::make(1, 1),
            RenditionSize::exact(1080, 1080) };
        load(fresh);
    });
    connect(m_userSets, &QComboBox::activated, this, [this](int index) {
        for (const RenditionSet &set : m_store.loadUserSets().sets) {
            if (set.name == m_userSets->itemData(index).toString())
                load(set);
        }
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(buttons->button(QDialogButtonBox::Save), &QPushButton::clicked, this, [this] { save(); });
    reloadUserSets(QString());
}

void RenditionPresetDialog::setStartingSet(const RenditionSet &set)
{
    if (builtinRenditionSetNames().contains(set.name)) {
        RenditionSet copy = set;
        copy.name = tr("my-%1").arg(set.name);
        load(copy);
    } else {
        load(set);
    }
}

void RenditionPresetDialog::load(const RenditionSet &set)
{
    m_name->setText(set.name);
    m_description->setText(set.description);
    m_table->setRowCount(0);
    for (const Rendition &r : set.renditions) {
        const int row = m_table->rowCount();
        m_table->insertRow(row);
        m_table->setItem(row, Name, new QTableWidgetItem(r.name));
        m_table->setItem(
            row, Aspect, new QTableWidgetItem(r.aspect ? r.aspect->toString() : QStringLiteral("original")));
        m_table->setItem(row, OutSize, new QTableWidgetItem(r.size.toString()));
        m_table->setItem(row, Format, new QTableWidgetItem(outputFormatName(r.format)));
        m_table->setItem(row, Quality, new QTableWidgetItem(QString::number(r.quality)));
        m_table->setItem(row, FileName, new QTableWidgetItem(r.fileNameTemplate));
    }
    m_table->resizeColumnsToContents();
    m_table->horizontalHeader()->setSectionResizeMode(FileName, QHeaderView::Stretch);
    m_error->clear();
}

void RenditionPresetDialog::reloadUserSets(const QString &select)
{
    const RenditionPresetStore::LoadResult loaded = m_store.loadUserSets();
    m_userSets->clear();
    for (const RenditionSet &set : loaded.sets)
        m_userSets->addItem(set.name, set.name);
    if (m_userSets->count() == 0)
        m_userSets->addItem(tr("(none yet)"), QString());
    const int at = m_userSets->findData(select);
    if (at >= 0)
        m_userSets->setCurrentIndex(at);
    if (!loaded.errors.isEmpty())
        m_error->setText(loaded.errors.join(QLatin1Char('\n')));
}

std::optional<RenditionSet> RenditionPresetDialog::editedSet(QString *error) const
{
    QJsonArray renditions;
    for (int row = 0; row < m_table->rowCount(); ++row) {
        const auto text = [this, row](int column) {
            const QTableWidgetItem *item = m_table->item(row, column);
            return item ? item->text().trimmed() : QString();
        };
        QJsonObject r;
        r.insert(QStringLiteral("name"), text(Name));
        if (!text(Aspect).isEmpty())
            r.insert(QStringLiteral("aspect"), text(Aspect));
        r.insert(QStringLiteral("size"), numberOrText(text(OutSize)));
        if (!text(Format).isEmpty())
            r.insert(QStringLiteral("format"), text(Format));
        if (!text(Quality).isEmpty())
            r.insert(QStringLiteral("quality"), numberOrText(text(Quality)));
        if (!text(FileName).isEmpty())
            r.insert(QStringLiteral("fileName"), text(FileName));
        renditions.append(r);
    }
    QJsonObject root;
    root.insert(QStringLiteral("version"), kRenditionFormatVersion);
    root.insert(QStringLiteral("name"), m_name->text().trimmed());
    root.insert(QStringLiteral("description"), m_description->text().trimmed());
    root.insert(QStringLiteral("renditions"), renditions);
    // The same parser as for preset files: the same rules and the same field names in errors.
    const RenditionSetParseResult parsed
        = parseRenditionSet(QJsonDocument(root).toJson(), tr("set %1").arg(m_name->text().trimmed()));
    if (!parsed.ok()) {
        if (error)
            *error = parsed.error;
        return std::nullopt;
    }
    return parsed.set;
}

QString RenditionPresetDialog::save()
{
    QString error;
    const std::optional<RenditionSet> set = editedSet(&error);
    if (set)
        error = m_store.save(*set);
    m_error->setStyleSheet(QStringLiteral("color: #e06c5f;"));
    m_error->setText(error);
    if (!error.isEmpty())
        return error;
    m_lastSaved = set->name;
    reloadUserSets(set->name);
    m_error->setStyleSheet(QStringLiteral("color: #7fbf7f;"));
    m_error->setText(tr("Saved %1.").arg(QDir::toNativeSeparators(m_store.fileFor(set->name))));
    return QString();
}

QString RenditionPresetDialog::errorText() const
{
    return m_error->text();
}

void RenditionPresetDialog::addRendition()
{
    const int row = m_table->rowCount();
    m_table->insertRow(row);
    const QStringList values { tr("rendition%1").arg(row + 1), QStringLiteral("4:5"),
        QStringLiteral("1080x1350"), QStringLiteral("jpeg"), QStringLiteral("90"),
        QStringLiteral("{stem}_{rendition}") };
    for (int c = 0; c < ColumnCount; ++c)
        m_table->setItem(row, c, new QTableWidgetItem(values[c]));
    m_table->setCurrentCell(row, Name);
    m_table->editItem(m_table->item(row, Name));
}

void RenditionPresetDialog::removeRendition()
{
    const int row = m_table->currentRow();
    if (row >= 0)
        m_table->removeRow(row);
}

void RenditionPresetDialog::deleteSet()
{
    const QString name = m_userSets->currentData().toString();
    if (name.isEmpty())
        return;
    if (QMessageBox::question(this, tr("Delete Set"), tr("Delete your set “%1”?").arg(name))
        != QMessageBox::Yes)
        return;
    const QString error = m_store.remove(name);
    m_error->setText(error);
    reloadUserSets(QString());
}

} // namespace cropwise
