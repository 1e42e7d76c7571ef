// The one request client of the tools and the tests: a request with its
// headers and its reply, requests in flight together, and a request that
// every listener answers (the way $SRV.PING finds all the workers). Each
// call waits on the calling thread: never call one from a nats.c callback.
// The worker itself does not use it.
#pragma once

#include <nats/nats.h>

#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/status.h"

namespace privacy::nats {

// Message headers as name and value pairs, in the order they are set.
using Headers = std::vector<std::pair<std::string, std::string>>;

// A new inbox subject, unique to this process.
Result<std::string> NewInbox();

// The headers of `msg`: every value of each, in order.
Headers HeadersOf(natsMsg* msg);

// A reply as it arrived, or the transport status when none did.
struct Reply {
  natsStatus status = NATS_OK;
  std::string data;
  Headers headers;

  bool ok() const { return status == NATS_OK; }
  // The first value of header `name` (compared case-insensitively), if any.
  std::optional<std::string> Header(std::string_view name) const;
  // The ADR-32 error an error reply carries in its Nats-Service-Error-Code
  // and Nats-Service-Error headers; nullopt for any other reply.
  std::optional<Error> ServiceError() const;
};

// Sends `payload` with `headers` on `subject` and waits up to `timeout` for
// the reply. Transport failures (timeout, no responders, a closed
// connection) are in Reply::status, never thrown.
Reply Request(natsConnection* conn, const std::string& subject, std::string_view payload,
              const Headers& headers, std::chrono::milliseconds timeout);

// Publishes every payload as a request on `subject` at once (all in flight
// together), flushes, calls `after_flush` (if set), then collects replies
// until `timeout`. Reply i answers payloads[i]; a missing one has status
// NATS_TIMEOUT. Fails when the requests could not be sent.
Result<std::vector<Reply>> RequestBatch(natsConnection* conn, const std::string& subject,
                                        const std::vector<std::string>& payloads,
                                        const Headers& headers, std::chrono::milliseconds timeout,
                                        const std::function<void()>& after_flush = {});

// Publishes an empty request on `subject` and collects the bodies of every
// reply that arrives within `window`.
Result<std::vector<std::string>> GatherReplies(natsConnection* conn, const std::string& subject,
                                               std::chrono::milliseconds window);

}  // namespace privacy::nats
