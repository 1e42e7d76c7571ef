// The audit trail: events published on privacy.events.<kind> into a
// JetStream stream the service creates when missing. Events of one kind are
// gathered into one message (JSON lines) for up to a few milliseconds, so
// the stream stores one message per batch instead of one per request. A
// message the stream does not acknowledge (a nats-server restart, a leader
// election) is kept and published again, under the same message id, until
// it is.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <random>
#include <string>
#include <thread>

#include "common/line_batcher.h"
#include "common/logger.h"
#include "common/retry_queue.h"
#include "common/status.h"
#include "common/stream_settings.h"
#include "nats/audit_tally.h"
#include "nats/handles.h"
#include "nats/jetstream_publisher.h"
#include "privacy/v1/audit.pb.h"
#include "wire/subjects.h"

namespace privacy::nats {

// Settings of the audit stream, applied when the service creates it.
struct AuditStreamOptions {
  std::string stream = "PRIVACY_AUDIT";
  std::string subject_prefix = std::string(wire::kEventsSubjectPrefix);
  std::chrono::seconds max_age{30 * 24 * 3600};
  int replicas = 1;
  bool memory_storage = false;
  int64_t publish_timeout_ms = 5000;
  // Messages in flight at most.
  size_t max_pending = 4096;
  // A message holds at most this many events of one kind, and an event
  // waits at most `batch_delay` for others (1: one event per message).
  size_t batch_events = 256;
  std::chrono::milliseconds batch_delay{10};
  // Unacknowledged events kept for another attempt; beyond it an event is
  // dropped, counted and logged.
  size_t retry_buffer_events = 10000;
};

// The stream's duplicate window: an event published again within it under
// the same message id is stored once.
inline constexpr std::chrono::minutes kAuditDuplicateWindow{2};

// AuditLog is safe for concurrent use. Publishing never blocks on the
// server's acknowledgement; Flush() publishes what is gathered and waits for
// every pending acknowledgement.
class AuditLog {
 public:
  // Ensures the stream exists; publishes on `conn`, which it should have to
  // itself (its writes are not latency-bound).
  static Result<std::unique_ptr<AuditLog>> Open(natsConnection* conn,
                                                const AuditStreamOptions& options, Logger* logger);
  ~AuditLog();
  AuditLog(const AuditLog&) = delete;
  AuditLog& operator=(const AuditLog&) = delete;

  // Adds `event`, as a JSON line, to the message gathering events of its
  // kind for <subject_prefix>.<event.kind>. A message's id is
  // <worker_id>.<request_id> of its first event.
  void Publish(const v1::AuditEvent& event);

  // Publishes `event` alone with message id `msg_id`, without waiting:
  // `done` runs once the stream acknowledges it (a duplicate counts as
  // acknowledged) or the publish fails, on the publisher's completion
  // thread (it must not block) or at once.
  void PublishConfirmed(const v1::AuditEvent& event, const std::string& msg_id,
                        std::function<void(Status)> done);

  // Waits up to `timeout` until every event published so far is
  // acknowledged, publishing gathered and buffered ones at once.
  Status Flush(std::chrono::milliseconds timeout);

  // Publish attempts that failed (each retry counts).
  uint64_t failed_count() const { return failed_.load(); }

  // The counts of the events given to Publish() and stored since.
  std::shared_ptr<const AuditTally> tally() const { return tally_; }

  // The settings the service gives the stream it creates.
  static StreamSettings ConfiguredSettings(const AuditStreamOptions& options);

 private:
  AuditLog(AuditStreamOptions options, natsConnection* conn, Logger* logger);

  // Publishes `item` asynchronously; keeps it for a retry when that fails.
  void Send(RetryItem item);
  void SendBatch(LineBatch batch);
  // Keeps `item` for another attempt after a backoff.
  void Retry(RetryItem item);
  void OnSent(RetryItem item, Result<uint64_t> outcome);
  // Publishes gathered messages when due and buffered ones when their retry
  // is due.
  void BackgroundLoop();

  AuditStreamOptions options_;
  natsConnection* conn_;
  Logger* logger_;
  RetryQueue retries_;
  std::shared_ptr<AuditTally> tally_ = std::make_shared<AuditTally>();
  std::atomic<uint64_t> failed_{0};
  std::atomic<uint64_t> consecutive_failures_{0};
  std::mutex mutex_;  // guards the members from batches_ to stopping_
  LineBatcher batches_;
  std::minstd_rand rng_;
  bool stopping_ = false;
  std::condition_variable wake_;
  std::thread background_;
  // Declared last so it is destroyed first: it completes what is still in
  // flight, which uses the state above.
  std::unique_ptr<JetStreamPublisher> publisher_;
};

}  // namespace privacy::nats
