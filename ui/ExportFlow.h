#pragma once

// From "export these crops" to a running export: collects what the model holds for the chosen
// images (open documents as they are in memory; the others from their sidecars), plans the files
// (ui/ExportPlan.h), asks ONCE about files that exist already (replace / skip / cancel; never
// overwrites silently), makes the folder and starts the background job (ui/ExportRunner.h).
// The window chooses the crops and shows the outcome; the question is injectable for tests.
// Thread: GUI thread only.

#include "ui/ExportPlan.h"

#include <QObject>
#include <QPointer>
#include <QStringList>

#include <functional>

class QWidget;

namespace cropwise {

class ExportRunner;
class ImageDocument;
class ImageSession;

class ExportFlow : public QObject
{
    Q_OBJECT

public:
    enum class OverwriteChoice { Replace, Skip, Cancel };
    // Asked with the paths that exist; the default is a message box on dialogParent.
    using OverwritePrompt = std::function<OverwriteChoice(const QStringList &existingPaths)>;

    enum class Outcome {
        Started,
        Busy, // an export is running
        NothingToExport, // no crops in the chosen images
        Cancelled, // the user cancelled at the overwrite question
        AllExist, // the user kept every existing file and nothing else was left
        FolderError, // the output folder cannot be created
    };

    ExportFlow(ImageSession *session, QWidget *dialogParent, QObject *parent = nullptr);

    void setOverwritePrompt(OverwritePrompt prompt) { m_prompt = std::move(prompt); }
    ExportRunner *runner() const { return m_runner; }

    static ExportSource sourceOf(const ImageDocument &document);
    // Whole images. Sidecar problems (broken files, kept aside by core) are appended to problems.
    QList<ExportSource> sourcesForImages(const QStringList &imagePaths, QStringList *problems) const;

    // skipped: how many existing files the user chose to keep; planned: items handed to the job.
    Outcome start(const QList<ExportSource> &sources, const ExportSettings &settings, int *skipped = nullptr,
        int *planned = nullptr);

private:
    QPointer<ImageSession> m_session;
    QPointer<QWidget> m_dialogParent;
    ExportRunner *m_runner;
    OverwritePrompt m_prompt;
};

} // namespace cropwise
