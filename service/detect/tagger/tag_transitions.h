// Scores of tag pairs and of the tags that open and close a text: the
// part of the tagger's model that is not tied to features.
#pragma once

#include "detect/tagger/entity_tags.h"

namespace privacy::detect {

// Learned transition scores. Pairs that break BILOU are never taken by the
// decoder, whatever their score.
struct TagTransitions {
  float between[kTagCount][kTagCount] = {};  // [previous][next]
  float first[kTagCount] = {};               // the text's first tag
  float last[kTagCount] = {};                // the text's last tag
};

}  // namespace privacy::detect
