// SessionStore on a JetStream KV bucket, with compare-and-set through the
// stream's expected-last-subject-sequence check.
#pragma once

#include <chrono>
#include <memory>
#include <string>

#include "common/logger.h"
#include "common/status.h"
#include "nats/handles.h"
#include "vault/session_store.h"

namespace privacy::nats {

// Header of every session write: when the session expires (Unix ms). Not
// personal data; lets other workers track sessions without decrypting them.
inline constexpr char kExpiresAtHeader[] = "Privacy-Expires-At";

// Settings of the session bucket, applied when the service creates it.
struct KvBucketOptions {
  std::string bucket = "privacy_sessions";
  // Bucket max age: no session outlives it, whatever its own TTL.
  std::chrono::seconds max_age{86400};
  int replicas = 1;
  bool memory_storage = false;
  int64_t request_timeout_ms = 5000;
};

// KvSessionStore is safe for concurrent use; every call is one synchronous
// JetStream round trip.
class KvSessionStore : public vault::SessionStore {
 public:
  // Binds to the bucket, creating it when missing. A bucket that exists with
  // other settings is used as it is, with a warning.
  static Result<std::unique_ptr<KvSessionStore>> Open(jsCtx* js, const KvBucketOptions& options,
                                                      Logger* logger);

  Result<vault::StoredBytes> Load(const std::string& id) override;
  Result<uint64_t> Create(const std::string& id, const std::string& bytes,
                          int64_t expires_at_ms) override;
  Result<uint64_t> Update(const std::string& id, const std::string& bytes,
                          int64_t expires_at_ms, uint64_t expected_revision) override;
  Status Erase(const std::string& id) override;

 private:
  KvSessionStore(jsCtx* js, KvStorePtr kv, KvBucketOptions options);
  Result<uint64_t> Publish(const std::string& id, const std::string& bytes,
                           int64_t expires_at_ms, jsPubOptions* options);

  jsCtx* js_;
  KvStorePtr kv_;
  KvBucketOptions options_;
  std::string subject_prefix_;
};

}  // namespace privacy::nats
