#include "tenant/tenant_guard.h"

#include "vault/storage_key.h"

namespace privacy::tenant {

TenantGuard::TenantGuard(TenantPolicy policy, std::shared_ptr<const vault::SessionCensus> census)
    : policy_(std::move(policy)), census_(std::move(census)) {}

Status TenantGuard::AdmitRequest(const std::string& account) {
  if (!rate_limiter_.TryAcquire(account, policy_.For(account).requests_per_second)) {
    return MakeError(ErrorCode::kTooManyRequests, "request rate limit of the account exceeded");
  }
  return Status::Ok();
}

Status TenantGuard::AdmitNewSession(const std::string& account) const {
  uint64_t max_sessions = policy_.For(account).max_sessions;
  if (max_sessions == 0 || census_ == nullptr) return Status::Ok();
  if (census_->LiveSessions(vault::AccountKey(account)) >= max_sessions) {
    return MakeError(ErrorCode::kTooManyRequests,
                     "session limit of the account reached (" + std::to_string(max_sessions) +
                         "); delete sessions or wait for them to expire");
  }
  return Status::Ok();
}

std::optional<size_t> TenantGuard::MaxTokensPerSession(const std::string& account) const {
  size_t max_tokens = policy_.For(account).max_tokens_per_session;
  if (max_tokens == 0) return std::nullopt;
  return max_tokens;
}

}  // namespace privacy::tenant
