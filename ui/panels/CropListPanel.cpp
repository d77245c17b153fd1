#include "ui/panels/CropListPanel.h"

#include "core/geometry/AspectSolver.h"
#include "core/model/ImageDocument.h"
#include "ui/CropEditController.h"
#include "ui/panels/CropListModel.h"
#include "ui/panels/CropReadout.h"

#include <QAction>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QStackedWidget>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

#include <cmath>

namespace cropwise {

std::optional<Rect> CropListPanel::numericEdit(
    const Rect &current, Field field, int value, std::optional<AspectRatio> lock, Size image)
{
    if (image.isEmpty())
        return std::nullopt;
    Rect r = current;
    switch (field) {
    case Field::X:
        r.x = value;
        break;
    case Field::Y:
        r.y = value;
        break;
    case Field::Width:
        r.width = value;
        break;
    case Field::Height:
        r.height = value;
        break;
    }
    if (r.width < 1 || r.height < 1)
        return std::nullopt;
    if (lock && (field == Field::Width || field == Field::Height)) {
        // The other side follows; the size snaps to the nearest exact multiple of the ratio.
        const int term = field == Field::Width ? lock->num : lock->den;
        const int k = std::max(1, int(std::lround(double(value) / term)));
        Size s { k * lock->num, k * lock->den };
        if (s.width > image.width || s.height > image.height)
            s = largestSizeWithAspect(image, *lock);
        if (s.isEmpty())
            return std::nullopt;
        r.width = s.width;
        r.height = s.height;
    }
    r.width = std::min(r.width, image.width);
    r.height = std::min(r.height, image.height);
    // Shift back inside rather than shrink: the typed size is what the user asked for.
    r.x = std::clamp(r.x, 0, image.width - r.width);
    r.y = std::clamp(r.y, 0, image.height - r.height);
    return r;
}

CropListPanel::CropListPanel(CropEditController *controller, QWidget *parent)
    : QWidget(parent)
    , m_controller(controller)
    , m_model(new CropListModel(this))
    , m_table(new QTableView)
{
    setObjectName(QStringLiteral("cropListPanel"));
    m_model->setController(controller);

    m_table->setModel(m_model);
    m_table->setObjectName(QStringLiteral("cropTable"));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed
        | QAbstractItemView::SelectedClicked);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 10);
    m_table->setShowGrid(false);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->horizontalHeader()->setHighlightSections(false);
    m_table->horizontalHeader()->setSectionResizeMode(CropListModel::NameColumn, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(CropListModel::LabelColumn, QHeaderView::Interactive);
    m_table->horizontalHeader()->resizeSection(
        CropListModel::LabelColumn, fontMetrics().horizontalAdvance(QStringLiteral("landscape")) + 16);
    m_table->horizontalHeader()->setSectionResizeMode(
        CropListModel::SizeColumn, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(
        CropListModel::RatioColumn, QHeaderView::ResizeToContents);
    m_table->setMinimumHeight(120);

    m_emptyHint
        = new QLabel(tr("No crops yet.\n\nDrag on the photo to draw one,\nor press %1 for a new crop.")
                         .arg(QKeySequence(Qt::CTRL | Qt::Key_N).toString(QKeySequence::NativeText)));
    m_emptyHint->setAlignment(Qt::AlignCenter);
    m_emptyHint->setWordWrap(true);
    m_emptyHint->setStyleSheet(QStringLiteral("color: #8a8a8a; background: #212121; border-radius: 4px;"));
    auto *stack = new QStackedWidget;
    stack->addWidget(m_table);
    stack->addWidget(m_emptyHint);

    m_addButton = new QToolButton;
    m_deleteButton = new QToolButton;
    for (QToolButton *b : { m_addButton, m_deleteButton }) {
        b->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        b->setAutoRaise(true);
    }
    auto *buttons = new QHBoxLayout;
    buttons->setContentsMargins(0, 0, 0, 0);
    buttons->addWidget(m_addButton);
    buttons->addWidget(m_deleteButton);
    buttons->addStretch(1);

    // Position and size of the selected crop.
    auto makeSpin = [](const QString &name) {
        auto *s = new QSpinBox;
        s->setObjectName(name);
        s->setKeyboardTracking(false); // commit on Enter / focus out / arrow steps, not per digit
        s->setAccelerated(true);
        s->setSuffix(QStringLiteral(" px"));
        s->setAlignment(Qt::AlignRight);
        s->setRange(0, 1'000'000);
        return s;
    };
    m_x = makeSpin(QStringLiteral("cropX"));
    m_y = makeSpin(QStringLiteral("cropY"));
    m_w = makeSpin(QStringLiteral("cropWidth"));
    m_h = makeSpin(QStringLiteral("cropHeight"));
    m_sizeReadout = new QLabel;
    m_sizeReadout->setObjectName(QStringLiteral("cropSizeReadout"));
    QFont big = m_sizeReadout->font();
    big.setPointSizeF(big.pointSizeF() * 1.35);
    m_sizeReadout->setFont(big);
    m_ratioReadout = new QLabel;
    m_ratioReadout->setObjectName(QStringLiteral("cropRatioReadout"));
    m_ratioReadout->setStyleSheet(QStringLiteral("color: #9a9a9a;"));

    auto *group = new QGroupBox(tr("Selected crop"));
    auto *grid = new QGridLayout(group);
    grid->setHorizontalSpacing(8);
    grid->setVerticalSpacing(6);
    auto caption = [](const QString &text) {
        auto *l = new QLabel(text);
        l->setStyleSheet(QStringLiteral("color: #9a9a9a;"));
        return l;
    };
    grid->addWidget(caption(tr("X")), 0, 0);
    grid->addWidget(m_x, 0, 1);
    grid->addWidget(caption(tr("Y")), 0, 2);
    grid->addWidget(m_y, 0, 3);
    grid->addWidget(caption(tr("W")), 1, 0);
    grid->addWidget(m_w, 1, 1);
    grid->addWidget(caption(tr("H")), 1, 2);
    grid->addWidget(m_h, 1, 3);
    grid->addWidget(m_sizeReadout, 2, 0, 1, 4);
    grid->addWidget(m_ratioReadout, 3, 0, 1, 4);
    grid->setColumnStretch(1, 1);
    grid->setColumnStretch(3, 1);
    m_editor = group;

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->setSpacing(6);
    layout->addWidget(stack, 1);
    layout->addLayout(buttons);
    layout->addWidget(group);

    auto updateEmpty
        = [this, stack] { stack->setCurrentIndex(m_model->rowCount() == 0 && m_document ? 1 : 0); };
    connect(m_model, &QAbstractItemModel::rowsInserted, this, updateEmpty);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, updateEmpty);
    connect(m_model, &QAbstractItemModel::modelReset, this, updateEmpty);
    connect(m_model, &QAbstractItemModel::modelReset, this, &CropListPanel::refreshEditor);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &CropListPanel::refreshEditor);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &CropListPanel::refreshEditor);

    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
        &CropListPanel::onTableSelectionChanged);
    if (controller) {
        connect(controller, &CropEditController::selectedCropChanged, this,
            &CropListPanel::onSelectedCropChanged);
        connect(controller, &CropEditController::aspectChanged, this, &CropListPanel::refreshEditor);
    }
    connect(m_x, &QSpinBox::valueChanged, this, [this](int v) { onSpinValueChanged(Field::X, v); });
    connect(m_y, &QSpinBox::valueChanged, this, [this](int v) { onSpinValueChanged(Field::Y, v); });
    connect(m_w, &QSpinBox::valueChanged, this, [this](int v) { onSpinValueChanged(Field::Width, v); });
    connect(m_h, &QSpinBox::valueChanged, this, [this](int v) { onSpinValueChanged(Field::Height, v); });

    updateEmpty();
    refreshEditor();
}

