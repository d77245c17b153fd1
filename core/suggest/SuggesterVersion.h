#pragma once

// The version string recorded with every suggestion (crop reviews, the suggestion cache key, the
// review statistics). Change it whenever the suggester's output for the same input changes (new
// weights, new detector, new optimiser rule): cached suggestions of the old version are then
// recomputed, and review-stats keeps the versions apart. It lives beside the suggester so that a
// change to the suggester and a bump of its version are made in the same place.

namespace cropwise {

inline constexpr auto kSuggesterVersion = "cropwise-suggest/1";

} // namespace cropwise
