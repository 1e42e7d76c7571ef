#include "vault/storage_key.h"

#include <openssl/sha.h>

namespace privacy::vault {

std::string AccountKey(std::string_view account) {
  if (account.empty()) return "own";
  unsigned char digest[SHA256_DIGEST_LENGTH];
  SHA256(reinterpret_cast<const unsigned char*>(account.data()), account.size(), digest);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string key = "a";
  for (int i = 0; i < 8; ++i) {
    key.push_back(kHex[digest[i] >> 4]);
    key.push_back(kHex[digest[i] & 0xf]);
  }
  return key;
}

std::string StorageKey(std::string_view account, std::string_view session_id) {
  std::string key = AccountKey(account);
  key.push_back('.');
  key.append(session_id);
  return key;
}

std::string_view AccountKeyOf(std::string_view storage_key) {
  size_t dot = storage_key.find('.');
  return dot == std::string_view::npos ? std::string_view{} : storage_key.substr(0, dot);
}

}  // namespace privacy::vault
