#include "detect/validators/crypto_wallet_validators.h"

#include <openssl/sha.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace privacy::detect {
namespace {

// Decodes Base58 (Bitcoin alphabet); false on a character outside it.
bool DecodeBase58(std::string_view text, std::vector<uint8_t>* out) {
  static const std::string_view kAlphabet =
      "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
  std::vector<uint8_t> bytes;  // big-endian accumulator
  for (char c : text) {
    size_t digit = kAlphabet.find(c);
    if (digit == std::string_view::npos) return false;
    int carry = static_cast<int>(digit);
    for (size_t i = bytes.size(); i-- > 0;) {
      carry += 58 * bytes[i];
      bytes[i] = static_cast<uint8_t>(carry & 0xFF);
      carry >>= 8;
    }
    while (carry > 0) {
      bytes.insert(bytes.begin(), static_cast<uint8_t>(carry & 0xFF));
      carry >>= 8;
    }
  }
  size_t zeros = 0;
  while (zeros < text.size() && text[zeros] == '1') ++zeros;
  out->assign(zeros, 0);
  out->insert(out->end(), bytes.begin(), bytes.end());
  return true;
}

uint32_t Bech32Polymod(const std::vector<uint8_t>& values) {
  static const uint32_t kGenerator[5] = {0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd,
                                         0x2a1462b3};
  uint32_t checksum = 1;
  for (uint8_t v : values) {
    uint8_t top = static_cast<uint8_t>(checksum >> 25);
    checksum = ((checksum & 0x1ffffff) << 5) ^ v;
    for (int i = 0; i < 5; ++i) {
      if ((top >> i) & 1) checksum ^= kGenerator[i];
    }
  }
  return checksum;
}

}  // namespace

bool IsValidBase58CheckAddress(std::string_view value) {
  if (value.size() < 26 || value.size() > 35) return false;
  if (value[0] != '1' && value[0] != '3') return false;
  std::vector<uint8_t> raw;
  if (!DecodeBase58(value, &raw) || raw.size() != 25) return false;
  if (raw[0] != 0x00 && raw[0] != 0x05) return false;
  std::array<uint8_t, SHA256_DIGEST_LENGTH> first{}, second{};
  SHA256(raw.data(), 21, first.data());
  SHA256(first.data(), first.size(), second.data());
  return std::equal(second.begin(), second.begin() + 4, raw.begin() + 21);
}

bool IsValidBech32Address(std::string_view value) {
  static const std::string_view kCharset = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
  if (value.size() < 14 || value.size() > 74) return false;
  bool lower = false, upper = false;
  std::string text;
  for (char c : value) {
    if (c >= 'a' && c <= 'z') lower = true;
    if (c >= 'A' && c <= 'Z') {
      upper = true;
      c = static_cast<char>(c - 'A' + 'a');
    }
    text.push_back(c);
  }
  if (lower && upper) return false;
  const size_t separator = text.rfind('1');
  if (separator == std::string::npos || separator == 0 || separator + 7 > text.size()) {
    return false;
  }
  const std::string hrp = text.substr(0, separator);
  if (hrp != "bc" && hrp != "tb") return false;
  std::vector<uint8_t> values;
  for (char c : hrp) values.push_back(static_cast<uint8_t>(c >> 5));
  values.push_back(0);
  for (char c : hrp) values.push_back(static_cast<uint8_t>(c & 31));
  uint8_t witness_version = 0;
  for (size_t i = separator + 1; i < text.size(); ++i) {
    size_t v = kCharset.find(text[i]);
    if (v == std::string_view::npos) return false;
    if (i == separator + 1) witness_version = static_cast<uint8_t>(v);
    values.push_back(static_cast<uint8_t>(v));
  }
  if (witness_version > 16) return false;
  const uint32_t expected = witness_version == 0 ? 1 : 0x2bc830a3;
  return Bech32Polymod(values) == expected;
}

}  // namespace privacy::detect
