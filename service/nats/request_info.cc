#include "nats/request_info.h"

#include <google/protobuf/struct.pb.h>
#include <google/protobuf/util/json_util.h>

namespace privacy::nats {

std::string RequesterAccount(std::string_view request_info) {
  if (request_info.empty()) return {};
  google::protobuf::Struct info;
  google::protobuf::util::JsonParseOptions options;
  options.ignore_unknown_fields = true;
  if (!google::protobuf::util::JsonStringToMessage(
           google::protobuf::StringPiece(request_info.data(), request_info.size()), &info,
           options)
           .ok()) {
    return {};
  }
  auto account = info.fields().find("acc");
  if (account == info.fields().end() || !account->second.has_string_value()) return {};
  return account->second.string_value();
}

}  // namespace privacy::nats
