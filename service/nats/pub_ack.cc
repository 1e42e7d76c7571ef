#include "nats/pub_ack.h"

#include <charconv>
#include <optional>
#include <string>

namespace privacy::nats {

namespace {

// The integer after `"name":` (optional spaces), if present.
std::optional<int64_t> NumberField(std::string_view json, std::string_view name) {
  std::string quoted = "\"" + std::string(name) + "\"";
  size_t at = json.find(quoted);
  if (at == std::string_view::npos) return std::nullopt;
  at += quoted.size();
  while (at < json.size() && (json[at] == ' ' || json[at] == ':')) ++at;
  int64_t value = 0;
  auto [end, error] = std::from_chars(json.data() + at, json.data() + json.size(), value);
  if (error != std::errc()) return std::nullopt;
  return value;
}

}  // namespace

Result<uint64_t> ParsePubAck(std::string_view reply) {
  if (reply.find("\"error\"") != std::string_view::npos) {
    if (NumberField(reply, "err_code") == kWrongLastSequence) {
      return MakeError(ErrorCode::kConflict, "session changed concurrently");
    }
    if (NumberField(reply, "code") == 503) {
      return MakeError(ErrorCode::kUnavailable, "JetStream unavailable");
    }
    return MakeError(ErrorCode::kInternal,
                     "JetStream refused the write (code " +
                         std::to_string(NumberField(reply, "err_code").value_or(0)) + ")");
  }
  auto sequence = NumberField(reply, "seq");
  if (!sequence || *sequence <= 0 || reply.find("\"stream\"") == std::string_view::npos) {
    return MakeError(ErrorCode::kInternal, "unexpected reply to a JetStream publish");
  }
  return static_cast<uint64_t>(*sequence);
}

}  // namespace privacy::nats