void CropListPanel::setActions(QAction *addCrop, QAction *deleteCrop)
{
    m_addButton->setDefaultAction(addCrop);
    m_deleteButton->setDefaultAction(deleteCrop);
}

void CropListPanel::setDocument(const ImageDocument *document)
{
    if (m_document)
        disconnect(m_document, nullptr, this, nullptr);
    m_document = document;
    m_model->setDocument(document);
    if (document) {
        // A turn changes the image size the spin boxes are limited to.
        connect(document, &ImageDocument::userTurnChanged, this, &CropListPanel::refreshEditor);
    }
    if (m_controller)
        onSelectedCropChanged(m_controller->selectedCropId());
    refreshEditor();
}

QSpinBox *CropListPanel::spinBox(Field field) const
{
    switch (field) {
    case Field::X:
        return m_x;
    case Field::Y:
        return m_y;
    case Field::Width:
        return m_w;
    case Field::Height:
        return m_h;
    }
    return nullptr;
}

QString CropListPanel::readoutText() const
{
    return m_sizeReadout->text() + QLatin1Char(' ') + m_ratioReadout->text();
}

void CropListPanel::editSelectedName()
{
    const QModelIndex current = m_table->selectionModel()->currentIndex();
    if (!current.isValid())
        return;
    const QModelIndex nameIndex = m_model->index(current.row(), CropListModel::NameColumn);
    m_table->setFocus();
    m_table->edit(nameIndex);
}

