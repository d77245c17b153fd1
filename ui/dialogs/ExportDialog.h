#pragma once

// File > Export Crops...: which crops (the selected one, this image's, the selected images', all
// images'), where (folder), how (JPEG with quality or PNG), at what size (the crop's own pixels, or
// a long side / width / height with the aspect kept) and under which names (pattern, with a live
// example). Only gathers settings; the window plans and runs the export.
// Thread: GUI thread only.

#include "ui/ExportPlan.h"

#include <QDialog>

class QButtonGroup;
class QComboBox;
class QLabel;
class QLineEdit;
class QRadioButton;
class QSlider;
class QSpinBox;

namespace cropwise {

class ExportDialog : public QDialog
{
    Q_OBJECT

public:
    enum class Scope { SelectedCrop, CurrentImage, SelectedImages, AllImages };

    struct Counts
    {
        bool hasSelectedCrop = false;
        int currentImageCrops = 0;
        int selectedImages = 0;
        int allImages = 0;
    };

    explicit ExportDialog(QWidget *parent = nullptr);

    // What the scope choices say ("All crops of the 3 selected images") and which are possible.
    void setCounts(const Counts &counts);
    // An example for the file-name preview: image path and crop.
    void setExample(const QString &imagePath, const Crop &crop);

    void setSettings(const ExportSettings &settings);
    ExportSettings settings() const;
    void setScope(Scope scope);
    Scope scope() const;

private:
    void updateControls();
    void browse();

    QRadioButton *m_scopeSelected;
    QRadioButton *m_scopeCurrent;
    QRadioButton *m_scopeSelectedImages;
    QRadioButton *m_scopeAll;
    QButtonGroup *m_scopeGroup;
    QLineEdit *m_folder;
    QComboBox *m_format;
    QSlider *m_qualitySlider;
    QSpinBox *m_quality;
    QLabel *m_qualityLabel;
    QComboBox *m_sizeMode;
    QSpinBox *m_sizeValue;
    QLineEdit *m_pattern;
    QLabel *m_preview;
    QString m_exampleImage;
    Crop m_exampleCrop;
};

} // namespace cropwise
