// Acronyms a text defines in parentheses decide what the acronym is there:
// "ground reaction force (GRF)" makes GRF an ordinary term, "World Health
// Organization (WHO)" makes WHO that organization.
#pragma once

#include <span>
#include <string_view>
#include <vector>

#include "detect/detector.h"
#include "detect/tagger/word_tokens.h"

namespace privacy::detect {

// Reads the definitions "long form (ACRONYM)" of `text`: the acronym (2-10
// letters or digits, two capitals or more, opening with one) follows the
// words whose initials spell its capitals, small words ("of", "the", "and",
// ...) aside. When those words are all in lower case, PERSON, LOCATION and
// ORGANIZATION findings that are exactly the acronym are dropped; when a
// PERSON, LOCATION or ORGANIZATION finding covers them, every finding that
// is exactly the acronym takes its type, and the acronym inside the
// parentheses becomes a finding of that type and score if nothing covers
// it. `findings` is sorted by start and free of overlaps, as the overlap
// resolver leaves it, and stays so; `tokens` are TokenizeWords(text).
// Linear in the size of the text.
void ApplyAcronymDefinitions(std::string_view text, std::span<const WordToken> tokens,
                             std::vector<Finding>* findings);

}  // namespace privacy::detect
