#include "crypto/session_cipher.h"

#include <openssl/crypto.h>
#include <openssl/kdf.h>
#include <openssl/rand.h>

#include <stdexcept>

namespace privacy::crypto {

namespace {

// Layout of a sealed record:
//   version (1) | master key id (4) | period (8) | sealer id (8) | nonce (12) |
//   ciphertext | tag (16)
// The header (version to sealer id) is authenticated with the associated
// data. Version 1 records, still read, have no sealer id: their key was
// shared by every worker of a period.
constexpr uint8_t kVersion = 2;
constexpr uint8_t kVersionWithoutSealer = 1;
constexpr size_t kHeaderSize = 1 + 4 + 8 + 8;
constexpr size_t kHeaderSizeWithoutSealer = 1 + 4 + 8;
constexpr size_t kNonceSize = 12;
constexpr size_t kTagSize = 16;
constexpr char kHkdfSalt[] = "privacy-filter session encryption v1";

int64_t SystemNowMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

void PutBigEndian(uint64_t value, size_t bytes, std::string* out) {
  for (size_t i = bytes; i-- > 0;) out->push_back(static_cast<char>((value >> (8 * i)) & 0xff));
}

uint64_t GetBigEndian(std::string_view in, size_t offset, size_t bytes) {
  uint64_t value = 0;
  for (size_t i = 0; i < bytes; ++i) value = (value << 8) | static_cast<uint8_t>(in[offset + i]);
  return value;
}

const unsigned char* Bytes(std::string_view s) {
  return reinterpret_cast<const unsigned char*>(s.data());
}

struct KdfContextDeleter {
  void operator()(EVP_PKEY_CTX* ctx) const { EVP_PKEY_CTX_free(ctx); }
};

Error Unreadable() {
  return MakeError(ErrorCode::kNotFound, "session record cannot be decrypted");
}

}  // namespace

SessionCipher::SessionCipher(MasterKey current, std::optional<MasterKey> previous,
                             CipherOptions options)
    : current_(std::move(current)),
      previous_(std::move(previous)),
      options_(std::move(options)),
      aes_gcm_(EVP_CIPHER_fetch(nullptr, "AES-256-GCM", nullptr)) {
  if (!aes_gcm_) throw std::runtime_error("OpenSSL has no AES-256-GCM");
  if (!options_.now_ms) options_.now_ms = SystemNowMs;
  if (options_.period.count() <= 0) throw std::invalid_argument("key period must be positive");
}

SessionCipher::~SessionCipher() = default;

uint64_t SessionCipher::PeriodAt(int64_t now_ms) const {
  return static_cast<uint64_t>(now_ms / 1000) / static_cast<uint64_t>(options_.period.count());
}

const MasterKey* SessionCipher::KeyWithId(uint32_t id) const {
  if (current_.id() == id) return &current_;
  if (previous_ && previous_->id() == id) return &*previous_;
  return nullptr;
}

uint64_t SessionCipher::NextSealer() const {
  std::lock_guard lock(sealer_mutex_);
  if (seals_under_sealer_++ >= kMaxSealsPerKey) {
    unsigned char fresh[8];
    if (RAND_bytes(fresh, sizeof(fresh)) != 1) {
      throw std::runtime_error("OpenSSL RAND_bytes failed");
    }
    sealer_ = GetBigEndian(std::string_view(reinterpret_cast<const char*>(fresh), 8), 0, 8);
    seals_under_sealer_ = 1;
  }
  return sealer_;
}

SessionCipher::DataKey SessionCipher::DeriveDataKey(const MasterKey& master,
                                                    const KeyScope& scope) const {
  std::string info = "period ";
  PutBigEndian(scope.period, 8, &info);
  if (scope.sealer) {
    info += " sealer ";
    PutBigEndian(*scope.sealer, 8, &info);
  }
  DataKey key{};
  size_t length = key.size();
  std::unique_ptr<EVP_PKEY_CTX, KdfContextDeleter> ctx(
      EVP_PKEY_CTX_new_id(EVP_PKEY_HKDF, nullptr));
  if (!ctx || EVP_PKEY_derive_init(ctx.get()) <= 0 ||
      EVP_PKEY_CTX_set_hkdf_md(ctx.get(), EVP_sha256()) <= 0 ||
      EVP_PKEY_CTX_set1_hkdf_salt(ctx.get(), Bytes(kHkdfSalt), sizeof(kHkdfSalt) - 1) <= 0 ||
      EVP_PKEY_CTX_set1_hkdf_key(ctx.get(), master.bytes().data(),
                                 static_cast<int>(master.bytes().size())) <= 0 ||
      EVP_PKEY_CTX_add1_hkdf_info(ctx.get(), Bytes(info), static_cast<int>(info.size())) <= 0 ||
      EVP_PKEY_derive(ctx.get(), key.data(), &length) <= 0 || length != key.size()) {
    throw std::runtime_error("OpenSSL HKDF failed");
  }
  return key;
}

std::shared_ptr<GcmContextPool> SessionCipher::ContextsFor(const MasterKey& master,
                                                           const KeyScope& scope) const {
  std::lock_guard lock(cache_mutex_);
  auto slot = std::make_pair(master.id(), scope);
  if (auto it = data_keys_.find(slot); it != data_keys_.end()) return it->second;

  DataKey key = DeriveDataKey(master, scope);
  auto contexts = std::make_shared<GcmContextPool>(aes_gcm_.get(), key);
  OPENSSL_cleanse(key.data(), key.size());
  // Only the keys of the periods in use are kept: drop older ones (a pool
  // still borrowed from lives until its borrower is done).
  for (auto it = data_keys_.begin(); it != data_keys_.end();) {
    if (it->first.second.period + 1 < scope.period) {
      it = data_keys_.erase(it);
    } else {
      ++it;
    }
  }
  data_keys_.emplace(slot, contexts);
  return contexts;
}

std::string SessionCipher::Seal(std::string_view associated_data,
                                std::string_view plaintext) const {
  const KeyScope scope{PeriodAt(options_.now_ms()), NextSealer()};
  std::shared_ptr<GcmContextPool> contexts = ContextsFor(current_, scope);

  std::string sealed;
  sealed.reserve(kHeaderSize + kNonceSize + plaintext.size() + kTagSize);
  sealed.push_back(static_cast<char>(kVersion));
  PutBigEndian(current_.id(), 4, &sealed);
  PutBigEndian(scope.period, 8, &sealed);
  PutBigEndian(*scope.sealer, 8, &sealed);
  unsigned char nonce[kNonceSize];
  if (RAND_bytes(nonce, kNonceSize) != 1) throw std::runtime_error("OpenSSL RAND_bytes failed");
  sealed.append(reinterpret_cast<const char*>(nonce), kNonceSize);
  size_t ciphertext_at = sealed.size();
  sealed.resize(ciphertext_at + plaintext.size() + kTagSize);
  auto* out = reinterpret_cast<unsigned char*>(sealed.data());

  GcmContextPool::Lease lease = contexts->Borrow();
  EVP_CIPHER_CTX* ctx = lease.Start(true, nonce);
  int length = 0;
  bool ok = ctx != nullptr && EVP_EncryptUpdate(ctx, nullptr, &length, out, kHeaderSize) == 1 &&
            EVP_EncryptUpdate(ctx, nullptr, &length, Bytes(associated_data),
                              static_cast<int>(associated_data.size())) == 1 &&
            EVP_EncryptUpdate(ctx, out + ciphertext_at, &length, Bytes(plaintext),
                              static_cast<int>(plaintext.size())) == 1 &&
            EVP_EncryptFinal_ex(ctx, out + ciphertext_at + length, &length) == 1 &&
            EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_GET_TAG, kTagSize,
                                out + ciphertext_at + plaintext.size()) == 1;
  if (!ok) {
    lease.Spoil();
    throw std::runtime_error("OpenSSL AES-256-GCM encryption failed");
  }
  return sealed;
}

