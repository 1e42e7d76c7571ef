// Loopback TCP port helpers for starting private servers.
#pragma once

#include <netinet/in.h>

#include <chrono>
#include <cstdint>
#include <functional>

namespace privacy::testing {

// The address 127.0.0.1:`port`.
sockaddr_in Loopback(uint16_t port);

// Returns a loopback port that was free a moment ago (bind to port 0, read the
// port, close). Callers must retry on collision.
uint16_t PickFreeLoopbackPort();

// Polls until 127.0.0.1:`port` accepts a TCP connection. Returns false on
// timeout or as soon as `keep_waiting` (if set) returns false.
bool WaitForLoopbackPort(uint16_t port, std::chrono::milliseconds timeout,
                         const std::function<bool()>& keep_waiting = {});

}  // namespace privacy::testing
