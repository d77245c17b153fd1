#pragma once

// The version string recorded with every suggestion (crop reviews, the suggestion cache key, the
// review statistics). Change it whenever the suggester's output for the same input changes (new
// weights, new detector, new optimiser rule): cached suggestions of the old version are then
// recomputed, and review-stats keeps the versions apart.
//
// PLACEHOLDER: core/suggest does not export a version constant yet. This is the ONE place that
// names it; when core/suggest gets one, make this an alias of it.

namespace cropwise {

inline constexpr auto kSuggesterVersion = "cropwise-suggest/1";

} // namespace cropwise
