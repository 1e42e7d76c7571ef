// A name found once is masked wherever it recurs in the same text: the
// second "Acme Corp", and a person's later mention by one of their names
// ("Maria Gonzalez ... Gonzalez said").
#pragma once

#include <span>
#include <string_view>
#include <vector>

#include "detect/detector.h"
#include "detect/tagger/word_tokens.h"

namespace privacy::detect {

// Adds to `findings` (sorted by start, not overlapping, as the overlap
// resolver leaves them) every other occurrence, at token boundaries, of a
// PERSON, LOCATION or ORGANIZATION finding's words, with its type and
// score: in any ASCII case for a finding of several tokens ("maria
// gonzalez" after "Maria Gonzalez"), in the same case for one word; and,
// for a person named by two words or more, of each of those words that is
// capitalised, at least three characters long, and not also written in
// lower case elsewhere in the text (so "Will" of "Will Smith" does not mask
// "Will you ..."). One-word mentions never match a word the text also
// writes in lower case. Occurrences that overlap a finding are left alone,
// but a one-word LOCATION or ORGANIZATION finding that is such a word of a
// person's name becomes PERSON ("Charles J. Fillmore ... Fillmore"). `findings` stays sorted and free of
// overlaps. Linear in the size of the text.
// `tokens` are TokenizeWords(text).
void AddRepeatedMentions(std::string_view text, std::span<const WordToken> tokens,
                         std::vector<Finding>* findings);

}  // namespace privacy::detect
