#include "vault/random.h"

#include <openssl/rand.h>

#include <stdexcept>
#include <vector>

namespace privacy::vault {

std::string RandomHex(size_t bytes) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::vector<unsigned char> raw(bytes);
  if (RAND_bytes(raw.data(), static_cast<int>(raw.size())) != 1) {
    throw std::runtime_error("CSPRNG failure");
  }
  std::string hex;
  hex.reserve(bytes * 2);
  for (unsigned char b : raw) {
    hex.push_back(kDigits[b >> 4]);
    hex.push_back(kDigits[b & 0xF]);
  }
  return hex;
}

}  // namespace privacy::vault
