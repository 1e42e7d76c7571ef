#include "endpoints/privacy_endpoints.h"

#include <string>
#include <string_view>

#include "endpoints/json_string_rewriter.h"
#include "endpoints/presidio_type_names.h"
#include "endpoints/stream_splitter.h"
#include "endpoints/text_rewriter.h"
#include "endpoints/token_restorer.h"
#include "wire/utf8.h"

namespace privacy::endpoints {

namespace {
// What restoring a resolve's JSON document found beyond the tokens asked for.
struct JsonRestored {
  size_t restored = 0;
  std::vector<std::string> unknown;  // as TokenRestorer::unknown()
};

// Types of the catalog that callers may name in deny_values even when no
// built-in recognizer reports them.
bool IsCatalogNameType(const std::string& type) {
  return type == "PERSON" || type == "LOCATION" || type == "ORGANIZATION";
}
}  // namespace

PrivacyEndpoints::PrivacyEndpoints(std::shared_ptr<const detect::Detector> detector,
                                   std::shared_ptr<vault::SessionVault> vault,
                                   EndpointLimits limits, Extensions extensions)
    : detector_(std::move(detector)),
      vault_(std::move(vault)),
      limits_(limits),
      tenants_(std::move(extensions.tenants)),
      external_(std::move(extensions.external)) {}

Status PrivacyEndpoints::Admit(const Caller& caller) const {
  return tenants_ ? tenants_->AdmitRequest(caller.account) : Status::Ok();
}

void PrivacyEndpoints::ReplaceDetector(std::shared_ptr<const detect::Detector> detector) {
  detector_.store(std::move(detector));
}

Status PrivacyEndpoints::CheckText(const std::string& text, const char* field) const {
  if (text.size() > limits_.max_text_bytes) {
    return MakeError(ErrorCode::kTooLarge, std::string(field) + " exceeds " +
                                               std::to_string(limits_.max_text_bytes) +
                                               " bytes");
  }
  if (!wire::IsValidUtf8(text)) {
    return MakeError(ErrorCode::kBadRequest, std::string(field) + " is not valid UTF-8");
  }
  return Status::Ok();
}

template <typename Request>
Result<detect::DetectOptions> PrivacyEndpoints::DetectOptionsFor(const detect::Detector& detector,
                                                                 const Request& request) const {
  detect::DetectOptions options;
  for (const auto& requested : request.entities_to_mask()) {
    const std::string type(OwnTypeName(requested));
    if (!detector.IsKnownType(type) && !(external_ && external_->Covers(type))) {
      // The unknown name is caller text, so it is not echoed back.
      std::string known;
      for (const auto& name : detector.KnownTypes()) known += (known.empty() ? "" : ", ") + name;
      if (external_) {
        for (const auto& name : external_->types()) {
          if (!detector.IsKnownType(name)) known += ", " + name;
        }
      }
      return MakeError(ErrorCode::kBadRequest,
                       "unknown entity type in entities_to_mask; known types: " + known);
    }
    options.only_types.push_back(type);
  }
  size_t list_values =
      static_cast<size_t>(request.allow_values_size() + request.deny_values_size());
  if (list_values > limits_.max_list_values_per_request) {
    return MakeError(ErrorCode::kTooLarge,
                     "more than " + std::to_string(limits_.max_list_values_per_request) +
                         " allow_values and deny_values");
  }
  auto check_value = [this](const std::string& value, const char* field) -> Status {
    if (value.empty() || value.size() > limits_.max_list_value_bytes) {
      return MakeError(ErrorCode::kBadRequest,
                       std::string(field) + " entries must be 1 to " +
                           std::to_string(limits_.max_list_value_bytes) + " bytes");
    }
    return Status::Ok();
  };
  for (const auto& value : request.allow_values()) {
    if (auto status = check_value(value, "allow_values"); !status) return status.error();
    options.allow_values.push_back(value);
  }
  for (const auto& deny : request.deny_values()) {
    if (auto status = check_value(deny.value(), "deny_values"); !status) return status.error();
    const std::string type(OwnTypeName(deny.type()));
    if (!detector.IsKnownType(type) && !IsCatalogNameType(type)) {
      // Only catalog types: a free-form type would put caller text into
      // tokens and audit events.
      return MakeError(ErrorCode::kBadRequest,
                       "deny_values type must be a known entity type or PERSON, LOCATION, "
                       "ORGANIZATION");
    }
    options.deny_values.emplace_back(deny.value(), type);
  }
  return options;
}

template <typename Request>
Result<PrivacyEndpoints::AdmittedDetection> PrivacyEndpoints::AdmitDetection(
    const std::string& text, const Request& request) const {
  if (auto status = CheckText(text, "text"); !status) return status.error();
  std::shared_ptr<const detect::Detector> detector = detector_.load();
  auto options = DetectOptionsFor(*detector, request);
  if (!options) return options.error();
  return AdmittedDetection{std::move(detector), std::move(*options)};
}

std::vector<detect::Finding> PrivacyEndpoints::RunDetection(const std::string& text,
                                                            AdmittedDetection admitted,
                                                            const Caller& caller) const {
  if (external_) {
    admitted.options.external =
        external_->Recognize(text, admitted.options.only_types, caller.trace_id);
  }
  return admitted.detector->Detect(text, admitted.options);
}

Result<PrivacyEndpoints::AdmittedMask> PrivacyEndpoints::AdmitMask(const v1::MaskRequest& request,
                                                                   const Caller& caller) const {
  auto detection = AdmitDetection(request.text(), request);
  if (!detection) return detection.error();
  vault::TokenizeOptions options;
  if (request.has_ttl_seconds()) options.ttl = std::chrono::seconds(request.ttl_seconds());
  if (tenants_) {
    if (request.session_id().empty()) {
      if (auto admitted = tenants_->AdmitNewSession(caller.account); !admitted) {
        return admitted.error();
      }
    }
    options.max_tokens = tenants_->MaxTokensPerSession(caller.account);
  }
  auto session = vault_->AdmitTokenize(caller.account, request.session_id(), options);
  if (!session) return session.error();
  return AdmittedMask{std::move(*detection), std::move(*session)};
}

void PrivacyEndpoints::Mask(v1::MaskRequest request, const Caller& caller, MaskDone done) const {
  // Every limit the request can fail is checked before detection runs.
  auto admitted = AdmitMask(request, caller);
  if (!admitted) return done(admitted.error());
  auto findings = RunDetection(request.text(), std::move(admitted->detection), caller);

  std::vector<vault::ValueToMask> values;
  values.reserve(findings.size());
  for (const auto& f : findings) {
    values.push_back({f.type, request.text().substr(f.start, f.end - f.start)});
  }
  vault_->TokenizeAsync(
      std::move(admitted->session), std::move(values),
      [request = std::move(request), findings = std::move(findings),
       done = std::move(done)](Result<vault::TokenizeResult> tokenized) mutable {
        if (!tokenized) return done(tokenized.error());
        v1::MaskReply reply;
        reply.set_masked_text(ReplaceFindings(request.text(), findings, tokenized->tokens));
        reply.set_session_id(tokenized->session_id);
        reply.set_entity_count(static_cast<uint32_t>(findings.size()));
        reply.set_expires_at(tokenized->expires_at_ms);
        for (size_t i = 0; i < findings.size(); ++i) {
          const auto& f = findings[i];
          v1::Entity* entity = reply.add_entities();
          entity->set_type(f.type);
          entity->set_start(f.start);
          entity->set_end(f.end);
          entity->set_token(tokenized->tokens[i]);
          entity->set_score(f.score);
        }
        done(std::move(reply));
      });
}

bool PrivacyEndpoints::MasksAtOnce(const v1::MaskRequest& request) const {
  return request.session_id().empty() && !external_;
}

Result<v1::DetectReply> PrivacyEndpoints::Detect(const v1::DetectRequest& request,
                                                 const Caller& caller) const {
  auto admitted = AdmitDetection(request.text(), request);
  if (!admitted) return admitted.error();
  v1::DetectReply reply;
  for (const auto& f : RunDetection(request.text(), std::move(*admitted), caller)) {
    v1::DetectedEntity* entity = reply.add_entities();
    entity->set_type(f.type);
    entity->set_start(f.start);
    entity->set_end(f.end);
    entity->set_score(f.score);
  }
  return reply;
}

namespace {

// Opens sessions through `vault`: each call gives the caller's session
// (Result<std::optional<vault::SessionView>>), waiting for the store or not.
struct WaitingOpen {
  vault::SessionVault* vault;
  const Caller& caller;
  const std::string& session_id;
  Result<std::optional<vault::SessionView>> operator()(
      const std::vector<std::string>& needed) const {
    auto session = vault->Open(caller.account, session_id, needed);
    if (!session) return session.error();
    return std::optional<vault::SessionView>(std::move(*session));
  }
};
struct AtOnceOpen {
  vault::SessionVault* vault;
  const Caller& caller;
  const std::string& session_id;
  Result<std::optional<vault::SessionView>> operator()(
      const std::vector<std::string>& needed) const {
    return vault->OpenAtOnce(caller.account, session_id, needed);
  }
};

}  // namespace

Result<Restored<ResolveAnswer>> PrivacyEndpoints::Resolve(const v1::ResolveRequest& request,
                                                          const Caller& caller) const {
  return *ResolveWith(request, WaitingOpen{vault_.get(), caller, request.session_id()});
}

std::optional<Result<Restored<ResolveAnswer>>> PrivacyEndpoints::ResolveAtOnce(
    const v1::ResolveRequest& request, const Caller& caller) const {
  return ResolveWith(request, AtOnceOpen{vault_.get(), caller, request.session_id()});
}

Result<Restored<v1::DemaskReply>> PrivacyEndpoints::Demask(const v1::DemaskRequest& request,
                                                           const Caller& caller) const {
  return *DemaskWith(request, WaitingOpen{vault_.get(), caller, request.session_id()});
}

std::optional<Result<Restored<v1::DemaskReply>>> PrivacyEndpoints::DemaskAtOnce(
    const v1::DemaskRequest& request, const Caller& caller) const {
  return DemaskWith(request, AtOnceOpen{vault_.get(), caller, request.session_id()});
}

template <typename Open>
std::optional<Result<Restored<ResolveAnswer>>> PrivacyEndpoints::ResolveWith(
    const v1::ResolveRequest& request, Open open) const {
  using Reply = Result<Restored<ResolveAnswer>>;
  if (static_cast<size_t>(request.tokens_size()) > limits_.max_tokens_per_request) {
    return Reply(MakeError(ErrorCode::kTooLarge, "too many tokens in one request (max " +
                                                     std::to_string(limits_.max_tokens_per_request) +
                                                     ")"));
  }
  if (auto status = CheckText(request.json(), "json"); !status) return Reply(status.error());
  auto session = open({request.tokens().begin(), request.tokens().end()});
  if (!session) return Reply(session.error());
  if (!*session) return std::nullopt;
  // Fills `answer`, which holds the session, from the request.
  auto resolve = [&request](ResolveAnswer* answer) -> Result<JsonRestored> {
    for (const auto& token : request.tokens()) {
      if (!answer->Resolve(token)) answer->AddUnknown(token);
    }
    TokenRestorer restorer(answer->session());
    if (!request.json().empty()) {
      auto json = RewriteJsonStringValues(request.json(), [&restorer](std::string_view value) {
        return restorer.EditsFor(value);
      });
      if (!json) return json.error();
      answer->set_json(std::move(*json));
    }
    return JsonRestored{restorer.restored(), restorer.unknown()};
  };
  const auto asked = static_cast<size_t>(request.tokens_size());
  std::optional<ResolveAnswer> answer(std::in_place, std::move(**session), asked);
  auto restored = resolve(&*answer);
  if (restored && !restored->unknown.empty()) {
    // Tokens in the JSON the recent copy lacks: another worker may have
    // added them a moment ago, so ask the store itself.
    session = open(restored->unknown);
    if (!session) return Reply(session.error());
    if (!*session) return std::nullopt;
    answer.emplace(std::move(**session), asked);
    restored = resolve(&*answer);
  }
  if (!restored) return Reply(restored.error());
  answer->AddUnknownOnce(restored->unknown);
  auto count = static_cast<uint32_t>(answer->resolved_size() + restored->restored);
  return Reply(Restored<ResolveAnswer>{std::move(*answer), count});
}

template <typename Open>
std::optional<Result<Restored<v1::DemaskReply>>> PrivacyEndpoints::DemaskWith(
    const v1::DemaskRequest& request, Open open) const {
  using Reply = Result<Restored<v1::DemaskReply>>;
  if (auto status = CheckText(request.masked_text(), "masked_text"); !status) {
    return Reply(status.error());
  }
  if (auto status = CheckText(request.carry(), "carry"); !status) return Reply(status.error());
  auto session = open({});
  if (!session) return Reply(session.error());
  if (!*session) return std::nullopt;
  const std::string text = request.carry() + request.masked_text();
  const bool more_to_come = request.has_final() && !request.final();
  const size_t release = more_to_come ? ReleasableLength(text) : text.size();
  TokenRestorer restorer(**session);
  std::string original = restorer.Restore(text, release);
  if (!restorer.unknown().empty()) {
    // Tokens the recent copy lacks: another worker may have added them a
    // moment ago, so ask the store itself.
    session = open(restorer.unknown());
    if (!session) return Reply(session.error());
    if (!*session) return std::nullopt;
    restorer = TokenRestorer(**session);
    original = restorer.Restore(text, release);
  }
  v1::DemaskReply reply;
  reply.set_original_text(std::move(original));
  if (request.has_final()) reply.set_carry(text.substr(release));
  // TokenRestorer lists each unknown token once.
  reply.mutable_unknown()->Add(restorer.unknown().begin(), restorer.unknown().end());
  return Reply(
      Restored<v1::DemaskReply>{std::move(reply), static_cast<uint32_t>(restorer.restored())});
}

void PrivacyEndpoints::Delete(const v1::DeleteRequest& request, const Caller& caller,
                              DeleteDone done) const {
  vault_->EraseAsync(caller.account, request.session_id(),
                     [done = std::move(done)](Status erased) {
                       if (!erased) return done(erased.error());
                       v1::DeleteReply reply;
                       reply.set_deleted(true);
                       done(std::move(reply));
                     });
}

}  // namespace privacy::endpoints
