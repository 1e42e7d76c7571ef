// Turns session expiry into audit events: when a session index hands out a
// due expiry check,
// confirms with the store's own copy that the session's latest revision has
// expired, publishes one `expire` event for it (deduplicated by message id
// across every worker doing the same), then erases the session.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "common/logger.h"
#include "common/status.h"
#include "privacy/v1/audit.pb.h"
#include "vault/session_index.h"
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
  // Pause before checking a session again after the store or the audit
  // trail failed.
  int64_t retry_ms = 1000;
  // Milliseconds since the Unix epoch; replaceable in tests.
  std::function<int64_t()> now_ms;
};

// The message id of the expire event of `revision` of `key`: the same on
// every worker, so the audit stream keeps one copy.
std::string ExpireEventId(std::string_view key, uint64_t revision);

// Safe for concurrent use. A session deleted, or extended, before its
// expiry check produces no event; one whose store copy cannot be read (already
// erased, or sealed under a key no longer configured) neither. The events
// carry the session id, the owning account and this worker's id, never a
// value. A check reads the store on the watcher's thread, then publishes
// and erases without waiting: each step continues in the completion of the
// one before, and a failed step is checked again later.
class ExpiryWatcher {
 public:
  ExpiryWatcher(std::shared_ptr<SessionStore> store, std::shared_ptr<SessionIndex> index,
                ExpiryEventSink sink, ExpiryWatcherOptions options, Logger* logger);
  // Stops the background thread, if started.
  ~ExpiryWatcher();
  ExpiryWatcher(const ExpiryWatcher&) = delete;
  ExpiryWatcher& operator=(const ExpiryWatcher&) = delete;

  // Checks due sessions on a background thread until Stop().
  void Start();
  // Stops the background thread (stopping `index`'s waits too), then waits
  // until every check started has completed (the sink and the store
  // complete each step by their deadlines); idempotent.
  void Stop();

  // Starts a check of every session due now; returns how many it started.
  // With a sink and a store that complete at once, they are done on return.
  size_t CheckDue();

  uint64_t events_published() const { return events_published_.load(); }

 private:
  void Check(const ExpiryCheck& check);
  // The steps after the read: the event is stored, then the session erased.
  void Publish(const ExpiryCheck& latest, v1::AuditEvent event);
  void Erase(const ExpiryCheck& latest);
  void Retry(const ExpiryCheck& check, const char* what, const Error& error);
  // Counts a check's publish or erase as started, and as completed.
  void StepStarted();
  void StepDone();

  std::shared_ptr<SessionStore> store_;
  std::shared_ptr<SessionIndex> index_;
  ExpiryEventSink sink_;
  ExpiryWatcherOptions options_;
  Logger* logger_;
  std::atomic<uint64_t> events_published_{0};
  std::atomic<bool> stopping_{false};
  std::thread thread_;
  std::mutex steps_mutex_;
  std::condition_variable steps_done_;
  size_t steps_in_flight_ = 0;  // guarded by steps_mutex_
};

}  // namespace privacy::vault
