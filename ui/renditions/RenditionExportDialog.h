#pragma once

// The "Export Renditions" dialog: which set, this image or all images, the output folder, the
// metadata policy and what renditions without a saved crop get. It only fills a
// RenditionExportRequest; RenditionsFeature::exportRenditions() does the work.
// Thread: GUI thread only.

#include "core/renditions/Rendition.h"
#include "ui/renditions/RenditionExportRequest.h"

#include <QDialog>
#include <QList>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QRadioButton;

namespace cropwise {

class RenditionExportDialog : public QDialog
{
    Q_OBJECT

public:
    explicit RenditionExportDialog(QWidget *parent = nullptr);

    void setSets(const QList<RenditionSet> &sets, const QString &current);
    void setImageCounts(int current, int all);
    void setRequest(const RenditionExportRequest &request);
    RenditionExportRequest request() const;

private:
    void updateSummary();
    void chooseFolder();

    QList<RenditionSet> m_sets;
    QComboBox *m_set;
    QLabel *m_summary;
    QRadioButton *m_current;
    QRadioButton *m_all;
    QLineEdit *m_folder;
    QComboBox *m_metadata;
    QCheckBox *m_suggest;
};

} // namespace cropwise
