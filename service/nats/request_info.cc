#include "nats/request_info.h"

#include <google/protobuf/struct.pb.h>
#include <google/protobuf/util/json_util.h>

namespace privacy::nats {

namespace {

Error MalformedRequestInfo() {
  return MakeError(ErrorCode::kBadRequest,
                   "Nats-Request-Info header is not a JSON object with a string acc");
}

}  // namespace

Result<std::string> RequesterAccount(std::optional<std::string_view> request_info) {
  if (!request_info) return std::string();
  google::protobuf::Struct info;
  if (!google::protobuf::util::JsonStringToMessage(
           google::protobuf::StringPiece(request_info->data(), request_info->size()), &info)
           .ok()) {
    return MalformedRequestInfo();
  }
  auto account = info.fields().find("acc");
  if (account == info.fields().end() || !account->second.has_string_value()) {
    return MalformedRequestInfo();
  }
  return account->second.string_value();
}

}  // namespace privacy::nats
