#include "worker/privacy_service.h"

#include <chrono>
#include <vector>

#include "common/clocks.h"
#include "endpoints/outcome_audit.h"
#include "nats/request_info.h"
#include "wire/codec.h"
#include "wire/required_json_field.h"
#include "wire/subjects.h"
#include "wire/trace_id.h"

namespace privacy::worker {

PrivacyService::PrivacyService(std::shared_ptr<const endpoints::PrivacyEndpoints> endpoints,
                               nats::AuditLog* audit, Logger* logger, std::string worker_id)
    : endpoints_(std::move(endpoints)),
      audit_(audit),
      logger_(logger),
      worker_id_(std::move(worker_id)) {}

namespace {

// The string field a JSON request must name even when it is empty (in
// Protobuf an empty string and no field are the same bytes); null when none.
template <typename Request>
constexpr const char* kRequiredJsonField = nullptr;
template <>
constexpr const char* kRequiredJsonField<v1::MaskRequest> = "text";
template <>
constexpr const char* kRequiredJsonField<v1::DetectRequest> = "text";

// The session a request names; empty for those that name none.
template <typename Request>
std::string_view SessionIdOf(const Request& request) {
  if constexpr (requires { request.session_id(); }) {
    return request.session_id();
  } else {
    return {};
  }
}

// The bytes of the reply sent for an endpoint's outcome, in `encoding`.
template <typename Reply>
std::string EncodedReply(wire::Encoding encoding, const Reply& reply) {
  return wire::Encode(encoding, reply);
}
std::string EncodedReply(wire::Encoding encoding, const endpoints::ResolveAnswer& answer) {
  return answer.Encode(encoding);
}
template <typename Reply>
std::string EncodedReply(wire::Encoding encoding, const endpoints::Restored<Reply>& restored) {
  return EncodedReply(encoding, restored.reply);
}

// An ErrorReply carrying `error`, in `encoding`.
std::string EncodedErrorReply(wire::Encoding encoding, const Error& error) {
  v1::ErrorReply body;
  body.set_code(static_cast<unsigned>(error.code));
  body.set_message(error.message);
  return wire::Encode(encoding, body);
}

}  // namespace

std::string PrivacyService::ErrorBody(const nats::IncomingRequest& request, const Error& error) {
  return EncodedErrorReply(
      wire::DetectEncoding(request.Header("Content-Type"), request.payload()), error);
}

template <typename Request, typename Outcome, typename Call>
void PrivacyService::Handle(const nats::IncomingRequest& in, nats::Responder responder,
                            const char* kind, bool audited, Call call) {
  auto started = std::chrono::steady_clock::now();
  std::string request_id = std::to_string(next_request_++);
  wire::Encoding encoding = wire::DetectEncoding(in.Header("Content-Type"), in.payload());
  auto account = nats::RequesterAccount(in.FindHeader(nats::kRequestInfoHeader));
  endpoints::Caller caller{
      account ? *account : std::string(),
      wire::TraceIdOf(in.Header(wire::kTraceparentHeader), in.Header(wire::kMsgIdHeader))};

  // The request's own facts; its outcome's are added when it is done.
  v1::AuditEvent audit;
  audit.set_kind(kind);
  audit.set_request_id(request_id);
  audit.set_worker_id(worker_id_);
  audit.set_account(caller.account);
  audit.set_timestamp_ms(UnixNowMs());
  audit.set_trace_id(caller.trace_id);

  // What runs once the endpoint is done, here or on a JetStream
  // acknowledgement, for a request that named session `session_id`: the
  // audit event and the reply, each built once from the outcome. Called
  // once: it takes the responder and the event.
  auto finish_for = [this, &responder, &audit, encoding, started, kind, audited,
                     &request_id](std::string_view session_id) {
    return [this, responder = std::make_shared<nats::Responder>(std::move(responder)),
            event = std::move(audit), session_id = std::string(session_id), encoding, started,
            kind, audited, request_id = std::move(request_id)](Result<Outcome> outcome) mutable {
      endpoints::RecordOutcome(session_id, outcome, &event);
      nats::OutgoingReply out;
      if (outcome) {
        out.body = EncodedReply(encoding, *outcome);
      } else {
        out.error = outcome.error();
        out.body = EncodedErrorReply(encoding, outcome.error());
      }
      // Counted before the reply leaves, so a caller's next $SRV.STATS sees it.
      counts_.Record(kind, event, out.error);
      auto micros = std::chrono::duration_cast<std::chrono::microseconds>(
                        std::chrono::steady_clock::now() - started)
                        .count();
      event.set_duration_us(micros);
      // The event before the reply: once a worker has answered every request,
      // each has its event, which a stop then flushes.
      if (audited && audit_ != nullptr) audit_->Publish(event);
      responder->Send(out);
      // No session id: the request id leads to the audit event, which has it.
      if (logger_->Enabled(LogLevel::kDebug) || out.error) {
        std::vector<LogField> fields = {
            {"endpoint", kind},
            {"request_id", request_id},
            {"code", out.error ? static_cast<unsigned>(out.error->code) : 200u},
            {"duration_us", micros}};
        if (!event.trace_id().empty()) fields.emplace_back("trace_id", event.trace_id());
        logger_->LogFields(out.error ? LogLevel::kInfo : LogLevel::kDebug, "request", fields);
      }
    };
  };

  Request request;
  Status admitted = account ? endpoints_->Admit(caller) : Status(account.error());
  Status decoded = admitted ? wire::Decode(encoding, in.payload(), &request) : admitted;
  if (decoded && encoding == wire::Encoding::kJson && kRequiredJsonField<Request> != nullptr) {
    decoded = wire::CheckRequiredJsonField(in.payload(), request, kRequiredJsonField<Request>);
  }
  if (!decoded) return finish_for({})(decoded.error());
  auto finish = finish_for(SessionIdOf(request));
  call(std::move(request), caller, std::move(finish));
}

namespace {

// Adapts an endpoint with a form that waits for the session store and one
// that does not (nullopt when it would have to): on a delivery thread the
// second answers what it can, and the first finishes the rest on the
// endpoint's own threads.
template <typename AtOnce, typename Waiting>
auto AtOnceOrQueued(const endpoints::PrivacyEndpoints& e, const nats::IncomingRequest& in,
                    AtOnce at_once, Waiting waiting) {
  return [&e, &in, at_once, waiting](auto request, const endpoints::Caller& caller,
                                     auto finish) {
    if (!in.may_wait()) {
      if (auto reply = (e.*at_once)(request, caller)) return finish(std::move(*reply));
      return in.ContinueQueued([&e, waiting, request = std::move(request), caller,
                                finish = std::move(finish)]() mutable {
        finish((e.*waiting)(request, caller));
      });
    }
    finish((e.*waiting)(request, caller));
  };
}

}  // namespace

Status PrivacyService::Register(nats::RequestServer* server, const std::string& queue_group,
                                int subscriptions, natsConnection* text_connection) {
  const auto& e = *endpoints_;
  using Incoming = const nats::IncomingRequest&;
  using nats::Responder;
  struct Binding {
    wire::Endpoint endpoint;
    nats::RequestServer::Handler handler;
    bool takes_texts = false;
    // Worked on by the delivery thread when it can: resolve and demask
    // answered from the session index's byte cache, a mask opening a new
    // session up to its session write.
    nats::Dispatch dispatch = nats::Dispatch::kQueued;
  };
  // Without an external model every mask opening a session can be worked
  // on at once; with one, masks wait in the queue as the others do.
  const bool masks_at_once = e.MasksAtOnce(v1::MaskRequest());
  Binding bindings[] = {
      {wire::kMaskEndpoint,
       [this, &e](Incoming in, Responder r) {
         Handle<v1::MaskRequest, v1::MaskReply>(
             in, std::move(r), "mask", true,
             [&e, &in](v1::MaskRequest request, const endpoints::Caller& caller, auto finish) {
               if (in.may_wait() || e.MasksAtOnce(request)) {
                 return e.Mask(std::move(request), caller, std::move(finish));
               }
               in.ContinueQueued([&e, request = std::move(request), caller,
                                  finish = std::move(finish)]() mutable {
                 e.Mask(std::move(request), caller, std::move(finish));
               });
             });
       },
       true, masks_at_once ? nats::Dispatch::kAtOnceUnlessBacklog : nats::Dispatch::kQueued},
      {wire::kDetectEndpoint,
       [this, &e](Incoming in, Responder r) {
         Handle<v1::DetectRequest, v1::DetectReply>(
             in, std::move(r), "detect", false,
             [&e](v1::DetectRequest request, const endpoints::Caller& caller, auto finish) {
               finish(e.Detect(request, caller));
             });
       },
       true},
      {wire::kResolveEndpoint,
       [this, &e](Incoming in, Responder r) {
         Handle<v1::ResolveRequest, endpoints::Restored<endpoints::ResolveAnswer>>(
             in, std::move(r), "resolve", true,
             AtOnceOrQueued(e, in, &endpoints::PrivacyEndpoints::ResolveAtOnce,
                            &endpoints::PrivacyEndpoints::Resolve));
       },
       false, nats::Dispatch::kAtOnceUnlessBacklog},
      {wire::kDemaskEndpoint,
       [this, &e](Incoming in, Responder r) {
         Handle<v1::DemaskRequest, endpoints::Restored<v1::DemaskReply>>(
             in, std::move(r), "demask", true,
             AtOnceOrQueued(e, in, &endpoints::PrivacyEndpoints::DemaskAtOnce,
                            &endpoints::PrivacyEndpoints::Demask));
       },
       false, nats::Dispatch::kAtOnceUnlessBacklog},
      {wire::kDeleteEndpoint,
       [this, &e](Incoming in, Responder r) {
         Handle<v1::DeleteRequest, v1::DeleteReply>(
             in, std::move(r), "delete", true,
             [&e](v1::DeleteRequest request, const endpoints::Caller& caller, auto finish) {
               e.Delete(request, caller, std::move(finish));
             });
       }},
  };
  for (auto& binding : bindings) {
    if (auto status = server->AddEndpoint(std::string(binding.endpoint.name),
                                          std::string(binding.endpoint.subject), queue_group,
                                          std::move(binding.handler), subscriptions,
                                          binding.takes_texts ? text_connection : nullptr,
                                          binding.dispatch);
        !status) {
      return status;
    }
  }
  return Status::Ok();
}

}  // namespace privacy::worker
