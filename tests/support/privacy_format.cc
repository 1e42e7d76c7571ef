#include "support/privacy_format.h"

#include <chrono>
#include <cstdio>
#include <random>

namespace privacy::testing {

bool IsSessionId(std::string_view s) {
  if (s.size() != 32) return false;
  for (char c : s) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

bool IsToken(std::string_view s) {
  // [PREFIX_suffix]: PREFIX starts with A-Z, then A-Z 0-9 _; suffix 4+ hex.
  if (s.size() < 8 || s.front() != '[' || s.back() != ']') return false;
  std::string_view inner = s.substr(1, s.size() - 2);
  size_t underscore = inner.rfind('_');
  if (underscore == std::string_view::npos || underscore == 0) return false;
  std::string_view prefix = inner.substr(0, underscore);
  std::string_view suffix = inner.substr(underscore + 1);
  if (!(prefix.front() >= 'A' && prefix.front() <= 'Z')) return false;
  for (char c : prefix) {
    if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_')) return false;
  }
  if (suffix.size() < 4) return false;
  for (char c : suffix) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

std::string RawJsonValue(std::string_view json, std::string_view key) {
  std::string quoted = "\"" + std::string(key) + "\"";
  size_t at = json.find(quoted);
  if (at == std::string_view::npos) return "";
  size_t pos = json.find_first_not_of(" \t\r\n", at + quoted.size());
  if (pos == std::string_view::npos || json[pos] != ':') return "";
  pos = json.find_first_not_of(" \t\r\n", pos + 1);
  if (pos == std::string_view::npos) return "";
  size_t end = json.find_first_of(",}", pos);
  return std::string(json.substr(pos, end == std::string_view::npos ? end : end - pos));
}

bool IsQuotedDigits(std::string_view s) {
  if (s.size() < 3 || s.front() != '"' || s.back() != '"') return false;
  for (char c : s.substr(1, s.size() - 2)) {
    if (c < '0' || c > '9') return false;
  }
  return true;
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
