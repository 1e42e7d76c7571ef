// The store's, the vault's and the endpoints' asynchronous calls, waited
// for: how the unit tests call them. The worker never waits for a
// completion.
#pragma once

#include <future>
#include <string>
#include <utility>
#include <vector>

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

// PrivacyEndpoints::Mask, waited for; `*audit` is the event it starts from
// and receives the finished event.
inline Result<v1::MaskReply> MaskAndWait(const endpoints::PrivacyEndpoints& endpoints,
                                         const v1::MaskRequest& request,
                                         const endpoints::Caller& caller, v1::AuditEvent* audit) {
  std::promise<Result<v1::MaskReply>> outcome;
  endpoints.Mask(request, caller, std::move(*audit),
                 [&outcome, audit](Result<v1::MaskReply> reply, v1::AuditEvent event) {
                   *audit = std::move(event);
                   outcome.set_value(std::move(reply));
                 });
  return outcome.get_future().get();
}

}  // namespace privacy::testing
