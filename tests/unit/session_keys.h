// Storage keys for unit tests: readable names made into well-formed ids.
#pragma once

#include <string>
#include <string_view>

namespace privacy::testing {

// "<account_key>.<id>" where the session id spells `name` in hex, padded
// with zeros to the 32 lowercase hex digits of a session id.
inline std::string SessionKey(std::string_view name, std::string_view account_key = "own") {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string id;
  for (unsigned char c : name) {
    id.push_back(kHex[c >> 4]);
    id.push_back(kHex[c & 0xf]);
  }
  id.resize(32, '0');
  return std::string(account_key) + "." + id;
}

}  // namespace privacy::testing
