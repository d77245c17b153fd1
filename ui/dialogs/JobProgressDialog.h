#pragma once

// The progress dialog every background job of the window shows (exports of crops, renditions and
// datasets): window-modal, with Cancel, shown only when the job lasts (quick jobs finish without a
// flashing dialog), and kept open at the end so the owner decides when it goes away.
//
// Thread: GUI thread only.

#include <QString>

class QProgressDialog;
class QWidget;

namespace cropwise {

// A new dialog owned by parent, at value 0 of maximum. Connect its canceled() signal to the job.
QProgressDialog *createJobProgressDialog(
    QWidget *parent, const QString &title, const QString &label, int maximum);

} // namespace cropwise
