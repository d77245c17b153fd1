#include "ui/labels/LabelsController.h"

#include "core/model/ImageDocument.h"
#include "ui/CropEditController.h"
#include "ui/ImageSession.h"
#include "ui/commands/SetCropLabelCommand.h"
#include "ui/commands/SetVerifiedCommand.h"

#include <QDir>
#include <QFileInfo>
#include <QUndoStack>

#include <memory>

namespace cropwise {

LabelsController::LabelsController(ImageSession *session, CropEditController *controller, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_controller(controller)
{
}

void LabelsController::setFolder(const QString &folder)
{
    const QString clean = folder.isEmpty() ? QString() : QDir::cleanPath(folder);
    if (clean == m_folder)
        return;
    m_folder = clean;
    m_set = LabelSet();
    if (!m_folder.isEmpty()) {
        const LabelSetLoadResult loaded = LabelSet::load(LabelSet::pathInFolder(m_folder));
        if (!loaded.ok())
            Q_EMIT message(loaded.error); // the file stays as it is; edits would replace it
        else
            m_set = loaded.labels;
        if (!loaded.warnings.isEmpty())
            Q_EMIT message(loaded.warnings.join(QLatin1Char('\n')));
    }
    Q_EMIT labelSetChanged();
}

QColor LabelsController::colourOf(const QString &label) const
{
    const auto l = m_set.label(label);
    return l ? QColor(l->colour) : QColor();
}

QString LabelsController::commit(const QString &refusal, const LabelSet &edited)
{
    if (!refusal.isEmpty())
        return refusal;
    if (m_folder.isEmpty())
        return tr("open a folder first: labels are kept per folder");
    if (const QString why = edited.save(LabelSet::pathInFolder(m_folder)); !why.isEmpty())
        return why;
    m_set = edited;
    Q_EMIT labelSetChanged();
    return {};
}

QString LabelsController::addLabel(const QString &name, const QString &colour, int hotkey)
{
    LabelSet edited = m_set;
    return commit(edited.add(name, colour, hotkey), edited);
}

QString LabelsController::renameLabel(const QString &name, const QString &newName)
{
    LabelSet edited = m_set;
    const QString why = commit(edited.rename(name, newName), edited);
    if (why.isEmpty()) {
        relabelCrops(name, newName.trimmed());
        Q_EMIT labelRenamed(name.trimmed(), newName.trimmed());
    }
    return why;
}

QString LabelsController::setLabelColour(const QString &name, const QString &colour)
{
    LabelSet edited = m_set;
    return commit(edited.setColour(name, colour), edited);
}

QString LabelsController::setLabelHotkey(const QString &name, int hotkey)
{
    LabelSet edited = m_set;
    return commit(edited.setHotkey(name, hotkey), edited);
}

QString LabelsController::removeLabel(const QString &name)
{
    LabelSet edited = m_set;
    return commit(edited.remove(name), edited);
}

QStringList LabelsController::addMissingLabels(const QStringList &names)
{
    LabelSet edited = m_set;
    const QStringList added = edited.addMissing(names);
    if (added.isEmpty())
        return {};
    if (const QString why = commit({}, edited); !why.isEmpty()) {
        Q_EMIT message(why);
        return {};
    }
    return added;
}

void LabelsController::relabelCrops(const QString &from, const QString &to)
{
    if (!m_session || from == to)
        return;
    for (const QString &path : m_session->imagePaths()) {
        if (QFileInfo(path).absolutePath() != m_folder)
            continue;
        ImageDocument *doc = m_session->document(path);
        QUndoStack *stack = m_session->undoStack(path);
        if (!doc || !stack)
            continue;
        auto macro = std::make_unique<QUndoCommand>(tr("Rename label"));
        for (const Crop &crop : doc->crops())
            if (crop.label == from)
                new SetCropLabelCommand(doc, crop.id, from, to, macro.get());
        if (macro->childCount() > 0)
            stack->push(macro.release()); // one step per image, on that image's stack
    }
}

QString LabelsController::applyHotkey(int n)
{
    const auto label = m_set.labelForHotkey(n);
    if (!label) {
        Q_EMIT message(
            tr("No label has the key %1. Add labels or set their keys in the Labels panel.").arg(n));
        return {};
    }
    if (!m_controller)
        return {};
    m_controller->setCurrentLabel(label->name);
    const QString selected = m_controller->selectedCropId();
    if (!selected.isEmpty())
        m_controller->setCropLabel(selected, label->name);
    return label->name;
}

bool LabelsController::toggleVerified()
{
    if (!m_session || m_session->currentIndex() < 0)
        return false;
    const QString path = m_session->currentPath();
    ImageDocument *doc = m_session->document(path);
    QUndoStack *stack = m_session->undoStack(path);
    if (!doc || !stack)
        return false;
    stack->push(new SetVerifiedCommand(doc, doc->isVerified(), !doc->isVerified()));
    return true;
}

} // namespace cropwise
