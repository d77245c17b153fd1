#include "ui/dialogs/JobProgressDialog.h"

#include <QProgressDialog>

namespace cropwise {

QProgressDialog *createJobProgressDialog(QWidget *parent, const QString &title, const QString &label, int maximum)
{
    auto *dialog = new QProgressDialog(label, QProgressDialog::tr("Cancel"), 0, maximum, parent);
    dialog->setWindowTitle(title);
    dialog->setWindowModality(Qt::WindowModal);
    dialog->setMinimumDuration(400); // quick jobs finish without a flashing dialog
    dialog->setAutoClose(false);
    dialog->setAutoReset(false);
    dialog->setValue(0);
    return dialog;
}

} // namespace cropwise