void CropListPanel::onSelectedCropChanged(const QString &cropId)
{
    const int row = m_model->rowOf(cropId);
    m_syncing = true;
    if (row < 0) {
        m_table->clearSelection();
    } else {
        m_table->selectionModel()->setCurrentIndex(
            m_model->index(row, 0), QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        m_table->scrollTo(m_model->index(row, 0));
    }
    m_syncing = false;
    refreshEditor();
}

void CropListPanel::onTableSelectionChanged()
{
    if (m_syncing || !m_controller)
        return;
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    m_controller->setSelectedCropId(rows.isEmpty() ? QString() : m_model->cropIdAt(rows.first().row()));
}

void CropListPanel::onSpinValueChanged(Field field, int value)
{
    if (m_syncing || !m_controller || !m_document)
        return;
    const std::optional<Crop> crop = m_document->crop(m_controller->selectedCropId());
    if (!crop)
        return;
    const std::optional<Rect> r
        = numericEdit(crop->rect, field, value, m_controller->aspect(), m_document->displayedSize());
    if (r)
        m_controller->setCropRect(crop->id, *r);
    // Refused, accepted or snapped to the ratio: show what the model holds now.
    refreshEditor();
}

void CropListPanel::refreshEditor()
{
    const std::optional<Crop> crop
        = m_document && m_controller ? m_document->crop(m_controller->selectedCropId()) : std::nullopt;
    m_editor->setEnabled(crop.has_value());
    if (!crop) {
        // Blank fields rather than zeros that look like a crop at the origin.
        m_syncing = true;
        for (QSpinBox *s : { m_x, m_y, m_w, m_h }) {
            s->setSpecialValueText(QStringLiteral("–"));
            s->setRange(-1, -1);
            s->setValue(-1);
        }
        m_syncing = false;
        m_sizeReadout->setText(m_document ? tr("No crop selected") : tr("No image"));
        m_ratioReadout->setText(m_controller && m_controller->aspect()
                ? tr("New crops: %1").arg(m_controller->aspect()->toString())
                : tr("New crops: free ratio"));
        return;
    }
    showRect(crop->rect, crop->aspect, false);
}

void CropListPanel::showRect(const Rect &rect, std::optional<AspectRatio> lock, bool live)
{
    const Size image = m_document ? m_document->displayedSize() : Size {};
    m_syncing = true;
    for (QSpinBox *s : { m_x, m_y, m_w, m_h })
        s->setSpecialValueText(QString());
    m_x->setRange(0, std::max(0, image.width - 1));
    m_y->setRange(0, std::max(0, image.height - 1));
    m_w->setRange(1, std::max(1, image.width));
    m_h->setRange(1, std::max(1, image.height));
    m_x->setValue(rect.x);
    m_y->setValue(rect.y);
    m_w->setValue(rect.width);
    m_h->setValue(rect.height);
    m_syncing = false;
    m_sizeReadout->setText(sizeText(rect.size()));
    QString ratio = ratioText(rect.size(), lock);
    if (lock)
        ratio = tr("%1 · locked").arg(ratio);
    if (!image.isEmpty()) {
        const double share = 100.0 * double(rect.area()) / double(image.area());
        ratio += tr(" · %1 % of the image").arg(share, 0, 'f', share < 10 ? 1 : 0);
    }
    if (live)
        ratio += tr(" · dragging");
    m_ratioReadout->setText(ratio);
    m_ratioReadout->setToolTip(tr("Width / height = %1").arg(ratioDecimalText(rect.size())));
}

void CropListPanel::showLiveRect(const QString &cropId, const Rect &rect)
{
    Q_UNUSED(cropId); // the live rect obeys the lock the canvas drags with: the controller's
    const std::optional<AspectRatio> lock = m_controller ? m_controller->aspect() : std::nullopt;
    m_editor->setEnabled(true);
    showRect(rect, lock, true);
}

void CropListPanel::showModelValues()
{
    refreshEditor();
}

} // namespace cropwise
