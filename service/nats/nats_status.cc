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
  return MakeError(code, std::string(operation) + " failed: " + natsStatus_GetText(status));
}

}  // namespace privacy::nats
