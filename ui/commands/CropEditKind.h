#pragma once

// Why a crop's rect changes. The canvas says it with each edit intent; SetCropRectCommand turns it
// into the Edit-menu text ("Undo Move crop") and decides what merges (only nudges of the same crop).

namespace cropwise {

enum class CropEditKind {
    Move, // dragged by its inside
    Resize, // dragged by an edge or corner handle
    Nudge, // arrow keys; consecutive nudges of one crop merge into one undo step
    Numeric, // typed x / y / w / h
    Aspect, // reshaped to a newly chosen or swapped aspect ratio
};

} // namespace cropwise
