#include "ui/renditions/RenditionsPanel.h"

#include "core/renditions/BuiltinRenditionSets.h"
#include "core/renditions/RenditionCrop.h"
#include "ui/CropEditController.h"
#include "ui/Plural.h"
#include "ui/canvas/CropCanvas.h"
#include "ui/renditions/RenditionLinker.h"
#include "ui/renditions/RenditionPreview.h"

#include <QAction>
#include <QComboBox>
#include <QEvent>
#include <QFileInfo>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QScrollArea>
#include <QSettings>
#include <QToolButton>
#include <QVBoxLayout>

namespace cropwise {

namespace {

const QString kSetKey = QStringLiteral("renditions/set");
constexpr int kTileWidth = 150; // a column per this many pixels of panel width

} // namespace

RenditionsPanel::RenditionsPanel(CropEditController *controller, CropCanvas *canvas, QWidget *parent)
    : QWidget(parent)
    , m_controller(controller)
    , m_canvas(canvas)
    , m_linker(new RenditionLinker(this))
    , m_combo(new QComboBox)
    , m_editButton(new QToolButton)
    , m_errors(new QLabel)
    , m_status(new QLabel)
    , m_scroll(new QScrollArea)
    , m_grid(new QWidget)
    , m_gridLayout(new QGridLayout(m_grid))
    , m_exportButton(new QToolButton)
{
    setObjectName(QStringLiteral("renditionsPanel"));
    m_combo->setObjectName(QStringLiteral("renditionSetCombo"));
    m_combo->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    m_combo->setToolTip(tr("The rendition set: every size this photo is published at"));
    m_editButton->setObjectName(QStringLiteral("editRenditionSets"));
    m_editButton->setText(tr("Edit…"));
    m_editButton->setToolTip(tr("Make your own sets of sizes, formats and file names"));
    m_editButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_errors->setObjectName(QStringLiteral("renditionPresetErrors"));
    m_errors->setWordWrap(true);
    m_errors->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_errors->setStyleSheet(QStringLiteral("color: #e8a838;"));
    m_errors->hide();
    m_status->setObjectName(QStringLiteral("renditionStatus"));
    m_status->setWordWrap(true);
    m_status->setStyleSheet(QStringLiteral("color: #8a8a8a;"));

    m_gridLayout->setContentsMargins(6, 6, 6, 6);
    m_gridLayout->setSpacing(8);
    m_gridLayout->setAlignment(Qt::AlignTop);
    m_scroll->setWidget(m_grid);
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    m_scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_scroll->viewport()->installEventFilter(this);

    m_exportButton->setObjectName(QStringLiteral("exportRenditionsButton"));
    m_exportButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_exportButton->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    m_exportButton->setStyleSheet(
        QStringLiteral("QToolButton { background: #2f5a85; border: 1px solid #3d6f9f; border-radius: 4px; "
                       "padding: 5px 12px; color: white; }"
                       "QToolButton:hover { background: #386a9c; } QToolButton:disabled { background: #333; "
                       "border-color: #3a3a3a; color: #777; }"));

    auto *top = new QHBoxLayout;
    top->setContentsMargins(8, 8, 8, 0);
    top->addWidget(new QLabel(tr("Set")));
    top->addWidget(m_combo, 1);
    top->addWidget(m_editButton);
    auto *bottom = new QHBoxLayout;
    bottom->setContentsMargins(8, 4, 8, 8);
    bottom->addWidget(m_exportButton);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addLayout(top);
    auto *notes = new QVBoxLayout;
    notes->setContentsMargins(8, 0, 8, 0);
    notes->addWidget(m_errors);
    notes->addWidget(m_status);
    layout->addLayout(notes);
    layout->addWidget(m_scroll, 1);
    layout->addLayout(bottom);

    connect(m_combo, &QComboBox::currentIndexChanged, this, &RenditionsPanel::onSetChosen);
    connect(m_editButton, &QToolButton::clicked, this, &RenditionsPanel::editSetsRequested);
    connect(m_linker, &RenditionLinker::suggestionsApplied, this, &RenditionsPanel::refresh);
    if (m_controller)
        connect(m_controller, &CropEditController::selectedCropChanged, this, &RenditionsPanel::refresh);
    if (m_canvas) {
        connect(m_canvas, &CropCanvas::imageLoaded, this, &RenditionsPanel::refresh);
        connect(m_canvas, &CropCanvas::dragPreviewChanged, this, &RenditionsPanel::onDragPreview);
        connect(m_canvas, &CropCanvas::dragFinished, this, &RenditionsPanel::refresh);
    }
    reloadSets();
}

void RenditionsPanel::setPresetStore(const RenditionPresetStore &store)
{
    m_store = store;
    reloadSets();
}

void RenditionsPanel::reloadSets()
{
    const QString wanted = m_combo->count() > 0
        ? m_combo->currentData().toString()
        : QSettings().value(kSetKey, QStringLiteral("social")).toString();
    m_presetErrors.clear();
    m_sets = availableRenditionSets(m_store, &m_presetErrors);
    const QStringList builtin = builtinRenditionSetNames();
    {
        const QSignalBlocker block(m_combo);
        m_combo->clear();
        for (const RenditionSet &set : m_sets) {
            const QString kind = builtin.contains(set.name) ? QString() : tr(" (yours)");
            m_combo->addItem(
                QStringLiteral("%1%2 — %3")
                    .arg(set.name, kind, plural(set.renditions.size(), tr("%1 size"), tr("%1 sizes"))),
                set.name);
            m_combo->setItemData(m_combo->count() - 1, set.description, Qt::ToolTipRole);
        }
    }
    m_errors->setVisible(!m_presetErrors.isEmpty());
    m_errors->setText(tr("Some of your preset files cannot be used:") + QStringLiteral("<br>")
        + m_presetErrors.join(QLatin1Char('\n'))
              .toHtmlEscaped()
              .replace(QLatin1Char('\n'), QStringLiteral("<br>")));
    if (!setCurrentSet(wanted) && m_combo->count() > 0)
        setCurrentSet(m_combo->itemData(0).toString());
}

bool RenditionsPanel::setCurrentSet(const QString &name)
{
    for (int i = 0; i < m_combo->count(); ++i) {
        if (m_combo->itemData(i).toString().compare(name, Qt::CaseInsensitive) == 0) {
            if (m_combo->currentIndex() == i && !m_tiles.isEmpty() && currentSet() == m_linker->set())
                return true;
            const QSignalBlocker block(m_combo);
            m_combo->setCurrentIndex(i);
            onSetChosen(i);
            return true;
        }
    }
    return false;
}

RenditionSet RenditionsPanel::currentSet() const
{
    const int i = m_combo->currentIndex();
    return i >= 0 && i < m_sets.size() ? m_sets[i] : RenditionSet();
}

void RenditionsPanel::onSetChosen(int index)
{
    if (index < 0 || index >= m_sets.size())
        return;
    QSettings().setValue(kSetKey, m_sets[index].name);
    m_linker->setSet(m_sets[index]);
    rebuildTiles();
    linkIfShown();
    refresh();
    emit currentSetChanged(m_sets[index].name);
}

void RenditionsPanel::setDocument(ImageDocument *document, QUndoStack *stack)
{
    if (m_document)
        disconnect(m_document, nullptr, this, nullptr);
    m_document = document;
    m_stack = stack;
    m_linker->setTarget(document, stack);
    if (m_document) {
        connect(m_document, &ImageDocument::cropAdded, this, &RenditionsPanel::refresh);
        connect(m_document, &ImageDocument::cropRemoved, this, &RenditionsPanel::refresh);
        connect(m_document, &ImageDocument::cropChanged, this, &RenditionsPanel::refresh);
        connect(m_document, &ImageDocument::cropsReset, this, &RenditionsPanel::refresh);
        // After the canvas has re-turned its picture (queued: whatever the order of the slots).
        connect(m_document, &ImageDocument::userTurnChanged, this, &RenditionsPanel::refresh,
            Qt::QueuedConnection);
    }
    linkIfShown();
    refresh();
}

void RenditionsPanel::setExportAction(QAction *action)
{
    // Not setDefaultAction(): the button keeps its own, longer text and follows the action's state.
    m_exportButton->setText(tr("Export Renditions…"));
    m_exportButton->setIcon(action->icon());
    m_exportButton->setToolTip(action->toolTip());
    m_exportButton->setEnabled(action->isEnabled());
    connect(m_exportButton, &QToolButton::clicked, action, &QAction::trigger);
    connect(action, &QAction::changed, m_exportButton,
        [this, action] { m_exportButton->setEnabled(action->isEnabled()); });
}

RenditionPreview *RenditionsPanel::preview(const QString &renditionName) const
{
    for (RenditionPreview *tile : m_tiles) {
        if (tile->rendition().name.compare(renditionName, Qt::CaseInsensitive) == 0)
            return tile;
    }
    return nullptr;
}

bool RenditionsPanel::editRendition(const QString &renditionName)
{
    RenditionPreview *tile = preview(renditionName);
    if (!tile || !m_document || !m_controller)
        return false;
    QString id = RenditionLinker::linkedCropId(*m_document, tile->rendition().name);
    if (id.isEmpty()) {
        m_linker->linkMissing(tile->rendition().name);
        id = RenditionLinker::linkedCropId(*m_document, tile->rendition().name);
    }
    if (id.isEmpty())
        return false;
    m_controller->setSelectedCropId(id);
    // Selecting adopts the crop's stored ratio; say it again for crops whose lock was changed.
    m_controller->setAspect(tile->rendition().aspect);
    if (m_canvas)
        m_canvas->setFocus();
    refresh();
    return true;
}

void RenditionsPanel::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    linkIfShown();
    refresh();
}

