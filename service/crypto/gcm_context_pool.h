// AES-256-GCM contexts that keep one data key's schedule, for reuse: a seal or
// an open borrows one and sets only its nonce, instead of making a context
// and expanding the key for every record.
#pragma once

#include <openssl/evp.h>

#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <vector>

namespace privacy::crypto {

// Frees an EVP_CIPHER_CTX (OpenSSL cleanses its key schedule).
struct CipherContextDeleter {
  void operator()(EVP_CIPHER_CTX* ctx) const { EVP_CIPHER_CTX_free(ctx); }
};
using CipherContext = std::unique_ptr<EVP_CIPHER_CTX, CipherContextDeleter>;

// Holds the idle contexts of one data key. Safe for concurrent use: each
// borrower gets a context of its own (a new one when none is idle), which
// goes back to the pool when its Lease ends, unless the lease was spoiled
// (an operation failed half-way: that context is freed). At most
// kMaxIdle idle contexts are kept.
class GcmContextPool {
 public:
  using Key = std::array<uint8_t, 32>;
  static constexpr size_t kMaxIdle = 16;

  // Contexts of `aes_gcm` (which must outlive the pool) under `key`.
  GcmContextPool(const EVP_CIPHER* aes_gcm, const Key& key);
  ~GcmContextPool();
  GcmContextPool(const GcmContextPool&) = delete;
  GcmContextPool& operator=(const GcmContextPool&) = delete;

  // A context borrowed from a pool, keyed with its key and ready for
  // Start(); returned to the pool when the lease ends.
  class Lease {
   public:
    Lease(Lease&& other) noexcept = default;
    Lease& operator=(Lease&&) = delete;
    ~Lease();

    // Begins a new encryption (`encrypt`) or decryption under `nonce` (12
    // bytes), discarding whatever the context did before; false when
    // OpenSSL fails (the lease is then spoiled). Null when there is no
    // context (OpenSSL could not make one).
    EVP_CIPHER_CTX* Start(bool encrypt, const unsigned char* nonce);
    // The context will not go back to the pool: call when an operation on
    // it failed half-way.
    void Spoil() { spoiled_ = true; }

   private:
    friend class GcmContextPool;
    Lease(GcmContextPool* pool, CipherContext context)
        : pool_(pool), context_(std::move(context)) {}
    GcmContextPool* pool_;
    CipherContext context_;
    bool spoiled_ = false;
  };

  // An idle context, or a new one keyed now.
  Lease Borrow();

  // Idle contexts kept now (for tests).
  size_t idle() const;

 private:
  void GiveBack(CipherContext context);

  const EVP_CIPHER* aes_gcm_;
  Key key_;
  mutable std::mutex mutex_;
  std::vector<CipherContext> idle_;
};

}  // namespace privacy::crypto
