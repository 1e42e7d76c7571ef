#include "support/nats_operator.h"

#include <openssl/evp.h>
#include <openssl/rand.h>

#include <chrono>
#include <fstream>
#include <memory>
#include <stdexcept>

namespace privacy::testing {

namespace {

// NKey prefix bytes (nkeys: PrefixByteSeed, Operator, Account, User).
constexpr uint8_t kSeedPrefix = 18 << 3;
constexpr uint8_t kOperatorPrefix = 14 << 3;
constexpr uint8_t kAccountPrefix = 0;
constexpr uint8_t kUserPrefix = 20 << 3;

// CRC-16/XMODEM, appended little-endian to every encoded key.
uint16_t Crc16(const std::string& data) {
  uint16_t crc = 0;
  for (unsigned char byte : data) {
    crc ^= static_cast<uint16_t>(byte) << 8;
    for (int bit = 0; bit < 8; ++bit) {
      crc = (crc & 0x8000) != 0 ? static_cast<uint16_t>((crc << 1) ^ 0x1021)
                                : static_cast<uint16_t>(crc << 1);
    }
  }
  return crc;
}

std::string Base32(const std::string& data) {
  static constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  std::string out;
  uint32_t buffer = 0;
  int bits = 0;
  for (unsigned char byte : data) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out.push_back(kAlphabet[(buffer >> (bits - 5)) & 31]);
      bits -= 5;
    }
  }
  if (bits > 0) out.push_back(kAlphabet[(buffer << (5 - bits)) & 31]);
  return out;
}

std::string Base64Url(const std::string& data) {
  std::string out(4 * ((data.size() + 2) / 3) + 1, '\0');
  int n = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                          reinterpret_cast<const unsigned char*>(data.data()),
                          static_cast<int>(data.size()));
  out.resize(static_cast<size_t>(n));
  while (!out.empty() && out.back() == '=') out.pop_back();
  for (char& c : out) {
    if (c == '+') c = '-';
    if (c == '/') c = '_';
  }
  return out;
}

std::string WithChecksum(std::string raw) {
  uint16_t crc = Crc16(raw);
  raw.push_back(static_cast<char>(crc & 0xff));
  raw.push_back(static_cast<char>(crc >> 8));
  return Base32(raw);
}

using PkeyPtr = std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)>;

PkeyPtr PrivateKey(const std::string& raw_seed) {
  PkeyPtr key(EVP_PKEY_new_raw_private_key(
                  EVP_PKEY_ED25519, nullptr,
                  reinterpret_cast<const unsigned char*>(raw_seed.data()), raw_seed.size()),
              &EVP_PKEY_free);
  if (!key) throw std::runtime_error("EVP_PKEY_new_raw_private_key failed");
  return key;
}

NKey MakeNKey(uint8_t prefix) {
  NKey key;
  key.raw_seed.resize(32);
  if (RAND_bytes(reinterpret_cast<unsigned char*>(key.raw_seed.data()), 32) != 1) {
    throw std::runtime_error("RAND_bytes failed");
  }
  std::string public_raw(32, '\0');
  size_t length = public_raw.size();
  if (EVP_PKEY_get_raw_public_key(PrivateKey(key.raw_seed).get(),
                                  reinterpret_cast<unsigned char*>(public_raw.data()),
                                  &length) != 1) {
    throw std::runtime_error("EVP_PKEY_get_raw_public_key failed");
  }
  key.public_key = WithChecksum(std::string(1, static_cast<char>(prefix)) + public_raw);
  std::string seed_raw;
  seed_raw.push_back(static_cast<char>(kSeedPrefix | (prefix >> 5)));
  seed_raw.push_back(static_cast<char>((prefix & 31) << 3));
  key.seed = WithChecksum(seed_raw + key.raw_seed);
  return key;
}

