#include "nats/session_message.h"

#include <charconv>
#include <cstring>

namespace privacy::nats {

std::optional<SessionMessage> ReadSessionMessage(natsMsg* msg) {
  SessionMessage message;
  const char* operation = nullptr;
  if (natsMsgHeader_Get(msg, "KV-Operation", &operation) == NATS_OK &&
      (std::strcmp(operation, "DEL") == 0 || std::strcmp(operation, "PURGE") == 0)) {
    message.removed = true;
    return message;
  }
  const char* expires = nullptr;
  if (natsMsgHeader_Get(msg, kExpiresAtHeader, &expires) != NATS_OK) return std::nullopt;
  const char* end = expires + std::strlen(expires);
  auto [parsed_to, error] = std::from_chars(expires, end, message.expires_at_ms);
  if (error != std::errc() || parsed_to != end) return std::nullopt;
  message.bytes = {natsMsg_GetData(msg), static_cast<size_t>(natsMsg_GetDataLength(msg))};
  return message;
}

vault::SessionState StateOf(const SessionMessage& message) {
  return message.removed ? vault::SessionState::Removed()
                         : vault::SessionState::ExpiresAt(message.expires_at_ms);
}

}  // namespace privacy::nats
