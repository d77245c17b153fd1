#pragma once

// Composition guides drawn inside the selected crop (and inside a crop being drawn).

namespace cropwise {

enum class GuideOverlay {
    None,
    Thirds, // rule of thirds: 2 + 2 lines
    Grid, // a fine grid for straightening: cells of about 1/8 of the longer side
    GoldenSections, // phi grid: lines at 0.382 and 0.618 of each side
    Diagonals, // the diagonal method: a 45 degree line from each corner
};

} // namespace cropwise
