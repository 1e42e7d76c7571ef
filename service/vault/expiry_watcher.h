// Turns session expiry into audit events: given a due expiry check from the
// shared queue, confirms with the store's own copy that the session's
// latest revision has expired, publishes one `expire` event for it
// (deduplicated by message id, should two workers ever confirm the same
// expiry), then erases the session; a session extended meanwhile has its
// check queued again for its new expiry.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>

#include "common/logger.h"
#include "common/status.h"
#include "privacy/v1/audit.pb.h"
#include "vault/expiry_scheduler.h"
#include "vault/session_store.h"

namespace privacy::vault {

// Stores `event` under message id `msg_id` without waiting; `done` runs
// once, possibly on another thread, when the audit trail holds it (a
// duplicate of an event already held counts as held) or could not take it.
using ExpiryEventSink = std::function<void(const v1::AuditEvent& event, const std::string& msg_id,
                                           std::function<void(Status)> done)>;

// How an ExpiryWatcher works.
struct ExpiryWatcherOptions {
  std::string worker_id;
  // Pause before a check is tried again after the store, the audit trail or
  // the queue failed.
  int64_t retry_ms = 1000;
  // Milliseconds since the Unix epoch; replaceable in tests.
  std::function<int64_t()> now_ms;
};

// The outcome of one check: done with (the queue forgets it), or to be
// tried again at `retry_at_ms`.
struct ExpiryVerdict {
  bool done = true;
  int64_t retry_at_ms = 0;
};

// The message id of the expire event of `revision` of `key`: the same on
// every worker, so the audit stream keeps one copy.
std::string ExpireEventId(std::string_view key, uint64_t revision);

// Safe for concurrent use. A session deleted before its check produces no
// event; one whose store copy cannot be read (already erased, or sealed
// under a key no longer configured) neither. The events carry the session
// id, the owning account and this worker's id, never a value. A check
// reads the store on the caller's thread, then publishes and erases (or
// queues the check again) without waiting: each step continues in the
// completion of the one before.
class ExpiryWatcher {
 public:
  ExpiryWatcher(std::shared_ptr<SessionStore> store, std::shared_ptr<ExpiryScheduler> scheduler,
                ExpiryEventSink sink, ExpiryWatcherOptions options, Logger* logger);
  // Waits for the checks in flight (Stop).
  ~ExpiryWatcher();
  ExpiryWatcher(const ExpiryWatcher&) = delete;
  ExpiryWatcher& operator=(const ExpiryWatcher&) = delete;

  // Checks session `key` (a storage key), whose check was due; `done` runs
  // once, possibly on another thread, with the verdict.
  void Check(const std::string& key, std::function<void(ExpiryVerdict)> done);

  // Waits until every check started has completed (the sink, the store and
  // the scheduler complete each step by their deadlines); idempotent.
  void Stop();

  uint64_t events_published() const { return events_published_.load(); }

 private:
  // A session's latest revision as the store holds it.
  struct Latest {
    std::string key;
    uint64_t revision = 0;
    int64_t expires_at_ms = 0;
  };
  using Done = std::function<void(ExpiryVerdict)>;

  // The steps after the read: the event is stored, then the session erased.
  void Publish(const Latest& latest, v1::AuditEvent event, Done done);
  void Erase(const Latest& latest, Done done);
  void Reschedule(const Latest& latest, Done done);
  ExpiryVerdict Retry(const char* what, const Error& error);
  // Counts a check's step as started, and as completed.
  void StepStarted();
  void StepDone();

  std::shared_ptr<SessionStore> store_;
  std::shared_ptr<ExpiryScheduler> scheduler_;
  ExpiryEventSink sink_;
  ExpiryWatcherOptions options_;
  Logger* logger_;
  std::atomic<uint64_t> events_published_{0};
  std::mutex steps_mutex_;
  std::condition_variable steps_done_;
  size_t steps_in_flight_ = 0;  // guarded by steps_mutex_
};

}  // namespace privacy::vault
