#include "vault/token_format.h"

#include <array>
#include <utility>

namespace privacy::vault {

namespace {

constexpr size_t kMaxPrefix = 16;
constexpr size_t kMinSuffix = 4;
constexpr size_t kMaxSuffix = 8;

bool IsPrefixChar(char c) { return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }
bool IsSuffixChar(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); }

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
    if (IsPrefixChar(c) && prefix.size() < kMaxPrefix) prefix.push_back(c);
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

std::vector<TokenSpan> FindTokenShapes(std::string_view text) {
  std::vector<TokenSpan> spans;
  size_t pos = 0;
  while ((pos = text.find('[', pos)) != std::string_view::npos) {
    size_t i = pos + 1;
    size_t prefix_end = i;
    while (prefix_end < text.size() && IsPrefixChar(text[prefix_end]) &&
           prefix_end - i < kMaxPrefix) {
      ++prefix_end;
    }
    if (prefix_end > i && prefix_end < text.size() && text[prefix_end] == '_') {
      size_t suffix_start = prefix_end + 1;
      size_t suffix_end = suffix_start;
      while (suffix_end < text.size() && IsSuffixChar(text[suffix_end]) &&
             suffix_end - suffix_start < kMaxSuffix) {
        ++suffix_end;
      }
      size_t suffix_len = suffix_end - suffix_start;
      if (suffix_len >= kMinSuffix && suffix_end < text.size() && text[suffix_end] == ']') {
        spans.push_back({pos, suffix_end + 1});
        pos = suffix_end + 1;
        continue;
      }
    }
    ++pos;
  }
  return spans;
}

}  // namespace privacy::vault
