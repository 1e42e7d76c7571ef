#include "nats/kv_session_store.h"

#include "nats/nats_status.h"
#include "nats/session_message.h"
#include "nats/stream_inspection.h"
#include "nats/stream_message_reply.h"

namespace privacy::nats {

namespace {

Error SessionNotFound() { return MakeError(ErrorCode::kNotFound, "session not found or expired"); }

// Keeps the index's entry of one key while a read of it is in flight.
class Watching {
 public:
  Watching(vault::SessionIndex* index, const std::string& key) : index_(index), key_(key) {
    index_->Watch(key_);
  }
  ~Watching() { index_->Unwatch(key_); }
  Watching(const Watching&) = delete;
  Watching& operator=(const Watching&) = delete;

 private:
  vault::SessionIndex* index_;
  const std::string& key_;
};

// How often a create tries to queue its session's expiry check, and the
// pause between tries after the first.
constexpr int kScheduleTries = 5;
constexpr std::chrono::milliseconds kScheduleRetry{1000};

// Warns about every setting of the existing bucket that differs from
// `options`.
void CheckExistingBucket(jsCtx* js, const KvBucketOptions& options, Logger* logger) {
  auto found = InspectStream(js, "KV_" + options.bucket, options.request_timeout_ms);
  if (!found) {
    logger->Warn("kv_bucket_inspect_failed",
                 {{"bucket", options.bucket}, {"error", found.error().message}});
    return;
  }
  WarnOnSettingDifferences(logger, "kv_bucket_settings_differ", "bucket", options.bucket,
                           KvSessionStore::ConfiguredSettings(options), found->settings);
}

}  // namespace

Result<std::unique_ptr<KvSessionStore>> KvSessionStore::Open(
    jsCtx* js, const KvBucketOptions& options, std::shared_ptr<vault::SessionIndex> index,
    std::shared_ptr<const vault::CacheLease> lease, std::shared_ptr<JetStreamPublisher> publisher,
    std::shared_ptr<vault::ExpiryScheduler> expiry, Logger* logger) {
  kvStore* raw = nullptr;
  natsStatus s = js_KeyValue(&raw, js, options.bucket.c_str());
  if (s == NATS_NOT_FOUND) {
    kvConfig config;
    kvConfig_Init(&config);
    config.Bucket = options.bucket.c_str();
    config.Description = "privacy-filter sessions";
    config.History = kHistory;
    // nats.c 3.4.1 takes the bucket max age in nanoseconds.
    config.TTL = std::chrono::duration_cast<std::chrono::nanoseconds>(options.max_age).count();
    config.StorageType = options.memory_storage ? js_MemoryStorage : js_FileStorage;
    config.Replicas = options.replicas;
    s = js_CreateKeyValue(&raw, js, &config);
    if (s == NATS_OK) {
      logger->Info("kv_bucket_created", {{"bucket", options.bucket},
                                         {"replicas", options.replicas},
                                         {"max_age_s", options.max_age.count()}});
    }
  } else if (s == NATS_OK) {
    logger->Info("kv_bucket_bound", {{"bucket", options.bucket}});
    CheckExistingBucket(js, options, logger);
  }
  KvStorePtr bound(raw);
  if (s != NATS_OK) return FromNatsStatus(s, "opening KV bucket " + options.bucket);
  return std::unique_ptr<KvSessionStore>(new KvSessionStore(js, options, std::move(index),
                                                            std::move(lease), std::move(publisher),
                                                            std::move(expiry), logger));
}

StreamSettings KvSessionStore::ConfiguredSettings(const KvBucketOptions& options) {
  return {options.replicas, options.max_age, options.memory_storage, kHistory};
}

KvSessionStore::KvSessionStore(jsCtx* js, KvBucketOptions options,
                               std::shared_ptr<vault::SessionIndex> index,
                               std::shared_ptr<const vault::CacheLease> lease,
                               std::shared_ptr<JetStreamPublisher> publisher,
                               std::shared_ptr<vault::ExpiryScheduler> expiry, Logger* logger)
    : js_(js),
      options_(std::move(options)),
      index_(std::move(index)),
      lease_(std::move(lease)),
      publisher_(std::move(publisher)),
      expiry_(std::move(expiry)),
      logger_(logger),
      stream_("KV_" + options_.bucket),
      subject_prefix_("$KV." + options_.bucket + "."),
      get_subject_("$JS.API.STREAM.MSG.GET." + stream_) {}

Result<vault::StoredBytes> KvSessionStore::Load(const std::string& id) {
  std::string subject = subject_prefix_ + id;
  jsOptions options;
  jsOptions_Init(&options);
  options.Wait = options_.request_timeout_ms;
  // Changes that arrive while the read is in flight are recorded, so that
  // an older answer cannot undo them.
  Watching watching(index_.get(), id);
  natsMsg* raw = nullptr;
  jsErrCode err_code = static_cast<jsErrCode>(0);
  natsStatus s = js_GetLastMsg(&raw, js_, stream_.c_str(), subject.c_str(), &options, &err_code);
  MsgPtr msg(raw);
  if (s == NATS_NOT_FOUND) return SessionNotFound();
  if (s != NATS_OK) return FromNatsStatus(s, "reading session");
  return Loaded(*index_, id, msg.get(), natsMsg_GetSequence(msg.get()));
}

void KvSessionStore::LoadAsync(const std::string& id, LoadDone done) {
  std::string subject = subject_prefix_ + id;
  std::string request = LastBySubjectRequest(subject);
  // As Load: the key is watched until the answer is applied.
  index_->Watch(id);
  publisher_->Request(
      get_subject_, request,
      [index = index_, id, subject, done = std::move(done)](Result<natsMsg*> reply) {
        Watching watching(index.get(), id);
        index->Unwatch(id);  // the one Watch above, now held by `watching`
        if (!reply) return done(reply.error());
        auto found = ParseStreamMessageReply(
            {natsMsg_GetData(*reply), static_cast<size_t>(natsMsg_GetDataLength(*reply))},
            subject);
        if (!found) {
          if (found.error().code == ErrorCode::kNotFound) return done(SessionNotFound());
          return done(found.error());
        }
        done(Loaded(*index, id, found->msg.get(), found->sequence));
      });
}

Result<vault::StoredBytes> KvSessionStore::Loaded(vault::SessionIndex& index,
                                                  const std::string& id, natsMsg* msg,
                                                  uint64_t revision) {
  auto message = ReadSessionMessage(msg);
  if (!message) return MakeError(ErrorCode::kInternal, "stored session has no expiry");
  index.Apply(id, revision, StateOf(*message), message->bytes);
  if (message->removed) return SessionNotFound();
  return vault::StoredBytes{std::string(message->bytes), revision};
}

Result<vault::StoredBytes> KvSessionStore::LoadRecent(const std::string& id) {
  if (auto at_once = LoadRecentAtOnce(id)) return std::move(*at_once);
  return Load(id);
}

std::optional<Result<vault::StoredBytes>> KvSessionStore::LoadRecentAtOnce(const std::string& id) {
  // An index the change feed has not shown current lately may still hold a
  // session another worker deleted: the bucket decides.
  if (!lease_->Current()) return std::nullopt;
  auto cached = index_->CachedBytes(id);
  if (!cached) return std::nullopt;
  return Result<vault::StoredBytes>(std::move(*cached));
}

namespace {

constexpr char kExpectedLastSequence[] = "Nats-Expected-Last-Subject-Sequence";

}  // namespace

void KvSessionStore::WriteAsync(const std::string& id, const std::string& bytes,
                                int64_t expires_at_ms, const std::string& expected_revision,
                                int64_t previous_expires_at_ms, WriteDone done) {
  std::string expires = std::to_string(expires_at_ms);
  index_->Watch(id);
  auto on_ack = [index = index_, id, bytes, expires_at_ms, previous_expires_at_ms,
                 done = std::move(done)](Result<uint64_t> revision) {
    if (revision) {
      index->ApplyWrite(id, *revision,
                        vault::SessionState::ExpiresAt(expires_at_ms, previous_expires_at_ms),
                        bytes);
    }
    index->Unwatch(id);
    done(std::move(revision));
  };
  if (previous_expires_at_ms == 0) {
    publisher_->Publish(subject_prefix_ + id, bytes,
                        {{kExpiresAtHeader, expires}, {kExpectedLastSequence, expected_revision}},
                        std::move(on_ack));
    return;
  }
  std::string previous = std::to_string(previous_expires_at_ms);
  publisher_->Publish(subject_prefix_ + id, bytes,
                      {{kExpiresAtHeader, expires},
                       {kPreviousExpiresAtHeader, previous},
                       {kExpectedLastSequence, expected_revision}},
                      std::move(on_ack));
}

void KvSessionStore::ScheduleExpiry(const std::string& id, int64_t expires_at_ms, int tries_left) {
  expiry_->ScheduleAsync(id, expires_at_ms, [this, id, expires_at_ms, tries_left](Status queued) {
    if (queued) return;
    if (tries_left <= 1) {
      // The bucket's max age still ends the session, without an event.
      logger_->Warn("expiry_check_not_queued", {{"error", queued.error().message}});
      return;
    }
    hold_offs_.After(kScheduleRetry, [this, id, expires_at_ms, tries_left] {
      ScheduleExpiry(id, expires_at_ms, tries_left - 1);
    });
  });
}

void KvSessionStore::CreateAsync(const std::string& id, const std::string& bytes,
                                 int64_t expires_at_ms, WriteDone done) {
  // Expected last sequence 0 for the subject: no message yet. The expiry
  // check is queued alongside: a check whose create then fails finds no
  // session, or another's, and the check of that one decides the same.
  if (expiry_) ScheduleExpiry(id, expires_at_ms, kScheduleTries);
  WriteAsync(id, bytes, expires_at_ms, "0", 0, std::move(done));
}

void KvSessionStore::UpdateAsync(const std::string& id, const std::string& bytes,
                                 int64_t expires_at_ms, uint64_t expected_revision,
                                 WriteDone done) {
  WriteAsync(id, bytes, expires_at_ms, std::to_string(expected_revision),
             index_->KnownExpiry(id, expected_revision).value_or(0), std::move(done));
}

void KvSessionStore::EraseAsync(const std::string& id, const std::string& expected_revision,
                                int64_t previous_expires_at_ms, JetStreamPublisher::Done done) {
  // A KV delete marker: the bucket keeps one message per key, so it replaces
  // the session's bytes. Not a purge: nats-server 2.9.10 moves consumers
  // past every message they have not delivered yet when a rollup purge
  // arrives, which would hide other sessions' writes from the change feed.
  auto on_ack = [index = index_, id, previous_expires_at_ms,
                 done = std::move(done)](Result<uint64_t> revision) {
    if (revision) {
      index->ApplyWrite(id, *revision, vault::SessionState::Removed(previous_expires_at_ms));
    }
    done(std::move(revision));
  };
  if (expected_revision.empty()) {
    std::string previous = std::to_string(previous_expires_at_ms);
    publisher_->Publish(subject_prefix_ + id, {},
                        {{"KV-Operation", "DEL"}, {kPreviousExpiresAtHeader, previous}},
                        std::move(on_ack));
  } else {
    publisher_->Publish(subject_prefix_ + id, {},
                        {{"KV-Operation", "DEL"}, {kExpectedLastSequence, expected_revision}},
                        std::move(on_ack));
  }
}

void KvSessionStore::EraseIfUnchangedAsync(const std::string& id, uint64_t expected_revision,
                                           EraseDone done) {
  // Expired sessions have left every count: no previous expiry to name.
  EraseAsync(id, std::to_string(expected_revision), 0,
             [done = std::move(done)](Result<uint64_t> revision) {
               done(revision ? Status::Ok() : Status(revision.error()));
             });
}

void KvSessionStore::EraseEverywhereAsync(const std::string& id, EraseDone done) {
  const int64_t previous = index_->KnownExpiry(id).value_or(0);
  EraseAsync(id, {}, previous, [this, done = std::move(done)](Result<uint64_t> revision) mutable {
    if (!revision) return done(revision.error());
    hold_offs_.After(lease_->HoldOff(), [done = std::move(done)] { done(Status::Ok()); });
  });
}

}  // namespace privacy::nats