bool RenditionsPanel::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_scroll->viewport() && event->type() == QEvent::Resize)
        layoutTiles();
    return QWidget::eventFilter(watched, event);
}

void RenditionsPanel::rebuildTiles()
{
    qDeleteAll(m_tiles);
    m_tiles.clear();
    m_columns = 0;
    for (const Rendition &rendition : m_linker->set().renditions) {
        auto *tile = new RenditionPreview(rendition, m_grid);
        const QString name = rendition.name;
        connect(tile, &RenditionPreview::clicked, this, [this, name] { editRendition(name); });
        m_tiles << tile;
    }
    layoutTiles();
}

void RenditionsPanel::layoutTiles()
{
    // As many columns as fit, then balanced: 4 tiles in 3 possible columns make 2 x 2, not 3 + 1.
    const int width = m_scroll->viewport()->width();
    const int fit = qBound(1, width / kTileWidth, 4);
    const int count = qMax(1, int(m_tiles.size()));
    const int rows = (count + fit - 1) / fit;
    const int columns = (count + rows - 1) / rows;
    const int margins = m_gridLayout->contentsMargins().left() + m_gridLayout->contentsMargins().right();
    const int columnWidth = (width - margins - m_gridLayout->spacing() * (columns - 1)) / columns;
    // Pictures as large as the panel's height allows (no scrolling when they fit at 96 px or more),
    // never taller than their column is wide.
    const QMargins m = m_gridLayout->contentsMargins();
    const int perRow
        = (m_scroll->viewport()->height() - m.top() - m.bottom() - m_gridLayout->spacing() * (rows - 1))
        / rows;
    const int picture = qBound(96, qMin(perRow - RenditionPreview::chromeHeight(), columnWidth * 4 / 5), 260);
    for (RenditionPreview *tile : m_tiles)
        tile->setPictureHeight(picture);
    if (columns == m_columns && m_gridLayout->count() == m_tiles.size())
        return;
    m_columns = columns;
    for (RenditionPreview *tile : m_tiles)
        m_gridLayout->removeWidget(tile);
    for (int i = 0; i < m_tiles.size(); ++i)
        m_gridLayout->addWidget(m_tiles[i], i / columns, i % columns);
    for (int c = 0; c < 4; ++c)
        m_gridLayout->setColumnStretch(c, c < columns ? 1 : 0);
}

