#pragma once

// File > Import Object Boxes: which format (COCO JSON file, Pascal VOC folder of XML files, YOLO
// folder of .txt files) and where. The import itself is ObjectBoxCatalog::importBoxes().
// Thread: GUI thread only.

#include "core/annotations/AnnotationImport.h"

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace cropwise {

class ImportBoxesDialog : public QDialog
{
    Q_OBJECT

public:
    // startFolder: where the browse dialogs open (the images' folder).
    explicit ImportBoxesDialog(const QString &startFolder, QWidget *parent = nullptr);

    AnnotationFormat format() const;
    QString path() const;

private:
    void browse();
    void update();

    QString m_startFolder;
    QComboBox *m_format;
    QLineEdit *m_path;
    QLabel *m_hint;
    QDialogButtonBox *m_buttons;
};

} // namespace cropwise
