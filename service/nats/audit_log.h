// The audit trail: events published asynchronously on privacy.events.<kind>
// into a JetStream stream the service creates when missing.
#pragma once

#include <atomic>
#include <chrono>
#include <memory>
#include <string>

#include "common/logger.h"
#include "common/status.h"
#include "common/stream_settings.h"
#include "nats/handles.h"
#include "privacy/v1/audit.pb.h"

namespace privacy::nats {

// Settings of the audit stream, applied when the service creates it.
struct AuditStreamOptions {
  std::string stream = "PRIVACY_AUDIT";
  std::string subject_prefix = "privacy.events";
  std::chrono::seconds max_age{30 * 24 * 3600};
  int replicas = 1;
  bool memory_storage = false;
  int64_t publish_timeout_ms = 5000;
  int64_t max_pending = 4096;
};

// AuditLog is safe for concurrent use. Publishing never blocks on the
// server's acknowledgement; Flush() waits for every pending one.
class AuditLog {
 public:
  // Ensures the stream exists and opens a JetStream context for publishing.
  static Result<std::unique_ptr<AuditLog>> Open(natsConnection* conn,
                                                const AuditStreamOptions& options,
                                                Logger* logger);

  // Publishes `event` as JSON on <subject_prefix>.<event.kind>, with a
  // message id for deduplication. Failures are logged and counted.
  void Publish(const v1::AuditEvent& event);

  // Waits up to `timeout` for every pending publish to be acknowledged.
  Status Flush(std::chrono::milliseconds timeout);

  uint64_t failed_count() const { return failed_.load(); }

  // The settings the service gives the stream it creates.
  static StreamSettings ConfiguredSettings(const AuditStreamOptions& options);

 private:
  AuditLog(JetStreamPtr js, AuditStreamOptions options, Logger* logger);
  static void OnAck(jsCtx* js, natsMsg* msg, jsPubAck* ack, jsPubAckErr* error, void* closure);

  JetStreamPtr js_;
  AuditStreamOptions options_;
  Logger* logger_;
  std::atomic<uint64_t> failed_{0};
};

}  // namespace privacy::nats
