#include "cli/CliApp.h"

#include <QTextStream>

namespace cropwise::cli {

int run(const QStringList &arguments)
{
    QTextStream err(stderr);
    err << "cropwise-cli: no command given (" << arguments.size() << " arguments)\n";
    return 2;
}

} // namespace cropwise::cli
