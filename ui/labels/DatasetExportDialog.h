#pragma once

// File > Export Dataset: format (COCO, VOC, YOLO, CSV, folders), mode (boxes = the photos with the
// labelled crops as boxes; crops = every crop its own image, with the object boxes carried into
// it), output folder, minimum visibility of carried boxes (default 0.5), optional output size of
// crop images, image format, and "verified images only". A line under the choices says which
// dataset that makes (docs/datasets.md). The export itself: LabelsWorkbench::exportDataset().
// Thread: GUI thread only.

#include "ui/labels/DatasetSources.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace cropwise {

class DatasetExportDialog : public QDialog
{
    Q_OBJECT

public:
    explicit DatasetExportDialog(QWidget *parent = nullptr);

    void setRequest(const DatasetRequest &request);
    DatasetRequest request() const;

private:
    void browse();
    void update();

    QComboBox *m_format;
    QComboBox *m_mode;
    QLineEdit *m_folder;
    QDoubleSpinBox *m_visibility;
    QComboBox *m_sizeMode;
    QSpinBox *m_width;
    QSpinBox *m_height;
    QComboBox *m_imageFormat;
    QCheckBox *m_verifiedOnly;
    QLabel *m_explain;
    QDialogButtonBox *m_buttons;
};

} // namespace cropwise
