// Reading a JetStream stream's settings and state (a KV bucket is the
// stream KV_<bucket>), and warning about settings that differ from the
// configured ones.
#pragma once

#include <nats/nats.h>

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>

#include "common/logger.h"
#include "common/status.h"
#include "common/stream_settings.h"

namespace privacy::nats {

// A stream as the server reports it.
struct StreamReport {
  StreamSettings settings;
  uint64_t messages = 0;
  uint64_t bytes = 0;
  // Cluster leader, empty on a single server.
  std::string leader;
};

// The settings of a stream configuration.
StreamSettings SettingsOf(const jsStreamConfig& config);

// Looks up stream `stream`, waiting up to `timeout_ms`; 404 when it does
// not exist, 503 when JetStream does not answer.
Result<StreamReport> InspectStream(jsCtx* js, const std::string& stream, int64_t timeout_ms);

// Logs one warning `event` per setting of `actual` that differs from
// `configured`, naming the stream (under `name_key`), the setting and both
// values. The service uses such a stream as it is.
void WarnOnSettingDifferences(Logger* logger, std::string_view event, std::string_view name_key,
                              const std::string& name, const StreamSettings& configured,
                              const StreamSettings& actual);

// A stream the service creates when it is missing: its name, the one
// subject filter it takes, and how it keeps messages.
struct StreamSpec {
  std::string name;
  std::string subjects;
  std::string description;
  jsRetentionPolicy retention = js_LimitsPolicy;
  StreamSettings settings;  // replicas, max age and storage
  std::chrono::nanoseconds duplicate_window{0};
  // Log events are `<event_prefix>_bound`, `_settings_differ` and
  // `_created`; errors say "looking up <what>" and "creating <what>".
  std::string event_prefix;
  std::string what;
};

// Binds to stream `spec.name`, warning about settings that differ from
// `spec.settings`, or creates it when the server has none.
Status EnsureStream(jsCtx* js, const StreamSpec& spec, Logger* logger);

}  // namespace privacy::nats
