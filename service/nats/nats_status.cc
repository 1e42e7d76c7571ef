#include "nats/nats_status.h"

#include <string>

namespace privacy::nats {

Error FromNatsStatus(natsStatus status, std::string_view operation) {
  ErrorCode code = ErrorCode::kInternal;
  switch (status) {
    case NATS_TIMEOUT:
    case NATS_CONNECTION_CLOSED:
    case NATS_CONNECTION_DISCONNECTED:
    case NATS_NO_SERVER:
    case NATS_NO_RESPONDERS:
    case NATS_STALE_CONNECTION:
    case NATS_DRAINING:
      code = ErrorCode::kUnavailable;
      break;
    default:
      break;
  }
  std::string message = std::string(operation) + " failed: " + natsStatus_GetText(status);
  // nats.c keeps a per-thread detail text (e.g. the JetStream API error).
  if (const char* detail = nats_GetLastError(nullptr); detail != nullptr && *detail != '\0') {
    message += std::string(" (") + detail + ")";
  }
  return MakeError(code, std::move(message));
}

}  // namespace privacy::nats
