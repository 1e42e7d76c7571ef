// Endpoints over an in-memory vault holding one session of known values, for
// the tests of demask and resolve restoring tokens.
#pragma once

#include <doctest/doctest.h>
#include <google/protobuf/util/message_differencer.h>

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "endpoints/privacy_endpoints.h"
#include "awaited_calls.h"
#include "in_memory_session_store.h"
#include "no_findings_detector.h"

namespace privacy::testing {

// One session holding `values` (type, value), and requests against it.
struct RestoreFixture {
  explicit RestoreFixture(const std::vector<vault::ValueToMask>& values,
                          endpoints::EndpointLimits limits = {})
      : endpoints(std::make_shared<NoFindingsDetector>(), vault, limits) {
    auto tokenized = TokenizeAndWait(*vault, "", "", values, {});
    REQUIRE(tokenized.ok());
    session_id = tokenized->session_id;
    for (size_t i = 0; i < values.size(); ++i) token_of[values[i].value] = tokenized->tokens[i];
  }

  // The token of `value` in the session.
  const std::string& Token(const std::string& value) const { return token_of.at(value); }

  // A token with the prefix of `token` that the session does not hold.
  std::string Lookalike(const std::string& token) {
    auto session = vault->Open("", session_id);
    REQUIRE(session.ok());
    std::string other = token;
    const size_t digit = other.size() - 2;
    do {
      other[digit] = other[digit] == '9' ? 'a' : other[digit] == 'f' ? '0' : other[digit] + 1;
    } while (session->FindByToken(other) != nullptr);
    return other;
  }

  Result<v1::DemaskReply> Demask(const std::string& masked_text, const std::string& carry = "",
                                 std::optional<bool> final = std::nullopt) {
    v1::DemaskRequest request;
    request.set_session_id(session_id);
    request.set_masked_text(masked_text);
    request.set_carry(carry);
    if (final) request.set_final(*final);
    auto at_once =
        testing::Audited(request, endpoints.DemaskAtOnce(request, endpoints::Caller{}), &audit);
    auto reply = testing::Audited(request, endpoints.Demask(request, endpoints::Caller{}), &audit);
    CheckSameReply(at_once, reply);
    return reply;
  }

  Result<v1::ResolveReply> ResolveJson(const std::string& json,
                                       const std::vector<std::string>& tokens = {}) {
    v1::ResolveRequest request;
    request.set_session_id(session_id);
    request.set_json(json);
    for (const auto& t : tokens) request.add_tokens(t);
    auto at_once =
        testing::Audited(request, endpoints.ResolveAtOnce(request, endpoints::Caller{}), &audit);
    auto reply = testing::Audited(request, endpoints.Resolve(request, endpoints::Caller{}), &audit);
    CheckSameReply(at_once, reply);
    return reply;
  }

  // The form that does not wait answers as the waiting one, unless it would
  // have to read the store (for tokens the session lacks).
  template <typename Reply>
  static void CheckSameReply(const std::optional<Result<Reply>>& at_once,
                             const Result<Reply>& reply) {
    if (!at_once) return;
    REQUIRE(at_once->ok() == reply.ok());
    if (reply.ok()) {
      CHECK(google::protobuf::util::MessageDifferencer::Equals(at_once->value(), reply.value()));
    } else {
      CHECK(at_once->error().code == reply.error().code);
      CHECK(at_once->error().message == reply.error().message);
    }
  }

  std::shared_ptr<vault::SessionVault> vault = std::make_shared<vault::SessionVault>(
      std::make_shared<InMemorySessionStore>(), vault::VaultOptions{});
  endpoints::PrivacyEndpoints endpoints;
  std::string session_id;
  std::map<std::string, std::string> token_of;
  v1::AuditEvent audit;
};

}  // namespace privacy::testing
