#include "crypto/master_key.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>

#include <fstream>
#include <sstream>

namespace privacy::crypto {

namespace {

std::string_view TrimWhitespace(std::string_view text) {
  const char* blanks = " \t\r\n";
  size_t first = text.find_first_not_of(blanks);
  if (first == std::string_view::npos) return {};
  size_t last = text.find_last_not_of(blanks);
  return text.substr(first, last - first + 1);
}

uint32_t KeyId(const std::array<uint8_t, MasterKey::kSize>& key) {
  static constexpr char kLabel[] = "privacy-filter master key id";
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()),
       reinterpret_cast<const unsigned char*>(kLabel), sizeof(kLabel) - 1, digest, &length);
  return (uint32_t{digest[0]} << 24) | (uint32_t{digest[1]} << 16) |
         (uint32_t{digest[2]} << 8) | uint32_t{digest[3]};
}

Error BadKey() {
  return MakeError(ErrorCode::kBadRequest,
                   "encryption master key must be the base64 encoding of 32 bytes "
                   "(generate one with `privacy-filter keygen`)");
}

}  // namespace

MasterKey::MasterKey(const std::array<uint8_t, kSize>& bytes) : bytes_(bytes), id_(KeyId(bytes)) {}

MasterKey::~MasterKey() { OPENSSL_cleanse(bytes_.data(), bytes_.size()); }

Result<MasterKey> MasterKey::FromBase64(std::string_view text) {
  std::string_view encoded = TrimWhitespace(text);
  // 32 bytes are 44 base64 characters, the last one being padding.
  if (encoded.size() != 44) return BadKey();
  unsigned char decoded[33] = {};
  int length = EVP_DecodeBlock(decoded, reinterpret_cast<const unsigned char*>(encoded.data()),
                               static_cast<int>(encoded.size()));
  // EVP_DecodeBlock counts the padding as a zero byte.
  if (length != 33 || encoded[43] != '=' || encoded[42] == '=') {
    OPENSSL_cleanse(decoded, sizeof(decoded));
    return BadKey();
  }
  std::array<uint8_t, kSize> bytes;
  std::copy(decoded, decoded + kSize, bytes.begin());
  OPENSSL_cleanse(decoded, sizeof(decoded));
  MasterKey key(bytes);
  OPENSSL_cleanse(bytes.data(), bytes.size());
  return key;
}

Result<MasterKey> MasterKey::FromFile(const std::string& path) {
  std::ifstream in(path);
  if (!in) return MakeError(ErrorCode::kBadRequest, "cannot read key file " + path);
  std::stringstream text;
  text << in.rdbuf();
  std::string contents = text.str();
  auto key = FromBase64(contents);
  OPENSSL_cleanse(contents.data(), contents.size());
  if (!key) return MakeError(ErrorCode::kBadRequest, path + ": " + key.error().message);
  return key;
}

MasterKey MasterKey::Generate() {
  std::array<uint8_t, kSize> bytes;
  if (RAND_bytes(bytes.data(), static_cast<int>(bytes.size())) != 1) {
    throw std::runtime_error("OpenSSL RAND_bytes failed");
  }
  MasterKey key(bytes);
  OPENSSL_cleanse(bytes.data(), bytes.size());
  return key;
}

std::string MasterKey::ToBase64() const {
  unsigned char encoded[45] = {};
  EVP_EncodeBlock(encoded, bytes_.data(), static_cast<int>(bytes_.size()));
  return std::string(reinterpret_cast<const char*>(encoded), 44);
}

}  // namespace privacy::crypto