void RenditionsPanel::linkIfShown()
{
    // Only a visible panel makes crops: people who never open it get none.
    if (isVisible() && m_document && m_stack)
        m_linker->linkMissing();
}

void RenditionsPanel::refresh()
{
    const QImage picture = m_canvas ? m_canvas->previewImage() : QImage();
    const QString selected = m_controller ? m_controller->selectedCropId() : QString();
    int upscaled = 0;
    for (RenditionPreview *tile : m_tiles) {
        if (!m_document) {
            tile->setCrop(QString(), Rect());
            tile->setPicture(QImage(), Size());
            tile->setSelected(false);
            continue;
        }
        // Exactly what the export would cut: the linked crop, or (e.g. after a quarter turn made a
        // 4:5 crop 5:4) the largest crop of the rendition's aspect inside it, with a warning.
        const QString id = RenditionLinker::linkedCropId(*m_document, tile->rendition().name);
        const RenditionCropChoice choice
            = chooseRenditionCrop(tile->rendition(), m_document->displayedSize(), m_document->crops());
        tile->setCrop(id, choice.rect);
        tile->setWarnings(choice.warnings);
        tile->setFileStem(QFileInfo(m_document->imagePath()).completeBaseName());
        tile->setPicture(picture, m_document->displayedSize());
        tile->setSelected(!id.isEmpty() && id == selected);
        if (tile->isUpscaled())
            ++upscaled;
    }
    if (!m_document)
        m_status->setText(tr("Open a photo to see its renditions."));
    else if (upscaled > 0)
        m_status->setText(tr("Click a size to edit its crop on the photo. ⚠ %1 than the output "
                             "(enlarged on export).")
                              .arg(plural(upscaled, tr("%1 crop is smaller"), tr("%1 crops are smaller"))));
    else
        m_status->setText(tr("Click a size to edit its crop on the photo."));
}

void RenditionsPanel::onDragPreview(const QString &cropId, const Rect &rect)
{
    if (cropId.isEmpty())
        return;
    for (RenditionPreview *tile : m_tiles) {
        if (tile->cropId() == cropId)
            tile->setCrop(cropId, rect);
    }
}

} // namespace cropwise
