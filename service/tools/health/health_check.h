// What `privacy-filter health` finds out over NATS: which workers answer
// the NATS services API ($SRV.PING/INFO/STATS), what each reports on its
// health endpoint (NATS connection, session bucket, audit stream,
// detector), and whether a privacy.detect round trip succeeds.
#pragma once

#include <google/protobuf/struct.pb.h>

#include <chrono>
#include <string>
#include <vector>

#include "nats/handles.h"

namespace privacy::tools {

// What to check.
struct HealthCheckOptions {
  // One worker by its id; all that answer $SRV.PING.privacy when empty.
  std::string worker_id;
  // The whole check finishes within it.
  std::chrono::milliseconds timeout{2000};
};

// One worker as found.
struct WorkerFindings {
  std::string id;
  std::string version;
  // The worker's health report (its JSON text and parsed), when it answered.
  std::string report_json;
  google::protobuf::Struct report;
  // From $SRV.INFO and $SRV.STATS.
  int endpoints = 0;
  uint64_t requests = 0;
  uint64_t errors = 0;
  // Each endpoint's counts from $SRV.STATS (its `data` but the latency):
  // endpoint name -> {"entities":..,"outcomes":..,"refused":..}.
  google::protobuf::Struct counts;
  // Why it is not healthy; empty when it is.
  std::vector<std::string> problems;
};

// The privacy.detect round trip through the queue group.
struct RoundTrip {
  bool ok = false;
  double milliseconds = 0;
  std::string error;
};

// Everything found; healthy() decides the exit code.
struct HealthFindings {
  std::vector<WorkerFindings> workers;
  RoundTrip round_trip;
  // Problems not tied to one worker (none answered, the wanted one is
  // missing, NATS unreachable).
  std::vector<std::string> problems;

  bool healthy() const;
};

// Runs the whole check over `conn`.
HealthFindings CheckHealth(natsConnection* conn, const HealthCheckOptions& options);

}  // namespace privacy::tools
