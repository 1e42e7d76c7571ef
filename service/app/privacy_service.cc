#include "app/privacy_service.h"

#include <chrono>

#include "nats/request_info.h"
#include "wire/codec.h"

namespace privacy::app {

namespace {

int64_t NowMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

}  // namespace

PrivacyService::PrivacyService(std::shared_ptr<const endpoints::PrivacyEndpoints> endpoints,
                               nats::AuditLog* audit, Logger* logger, std::string worker_id)
    : endpoints_(std::move(endpoints)),
      audit_(audit),
      logger_(logger),
      worker_id_(std::move(worker_id)) {}

template <typename Request, typename Reply, typename Call>
nats::OutgoingReply PrivacyService::Handle(const nats::IncomingRequest& in, const char* kind,
                                           bool audited,
                                           Call call) {
  auto started = std::chrono::steady_clock::now();
  std::string request_id = std::to_string(next_request_++);
  wire::Encoding encoding = wire::DetectEncoding(in.Header("Content-Type"), in.payload());
  endpoints::Caller caller{nats::RequesterAccount(in.Header(nats::kRequestInfoHeader))};

  v1::AuditEvent audit;
  audit.set_kind(kind);
  audit.set_account(caller.account);
  audit.set_request_id(request_id);
  audit.set_worker_id(worker_id_);
  audit.set_timestamp_ms(NowMs());

  nats::OutgoingReply out;
  Request request;
  Status admitted = endpoints_->Admit(caller);
  Status decoded = admitted ? wire::Decode(encoding, in.payload(), &request) : admitted;
  Result<Reply> reply = decoded ? call(request, caller, &audit) : Result<Reply>(decoded.error());
  if (reply) {
    out.body = wire::Encode(encoding, *reply);
  } else {
    out.error = reply.error();
    v1::ErrorReply body;
    body.set_code(static_cast<unsigned>(reply.error().code));
    body.set_message(reply.error().message);
    out.body = wire::Encode(encoding, body);
    audit.set_error_code(body.code());
  }

  auto micros = std::chrono::duration_cast<std::chrono::microseconds>(
                    std::chrono::steady_clock::now() - started)
                    .count();
  audit.set_duration_us(micros);
  if (audited && audit_ != nullptr) audit_->Publish(audit);
  if (logger_->Enabled(LogLevel::kDebug) || out.error) {
    logger_->Log(out.error ? LogLevel::kInfo : LogLevel::kDebug, "request",
                 {{"endpoint", kind},
                  {"request_id", request_id},
                  {"session_id", audit.session_id()},
                  {"code", out.error ? static_cast<unsigned>(out.error->code) : 200u},
                  {"duration_us", micros}});
  }
  return out;
}

Status PrivacyService::Register(nats::RequestServer* server, const std::string& queue_group) {
  const auto& e = *endpoints_;
  struct Binding {
    const char* name;
    nats::RequestServer::Handler handler;
  };
  Binding bindings[] = {
      {"mask",
       [this, &e](const nats::IncomingRequest& in) {
         return Handle<v1::MaskRequest, v1::MaskReply>(
             in, "mask", true, [&e](const auto& r, const auto& c, auto* a) { return e.Mask(r, c, a); });
       }},
      {"detect",
       [this, &e](const nats::IncomingRequest& in) {
         return Handle<v1::DetectRequest, v1::DetectReply>(
             in, "detect", false, [&e](const auto& r, const auto&, auto*) { return e.Detect(r); });
       }},
      {"resolve",
       [this, &e](const nats::IncomingRequest& in) {
         return Handle<v1::ResolveRequest, v1::ResolveReply>(
             in, "resolve", true, [&e](const auto& r, const auto& c, auto* a) { return e.Resolve(r, c, a); });
       }},
      {"demask",
       [this, &e](const nats::IncomingRequest& in) {
         return Handle<v1::DemaskRequest, v1::DemaskReply>(
             in, "demask", true, [&e](const auto& r, const auto& c, auto* a) { return e.Demask(r, c, a); });
       }},
      {"delete",
       [this, &e](const nats::IncomingRequest& in) {
         return Handle<v1::DeleteRequest, v1::DeleteReply>(
             in, "delete", true, [&e](const auto& r, const auto& c, auto* a) { return e.Delete(r, c, a); });
       }},
  };
  for (auto& binding : bindings) {
    std::string subject = std::string("privacy.") + binding.name;
    if (auto status = server->AddEndpoint(binding.name, subject, queue_group,
                                          std::move(binding.handler));
        !status) {
      return status;
    }
  }
  return Status::Ok();
}

}  // namespace privacy::app
