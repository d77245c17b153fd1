#pragma once

// What a dataset export is made from, collected on the GUI thread as values for the worker: for
// every listed image, its final crops (manual, accepted or edited: ReviewState.h isFinalCrop; pending
// and rejected suggestions are left out), user turn and verified flag (the open document as it is in memory;
// otherwise the sidecar, read without side effects) and its object boxes (ObjectBoxCatalog).
// Thread: GUI thread only.

#include "core/annotations/DatasetExport.h"

#include <QList>
#include <QStringList>

namespace cropwise {

class ImageSession;
class ObjectBoxCatalog;

enum class DatasetImages { All, VerifiedOnly };

struct DatasetRequest
{
    DatasetExportOptions options; // labels are filled in from the folder's label set
    DatasetImages images = DatasetImages::All;
};

// problems: sidecars that cannot be read ("file: reason"), appended.
QList<DatasetSource> collectDatasetSources(
    ImageSession &session, const ObjectBoxCatalog &catalog, DatasetImages images, QStringList *problems);

} // namespace cropwise
