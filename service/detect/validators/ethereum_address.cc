#include "detect/validators/ethereum_address.h"

#include <array>
#include <cstdint>

#include "detect/validators/keccak256.h"

namespace privacy::detect {
namespace {

constexpr size_t kHexDigits = 40;

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsLower(char c) { return c >= 'a' && c <= 'f'; }
bool IsUpper(char c) { return c >= 'A' && c <= 'F'; }

// True when the mixed-case `hex` follows the EIP-55 checksum.
bool FollowsEip55(std::string_view hex) {
  std::array<char, kHexDigits> lower;
  for (size_t i = 0; i < kHexDigits; ++i) {
    lower[i] = IsUpper(hex[i]) ? static_cast<char>(hex[i] - 'A' + 'a') : hex[i];
  }
  const std::array<uint8_t, 32> digest = Keccak256(std::string_view(lower.data(), lower.size()));
  for (size_t i = 0; i < kHexDigits; ++i) {
    if (IsDigit(hex[i])) continue;
    const uint8_t nibble = i % 2 == 0 ? digest[i / 2] >> 4 : digest[i / 2] & 0x0F;
    if (IsUpper(hex[i]) != (nibble >= 8)) return false;
  }
  return true;
}

}  // namespace

bool IsValidEthereumAddress(std::string_view value) {
  if (value.size() != 2 + kHexDigits || value[0] != '0' || (value[1] != 'x' && value[1] != 'X')) {
    return false;
  }
  const std::string_view hex = value.substr(2);
  bool lower = false, upper = false;
  for (char c : hex) {
    if (!IsDigit(c) && !IsLower(c) && !IsUpper(c)) return false;
    lower = lower || IsLower(c);
    upper = upper || IsUpper(c);
  }
  return !(lower && upper) || FollowsEip55(hex);
}

}  // namespace privacy::detect