Result<std::string> SessionCipher::Open(std::string_view associated_data,
                                        std::string_view sealed) const {
  if (sealed.empty()) return Unreadable();
  const uint8_t version = static_cast<uint8_t>(sealed[0]);
  if (version != kVersion && version != kVersionWithoutSealer) return Unreadable();
  const size_t header_size = version == kVersion ? kHeaderSize : kHeaderSizeWithoutSealer;
  if (sealed.size() < header_size + kNonceSize + kTagSize) return Unreadable();
  const MasterKey* master = KeyWithId(static_cast<uint32_t>(GetBigEndian(sealed, 1, 4)));
  if (master == nullptr) return Unreadable();
  KeyScope scope{GetBigEndian(sealed, 5, 8), std::nullopt};
  if (version == kVersion) scope.sealer = GetBigEndian(sealed, 13, 8);
  const uint64_t period = scope.period;
  const int64_t now_ms = options_.now_ms();
  const uint64_t now_period = PeriodAt(now_ms);
  const uint64_t newest_period = PeriodAt(now_ms + options_.clock_skew_tolerance.count());
  if (period > newest_period || period + 1 < now_period) return Unreadable();

  std::shared_ptr<GcmContextPool> contexts = ContextsFor(*master, scope);
  const unsigned char* nonce = Bytes(sealed) + header_size;
  std::string_view ciphertext =
      sealed.substr(header_size + kNonceSize, sealed.size() - header_size - kNonceSize - kTagSize);
  std::string plaintext(ciphertext.size(), '\0');
  auto* out = reinterpret_cast<unsigned char*>(plaintext.data());
  auto* tag = const_cast<unsigned char*>(Bytes(sealed) + sealed.size() - kTagSize);

  GcmContextPool::Lease lease = contexts->Borrow();
  EVP_CIPHER_CTX* ctx = lease.Start(false, nonce);
  int length = 0;
  bool ok = ctx != nullptr &&
            EVP_DecryptUpdate(ctx, nullptr, &length, Bytes(sealed),
                              static_cast<int>(header_size)) == 1 &&
            EVP_DecryptUpdate(ctx, nullptr, &length, Bytes(associated_data),
                              static_cast<int>(associated_data.size())) == 1 &&
            EVP_DecryptUpdate(ctx, out, &length, Bytes(ciphertext),
                              static_cast<int>(ciphertext.size())) == 1 &&
            EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_SET_TAG, kTagSize, tag) == 1 &&
            EVP_DecryptFinal_ex(ctx, out + length, &length) == 1;
  if (!ok) {
    // A failed context is not reused, whatever state it was left in.
    lease.Spoil();
    OPENSSL_cleanse(plaintext.data(), plaintext.size());
    return Unreadable();
  }
  return plaintext;
}

}  // namespace privacy::crypto
