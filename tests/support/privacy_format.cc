#include "support/privacy_format.h"

#include <chrono>
#include <cstdio>
#include <random>
#include <regex>

namespace privacy::testing {

bool IsSessionId(std::string_view s) {
  if (s.size() != 32) return false;
  for (char c : s) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

bool IsToken(std::string_view s) {
  static const std::regex kToken(R"(\[[A-Z][A-Z0-9_]*_[0-9a-f]{4,}\])");
  return std::regex_match(s.begin(), s.end(), kToken);
}

std::string TokenPrefix(std::string_view token) {
  if (!IsToken(token)) return "";
  auto us = token.rfind('_');
  return std::string(token.substr(1, us - 1));
}

std::string RandomSessionId() {
  static thread_local std::mt19937_64 rng{std::random_device{}()};
  char buf[33];
  std::snprintf(buf, sizeof buf, "%016llx%016llx", static_cast<unsigned long long>(rng()),
                static_cast<unsigned long long>(rng()));
  return buf;
}

int64_t NowMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

std::string ReplaceAll(std::string text, std::string_view from, std::string_view to) {
  if (from.empty()) return text;
  for (size_t pos = text.find(from); pos != std::string::npos; pos = text.find(from, pos + to.size())) {
    text.replace(pos, from.size(), to);
  }
  return text;
}

}  // namespace privacy::testing
