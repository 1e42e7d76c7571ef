// The results of a `privacy-filter bench` run, as a table for people and as
// JSON for scripts, with every figure set against the echo baseline.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "tools/bench/pipelined_load.h"

namespace privacy::tools {

// One phase's figures.
struct PhaseFigures {
  std::string phase;
  std::string subject;
  LoadResult result;
};

// A whole run: its settings and each phase's figures, in run order.
struct BenchRun {
  int requesters = 0;
  double duration_seconds = 0;
  double warmup_seconds = 0;
  std::string encoding;
  size_t text_bytes = 0;
  std::vector<PhaseFigures> phases;

  uint64_t TotalErrors() const;
};

// A fixed-width table, one line per phase; ratios are left out when the run
// had no echo phase.
std::string FormatTable(const BenchRun& run);

// One JSON object: the settings, "errors" (the total) and "phases", an array
// with one object per phase on a line of its own. A phase's "requests" are
// its successful replies in the measured window, its "errors" those of the
// whole phase; latencies are in microseconds; "rps_ratio" and "p99_ratio"
// are null without an echo phase.
std::string FormatJson(const BenchRun& run);

}  // namespace privacy::tools
