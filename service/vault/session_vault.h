// The session vault: turns values into tokens kept in sessions, and tokens
// back into values, on top of a compare-and-set SessionStore.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "common/status.h"
#include "vault/session.h"
#include "vault/session_store.h"

namespace privacy::vault {

// Limits and timing of sessions.
struct VaultOptions {
  std::chrono::seconds default_ttl{900};
  std::chrono::seconds max_ttl{86400};
  size_t max_tokens_per_session = 10000;
  // Attempts of the read-merge-write cycle when other writers interfere.
  int max_update_attempts = 100;
  // Milliseconds since the Unix epoch; replaceable in tests.
  std::function<int64_t()> now_ms;
};

// A value to tokenize.
struct ValueToMask {
  std::string type;
  std::string value;
};

// Result of tokenizing values into a session.
struct TokenizeResult {
  std::string session_id;
  std::vector<std::string> tokens;  // one per ValueToMask, same order
  int64_t expires_at_ms = 0;
  bool created = false;
};

// SessionVault is safe for concurrent use: concurrent writers to one session
// (threads or other processes) are reconciled with the store's revisions, so
// no token is ever lost.
class SessionVault {
 public:
  SessionVault(std::shared_ptr<SessionStore> store, VaultOptions options);

  // Tokens for `values` in session `session_id` (a new session when empty),
  // extending its lifetime to now + ttl. 404 when the session does not exist
  // or expired; 400 when ttl exceeds the maximum; 413 when the session would
  // exceed its token limit.
  Result<TokenizeResult> Tokenize(const std::string& session_id,
                                  const std::vector<ValueToMask>& values,
                                  std::optional<std::chrono::seconds> ttl);

  // The live session `session_id`; 404 when absent or expired, 400 when the
  // id is malformed.
  Result<Session> Open(const std::string& session_id);

  // Erases a session; 404 when absent or already expired.
  Status Erase(const std::string& session_id);

 private:
  Result<std::chrono::seconds> EffectiveTtl(std::optional<std::chrono::seconds> ttl) const;
  Result<Session> Decode(const std::string& session_id, const StoredBytes& stored);
  Result<TokenizeResult> TokenizeNew(const std::vector<ValueToMask>& values, int64_t expires_at);
  Result<TokenizeResult> TokenizeExisting(const std::string& session_id,
                                          const std::vector<ValueToMask>& values,
                                          int64_t expires_at);

  std::shared_ptr<SessionStore> store_;
  VaultOptions options_;
};

}  // namespace privacy::vault
