#include "ui/AspectControls.h"

#include "core/geometry/AspectPresets.h"
#include "core/model/ImageDocument.h"
#include "ui/CropEditController.h"
#include "ui/dialogs/CustomAspectDialog.h"

#include <QAction>
#include <QActionGroup>
#include <QComboBox>

namespace cropwise {

namespace {
constexpr int kCustomDialogItem = -1; // combo item data: "Custom..." opens the dialog
constexpr int kCustomRatioItem = -2; // combo item data: the custom ratio in use
} // namespace

AspectControls::AspectControls(CropEditController *controller, QAction *lock, QAction *swap, QAction *custom,
    QWidget *dialogParent, QObject *parent)
    : QObject(parent)
    , m_controller(controller)
    , m_lock(lock)
    , m_combo(new QComboBox)
    , m_dialogParent(dialogParent)
    , m_presetGroup(new QActionGroup(this))
{
    m_combo->setObjectName(QStringLiteral("aspectCombo"));
    m_combo->setToolTip(tr("Aspect ratio of new and selected crops"));
    m_combo->setMinimumContentsLength(9);
    m_combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    const QList<AspectPreset> presets = aspectPresets();
    for (int i = 0; i < presets.size(); ++i) {
        m_combo->addItem(presets[i].name, i);
        QAction *a = m_presetGroup->addAction(presets[i].name);
        a->setCheckable(true);
        a->setData(i);
        connect(a, &QAction::triggered, this, [this, i] { choosePreset(i); });
    }
    m_combo->insertSeparator(m_combo->count());
    m_combo->addItem(tr("Custom…"), kCustomDialogItem);

    lock->setCheckable(true);
    connect(m_combo, &QComboBox::activated, this, &AspectControls::onComboActivated);
    connect(lock, &QAction::toggled, this, &AspectControls::onLockToggled);
    connect(swap, &QAction::triggered, this, &AspectControls::swapOrientation);
    connect(custom, &QAction::triggered, this, &AspectControls::chooseCustom);
    connect(controller, &CropEditController::aspectChanged, this, &AspectControls::sync);
    sync(controller->aspect());
}

AspectControls::~AspectControls()
{
    // The combo lives in the tool bar; if it outlives us it must not call back.
    if (m_combo)
        m_combo->disconnect(this);
}

QList<QAction *> AspectControls::presetActions() const
{
    return m_presetGroup->actions();
}

int AspectControls::originalPresetIndex() const
{
    const QList<AspectPreset> presets = aspectPresets();
    for (int i = 0; i < presets.size(); ++i) {
        if (presets[i].kind == AspectPreset::Kind::Original)
            return i;
    }
    return -1;
}

void AspectControls::onComboActivated(int comboIndex)
{
    if (comboIndex < 0 || !m_combo)
        return;
    const int data = m_combo->itemData(comboIndex).toInt();
    if (data == kCustomDialogItem)
        return chooseCustom();
    if (data == kCustomRatioItem) {
        if (m_lastRatio)
            m_controller->setAspect(m_lastRatio);
        sync(m_controller->aspect());
        emit aspectChosen();
        return;
    }
    choosePreset(data);
}

void AspectControls::choosePreset(int presetIndex)
{
    const QList<AspectPreset> presets = aspectPresets();
    if (!m_controller || presetIndex < 0 || presetIndex >= presets.size())
        return;
    const AspectPreset &preset = presets[presetIndex];
    m_originalChosen = preset.kind == AspectPreset::Kind::Original;
    const ImageDocument *doc = m_controller->document();
    if (preset.kind == AspectPreset::Kind::Free) {
        m_controller->setAspect(std::nullopt);
    } else if (preset.kind == AspectPreset::Kind::Original && !doc) {
        // Remembered; resolved when an image is shown (imageChanged()).
        sync(std::nullopt);
        return;
    } else {
        const auto r = resolvedRatio(preset, doc ? doc->displayedSize() : Size {});
        m_lastRatio = r;
        m_controller->setAspect(r);
    }
    sync(m_controller->aspect());
    emit aspectChosen();
}

void AspectControls::chooseCustom()
{
    const auto r = CustomAspectDialog::getAspect(m_dialogParent, m_lastRatio.value_or(AspectRatio { 3, 2 }));
    if (r && m_controller) {
        m_originalChosen = false;
        m_lastRatio = r;
        m_controller->setAspect(r);
        emit aspectChosen();
    }
    sync(m_controller ? m_controller->aspect() : std::nullopt);
}

void AspectControls::swapOrientation()
{
    if (!m_controller)
        return;
    m_originalChosen = false;
    m_controller->swapAspectOrientation();
    sync(m_controller->aspect());
    emit aspectChosen();
}

void AspectControls::onLockToggled(bool locked)
{
    if (m_syncing || !m_controller)
        return;
    if (!locked) {
        m_controller->setAspect(std::nullopt);
    } else {
        std::optional<AspectRatio> r = m_lastRatio;
        if (!r) {
            // Lock what is there, like Lightroom's padlock: the selected crop's shape, else the image's.
            const ImageDocument *doc = m_controller->document();
            const auto crop = doc ? doc->crop(m_controller->selectedCropId()) : std::nullopt;
            if (crop)
                r = AspectRatio::approximate(crop->rect.size());
            else if (doc)
                r = AspectRatio::approximate(doc->displayedSize());
            else
                r = AspectRatio { 3, 2 };
        }
        m_lastRatio = r;
        m_controller->setAspect(r);
    }
    sync(m_controller->aspect());
    emit aspectChosen();
}

void AspectControls::imageChanged()
{
    if (!m_originalChosen || !m_controller)
        return;
    const ImageDocument *doc = m_controller->document();
    if (!doc)
        return;
    const auto r = resolvedRatio(aspectPresets().at(originalPresetIndex()), doc->displayedSize());
    m_controller->setAspect(r);
    sync(r);
}

void AspectControls::sync(std::optional<AspectRatio> aspect)
{
    if (!m_combo || !m_controller)
        return;
    m_syncing = true;
    if (m_lock)
        m_lock->setChecked(aspect.has_value());
    const QList<AspectPreset> presets = aspectPresets();
    const int original = originalPresetIndex();
    const ImageDocument *doc = m_controller->document();
    int presetIndex = -1;
    if (!aspect) {
        for (int i = 0; i < presets.size(); ++i) {
            if (presets[i].kind == AspectPreset::Kind::Free)
                presetIndex = i;
        }
        if (m_originalChosen)
            presetIndex = original; // chosen, waiting for an image
    } else {
        if (m_originalChosen && doc && resolvedRatio(presets[original], doc->displayedSize()) == aspect)
            presetIndex = original;
        if (presetIndex < 0) {
            m_originalChosen = false;
            for (int i = 0; i < presets.size(); ++i) {
                if (presets[i].kind == AspectPreset::Kind::Fixed && presets[i].ratio == *aspect)
                    presetIndex = i;
            }
        }
        m_lastRatio = aspect;
    }

    const int customIndex = m_combo->findData(kCustomRatioItem);
    if (presetIndex >= 0) {
        m_combo->setCurrentIndex(m_combo->findData(presetIndex));
        if (customIndex >= 0)
            m_combo->removeItem(customIndex);
    } else if (aspect) {
        // A ratio no preset has (typed, or stored with a crop): shown as its own entry.
        if (customIndex >= 0) {
            m_combo->setItemText(customIndex, aspect->toString());
            m_combo->setCurrentIndex(customIndex);
        } else {
            const int at = m_combo->findData(kCustomDialogItem) - 1; // before the separator
            m_combo->insertItem(at, aspect->toString(), kCustomRatioItem);
            m_combo->setCurrentIndex(at);
        }
    }
    for (QAction *a : m_presetGroup->actions())
        a->setChecked(presetIndex >= 0 && a->data().toInt() == presetIndex);
    m_syncing = false;
}

QString AspectControls::settingsValue() const
{
    if (m_originalChosen)
        return QStringLiteral("original");
    if (m_controller && m_controller->aspect())
        return m_controller->aspect()->toString();
    return QStringLiteral("free");
}

void AspectControls::restoreSettingsValue(const QString &value)
{
    if (!m_controller)
        return;
    if (value == QLatin1String("original")) {
        m_originalChosen = true;
        m_controller->setAspect(std::nullopt);
        sync(std::nullopt);
        imageChanged();
    } else if (const auto r = AspectRatio::parse(value)) {
        m_originalChosen = false;
        m_lastRatio = r;
        m_controller->setAspect(r);
        sync(r);
    } else {
        m_originalChosen = false;
        m_controller->setAspect(std::nullopt);
        sync(std::nullopt);
    }
}

} // namespace cropwise
