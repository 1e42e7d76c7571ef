// The external named-entity recognizer reached over NATS: a GLiNER, spaCy or
// other model worker answering NerRequest on a subject (proto/privacy/v1/
// ner.proto).
#pragma once

#include <string>

#include "detect/external/external_recognizer.h"
#include "nats/handles.h"

namespace privacy::nats {

// Sends one NerRequest (binary Protobuf) per call on `subject` over the
// worker's connection and reads the NerReply in either wire encoding. An
// absent responder fails at once (NATS "no responders"). Safe for
// concurrent use; the connection must outlive it.
class NatsNerClient : public detect::ExternalRecognizer {
 public:
  NatsNerClient(natsConnection* conn, std::string subject);

  Result<std::vector<detect::Finding>> Find(std::string_view text,
                                            std::span<const std::string> types,
                                            Clock::time_point deadline) const override;

 private:
  natsConnection* conn_;
  std::string subject_;
};

}  // namespace privacy::nats
