#pragma once

// The rendition sets that ship with Cropwise: "social", "web", "print" (docs/renditions.md).
// The JSON is compiled in (core cannot use the GUI's resource file); resources/presets/<name>.json
// hold the same text for people to read and copy, and BuiltinRenditionSetsTest fails when the two
// differ by a byte. Thread: reentrant.

#include "core/renditions/Rendition.h"

#include <QByteArray>
#include <QList>
#include <QStringList>

namespace cropwise {

// "social", "web", "print", in this order.
QStringList builtinRenditionSetNames();

// The JSON text of a built-in set; empty for an unknown name (exact, lower-case names).
QByteArray builtinRenditionSetJson(const QString &name);

// All built-in sets, parsed (a parse failure is a bug caught by the tests; such a set is skipped).
QList<RenditionSet> builtinRenditionSets();

} // namespace cropwise
