// Who sent a request, as far as the service can trust it.
#pragma once

#include <string>

namespace privacy::endpoints {

// The requester's NATS account, taken from the server-set Nats-Request-Info
// header of requests that cross an account import; empty for requests from
// the service's own account. Sessions belong to the account that created
// them. The trace id (wire::TraceIdOf, empty when none) goes into the
// request's log lines.
struct Caller {
  std::string account;
  std::string trace_id;
};

}  // namespace privacy::endpoints
