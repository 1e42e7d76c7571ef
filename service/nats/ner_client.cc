#include "nats/ner_client.h"

#include <algorithm>
#include <chrono>

#include "nats/nats_status.h"
#include "nats/request_server.h"
#include "privacy/v1/ner.pb.h"
#include "wire/codec.h"

namespace privacy::nats {

namespace {

// nats.c's wait for `deadline`, in whole milliseconds rounded up, plus one
// for its millisecond clock: a timeout then means the deadline has passed.
int64_t WaitMs(detect::ExternalRecognizer::Clock::time_point deadline) {
  auto left = deadline - detect::ExternalRecognizer::Clock::now();
  return std::max<int64_t>(std::chrono::ceil<std::chrono::milliseconds>(left).count(), 0) + 1;
}

}  // namespace

NatsNerClient::NatsNerClient(natsConnection* conn, std::string subject)
    : conn_(conn), subject_(std::move(subject)) {}

Result<std::vector<detect::Finding>> NatsNerClient::Find(std::string_view text,
                                                         std::span<const std::string> types,
                                                         Clock::time_point deadline) const {
  v1::NerRequest request;
  request.set_text(std::string(text));
  for (const std::string& type : types) request.add_entity_types(type);
  const std::string payload = request.SerializeAsString();

  natsMsg* raw_reply = nullptr;
  natsStatus s = natsConnection_Request(&raw_reply, conn_, subject_.c_str(), payload.data(),
                                        static_cast<int>(payload.size()), WaitMs(deadline));
  MsgPtr reply(raw_reply);
  if (s != NATS_OK) return FromNatsStatus(s, "NER request");

  // IncomingRequest reads the headers and payload of any received message.
  const IncomingRequest received(reply.get());
  if (std::string_view code = received.Header("Nats-Service-Error-Code"); !code.empty()) {
    // The responder's error text may quote the text, so only its code is kept.
    return MakeError(ErrorCode::kInternal, "NER responder answered error " + std::string(code));
  }
  std::string_view body = received.payload();
  wire::Encoding encoding = wire::DetectEncoding(received.Header("Content-Type"), body);
  v1::NerReply decoded;
  if (!wire::Decode(encoding, body, &decoded)) {
    return MakeError(ErrorCode::kInternal,
                     std::string("NER reply is not a valid ") +
                         (encoding == wire::Encoding::kJson ? "JSON" : "Protobuf") + " NerReply");
  }
  std::vector<detect::Finding> findings;
  findings.reserve(static_cast<size_t>(decoded.entities_size()));
  for (const v1::NerEntity& e : decoded.entities()) {
    findings.push_back({e.type(), e.start(), e.end(), e.score()});
  }
  return findings;
}

}  // namespace privacy::nats
