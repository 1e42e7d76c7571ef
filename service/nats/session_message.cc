#include "nats/session_message.h"

#include <charconv>
#include <cstring>

namespace privacy::nats {

namespace {

// The whole of `text` as a number; nullopt otherwise.
std::optional<int64_t> ParseMs(const char* text) {
  int64_t value = 0;
  const char* end = text + std::strlen(text);
  auto [parsed_to, error] = std::from_chars(text, end, value);
  if (error != std::errc() || parsed_to != end) return std::nullopt;
  return value;
}

}  // namespace

std::optional<SessionMessage> ReadSessionMessage(natsMsg* msg) {
  SessionMessage message;
  const char* previous = nullptr;
  if (natsMsgHeader_Get(msg, kPreviousExpiresAtHeader, &previous) == NATS_OK) {
    message.previous_expires_at_ms = ParseMs(previous).value_or(0);
  }
  const char* operation = nullptr;
  if (natsMsgHeader_Get(msg, "KV-Operation", &operation) == NATS_OK &&
      (std::strcmp(operation, "DEL") == 0 || std::strcmp(operation, "PURGE") == 0)) {
    message.removed = true;
    return message;
  }
  const char* expires = nullptr;
  if (natsMsgHeader_Get(msg, kExpiresAtHeader, &expires) != NATS_OK) return std::nullopt;
  auto expires_at = ParseMs(expires);
  if (!expires_at) return std::nullopt;
  message.expires_at_ms = *expires_at;
  message.bytes = {natsMsg_GetData(msg), static_cast<size_t>(natsMsg_GetDataLength(msg))};
  return message;
}

vault::SessionState StateOf(const SessionMessage& message) {
  return message.removed
             ? vault::SessionState::Removed(message.previous_expires_at_ms)
             : vault::SessionState::ExpiresAt(message.expires_at_ms, message.previous_expires_at_ms);
}

}  // namespace privacy::nats
