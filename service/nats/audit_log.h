// The audit trail: events published asynchronously on privacy.events.<kind>
// into a JetStream stream the service creates when missing. An event the
// stream does not acknowledge (a nats-server restart, a leader election) is
// kept and published again, under the same message id, until it is.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <random>
#include <string>
#include <thread>

#include "common/logger.h"
#include "common/retry_queue.h"
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
  // Unacknowledged events kept for another attempt; beyond it an event is
  // dropped, counted and logged.
  size_t retry_buffer_events = 10000;
};

// The stream's duplicate window: an event published again within it under
// the same message id is stored once.
inline constexpr std::chrono::minutes kAuditDuplicateWindow{2};

// AuditLog is safe for concurrent use. Publishing never blocks on the
// server's acknowledgement; Flush() waits for every pending one.
class AuditLog {
 public:
  // Ensures the stream exists and opens a JetStream context for publishing.
  static Result<std::unique_ptr<AuditLog>> Open(natsConnection* conn,
                                                const AuditStreamOptions& options,
                                                Logger* logger);
  ~AuditLog();
  AuditLog(const AuditLog&) = delete;
  AuditLog& operator=(const AuditLog&) = delete;

  // Publishes `event` as JSON on <subject_prefix>.<event.kind>, with message
  // id <worker_id>.<request_id>, without waiting for the acknowledgement.
  void Publish(const v1::AuditEvent& event);

  // Publishes `event` with message id `msg_id` and waits for the stream to
  // acknowledge it (a duplicate counts as acknowledged).
  Status PublishConfirmed(const v1::AuditEvent& event, const std::string& msg_id);

  // Waits up to `timeout` until every event published so far is
  // acknowledged, publishing buffered ones again at once.
  Status Flush(std::chrono::milliseconds timeout);

  // Publish attempts that failed (each retry counts).
  uint64_t failed_count() const { return failed_.load(); }

  // The settings the service gives the stream it creates.
  static StreamSettings ConfiguredSettings(const AuditStreamOptions& options);

 private:
  AuditLog(AuditStreamOptions options, natsConnection* conn, Logger* logger);
  static void OnAck(jsCtx* js, natsMsg* msg, jsPubAck* ack, jsPubAckErr* error, void* closure);

  // Publishes `item` asynchronously; keeps it for a retry when that fails.
  void Send(RetryItem item);
  // Keeps `item` for another attempt after a backoff.
  void Retry(RetryItem item);
  void RetryLoop();

  AuditStreamOptions options_;
  natsConnection* conn_;
  Logger* logger_;
  RetryQueue retries_;
  std::atomic<uint64_t> failed_{0};
  std::atomic<uint64_t> consecutive_failures_{0};
  std::mutex mutex_;  // guards rng_ and stopping_
  std::minstd_rand rng_;
  bool stopping_ = false;
  std::condition_variable stop_;
  std::thread retry_thread_;
  // Declared last so it is destroyed first, before the state its
  // acknowledgement handler uses.
  JetStreamPtr js_;
};

}  // namespace privacy::nats
