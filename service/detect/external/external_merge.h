// How the findings of an external recognizer (a model) join the built-in
// candidates before overlap resolution.
#pragma once

#include <vector>

#include "detect/detector.h"
#include "detect/recognizer.h"

namespace privacy::detect {

// Merges `external` into `candidates`, the built-in candidates that passed
// the call's type and minimum-score filters:
// - the model decides its types: built-in candidates of `external.types` are
//   removed, except deny values (which still win every overlap);
// - built-in candidates of the other types (EMAIL, CREDIT_CARD, custom
//   recognizers...) keep priority: a model finding overlapping one of them
//   is dropped;
// - the other model findings are added as candidates, for the caller to
//   filter and resolve like built-in ones (minimum scores, requested types,
//   overlap resolution, allow values).
// The added candidates view the type strings of `external`, which must
// outlive them.
void MergeExternalFindings(const ExternalFindings& external, std::vector<Candidate>* candidates);

}  // namespace privacy::detect
