// Authenticated encryption of stored sessions: AES-256-GCM under a key derived
// (HKDF-SHA256) from a master key, the current key period and the sealing
// cipher's own random sealer id, with the caller's associated data (the
// session's storage key) bound to the ciphertext so it cannot be moved to
// another session.
#pragma once

#include <openssl/evp.h>

#include <array>
#include <atomic>
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
#include "crypto/gcm_context_pool.h"
#include "crypto/master_key.h"

namespace privacy::crypto {

// How keys rotate.
struct CipherOptions {
  // Length of a key period: every period derives a new data key.
  std::chrono::seconds period{std::chrono::hours(24)};
  // A record sealed in the next period still opens while this clock is at
  // most this much behind the sealing worker's (workers' clocks differ).
  std::chrono::milliseconds clock_skew_tolerance{std::chrono::minutes(5)};
  // Milliseconds since the Unix epoch; replaceable in tests.
  std::function<int64_t()> now_ms;
};

// At most this many records are sealed under one data key: with random
// 96-bit nonces, the chance that two share a nonce stays below 2^-33 (NIST
// SP 800-38D, 8.3). Each cipher (each worker) derives keys of its own, and
// takes a new sealer id, so a new key, when it reaches the bound.
inline constexpr uint64_t kMaxSealsPerKey = uint64_t{1} << 32;

// SessionCipher is safe for concurrent use. Seal() always uses the current
// master key, period and sealer id; Open() accepts the current and the previous
// master key, and records of the current and the previous period (and of
// the next one within the clock skew tolerance). Each data key in use keeps
// its AES-GCM contexts for reuse (GcmContextPool), dropped with the key.
class SessionCipher {
 public:
  SessionCipher(MasterKey current, std::optional<MasterKey> previous, CipherOptions options);
  ~SessionCipher();
  SessionCipher(const SessionCipher&) = delete;
  SessionCipher& operator=(const SessionCipher&) = delete;

  // Ciphertext of `plaintext` with a fresh random nonce, carrying the key
  // id, period and sealer id it was sealed under.
  std::string Seal(std::string_view associated_data, std::string_view plaintext) const;

  // The plaintext; an error when the record is malformed, was sealed under
  // a key or period this cipher no longer accepts, was tampered with, or
  // belongs to other associated data. Errors never contain record bytes.
  Result<std::string> Open(std::string_view associated_data, std::string_view sealed) const;

  // The key period at `now_ms`.
  uint64_t PeriodAt(int64_t now_ms) const;

 private:
  using DataKey = GcmContextPool::Key;
  // What a data key is derived from besides the master key: the period and
  // the sealer id (none in version 1 records).
  struct KeyScope {
    uint64_t period = 0;
    std::optional<uint64_t> sealer;
    auto operator<=>(const KeyScope&) const = default;
  };
  const MasterKey* KeyWithId(uint32_t id) const;
  DataKey DeriveDataKey(const MasterKey& master, const KeyScope& scope) const;
  // The contexts of the data key of `master` and `scope`, derived at first
  // use; the pool stays valid while the caller holds it.
  std::shared_ptr<GcmContextPool> ContextsFor(const MasterKey& master,
                                              const KeyScope& scope) const;
  // The sealer id for the next seal: a new one every kMaxSealsPerKey seals.
  uint64_t NextSealer() const;

  MasterKey current_;
  std::optional<MasterKey> previous_;
  CipherOptions options_;
  // Frees the fetched AES-256-GCM implementation.
  struct CipherDeleter {
    void operator()(EVP_CIPHER* cipher) const { EVP_CIPHER_free(cipher); }
  };
  // Before the pools: their contexts use it.
  std::unique_ptr<EVP_CIPHER, CipherDeleter> aes_gcm_;
  mutable std::mutex cache_mutex_;
  mutable std::map<std::pair<uint32_t, KeyScope>, std::shared_ptr<GcmContextPool>> data_keys_;
  mutable std::mutex sealer_mutex_;
  mutable uint64_t sealer_ = 0;
  mutable uint64_t seals_under_sealer_ = kMaxSealsPerKey;  // a new sealer id at first
};

}  // namespace privacy::crypto
