// Reading a JetStream publish acknowledgement (the JSON reply to a publish).
#pragma once

#include <cstdint>
#include <string_view>

#include "common/status.h"

namespace privacy::nats {

// JetStream's error code for a failed expected-last-sequence check.
inline constexpr int64_t kWrongLastSequence = 10071;

// The stream sequence of a successful acknowledgement; kConflict for a
// failed compare-and-set, kUnavailable for a 503 from the server, kInternal
// for other errors and for replies that are not acknowledgements.
Result<uint64_t> ParsePubAck(std::string_view reply);

}  // namespace privacy::nats
