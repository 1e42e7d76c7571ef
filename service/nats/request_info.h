// The Nats-Request-Info header that nats-server adds to requests crossing an
// account service import: who the requester is.
#pragma once

#include <string>
#include <string_view>

namespace privacy::nats {

inline constexpr char kRequestInfoHeader[] = "Nats-Request-Info";

// The requester's account (`acc`) named by a Nats-Request-Info header
// value; empty when the header is absent (a request from the service's own
// account) or names no account.
std::string RequesterAccount(std::string_view request_info);

}  // namespace privacy::nats
