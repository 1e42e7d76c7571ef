// The per-worker health endpoint privacy.health.<worker id>: it answers, on
// the worker's handler pool, the state of the worker's NATS connection, of
// the session bucket and of the audit stream (looked up in JetStream at each
// request), and the result of a detection self-check. `privacy-filter
// health` asks it.
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "common/status.h"
#include "common/stream_settings.h"
#include "nats/handles.h"
#include "nats/request_server.h"

namespace privacy::nats {

// A stream or bucket the worker relies on, with the settings it wants.
struct HealthTarget {
  std::string name;    // the bucket name, or the stream name
  std::string stream;  // the JetStream stream (KV_<bucket> for a bucket)
  StreamSettings configured;
};

// The subject of a worker's health endpoint.
std::string HealthSubject(std::string_view worker_id);

// Safe for concurrent use.
class WorkerHealth {
 public:
  // Runs a check of the worker's own request logic; an error when broken.
  using SelfCheck = std::function<Status()>;

  WorkerHealth(natsConnection* conn, jsCtx* js, std::string worker_id, HealthTarget bucket,
               HealthTarget audit_stream, SelfCheck detector_check, int64_t timeout_ms);

  // Subscribes HealthSubject(worker_id) on `server` (no queue group).
  Status Register(RequestServer* server);

  // {"id":..,"healthy":..,"nats":{..},"kv_bucket":{..},"audit_stream":{..},
  //  "detector":{..}}: healthy when connected, both streams are usable and
  //  the self-check passes. Settings differing from the configured ones are
  //  listed but do not make the worker unhealthy.
  std::string ReportJson() const;

 private:
  // The report on `target`; `*usable` tells whether JetStream reported it.
  std::string TargetJson(const HealthTarget& target, bool* usable) const;

  natsConnection* conn_;
  jsCtx* js_;
  std::string worker_id_;
  HealthTarget bucket_;
  HealthTarget audit_stream_;
  SelfCheck detector_check_;
  int64_t timeout_ms_;
};

}  // namespace privacy::nats
