// Names spelled out letter by letter, as callers and agents do on the
// phone: "a d a e z e", "C-A-S-T-E-L-L-U-C-C-I".
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "detect/names/gazetteer.h"
#include "detect/tagger/entity_tagger.h"
#include "detect/tagger/word_tokens.h"

namespace privacy::detect {

// How sure a word the text spells out letter by letter is a name, at
// least: what is spelled out on a call is mostly a name, sometimes a
// street or an e-mail address.
inline constexpr double kSpelledWordProbability = 0.7;

// A name spelled out gives it away as surely as the name itself. Three
// letters or more of an alphabet with capitals, one space, "-" or "."
// apart ("s m i t h", "S-M-I-T-H", "S.M.I.T.H."), that spell a word of an
// entity the model found, or all its words (ignoring case and diacritics:
// "w i s n i e w s k a" spells "Wiśniewska"), are an entity of its type,
// and both at least kSpelledWordProbability sure; when they spell words
// (up to three) of the eight before them that no entity holds, both are a
// person's name that sure ("its yılmaz y ı l m a z"). An entity the model
// was less sure of, or words it did not find, count only when `gazetteer`
// does not hold the spelled word as an English word, or holds it as a
// first name too ("h o p e", not "c a t"). Letters that spell nothing
// near ("a b c d") stay as they are. Only a text's first 64 spelled runs
// are read (time stays linear in the text). `entities[first, end)` are
// sorted by start and stay so.
void AddSpelledNames(std::string_view text, const std::vector<WordToken>& tokens,
                     const Gazetteer& gazetteer, std::vector<TaggedEntity>* entities,
                     size_t first);

}  // namespace privacy::detect
