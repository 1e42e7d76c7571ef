// Context cues for names: the words around a candidate that speak for a
// person ("my name is", "Dear", "beneficiary"), a place ("flight to",
// "lives in", "office") or an organization ("works at", "treated at").
#pragma once

#include <string>
#include <string_view>

#include "detect/names/gazetteer.h"

namespace privacy::detect {

// The three kinds of names the recognizers report.
enum class NameKind { kPerson, kLocation, kOrganization };

// Strength of the cues for each kind, each in [-0.35, 0.35]: negative when
// the context speaks against the kind ("my Mastercard" is a product).
struct NameCues {
  double person = 0.0;
  double location = 0.0;
  double organization = 0.0;

  double For(NameKind kind) const;
};

// Cues before [start, end) (up to three words in the same sentence, or the
// key of a "key: value" / JSON pair) and right after it (one word, or
// ", <country>").
NameCues ReadCues(const Gazetteer& gazetteer, std::string_view text, size_t start, size_t end);

// The score of a name of `kind` with base score `base`: plus its own cue,
// minus half the strongest cue for another kind, within [0, 0.95].
double ScoreWithCues(NameKind kind, double base, const NameCues& cues);

// A Hyperscan expression (caseless) matching the strong cues of `kind`
// that also announce a name written in lower case ("my name is ", "lives
// in ", "works at "); a hit ends where the name would start.
std::string LowerCaseTriggerExpression(NameKind kind);

}  // namespace privacy::detect
