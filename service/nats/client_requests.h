// Requests over a plain connection as a command-line client makes them: one
// request with one reply, and one request answered by every listener (the
// way $SRV.PING finds all the workers).
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "common/status.h"
#include "nats/handles.h"

namespace privacy::nats {

// A reply's payload, or its error when it is an ADR-32 error reply.
struct TextReply {
  std::string body;
  std::optional<Error> error;
};

// Sends `body` on `subject` and waits up to `timeout` for the reply; 503
// when none came (timeout or no responders).
Result<TextReply> RequestText(natsConnection* conn, const std::string& subject,
                              const std::string& body, std::chrono::milliseconds timeout);

// Publishes an empty request on `subject` and collects the bodies of every
// reply that arrives within `window`.
Result<std::vector<std::string>> GatherReplies(natsConnection* conn, const std::string& subject,
                                               std::chrono::milliseconds window);

}  // namespace privacy::nats
