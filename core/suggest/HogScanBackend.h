#pragma once

// Which build of the HOG scan (HogScan.h) runs: the AVX2 + FMA module when this CPU has both and
// the module is found, else the portable build. Chosen once per process.
//
// The module is looked up beside the executable (the build tree), in lib/cropwise/ of the install
// the executable runs from (wherever it was moved), and at the install and build paths compiled in. Setting CROPWISE_HOG_BACKEND=portable forces the portable build (to
// compare the two, or to rule the module out when something looks wrong).

#include "core/suggest/HogScan.h"

#include <QString>

namespace cropwise::detail {

enum class HogBackend { Auto, Portable, Avx2 };

// The scan function for `wanted`: Auto picks as described above; Avx2 returns nullptr when the
// CPU or the module cannot provide it.
CropwiseHogScanFn hogScanFunction(HogBackend wanted = HogBackend::Auto);

// "avx2" or "portable": what Auto chose (for diagnostics and docs).
QString hogBackendName();

} // namespace cropwise::detail
