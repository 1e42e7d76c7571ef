// Mapping of nats.c statuses to the service's error codes.
#pragma once

#include <nats/nats.h>

#include <string_view>

#include "common/status.h"

namespace privacy::nats {

// 503 for statuses that mean NATS or JetStream is unreachable right now
// (timeouts, disconnections, no responders), 500 for the rest. The message
// names `operation` and the nats.c status text.
Error FromNatsStatus(natsStatus status, std::string_view operation);

}  // namespace privacy::nats
