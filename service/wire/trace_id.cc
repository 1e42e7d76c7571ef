#include "wire/trace_id.h"

#include <algorithm>

namespace privacy::wire {

namespace {

bool IsLowerHex(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); }
bool IsHex(char c) { return IsLowerHex(c) || (c >= 'A' && c <= 'F'); }

// `field` is all lowercase hex digits, and not all zeros when `nonzero`.
bool IsHexField(std::string_view field, bool nonzero) {
  return std::all_of(field.begin(), field.end(), IsLowerHex) &&
         !(nonzero && field.find_first_not_of('0') == std::string_view::npos);
}

// The trace-id field of a W3C traceparent, or empty when it is not one.
std::string_view TraceparentTraceId(std::string_view value) {
  // version(2) - trace-id(32) - parent-id(16) - flags(2)
  if (value.size() != kMaxTraceHeaderLength || value[2] != '-' || value[35] != '-' ||
      value[52] != '-') {
    return {};
  }
  std::string_view version = value.substr(0, 2);
  std::string_view trace_id = value.substr(3, 32);
  if (!IsHexField(version, false) || version == "ff" || !IsHexField(trace_id, true) ||
      !IsHexField(value.substr(36, 16), true) || !IsHexField(value.substr(53, 2), false)) {
    return {};
  }
  return trace_id;
}

bool IsIdLike(std::string_view value) {
  return !value.empty() && value.size() <= kMaxTraceHeaderLength &&
         std::all_of(value.begin(), value.end(), [](char c) { return IsHex(c) || c == '-'; });
}

}  // namespace

std::string TraceIdOf(std::string_view traceparent, std::string_view msg_id) {
  if (std::string_view trace_id = TraceparentTraceId(traceparent); !trace_id.empty()) {
    return std::string(trace_id);
  }
  if (IsIdLike(msg_id)) return std::string(msg_id);
  return {};
}

}  // namespace privacy::wire
