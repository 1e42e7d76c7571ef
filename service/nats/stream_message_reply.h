// Reading the JSON reply to a JetStream message get
// ($JS.API.STREAM.MSG.GET.<stream>) back into the message it carries.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "common/status.h"
#include "nats/handles.h"

namespace privacy::nats {

// A stored message as a message get returns it.
struct StreamMessage {
  MsgPtr msg;  // its headers and data; subject as asked for
  uint64_t sequence = 0;
};

// The request body of a message get of the last message on `subject`.
std::string LastBySubjectRequest(std::string_view subject);

// The message in `reply`, rebuilt on `subject`: kNotFound when the stream
// holds none, kUnavailable for a 503 from the server, kInternal for other
// errors and for replies that are not a message get's.
Result<StreamMessage> ParseStreamMessageReply(std::string_view reply, const std::string& subject);

}  // namespace privacy::nats
