// SessionStore on a JetStream KV bucket, with compare-and-set through the
// stream's expected-last-subject-sequence check, and reads served from the
// byte cache of the worker's SessionIndex when it holds the session and its
// lease shows it current.
#pragma once

#include <chrono>
#include <memory>
#include <optional>
#include <string>

#include "common/delayed_calls.h"
#include "common/logger.h"
#include "common/status.h"
#include "common/stream_settings.h"
#include "nats/handles.h"
#include "nats/jetstream_publisher.h"
#include "vault/cache_lease.h"
#include "vault/expiry_scheduler.h"
#include "vault/session_index.h"
#include "vault/session_store.h"

namespace privacy::nats {

// Settings of the session bucket, applied when the service creates it.
struct KvBucketOptions {
  std::string bucket = "privacy_sessions";
  // Bucket max age: no session outlives it, whatever its own TTL.
  std::chrono::seconds max_age{86400};
  int replicas = 1;
  bool memory_storage = false;
  int64_t request_timeout_ms = 5000;
};

// KvSessionStore is safe for concurrent use. Every write goes through the
// JetStreamPublisher, whose acknowledgement completes it. Load() is
// one JetStream round trip, waited for; LoadAsync() the same read through
// the publisher, completed by its reply; LoadRecent() answers from the index's byte
// cache when it holds the session and `lease` shows the index current, else
// from the bucket (LoadRecentAtOnce() answers nullopt then). Every write
// this store makes, and every read from the bucket, is applied to the index
// (the key watched while the write or read is in flight); an update or a
// deletion names the replaced revision's expiry, when the index holds it,
// for every worker's census. A create queues the session's expiry check.
// EraseEverywhereAsync() completes when the deletion is stored and the lease
// has passed since: by then every other worker's index has the deletion or
// no longer answers.
class KvSessionStore : public vault::SessionStore {
 public:
  // Binds to the bucket, creating it when missing. A bucket that exists with
  // other settings is used as it is, with a warning.
  // `index`, `lease` and `publisher` must not be null; `expiry` (null: none)
  // takes the expiry check of every session this store creates.
  static Result<std::unique_ptr<KvSessionStore>> Open(
      jsCtx* js, const KvBucketOptions& options, std::shared_ptr<vault::SessionIndex> index,
      std::shared_ptr<const vault::CacheLease> lease, std::shared_ptr<JetStreamPublisher> publisher,
      std::shared_ptr<vault::ExpiryScheduler> expiry, Logger* logger);

  Result<vault::StoredBytes> Load(const std::string& id) override;
  void LoadAsync(const std::string& id, LoadDone done) override;
  Result<vault::StoredBytes> LoadRecent(const std::string& id) override;
  std::optional<Result<vault::StoredBytes>> LoadRecentAtOnce(const std::string& id) override;
  void CreateAsync(const std::string& id, const std::string& bytes, int64_t expires_at_ms,
                   WriteDone done) override;
  void UpdateAsync(const std::string& id, const std::string& bytes, int64_t expires_at_ms,
                   uint64_t expected_revision, WriteDone done) override;
  void EraseIfUnchangedAsync(const std::string& id, uint64_t expected_revision,
                             EraseDone done) override;
  void EraseEverywhereAsync(const std::string& id, EraseDone done) override;

  // The settings the service gives the bucket it creates.
  static StreamSettings ConfiguredSettings(const KvBucketOptions& options);
  // Values kept per session key: the current one only.
  static constexpr int64_t kHistory = 1;

 private:
  KvSessionStore(jsCtx* js, KvBucketOptions options, std::shared_ptr<vault::SessionIndex> index,
                 std::shared_ptr<const vault::CacheLease> lease,
                 std::shared_ptr<JetStreamPublisher> publisher,
                 std::shared_ptr<vault::ExpiryScheduler> expiry, Logger* logger);
  // Stores a deletion marker for `id`, if its revision is still
  // `expected_revision` (any revision when empty); `done` runs once it is
  // stored (and the index knows) or failed. `previous_expires_at_ms` (0:
  // not known) is the erased revision's expiry, for the census.
  void EraseAsync(const std::string& id, const std::string& expected_revision,
                  int64_t previous_expires_at_ms, JetStreamPublisher::Done done);
  // Writes `bytes` as the revision after `expected_revision` ("0": none);
  // `previous_expires_at_ms` (0: none or not known) is the replaced
  // revision's expiry, for the census.
  void WriteAsync(const std::string& id, const std::string& bytes, int64_t expires_at_ms,
                  const std::string& expected_revision, int64_t previous_expires_at_ms,
                  WriteDone done);
  // Queues the expiry check of a created session, trying again later (up
  // to `tries_left` times in all) when the queue cannot take it.
  void ScheduleExpiry(const std::string& id, int64_t expires_at_ms, int tries_left);
  // The session in `msg`, the last message of `id` at `revision`, applied
  // to `index`.
  static Result<vault::StoredBytes> Loaded(vault::SessionIndex& index, const std::string& id,
                                           natsMsg* msg, uint64_t revision);

  jsCtx* js_;
  KvBucketOptions options_;
  std::shared_ptr<vault::SessionIndex> index_;
  std::shared_ptr<const vault::CacheLease> lease_;
  std::shared_ptr<JetStreamPublisher> publisher_;
  std::shared_ptr<vault::ExpiryScheduler> expiry_;
  Logger* logger_;
  DelayedCalls hold_offs_;  // erasures waiting out the lease, expiry checks queued again
  std::string stream_;
  std::string subject_prefix_;
  std::string get_subject_;  // the bucket stream's message get
};

}  // namespace privacy::nats
