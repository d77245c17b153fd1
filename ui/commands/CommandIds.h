#pragma once

// QUndoCommand::id() values of commands that merge (QUndoStack merges consecutive commands with the
// same id through mergeWith()). Commands that never merge return -1.

namespace cropwise {

enum class CommandId : int {
    NudgeCrop = 1, // SetCropRectCommand with CropEditKind::Nudge
};

} // namespace cropwise
