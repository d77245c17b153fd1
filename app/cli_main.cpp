#include "cli/CliApp.h"

#include <QCoreApplication>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    // The same identity as the GUI, so both find the sidecars kept in the per-user data folder
    // (used for images in read-only folders).
    QCoreApplication::setApplicationName(QStringLiteral("Cropwise"));
    QCoreApplication::setOrganizationName(QStringLiteral("Cropwise"));
    return cropwise::cli::run(QCoreApplication::arguments());
}
