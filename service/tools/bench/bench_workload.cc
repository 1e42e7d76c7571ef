#include "tools/bench/bench_workload.h"

#include <algorithm>

#include "nats/nats_status.h"
#include "nats/request_client.h"
#include "privacy/v1/privacy.pb.h"
#include "wire/subjects.h"

namespace privacy::tools {

namespace {

nats::Headers HeadersFor(wire::Encoding encoding) {
  if (encoding == wire::Encoding::kJson) return {{"Content-Type", "application/json"}};
  return {};
}

// Sends one request and decodes its successful reply into `reply`.
Status Call(natsConnection* conn, const std::string& subject,
            const google::protobuf::Message& request, const WorkloadSettings& settings,
            google::protobuf::Message* reply) {
  nats::Reply answer =
      nats::Request(conn, subject, wire::Encode(settings.encoding, request),
                    HeadersFor(settings.encoding), settings.request_timeout);
  if (!answer.ok()) return nats::FromNatsStatus(answer.status, subject);
  if (auto error = answer.Header("Nats-Service-Error")) {
    return MakeError(ErrorCode::kInternal, subject + " answered: " + *error);
  }
  return wire::Decode(settings.encoding, answer.data, reply);
}

}  // namespace

bool Selected(const WorkloadSettings& settings, std::string_view phase) {
  return std::find(settings.phases.begin(), settings.phases.end(), phase) != settings.phases.end();
}

Result<std::vector<PhaseRequest>> PrepareWorkload(natsConnection* conn,
                                                  const WorkloadSettings& settings) {
  v1::MaskRequest mask;
  mask.set_text(settings.text);
  v1::MaskReply masked;
  if (Selected(settings, "resolve") || Selected(settings, "demask")) {
    if (auto status = Call(conn, std::string(wire::kMaskEndpoint.subject), mask, settings, &masked); !status) {
      return MakeError(status.error().code, "setup mask: " + status.error().message);
    }
    if (masked.entities_size() == 0) {
      return MakeError(ErrorCode::kBadRequest,
                       "setup mask: the text holds no personal data to resolve or demask");
    }
  }
  v1::ResolveRequest resolve;
  resolve.set_session_id(masked.session_id());
  for (const auto& entity : masked.entities()) resolve.add_tokens(entity.token());
  v1::DemaskRequest demask;
  demask.set_session_id(masked.session_id());
  demask.set_masked_text(masked.masked_text());

  const nats::Headers headers = HeadersFor(settings.encoding);
  std::vector<PhaseRequest> requests;
  for (std::string_view phase : kBenchPhases) {
    if (!Selected(settings, phase)) continue;
    if (phase == "echo") {
      requests.push_back({"echo", settings.echo_subject, wire::Encode(settings.encoding, mask),
                          headers});
    } else if (phase == "stored-echo") {
      requests.push_back({"stored-echo", settings.stored_echo_subject,
                          wire::Encode(settings.encoding, mask), headers});
    } else if (phase == "mask") {
      requests.push_back({"mask", std::string(wire::kMaskEndpoint.subject), wire::Encode(settings.encoding, mask), headers});
    } else if (phase == "resolve") {
      requests.push_back(
          {"resolve", std::string(wire::kResolveEndpoint.subject), wire::Encode(settings.encoding, resolve), headers});
    } else {
      requests.push_back(
          {"demask", std::string(wire::kDemaskEndpoint.subject), wire::Encode(settings.encoding, demask), headers});
    }
  }
  return requests;
}

}  // namespace privacy::tools
