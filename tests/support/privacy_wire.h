// Encoding, sending and decoding privacy.* requests in Protobuf or JSON.
#pragma once

#include <google/protobuf/message.h>

#include <chrono>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>

#include "privacy/v1/privacy.pb.h"
#include "support/nats_client.h"

namespace privacy::testing {

// How a request is encoded (the reply is expected in the same encoding).
enum class Encoding {
  kProtobuf,      // serialized Protobuf
  kJson,          // Protobuf-JSON with header Content-Type: application/json
  kJsonNoHeader,  // Protobuf-JSON recognised by its leading '{' only
};

std::string EncodingName(Encoding e);

// The request bytes and headers of `request` in encoding `e` (JSON uses proto
// field names).
std::string Encode(const google::protobuf::Message& request, Encoding e);
Headers HeadersFor(Encoding e);

// Parses `data` as message `out` in encoding `e` (JSON: strict, unknown fields
// rejected). Returns an empty string on success, else the reason.
std::string Decode(std::string_view data, Encoding e, google::protobuf::Message* out);

// Thrown when a call that should succeed does not (transport error, error
// reply or undecodable reply); what() describes the reply.
class CallFailed : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Sends `request` to `subject` in encoding `e` and returns the raw reply.
Reply Send(NatsClient& client, const std::string& subject, const google::protobuf::Message& request,
           Encoding e = Encoding::kProtobuf,
           std::chrono::milliseconds timeout = NatsClient::kDefaultTimeout);

// Sends `request` and decodes a successful reply of type Resp; throws
// CallFailed otherwise. For JSON, also checks the reply is a JSON object.
template <class Resp>
Resp Call(NatsClient& client, const std::string& subject, const google::protobuf::Message& request,
          Encoding e = Encoding::kProtobuf,
          std::chrono::milliseconds timeout = NatsClient::kDefaultTimeout) {
  Reply reply = Send(client, subject, request, e, timeout);
  Resp out;
  if (!reply.ok() || reply.Header("Nats-Service-Error-Code")) {
    throw CallFailed(subject + " (" + EncodingName(e) + ") failed: " + reply.Describe());
  }
  if (std::string err = Decode(reply.data, e, &out); !err.empty()) {
    throw CallFailed(subject + " (" + EncodingName(e) + "): undecodable reply (" + err +
                     "): " + reply.Describe());
  }
  return out;
}

// An error reply as seen on the wire: headers and decoded ErrorReply body.
struct ServiceError {
  int header_code = 0;        // Nats-Service-Error-Code, 0 if absent
  std::string header_text;    // Nats-Service-Error
  bool body_decoded = false;  // body parsed as ErrorReply in the expected encoding
  std::string body_error;     // why not, when it did not
  v1::ErrorReply body;
  std::string raw;            // the reply, described (for messages)
};

// Reads the error of `reply`, decoding its body in `body_encoding`. Throws
// CallFailed if there was no reply at all.
ServiceError ReadError(const Reply& reply, Encoding body_encoding);

// Request builders.
v1::MaskRequest MaskReq(std::string text, std::string session_id = "");
v1::DetectRequest DetectReq(std::string text);
v1::ResolveRequest ResolveReq(std::string session_id, std::initializer_list<std::string> tokens);
v1::DemaskRequest DemaskReq(std::string session_id, std::string masked_text);
v1::DeleteRequest DeleteReq(std::string session_id);

// KV key of a session created by the service's own account (tenants'
// sessions live under a hash of their account name instead of "own").
inline std::string OwnSessionKey(const std::string& session_id) { return "own." + session_id; }

// Subjects.
inline const std::string kMask = "privacy.mask";
inline const std::string kDetect = "privacy.detect";
inline const std::string kResolve = "privacy.resolve";
inline const std::string kDemask = "privacy.demask";
inline const std::string kDelete = "privacy.delete";

}  // namespace privacy::testing
