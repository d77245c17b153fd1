#pragma once

// What "Export Renditions" is asked to do: the dialog fills it, tests build it directly.

#include "core/io/Metadata.h"
#include "core/renditions/Rendition.h"
#include "core/renditions/RenditionExport.h"

#include <QString>

namespace cropwise {

struct RenditionExportRequest
{
    enum class Scope {
        CurrentImage,
        AllImages, // every image of the filmstrip
    };

    RenditionSet set;
    QString folder; // created when missing
    Scope scope = Scope::AllImages;
    MetadataPolicy metadata = MetadataPolicy::Keep;
    // Renditions without a saved (linked) crop: the suggester's crop, or the centred one.
    CropFallback fallback = CropFallback::Suggest;
};

} // namespace cropwise
