#include "wire/required_json_field.h"

#include <google/protobuf/descriptor.h>
#include <google/protobuf/struct.pb.h>
#include <google/protobuf/util/json_util.h>

#include <string>

namespace privacy::wire {

Status CheckRequiredJsonField(std::string_view json, const google::protobuf::Message& decoded,
                              const char* field) {
  const google::protobuf::FieldDescriptor* descriptor =
      decoded.GetDescriptor()->FindFieldByName(field);
  if (descriptor != nullptr &&
      !decoded.GetReflection()->GetStringReference(decoded, descriptor, nullptr).empty()) {
    return Status::Ok();
  }
  google::protobuf::Struct keys;
  bool named = google::protobuf::util::JsonStringToMessage(
                   google::protobuf::StringPiece(json.data(), json.size()), &keys)
                   .ok();
  if (named) {
    auto value = keys.fields().find(field);
    named = value != keys.fields().end() && !value->second.has_null_value();
  }
  if (named) return Status::Ok();
  return MakeError(ErrorCode::kBadRequest, std::string("request has no field ") + field);
}

}  // namespace privacy::wire
