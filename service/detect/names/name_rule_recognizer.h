// The rule-based recognizer of PERSON, LOCATION and ORGANIZATION: the
// fallback of the entity tagger.
#pragma once

#include <memory>

#include "detect/names/gazetteer.h"
#include "detect/recognizer.h"

namespace privacy::detect {

// Names from runs of capitalised words, the gazetteer and context cues
// (honorifics, organization words, "my name is", "flight to").
std::unique_ptr<Recognizer> MakeNameRuleRecognizer(std::shared_ptr<const Gazetteer> gazetteer);

}  // namespace privacy::detect
