// The settings of a JetStream stream (a KV bucket is one) that the service
// applies when it creates the stream, and how an existing stream differs.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <vector>

namespace privacy {

// What the service configures on the streams it creates.
struct StreamSettings {
  int replicas = 1;
  std::chrono::seconds max_age{0};  // 0: unlimited
  bool memory_storage = false;
  // Values kept per subject (KV history); unset where it does not apply.
  std::optional<int64_t> history;
};

// One setting that differs, with both values as text (e.g. "file").
struct SettingDifference {
  std::string setting;  // "replicas", "max_age_s", "storage" or "history"
  std::string configured;
  std::string actual;
};

// Every setting of `configured` that `actual` does not match; `history`
// only when `configured` has one.
std::vector<SettingDifference> DiffStreamSettings(const StreamSettings& configured,
                                                  const StreamSettings& actual);

}  // namespace privacy
