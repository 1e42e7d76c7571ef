// The caller's trace id of a request, from its W3C Trace Context
// `traceparent` header or else its `Nats-Msg-Id`, checked so that nothing
// but an id (never caller text that could hold personal data) is passed on.
#pragma once

#include <string>
#include <string_view>

namespace privacy::wire {

inline constexpr const char* kTraceparentHeader = "traceparent";
inline constexpr const char* kMsgIdHeader = "Nats-Msg-Id";

// The longest header value looked at; longer ones are ignored.
inline constexpr size_t kMaxTraceHeaderLength = 55;

// The trace id of a request with headers `traceparent` and `msg_id` (empty
// when absent): the 32 hex digits of the trace-id field of a well-formed
// `traceparent` (version-traceid-parentid-flags, lowercase hex, 55
// characters, no all-zero ids); else `msg_id` when it is 1 to 55 hex digits
// and dashes (a UUID, a hex id); else empty. Never invents one. Thread-safe.
std::string TraceIdOf(std::string_view traceparent, std::string_view msg_id);

}  // namespace privacy::wire
