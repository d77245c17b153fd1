#pragma once

// English singular/plural without shipping a translation file for the source language (Qt's %n
// plurals print "crop(s)" until a .qm provides the forms). Both forms go through tr() at the call
// site, so a translation can still change them:
//     plural(n, tr("%1 crop"), tr("%1 crops"))  ->  "1 crop", "3 crops"

#include <QString>

namespace cropwise {

inline QString plural(qsizetype n, const QString &one, const QString &many)
{
    return (n == 1 ? one : many).arg(n);
}

} // namespace cropwise
