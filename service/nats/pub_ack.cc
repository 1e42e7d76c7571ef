#include "nats/pub_ack.h"

#include "nats/jetstream_json.h"

namespace privacy::nats {

Result<uint64_t> ParsePubAck(std::string_view reply) {
  if (reply.find("\"error\"") != std::string_view::npos) {
    if (JsonNumberField(reply, "err_code") == kWrongLastSequence) {
      return MakeError(ErrorCode::kConflict, "session changed concurrently");
    }
    if (JsonNumberField(reply, "code") == 503) {
      return MakeError(ErrorCode::kUnavailable, "JetStream unavailable");
    }
    return MakeError(ErrorCode::kInternal,
                     "JetStream refused the write (code " +
                         std::to_string(JsonNumberField(reply, "err_code").value_or(0)) + ")");
  }
  auto sequence = JsonNumberField(reply, "seq");
  if (!sequence || *sequence <= 0 || reply.find("\"stream\"") == std::string_view::npos) {
    return MakeError(ErrorCode::kInternal, "unexpected reply to a JetStream publish");
  }
  return static_cast<uint64_t>(*sequence);
}

}  // namespace privacy::nats
