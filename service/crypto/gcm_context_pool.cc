#include "crypto/gcm_context_pool.h"

#include <openssl/crypto.h>

namespace privacy::crypto {

GcmContextPool::GcmContextPool(const EVP_CIPHER* aes_gcm, const Key& key)
    : aes_gcm_(aes_gcm), key_(key) {
  idle_.reserve(kMaxIdle);
}

GcmContextPool::~GcmContextPool() { OPENSSL_cleanse(key_.data(), key_.size()); }

GcmContextPool::Lease GcmContextPool::Borrow() {
  {
    std::lock_guard lock(mutex_);
    if (!idle_.empty()) {
      CipherContext context = std::move(idle_.back());
      idle_.pop_back();
      return Lease(this, std::move(context));
    }
  }
  // A new context: the key is expanded once here, the nonce set by Start().
  CipherContext context(EVP_CIPHER_CTX_new());
  if (context &&
      EVP_CipherInit_ex2(context.get(), aes_gcm_, key_.data(), nullptr, 1, nullptr) != 1) {
    context.reset();
  }
  return Lease(this, std::move(context));
}

size_t GcmContextPool::idle() const {
  std::lock_guard lock(mutex_);
  return idle_.size();
}

void GcmContextPool::GiveBack(CipherContext context) {
  std::lock_guard lock(mutex_);
  if (idle_.size() < kMaxIdle) idle_.push_back(std::move(context));
}

GcmContextPool::Lease::~Lease() {
  if (context_ && !spoiled_) pool_->GiveBack(std::move(context_));
}

EVP_CIPHER_CTX* GcmContextPool::Lease::Start(bool encrypt, const unsigned char* nonce) {
  if (!context_) return nullptr;
  // No cipher and no key: both stay as set, only the direction and the
  // nonce are new, and the previous message's state is reset.
  if (EVP_CipherInit_ex2(context_.get(), nullptr, nullptr, nonce, encrypt ? 1 : 0, nullptr) !=
      1) {
    spoiled_ = true;
    return nullptr;
  }
  return context_.get();
}

}  // namespace privacy::crypto
