// Decoding requests and encoding replies in either wire encoding: binary
// Protobuf or the Protobuf JSON mapping (proto field names).
#pragma once

#include <google/protobuf/message.h>

#include <string>
#include <string_view>

#include "common/status.h"
#include "wire/json_message_writer.h"

namespace privacy::wire {

enum class Encoding { kProtobuf, kJson };

// JSON when the Content-Type header says application/json or the payload's
// first byte is '{'; Protobuf otherwise.
Encoding DetectEncoding(std::string_view content_type, std::string_view payload);

// Parses `payload` into `message`. Fails with 400 and a message naming the
// request type, never echoing the payload. JSON is accepted or rejected
// exactly as google::protobuf::util::JsonStringToMessage does (unknown
// fields rejected); ReadJsonMessage decides the common input, protobuf the
// rest.
Status Decode(Encoding encoding, std::string_view payload,
              google::protobuf::Message* message);

// Serializes `message`; JSON output always prints fields with default values
// and is the text of google::protobuf::util::MessageToJsonString with proto
// field names (see WriteJsonMessage).
std::string Encode(Encoding encoding, const google::protobuf::Message& message);

// The JSON text of `message` (proto field names), printing or leaving out
// fields at their default value.
std::string EncodeJson(const google::protobuf::Message& message, JsonDefaults defaults);

}  // namespace privacy::wire
