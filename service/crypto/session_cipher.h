// Authenticated encryption of stored sessions: AES-256-GCM under a key derived
// (HKDF-SHA256) from a master key and the current key period, with the
// caller's associated data (the session's storage key) bound to the
// ciphertext so it cannot be moved to another session.
#pragma once

#include <openssl/evp.h>

#include <array>
#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "common/status.h"
#include "crypto/master_key.h"

namespace privacy::crypto {

// How keys rotate.
struct CipherOptions {
  // Length of a key period: every period derives a new data key.
  std::chrono::seconds period{std::chrono::hours(24)};
  // Milliseconds since the Unix epoch; replaceable in tests.
  std::function<int64_t()> now_ms;
};

// SessionCipher is safe for concurrent use. Seal() always uses the current
// master key and period; Open() accepts the current and the previous
// master key, and records of the current and the previous period.
class SessionCipher {
 public:
  SessionCipher(MasterKey current, std::optional<MasterKey> previous, CipherOptions options);
  ~SessionCipher();
  SessionCipher(const SessionCipher&) = delete;
  SessionCipher& operator=(const SessionCipher&) = delete;

  // Ciphertext of `plaintext` with a fresh random nonce, carrying the key id
  // and period it was sealed under.
  std::string Seal(std::string_view associated_data, std::string_view plaintext) const;

  // The plaintext; an error when the record is malformed, was sealed under
  // a key or period this cipher no longer accepts, was tampered with, or
  // belongs to other associated data. Errors never contain record bytes.
  Result<std::string> Open(std::string_view associated_data, std::string_view sealed) const;

  // The key period at `now_ms`.
  uint64_t PeriodAt(int64_t now_ms) const;

 private:
  using DataKey = std::array<uint8_t, 32>;
  const MasterKey* KeyWithId(uint32_t id) const;
  DataKey DataKeyFor(const MasterKey& master, uint64_t period) const;

  MasterKey current_;
  std::optional<MasterKey> previous_;
  CipherOptions options_;
  EVP_CIPHER* aes_gcm_;
  mutable std::mutex cache_mutex_;
  mutable std::map<std::pair<uint32_t, uint64_t>, DataKey> data_keys_;
};

}  // namespace privacy::crypto
