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

struct CipherContextDeleter {
  void operator()(EVP_CIPHER_CTX* ctx) const { EVP_CIPHER_CTX_free(ctx); }
};
using CipherContext = std::unique_ptr<EVP_CIPHER_CTX, CipherContextDeleter>;

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
  if (aes_gcm_ == nullptr) throw std::runtime_error("OpenSSL has no AES-256-GCM");
  if (!options_.now_ms) options_.now_ms = SystemNowMs;
  if (options_.period.count() <= 0) throw std::invalid_argument("key period must be positive");
}

SessionCipher::~SessionCipher() {
  EVP_CIPHER_free(aes_gcm_);
  for (auto& [unused, key] : data_keys_) OPENSSL_cleanse(key.data(), key.size());
}

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

SessionCipher::DataKey SessionCipher::DataKeyFor(const MasterKey& master,
                                                 const KeyScope& scope) const {
  const uint64_t period = scope.period;
  std::lock_guard lock(cache_mutex_);
  auto slot = std::make_pair(master.id(), scope);
  if (auto it = data_keys_.find(slot); it != data_keys_.end()) return it->second;

  std::string info = "period ";
  PutBigEndian(period, 8, &info);
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
  // Only the keys of the periods in use are kept: drop older ones.
  for (auto it = data_keys_.begin(); it != data_keys_.end();) {
    if (it->first.second.period + 1 < period) {
      OPENSSL_cleanse(it->second.data(), it->second.size());
      it = data_keys_.erase(it);
    } else {
      ++it;
    }
  }
  data_keys_.emplace(slot, key);
  return key;
}

std::string SessionCipher::Seal(std::string_view associated_data,
                                std::string_view plaintext) const {
  const KeyScope scope{PeriodAt(options_.now_ms()), NextSealer()};
  DataKey key = DataKeyFor(current_, scope);

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

  CipherContext ctx(EVP_CIPHER_CTX_new());
  int length = 0;
  bool ok = ctx && EVP_EncryptInit_ex2(ctx.get(), aes_gcm_, key.data(), nonce, nullptr) == 1 &&
            EVP_EncryptUpdate(ctx.get(), nullptr, &length, out, kHeaderSize) == 1 &&
            EVP_EncryptUpdate(ctx.get(), nullptr, &length, Bytes(associated_data),
                              static_cast<int>(associated_data.size())) == 1 &&
            EVP_EncryptUpdate(ctx.get(), out + ciphertext_at, &length, Bytes(plaintext),
                              static_cast<int>(plaintext.size())) == 1 &&
            EVP_EncryptFinal_ex(ctx.get(), out + ciphertext_at + length, &length) == 1 &&
            EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_GET_TAG, kTagSize,
                                out + ciphertext_at + plaintext.size()) == 1;
  OPENSSL_cleanse(key.data(), key.size());
  if (!ok) throw std::runtime_error("OpenSSL AES-256-GCM encryption failed");
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

  DataKey key = DataKeyFor(*master, scope);
  const unsigned char* nonce = Bytes(sealed) + header_size;
  std::string_view ciphertext =
      sealed.substr(header_size + kNonceSize, sealed.size() - header_size - kNonceSize - kTagSize);
  std::string plaintext(ciphertext.size(), '\0');
  auto* out = reinterpret_cast<unsigned char*>(plaintext.data());
  auto* tag = const_cast<unsigned char*>(Bytes(sealed) + sealed.size() - kTagSize);

  CipherContext ctx(EVP_CIPHER_CTX_new());
  int length = 0;
  bool ok = ctx && EVP_DecryptInit_ex2(ctx.get(), aes_gcm_, key.data(), nonce, nullptr) == 1 &&
            EVP_DecryptUpdate(ctx.get(), nullptr, &length, Bytes(sealed),
                              static_cast<int>(header_size)) == 1 &&
            EVP_DecryptUpdate(ctx.get(), nullptr, &length, Bytes(associated_data),
                              static_cast<int>(associated_data.size())) == 1 &&
            EVP_DecryptUpdate(ctx.get(), out, &length, Bytes(ciphertext),
                              static_cast<int>(ciphertext.size())) == 1 &&
            EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_TAG, kTagSize, tag) == 1 &&
            EVP_DecryptFinal_ex(ctx.get(), out + length, &length) == 1;
  OPENSSL_cleanse(key.data(), key.size());
  if (!ok) {
    OPENSSL_cleanse(plaintext.data(), plaintext.size());
    return Unreadable();
  }
  return plaintext;
}

}  // namespace privacy::crypto