std::string Sign(const NKey& key, const std::string& message) {
  PkeyPtr pkey = PrivateKey(key.raw_seed);
  std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(),
                                                               &EVP_MD_CTX_free);
  std::string signature(64, '\0');
  size_t length = signature.size();
  if (!ctx || EVP_DigestSignInit(ctx.get(), nullptr, nullptr, nullptr, pkey.get()) != 1 ||
      EVP_DigestSign(ctx.get(), reinterpret_cast<unsigned char*>(signature.data()), &length,
                     reinterpret_cast<const unsigned char*>(message.data()),
                     message.size()) != 1) {
    throw std::runtime_error("Ed25519 signing failed");
  }
  return signature;
}

// A JWT of `subject` issued (and signed) by `issuer`, with `nats` claims.
std::string Jwt(const NKey& issuer, const std::string& subject, const std::string& name,
                const std::string& nats_claims) {
  const auto now = std::chrono::duration_cast<std::chrono::seconds>(
                       std::chrono::system_clock::now().time_since_epoch())
                       .count();
  const std::string header = Base64Url(R"({"typ":"JWT","alg":"ed25519-nkey"})");
  const std::string claims =
      Base64Url("{\"jti\":\"" + Base32(subject + name).substr(0, 52) + "\",\"iat\":" +
                std::to_string(now) + ",\"iss\":\"" + issuer.public_key + "\",\"name\":\"" +
                name + "\",\"sub\":\"" + subject + "\",\"nats\":" + nats_claims + "}");
  const std::string signed_part = header + "." + claims;
  return signed_part + "." + Base64Url(Sign(issuer, signed_part));
}

std::string UserJwt(const NKey& account, const NKey& user) {
  return Jwt(account, user.public_key, "privacy-test-user",
             R"({"pub":{},"sub":{},"subs":-1,"data":-1,"payload":-1,"type":"user","version":2})");
}

std::string WriteCreds(const std::filesystem::path& path, const std::string& jwt,
                       const NKey& user) {
  std::ofstream(path) << "-----BEGIN NATS USER JWT-----\n"
                      << jwt << "\n------END NATS USER JWT------\n\n"
                      << "-----BEGIN USER NKEY SEED-----\n"
                      << user.seed << "\n------END USER NKEY SEED------\n";
  return path.string();
}

}  // namespace

NatsOperator::NatsOperator()
    : operator_key_(MakeNKey(kOperatorPrefix)),
      system_key_(MakeNKey(kAccountPrefix)),
      account_key_(MakeNKey(kAccountPrefix)),
      user_key_(MakeNKey(kUserPrefix)) {
  operator_jwt_ = Jwt(operator_key_, operator_key_.public_key, "privacy-test-operator",
                      R"({"type":"operator","version":2})");
  system_jwt_ = Jwt(operator_key_, system_key_.public_key, "SYS",
                    R"({"limits":{"subs":-1,"data":-1,"payload":-1,"imports":-1,"exports":-1,)"
                    R"("wildcards":true,"conn":-1,"leaf":-1},"type":"account","version":2})");
  account_jwt_ = Jwt(
      operator_key_, account_key_.public_key, "PRIVACY",
      R"({"limits":{"subs":-1,"data":-1,"payload":-1,"imports":-1,"exports":-1,)"
      R"("wildcards":true,"conn":-1,"leaf":-1,"mem_storage":-1,"disk_storage":-1,)"
      R"("streams":-1,"consumer":-1},"default_permissions":{"pub":{},"sub":{}},)"
      R"("type":"account","version":2})");
  user_jwt_ = UserJwt(account_key_, user_key_);
}

std::string NatsOperator::ServerConfig() const {
  return "operator: " + operator_jwt_ + "\nsystem_account: " + system_key_.public_key +
         "\nresolver: MEMORY\nresolver_preload: {\n  " + system_key_.public_key + ": " +
         system_jwt_ + "\n  " + account_key_.public_key + ": " + account_jwt_ + "\n}\n";
}

std::string NatsOperator::WriteUserCreds(const std::filesystem::path& path) const {
  return WriteCreds(path, user_jwt_, user_key_);
}

std::string NatsOperator::WriteForeignUserCreds(const std::filesystem::path& path) const {
  const NKey foreign_account = MakeNKey(kAccountPrefix);
  const NKey user = MakeNKey(kUserPrefix);
  return WriteCreds(path, UserJwt(foreign_account, user), user);
}

}  // namespace privacy::testing
