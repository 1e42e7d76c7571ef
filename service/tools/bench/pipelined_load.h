// Closed-loop request load over one NATS connection: a fixed number of
// requests in flight, each reply immediately followed by the next request.
#pragma once

#include <nats/nats.h>

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

#include "common/latency_summary.h"
#include "common/status.h"

namespace privacy::tools {

// What one load phase sends and for how long.
struct LoadSpec {
  std::string subject;
  std::string payload;
  // Header name/value pairs sent with every request.
  std::vector<std::pair<std::string, std::string>> headers;
  int requesters = 32;
  std::chrono::milliseconds warmup{1000};
  std::chrono::milliseconds duration{5000};
  std::chrono::milliseconds request_timeout{5000};
};

// Outcome of a load phase. Throughput and latencies cover the measured
// window only (after the warm-up); errors cover the whole phase.
struct LoadResult {
  uint64_t answered = 0;  // successful replies received in the window
  double window_seconds = 0;
  LatencySummary latency;
  uint64_t errors = 0;  // timeouts, no responders, error replies, failed sends
  std::string first_error;

  double requests_per_second() const {
    return window_seconds > 0 ? static_cast<double>(answered) / window_seconds : 0;
  }
};

// Runs `spec` on `conn` and returns when every request has been answered or
// has timed out. The load is pipelined: `spec.requesters` slots share one
// wildcard reply subscription, whose callback records each reply's latency
// and publishes that slot's next request, so no thread waits per request.
// Fails only when the reply subscription cannot be set up.
Result<LoadResult> RunPipelinedLoad(natsConnection* conn, const LoadSpec& spec);

}  // namespace privacy::tools
