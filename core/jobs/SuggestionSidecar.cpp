#include "core/jobs/SuggestionSidecar.h"

#include "core/model/ReviewState.h"

namespace cropwise {

StoreSuggestionsResult storeSuggestions(
    const SidecarStore &store, const SuggestJobResult &result, SuggestionUse use)
{
    StoreSuggestionsResult out;
    if (!result.ok() || result.orientedSize.isEmpty()) {
        out.error
            = QStringLiteral("There are no suggestions for %1 to store (%2).")
                  .arg(result.imagePath, result.ok() ? QStringLiteral("its size is unknown") : result.error);
        return out;
    }
    const SidecarReadResult read = store.read(result.imagePath, result.orientedSize);
    out.sidecarPath = read.location.path;
    out.warnings = read.warnings;
    if (!read.error.isEmpty())
        out.warnings.append(read.error);

    ImageState state = read.state;
    if (use == SuggestionUse::ProposeCrops) {
        const std::optional<ImageState> merged = withSuggestions(state, result.suggestions);
        if (!merged) {
            out.outcome = StoreSuggestionsResult::Outcome::Stale;
            return out;
        }
        state = *merged;
    } else {
        if (result.suggestions.key.userTurn != state.userTurn
            || result.suggestions.key.mustInclude != state.mustInclude) {
            out.outcome = StoreSuggestionsResult::Outcome::Stale;
            return out;
        }
        state.suggestions = result.suggestions;
    }
    if (read.status == SidecarReadResult::Status::Loaded && state == read.state) {
        out.outcome = StoreSuggestionsResult::Outcome::Unchanged;
        return out;
    }
    const SidecarWriteResult written = store.write(result.imagePath, result.orientedSize, state);
    out.sidecarPath = written.location.path;
    if (!written.ok()) {
        out.error = written.error;
        return out;
    }
    out.outcome = StoreSuggestionsResult::Outcome::Written;
    return out;
}

} // namespace cropwise
