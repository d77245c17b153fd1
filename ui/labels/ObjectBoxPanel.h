#pragma once

// The "Object Boxes" panel: the current image's imported boxes, one row each (label, position and
// size, "difficult" and "truncated" check boxes). Ticking a box's flag saves it at once through
// ObjectBoxCatalog; selecting a row highlights the box on the canvas. Shows how to import when the
// image has none.
// Thread: GUI thread only.

#include "core/annotations/ObjectBox.h"

#include <QPointer>
#include <QWidget>

class QLabel;
class QTableWidget;

namespace cropwise {

class ObjectBoxCatalog;

class ObjectBoxPanel : public QWidget
{
    Q_OBJECT

public:
    enum Column { LabelColumn, RectColumn, DifficultColumn, TruncatedColumn, ColumnCount };

    explicit ObjectBoxPanel(ObjectBoxCatalog *catalog, QWidget *parent = nullptr);

    // The image whose boxes are listed (empty = none).
    void setImage(const QString &imagePath);
    QTableWidget *table() const { return m_table; }

Q_SIGNALS:
    void boxHighlighted(int index); // -1 = none
    void message(const QString &text);

private:
    void rebuild();
    void onFlagToggled(int row, int column);

    QPointer<ObjectBoxCatalog> m_catalog;
    QString m_imagePath;
    QTableWidget *m_table;
    QLabel *m_empty;
    bool m_rebuilding = false;
};

} // namespace cropwise
