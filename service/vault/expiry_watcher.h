// Turns session expiry into audit events: when a tracked deadline is due,
// confirms with the store's own copy that the session's latest revision has
// expired, publishes one `expire` event for it (deduplicated by message id
// across every worker doing the same), then erases the session.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <thread>

#include "common/logger.h"
#include "common/status.h"
#include "privacy/v1/audit.pb.h"
#include "vault/expiry_deadlines.h"
#include "vault/session_store.h"

namespace privacy::vault {

// Stores `event` under message id `msg_id` and returns once the audit trail
// holds it (a duplicate of an event already held counts as held).
using ExpiryEventSink =
    std::function<Status(const v1::AuditEvent& event, const std::string& msg_id)>;

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
// deadline produces no event; one whose store copy cannot be read (already
// erased, or sealed under a key no longer configured) neither. The events
// carry the session id, the owning account and this worker's id, never a
// value.
class ExpiryWatcher {
 public:
  ExpiryWatcher(std::shared_ptr<SessionStore> store, std::shared_ptr<ExpiryDeadlines> deadlines,
                ExpiryEventSink sink, ExpiryWatcherOptions options, Logger* logger);
  // Stops the background thread, if started.
  ~ExpiryWatcher();
  ExpiryWatcher(const ExpiryWatcher&) = delete;
  ExpiryWatcher& operator=(const ExpiryWatcher&) = delete;

  // Checks due sessions on a background thread until Stop().
  void Start();
  // Stops the background thread (stopping `deadlines` too); idempotent.
  void Stop();

  // Checks every session due now, once; returns how many were checked.
  size_t CheckDue();

  uint64_t events_published() const { return events_published_.load(); }

 private:
  void Check(const ExpiryCheck& check);
  void Retry(const ExpiryCheck& check, const char* what, const Error& error);

  std::shared_ptr<SessionStore> store_;
  std::shared_ptr<ExpiryDeadlines> deadlines_;
  ExpiryEventSink sink_;
  ExpiryWatcherOptions options_;
  Logger* logger_;
  std::atomic<uint64_t> events_published_{0};
  std::atomic<bool> stopping_{false};
  std::thread thread_;
};

}  // namespace privacy::vault
