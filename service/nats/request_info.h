// The Nats-Request-Info header that nats-server adds to requests crossing an
// account service import: who the requester is.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "common/status.h"

namespace privacy::nats {

inline constexpr char kRequestInfoHeader[] = "Nats-Request-Info";

// The requester's account (`acc`) named by a Nats-Request-Info header
// value; empty when the header is absent (a request from the service's own
// account). A header that is present but is no JSON object with a string
// `acc` is refused with 400: it must not pass for the service's own account.
Result<std::string> RequesterAccount(std::optional<std::string_view> request_info);

}  // namespace privacy::nats
