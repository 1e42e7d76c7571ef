#include "wire/codec.h"

#include <google/protobuf/util/json_util.h>

#include "wire/json_message_reader.h"
#include "wire/json_message_writer.h"
#include "wire/utf8.h"

namespace privacy::wire {

Encoding DetectEncoding(std::string_view content_type, std::string_view payload) {
  if (content_type.starts_with("application/json")) return Encoding::kJson;
  // Only the very first byte counts: blanks are valid Protobuf bytes (0x0A
  // is the tag of field 1), so skipping them would misread Protobuf whose
  // length byte happens to be '{'.
  return !payload.empty() && payload.front() == '{' ? Encoding::kJson : Encoding::kProtobuf;
}

Status Decode(Encoding encoding, std::string_view payload,
              google::protobuf::Message* message) {
  const std::string& type_name = message->GetDescriptor()->name();
  if (encoding == Encoding::kJson) {
    if (!IsValidUtf8(payload)) {
      return MakeError(ErrorCode::kBadRequest, "request is not valid UTF-8");
    }
    if (ReadJsonMessage(payload, message)) return Status::Ok();
    // Input outside what ReadJsonMessage decides: protobuf's parser accepts
    // or rejects it, as it always did.
    message->Clear();
    google::protobuf::util::JsonParseOptions options;
    options.ignore_unknown_fields = false;
    auto status = google::protobuf::util::JsonStringToMessage(
        google::protobuf::StringPiece(payload.data(), payload.size()), message, options);
    if (!status.ok()) {
      return MakeError(ErrorCode::kBadRequest,
                       "request is not a valid JSON " + type_name +
                           " (unknown field, wrong field type or malformed JSON)");
    }
    return Status::Ok();
  }
  if (!message->ParseFromArray(payload.data(), static_cast<int>(payload.size()))) {
    return MakeError(ErrorCode::kBadRequest,
                     "request is not a valid Protobuf " + type_name +
                         " (malformed bytes or invalid UTF-8 in a string field)");
  }
  return Status::Ok();
}

std::string Encode(Encoding encoding, const google::protobuf::Message& message) {
  if (encoding == Encoding::kJson) return EncodeJson(message, JsonDefaults::kPrint);
  std::string out;
  message.SerializeToString(&out);
  return out;
}

std::string EncodeJson(const google::protobuf::Message& message, JsonDefaults defaults) {
  std::string out;
  if (WriteJsonMessage(message, &out, defaults)) return out;
  // What WriteJsonMessage does not reproduce: protobuf's own printer.
  out.clear();
  google::protobuf::util::JsonPrintOptions options;
  options.preserve_proto_field_names = true;
  options.always_print_primitive_fields = defaults == JsonDefaults::kPrint;
  (void)google::protobuf::util::MessageToJsonString(message, &out, options);
  return out;
}

}  // namespace privacy::wire
