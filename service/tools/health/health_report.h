// How `privacy-filter health` prints its findings: lines for people, or one
// JSON object for machines.
#pragma once

#include <string>

#include "tools/health/health_check.h"

namespace privacy::tools {

// A short verdict line, then each worker's state and problems.
std::string HumanHealthReport(const HealthFindings& findings);

// {"healthy":..,"problems":[..],"round_trip":{..},"workers":[{..,"counts":{..},
// "report":{..}}]} where each worker's "counts" are its endpoints' counts
// from $SRV.STATS and "report" is its health endpoint's answer (or null).
std::string JsonHealthReport(const HealthFindings& findings);

}  // namespace privacy::tools
