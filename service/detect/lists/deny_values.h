// Deny values: values always reported, with a given type and score 1.0.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "detect/detector.h"
#include "detect/recognizer.h"

namespace privacy::detect {

// Score of every deny-value finding.
inline constexpr double kDenyScore = 1.0;

// Recognizers for the deployment's deny values, one per type; their literal
// patterns join the detector's single Hyperscan scan.
std::vector<std::unique_ptr<Recognizer>> MakeDenyValueRecognizers(
    const std::vector<DenyValue>& values);

// Appends a candidate (score 1.0) for each occurrence of a per-call deny
// value in `text` that is not inside a longer word. A plain substring
// search: meant for a handful of values. `values` must outlive the
// candidates (their types view it).
void FindCallDenyValues(std::string_view text,
                        const std::vector<std::pair<std::string, std::string>>& values,
                        std::vector<Candidate>* out);

}  // namespace privacy::detect
