#include "nats/kv_session_store.h"

#include "nats/nats_status.h"

namespace privacy::nats {

Result<std::unique_ptr<KvSessionStore>> KvSessionStore::Open(jsCtx* js,
                                                             const KvBucketOptions& options,
                                                             Logger* logger) {
  kvStore* raw = nullptr;
  natsStatus s = js_KeyValue(&raw, js, options.bucket.c_str());
  if (s == NATS_NOT_FOUND) {
    kvConfig config;
    kvConfig_Init(&config);
    config.Bucket = options.bucket.c_str();
    config.Description = "privacy-filter sessions";
    config.History = 1;
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
  }
  if (s != NATS_OK) return FromNatsStatus(s, "opening KV bucket " + options.bucket);
  return std::unique_ptr<KvSessionStore>(new KvSessionStore(js, KvStorePtr(raw), options));
}

KvSessionStore::KvSessionStore(jsCtx* js, KvStorePtr kv, KvBucketOptions options)
    : js_(js),
      kv_(std::move(kv)),
      options_(std::move(options)),
      subject_prefix_("$KV." + options_.bucket + ".") {}

Result<vault::StoredBytes> KvSessionStore::Load(const std::string& id) {
  kvEntry* raw = nullptr;
  natsStatus s = kvStore_Get(&raw, kv_.get(), id.c_str());
  KvEntryPtr entry(raw);
  if (s == NATS_NOT_FOUND) {
    return MakeError(ErrorCode::kNotFound, "session not found or expired");
  }
  if (s != NATS_OK) return FromNatsStatus(s, "reading session");
  vault::StoredBytes stored;
  stored.bytes.assign(static_cast<const char*>(kvEntry_Value(entry.get())),
                      static_cast<size_t>(kvEntry_ValueLen(entry.get())));
  stored.revision = kvEntry_Revision(entry.get());
  return stored;
}

Result<uint64_t> KvSessionStore::Publish(const std::string& id, const std::string& bytes,
                                         int64_t expires_at_ms, jsPubOptions* options) {
  options->MaxWait = options_.request_timeout_ms;
  std::string subject = subject_prefix_ + id;
  natsMsg* raw_msg = nullptr;
  if (natsStatus s = natsMsg_Create(&raw_msg, subject.c_str(), nullptr, bytes.data(),
                                    static_cast<int>(bytes.size()));
      s != NATS_OK) {
    return FromNatsStatus(s, "writing session");
  }
  MsgPtr msg(raw_msg);
  natsMsgHeader_Set(msg.get(), kExpiresAtHeader, std::to_string(expires_at_ms).c_str());
  jsPubAck* raw_ack = nullptr;
  jsErrCode err_code = static_cast<jsErrCode>(0);
  natsStatus s = js_PublishMsg(&raw_ack, js_, msg.get(), options, &err_code);
  PubAckPtr ack(raw_ack);
  if (err_code == JSStreamWrongLastSequenceErr) {
    return MakeError(ErrorCode::kConflict, "session changed concurrently");
  }
  if (s != NATS_OK) return FromNatsStatus(s, "writing session");
  return ack->Sequence;
}

Result<uint64_t> KvSessionStore::Create(const std::string& id, const std::string& bytes,
                                        int64_t expires_at_ms) {
  jsPubOptions options;
  jsPubOptions_Init(&options);
  options.ExpectNoMessage = true;
  return Publish(id, bytes, expires_at_ms, &options);
}

Result<uint64_t> KvSessionStore::Update(const std::string& id, const std::string& bytes,
                                        int64_t expires_at_ms, uint64_t expected_revision) {
  jsPubOptions options;
  jsPubOptions_Init(&options);
  options.ExpectLastSubjectSeq = expected_revision;
  return Publish(id, bytes, expires_at_ms, &options);
}

Status KvSessionStore::Erase(const std::string& id) {
  if (natsStatus s = kvStore_Purge(kv_.get(), id.c_str(), nullptr); s != NATS_OK) {
    return FromNatsStatus(s, "erasing session");
  }
  return Status::Ok();
}

}  // namespace privacy::nats
