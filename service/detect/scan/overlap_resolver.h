// The single place where overlapping candidates are reduced to findings.
#pragma once

#include <vector>

#include "detect/detector.h"
#include "detect/recognizer.h"

namespace privacy::detect {

// Picks non-overlapping candidates greedily: deny values first, then the
// highest score, then the longer span, then the earlier start. So a
// Luhn-valid card number (score 0.9) inside a URL (0.85) is reported as the
// card, as Presidio's score-based conflict resolution would, and a date
// inside an IP address loses to the IP. Returns findings sorted by start.
std::vector<Finding> ResolveOverlaps(std::vector<Candidate> candidates);

}  // namespace privacy::detect
