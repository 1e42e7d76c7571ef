#include "nats/kv_session_store.h"

#include "nats/nats_status.h"
#include "nats/session_message.h"
#include "nats/stream_inspection.h"

namespace privacy::nats {

namespace {

Error SessionNotFound() { return MakeError(ErrorCode::kNotFound, "session not found or expired"); }

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
    jsCtx* js, const KvBucketOptions& options, std::shared_ptr<vault::SessionCache> cache,
    std::shared_ptr<JetStreamPublisher> publisher, Logger* logger) {
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
  return std::unique_ptr<KvSessionStore>(
      new KvSessionStore(js, options, std::move(cache), std::move(publisher)));
}

StreamSettings KvSessionStore::ConfiguredSettings(const KvBucketOptions& options) {
  return {options.replicas, options.max_age, options.memory_storage, kHistory};
}

KvSessionStore::KvSessionStore(jsCtx* js, KvBucketOptions options,
                               std::shared_ptr<vault::SessionCache> cache,
                               std::shared_ptr<JetStreamPublisher> publisher)
    : js_(js),
      options_(std::move(options)),
      cache_(std::move(cache)),
      publisher_(std::move(publisher)),
      stream_("KV_" + options_.bucket),
      subject_prefix_("$KV." + options_.bucket + ".") {}

Result<vault::StoredBytes> KvSessionStore::Load(const std::string& id) {
  std::string subject = subject_prefix_ + id;
  jsOptions options;
  jsOptions_Init(&options);
  options.Wait = options_.request_timeout_ms;
  natsMsg* raw = nullptr;
  jsErrCode err_code = static_cast<jsErrCode>(0);
  natsStatus s = js_GetLastMsg(&raw, js_, stream_.c_str(), subject.c_str(), &options, &err_code);
  MsgPtr msg(raw);
  if (s == NATS_NOT_FOUND) return SessionNotFound();
  if (s != NATS_OK) return FromNatsStatus(s, "reading session");
  auto message = ReadSessionMessage(msg.get());
  if (!message) return MakeError(ErrorCode::kInternal, "stored session has no expiry");
  uint64_t revision = natsMsg_GetSequence(msg.get());
  if (cache_) ApplyToCache(*message, id, revision, cache_.get());
  if (message->removed) return SessionNotFound();
  return vault::StoredBytes{std::string(message->bytes), revision};
}

Result<vault::StoredBytes> KvSessionStore::LoadRecent(const std::string& id) {
  if (cache_) {
    if (auto cached = cache_->Get(id)) return std::move(*cached);
  }
  return Load(id);
}

Result<uint64_t> KvSessionStore::Publish(natsMsg* msg, jsPubOptions* options) {
  options->MaxWait = options_.request_timeout_ms;
  jsPubAck* raw_ack = nullptr;
  jsErrCode err_code = static_cast<jsErrCode>(0);
  natsStatus s = js_PublishMsg(&raw_ack, js_, msg, options, &err_code);
  PubAckPtr ack(raw_ack);
  if (err_code == JSStreamWrongLastSequenceErr) {
    return MakeError(ErrorCode::kConflict, "session changed concurrently");
  }
  if (s != NATS_OK) return FromNatsStatus(s, "writing session");
  return ack->Sequence;
}

Result<uint64_t> KvSessionStore::Write(const std::string& id, const std::string& bytes,
                                       int64_t expires_at_ms, jsPubOptions* options) {
  std::string subject = subject_prefix_ + id;
  natsMsg* raw = nullptr;
  if (natsStatus s = natsMsg_Create(&raw, subject.c_str(), nullptr, bytes.data(),
                                    static_cast<int>(bytes.size()));
      s != NATS_OK) {
    return FromNatsStatus(s, "writing session");
  }
  MsgPtr msg(raw);
  natsMsgHeader_Set(msg.get(), kExpiresAtHeader, std::to_string(expires_at_ms).c_str());
  auto revision = Publish(msg.get(), options);
  if (revision && cache_) cache_->Put(id, bytes, *revision, expires_at_ms);
  return revision;
}

Result<uint64_t> KvSessionStore::Create(const std::string& id, const std::string& bytes,
                                        int64_t expires_at_ms) {
  jsPubOptions options;
  jsPubOptions_Init(&options);
  options.ExpectNoMessage = true;
  return Write(id, bytes, expires_at_ms, &options);
}

Result<uint64_t> KvSessionStore::Update(const std::string& id, const std::string& bytes,
                                        int64_t expires_at_ms, uint64_t expected_revision) {
  jsPubOptions options;
  jsPubOptions_Init(&options);
  options.ExpectLastSubjectSeq = expected_revision;
  return Write(id, bytes, expires_at_ms, &options);
}

void KvSessionStore::WriteAsync(const std::string& id, const std::string& bytes,
                                int64_t expires_at_ms, const char* expectation,
                                const std::string& expected, WriteDone done) {
  std::string expires = std::to_string(expires_at_ms);
  auto on_ack = [cache = cache_, id, bytes, expires_at_ms,
                 done = std::move(done)](Result<uint64_t> revision) {
    if (revision && cache) cache->Put(id, bytes, *revision, expires_at_ms);
    done(std::move(revision));
  };
  publisher_->Publish(subject_prefix_ + id, bytes,
                      {{kExpiresAtHeader, expires}, {expectation, expected}}, std::move(on_ack));
}

void KvSessionStore::CreateAsync(const std::string& id, const std::string& bytes,
                                 int64_t expires_at_ms, WriteDone done) {
  if (!publisher_) return done(Create(id, bytes, expires_at_ms));
  // Expected last sequence 0 for the subject: no message yet.
  WriteAsync(id, bytes, expires_at_ms, "Nats-Expected-Last-Subject-Sequence", "0",
             std::move(done));
}

void KvSessionStore::UpdateAsync(const std::string& id, const std::string& bytes,
                                 int64_t expires_at_ms, uint64_t expected_revision,
                                 WriteDone done) {
  if (!publisher_) return done(Update(id, bytes, expires_at_ms, expected_revision));
  WriteAsync(id, bytes, expires_at_ms, "Nats-Expected-Last-Subject-Sequence",
             std::to_string(expected_revision), std::move(done));
}

Status KvSessionStore::Erase(const std::string& id) {
  // A KV purge marker: it replaces (rolls up) every earlier write of the key.
  std::string subject = subject_prefix_ + id;
  natsMsg* raw = nullptr;
  if (natsStatus s = natsMsg_Create(&raw, subject.c_str(), nullptr, nullptr, 0); s != NATS_OK) {
    return FromNatsStatus(s, "erasing session");
  }
  MsgPtr msg(raw);
  natsMsgHeader_Set(msg.get(), "KV-Operation", "PURGE");
  natsMsgHeader_Set(msg.get(), "Nats-Rollup", "sub");
  jsPubOptions options;
  jsPubOptions_Init(&options);
  auto revision = Publish(msg.get(), &options);
  if (!revision) return revision.error();
  if (cache_) cache_->Remove(id, *revision);
  return Status::Ok();
}

}  // namespace privacy::nats
