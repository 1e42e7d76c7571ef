#include "support/privacy_wire.h"

#include <google/protobuf/util/json_util.h>

#include <charconv>

namespace privacy::testing {

std::string EncodingName(Encoding e) {
  switch (e) {
    case Encoding::kProtobuf:
      return "protobuf";
    case Encoding::kJson:
      return "json";
    case Encoding::kJsonNoHeader:
      return "json-without-header";
  }
  return "?";
}

std::string Encode(const google::protobuf::Message& request, Encoding e) {
  if (e == Encoding::kProtobuf) {
    std::string out;
    if (!request.SerializeToString(&out)) throw std::runtime_error("SerializeToString failed");
    return out;
  }
  google::protobuf::util::JsonPrintOptions opts;
  opts.preserve_proto_field_names = true;
  std::string out;
  auto st = google::protobuf::util::MessageToJsonString(request, &out, opts);
  if (!st.ok()) throw std::runtime_error("MessageToJsonString: " + std::string(st.message()));
  return out;
}

Headers HeadersFor(Encoding e) {
  if (e == Encoding::kJson) return {{"Content-Type", "application/json"}};
  return {};
}

std::string Decode(std::string_view data, Encoding e, google::protobuf::Message* out) {
  out->Clear();
  if (e == Encoding::kProtobuf) {
    if (!out->ParseFromArray(data.data(), static_cast<int>(data.size()))) {
      return "not a valid Protobuf " + out->GetTypeName();
    }
    return "";
  }
  size_t first = data.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos || data[first] != '{') return "reply is not a JSON object";
  google::protobuf::util::JsonParseOptions opts;
  opts.ignore_unknown_fields = false;
  auto st = google::protobuf::util::JsonStringToMessage(std::string(data), out, opts);
  if (!st.ok()) return "not a valid JSON " + out->GetTypeName() + ": " + std::string(st.message());
  return "";
}

Reply Send(NatsClient& client, const std::string& subject, const google::protobuf::Message& request,
           Encoding e, std::chrono::milliseconds timeout) {
  return client.Request(subject, Encode(request, e), HeadersFor(e), timeout);
}

ServiceError ReadError(const Reply& reply, Encoding body_encoding) {
  if (!reply.ok()) throw CallFailed("no reply: " + reply.Describe());
  ServiceError err;
  err.raw = reply.Describe();
  if (auto code = reply.Header("Nats-Service-Error-Code")) {
    int value = 0;
    auto [ptr, ec] = std::from_chars(code->data(), code->data() + code->size(), value);
    err.header_code = (ec == std::errc() && ptr == code->data() + code->size()) ? value : -1;
  }
  err.header_text = reply.Header("Nats-Service-Error").value_or("");
  err.body_error = Decode(reply.data, body_encoding, &err.body);
  err.body_decoded = err.body_error.empty();
  return err;
}

v1::MaskRequest MaskReq(std::string text, std::string session_id) {
  v1::MaskRequest r;
  r.set_text(std::move(text));
  r.set_session_id(std::move(session_id));
  return r;
}

v1::DetectRequest DetectReq(std::string text) {
  v1::DetectRequest r;
  r.set_text(std::move(text));
  return r;
}

v1::ResolveRequest ResolveReq(std::string session_id, std::initializer_list<std::string> tokens) {
  v1::ResolveRequest r;
  r.set_session_id(std::move(session_id));
  for (const auto& t : tokens) r.add_tokens(t);
  return r;
}

v1::DemaskRequest DemaskReq(std::string session_id, std::string masked_text) {
  v1::DemaskRequest r;
  r.set_session_id(std::move(session_id));
  r.set_masked_text(std::move(masked_text));
  return r;
}

v1::DeleteRequest DeleteReq(std::string session_id) {
  v1::DeleteRequest r;
  r.set_session_id(std::move(session_id));
  return r;
}

}  // namespace privacy::testing
