// Reads the HTTP monitoring endpoints of a test nats-server.
#pragma once

#include <cstdint>
#include <map>
#include <string>

namespace privacy::testing {

// GET http://127.0.0.1:`port``path` and return the body; throws on failure.
std::string MonitorGet(uint16_t port, const std::string& path);

// For each client connection (cid) with queue subscriptions matching the
// literal `subject` (wildcards included), the number of messages delivered
// to them, from /subsz?test=SUBJECT. Its size is the number of subscribed
// workers (the subscriptions of account imports are not counted).
std::map<int, uint64_t> SubscriberDeliveries(uint16_t monitor_port, const std::string& subject);

}  // namespace privacy::testing
