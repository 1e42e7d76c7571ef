// What the words of a chunk say about it being a person, a place or an
// organization: each function proposes the chunk's best span for its kind
// and a base score, before context cues (name_context.h) are added.
// Implemented in person_evidence.cc, location_evidence.cc and
// organization_evidence.cc.
#pragma once

#include <optional>
#include <string_view>

#include "detect/names/gazetteer.h"
#include "detect/names/name_chunks.h"

namespace privacy::detect {

// First names followed by surnames or unknown capitalised words, single
// first names, honorifics; not words that are common English words unless
// a first name and a surname stand together.
std::optional<NameGuess> GuessPerson(std::string_view text, const NameChunk& chunk);

// The longest run of words naming a city, country, region or (in capitals)
// a place abbreviation; ambiguous words (common words, first names) and
// extra name words around the run lower the score.
std::optional<NameGuess> GuessLocation(const Gazetteer& gazetteer, std::string_view text,
                                       const NameChunk& chunk);

// Names ending in a legal form or an organization word ("Fabrikam Inc",
// "Deutsche Bank"), "University of ..."-style names, known company names
// and acronyms, "&" names; unknown capitalised words get a low score that
// only a strong cue ("works at") lifts.
std::optional<NameGuess> GuessOrganization(const Gazetteer& gazetteer, std::string_view text,
                                           const NameChunk& chunk);

}  // namespace privacy::detect
