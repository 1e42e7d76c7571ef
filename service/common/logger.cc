#include "common/logger.h"

#include <chrono>
#include <cstdio>

#include "common/json_text.h"

namespace privacy {

namespace {

const char* LevelName(LogLevel level) {
  switch (level) {
    case LogLevel::kDebug: return "debug";
    case LogLevel::kInfo: return "info";
    case LogLevel::kWarn: return "warn";
    case LogLevel::kError: return "error";
  }
  return "info";
}

}  // namespace

bool ParseLogLevel(std::string_view name, LogLevel* level) {
  for (LogLevel l : {LogLevel::kDebug, LogLevel::kInfo, LogLevel::kWarn, LogLevel::kError}) {
    if (name == LevelName(l)) {
      *level = l;
      return true;
    }
  }
  return false;
}

void Logger::LogFields(LogLevel level, std::string_view event, std::span<const LogField> fields) {
  if (!Enabled(level)) return;
  auto now_ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                    std::chrono::system_clock::now().time_since_epoch())
                    .count();
  std::string line = "{\"ts\":" + std::to_string(now_ms) + ",\"level\":\"" + LevelName(level) +
                     "\",\"event\":";
  AppendJsonString(&line, event);
  for (const auto& field : fields) {
    line.push_back(',');
    AppendJsonString(&line, field.key);
    line.push_back(':');
    if (field.quoted) {
      AppendJsonString(&line, field.value);
    } else {
      line.append(field.value);
    }
  }
  line.append("}\n");
  std::lock_guard lock(write_mutex_);
  std::fwrite(line.data(), 1, line.size(), stderr);
  std::fflush(stderr);
}

}  // namespace privacy
