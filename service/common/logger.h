// Structured JSON log lines on stderr: {"ts":..,"level":..,"event":..,...}.
// Callers pass only identifiers, counts and timings, never personal values.
#pragma once

#include <initializer_list>
#include <mutex>
#include <span>
#include <type_traits>
#include <string>
#include <string_view>
#include <utility>

namespace privacy {

enum class LogLevel { kDebug = 0, kInfo = 1, kWarn = 2, kError = 3 };

// Parses "debug", "info", "warn" or "error"; false for anything else.
bool ParseLogLevel(std::string_view name, LogLevel* level);

// A field of a log line; numbers are written unquoted.
struct LogField {
  LogField(std::string_view k, std::string_view v) : key(k), value(v), quoted(true) {}
  LogField(std::string_view k, const char* v) : key(k), value(v), quoted(true) {}
  LogField(std::string_view k, const std::string& v) : key(k), value(v), quoted(true) {}
  template <typename N>
    requires std::is_arithmetic_v<N>
  LogField(std::string_view k, N n) : key(k), value(std::to_string(n)), quoted(false) {}

  std::string_view key;
  std::string value;
  bool quoted;
};

// Writes whole lines atomically; safe for concurrent use.
class Logger {
 public:
  explicit Logger(LogLevel min_level = LogLevel::kInfo) : min_level_(min_level) {}

  void Log(LogLevel level, std::string_view event, std::initializer_list<LogField> fields = {}) {
    LogFields(level, event, {fields.begin(), fields.size()});
  }
  // Log() for a list of fields made at run time (e.g. with optional ones).
  void LogFields(LogLevel level, std::string_view event, std::span<const LogField> fields);
  void Debug(std::string_view event, std::initializer_list<LogField> fields = {}) {
    Log(LogLevel::kDebug, event, fields);
  }
  void Info(std::string_view event, std::initializer_list<LogField> fields = {}) {
    Log(LogLevel::kInfo, event, fields);
  }
  void Warn(std::string_view event, std::initializer_list<LogField> fields = {}) {
    Log(LogLevel::kWarn, event, fields);
  }
  void Error(std::string_view event, std::initializer_list<LogField> fields = {}) {
    Log(LogLevel::kError, event, fields);
  }
  bool Enabled(LogLevel level) const { return level >= min_level_; }

 private:
  LogLevel min_level_;
  std::mutex write_mutex_;
};

}  // namespace privacy
