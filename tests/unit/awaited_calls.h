// The store's, the vault's and the endpoints' asynchronous calls, waited
// for: how the unit tests call them. The worker never waits for a
// completion.
#pragma once

#include <doctest/doctest.h>
#include <google/protobuf/util/message_differencer.h>

#include <future>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "endpoints/outcome_audit.h"
#include "endpoints/privacy_endpoints.h"
#include "vault/session_store.h"
#include "vault/session_vault.h"

namespace privacy::testing {

// SessionStore::CreateAsync, waited for.
inline Result<uint64_t> CreateAndWait(vault::SessionStore& store, const std::string& id,
                                      const std::string& bytes, int64_t expires_at_ms) {
  std::promise<Result<uint64_t>> outcome;
  store.CreateAsync(id, bytes, expires_at_ms, [&outcome](Result<uint64_t> revision) {
    outcome.set_value(std::move(revision));
  });
  return outcome.get_future().get();
}

// SessionStore::UpdateAsync, waited for.
inline Result<uint64_t> UpdateAndWait(vault::SessionStore& store, const std::string& id,
                                      const std::string& bytes, int64_t expires_at_ms,
                                      uint64_t expected_revision) {
  std::promise<Result<uint64_t>> outcome;
  store.UpdateAsync(id, bytes, expires_at_ms, expected_revision,
                    [&outcome](Result<uint64_t> revision) {
                      outcome.set_value(std::move(revision));
                    });
  return outcome.get_future().get();
}

// SessionVault::AdmitTokenize, then TokenizeAsync waited for.
inline Result<vault::TokenizeResult> TokenizeAndWait(vault::SessionVault& vault,
                                                     const std::string& account,
                                                     const std::string& session_id,
                                                     std::vector<vault::ValueToMask> values,
                                                     const vault::TokenizeOptions& options) {
  auto admitted = vault.AdmitTokenize(account, session_id, options);
  if (!admitted) return admitted.error();
  std::promise<Result<vault::TokenizeResult>> outcome;
  vault.TokenizeAsync(std::move(*admitted), std::move(values),
                      [&outcome](Result<vault::TokenizeResult> result) {
                        outcome.set_value(std::move(result));
                      });
  return outcome.get_future().get();
}

// PrivacyEndpoints::Mask, waited for; `*audit` receives the facts the
// worker's audit event records of it (endpoints::RecordOutcome).
inline Result<v1::MaskReply> MaskAndWait(const endpoints::PrivacyEndpoints& endpoints,
                                         const v1::MaskRequest& request,
                                         const endpoints::Caller& caller, v1::AuditEvent* audit) {
  std::promise<Result<v1::MaskReply>> outcome;
  endpoints.Mask(request, caller, [&outcome](Result<v1::MaskReply> reply) {
    outcome.set_value(std::move(reply));
  });
  auto reply = outcome.get_future().get();
  audit->Clear();
  endpoints::RecordOutcome(request.session_id(), reply, audit);
  return reply;
}

// PrivacyEndpoints::Delete, waited for.
inline Result<v1::DeleteReply> DeleteAndWait(const endpoints::PrivacyEndpoints& endpoints,
                                             const v1::DeleteRequest& request,
                                             const endpoints::Caller& caller) {
  std::promise<Result<v1::DeleteReply>> outcome;
  endpoints.Delete(request, caller, [&outcome](Result<v1::DeleteReply> reply) {
    outcome.set_value(std::move(reply));
  });
  return outcome.get_future().get();
}

// The message a reply is sent as: a resolve's answer as its ResolveReply,
// parsed back from the Protobuf bytes the worker sends (so that tests see
// what callers get), which must be the message JSON replies are made of.
template <typename Reply>
Reply WireMessage(Reply reply) {
  return reply;
}
inline v1::ResolveReply WireMessage(const endpoints::ResolveAnswer& answer) {
  v1::ResolveReply reply;
  REQUIRE(reply.ParseFromString(answer.Encode(wire::Encoding::kProtobuf)));
  CHECK(google::protobuf::util::MessageDifferencer::Equals(reply, answer.ToMessage()));
  return reply;
}
template <typename Reply>
using WireMessageOf = decltype(WireMessage(std::declval<Reply>()));

// The reply of a resolve's or demask's `outcome` for `request`; `*audit`
// receives the facts the worker's audit event records of it.
template <typename Request, typename Reply>
Result<WireMessageOf<Reply>> Audited(const Request& request,
                                     Result<endpoints::Restored<Reply>> outcome,
                                     v1::AuditEvent* audit) {
  audit->Clear();
  endpoints::RecordOutcome(request.session_id(), outcome, audit);
  if (!outcome) return outcome.error();
  return WireMessage(std::move(outcome->reply));
}

// Audited() of an answer that may not have come (nullopt).
template <typename Request, typename Reply>
std::optional<Result<WireMessageOf<Reply>>> Audited(
    const Request& request, std::optional<Result<endpoints::Restored<Reply>>> outcome,
    v1::AuditEvent* audit) {
  if (!outcome) return std::nullopt;
  return Audited(request, std::move(*outcome), audit);
}

}  // namespace privacy::testing
