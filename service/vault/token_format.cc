#include "vault/token_format.h"

#include <array>
#include <utility>

namespace privacy::vault {

namespace {

bool IsPrefixChar(char c) { return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }

}  // namespace

std::string TokenPrefixFor(std::string_view entity_type) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 7> kShort = {{
      {"CREDIT_CARD", "CARD"},
      {"LOCATION", "LOC"},
      {"ORGANIZATION", "ORG"},
      {"IP_ADDRESS", "IP"},
      {"US_SSN", "SSN"},
      {"CRYPTO_WALLET", "WALLET"},
      {"MAC_ADDRESS", "MAC"},
  }};
  for (const auto& [type, prefix] : kShort) {
    if (type == entity_type) return std::string(prefix);
  }
  std::string prefix;
  for (char c : entity_type) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if (IsPrefixChar(c) && prefix.size() < kMaxTokenPrefixLength) prefix.push_back(c);
  }
  return prefix.empty() ? "PII" : prefix;
}

bool IsEntityTypeName(std::string_view type) {
  if (type.empty() || type.size() > 32) return false;
  for (char c : type) {
    if (!IsPrefixChar(c) && c != '_') return false;
  }
  return true;
}

std::string FormatToken(std::string_view prefix, std::string_view suffix) {
  std::string token;
  token.reserve(prefix.size() + suffix.size() + 3);
  token.push_back('[');
  token.append(prefix);
  token.push_back('_');
  token.append(suffix);
  token.push_back(']');
  return token;
}

}  // namespace privacy::vault
