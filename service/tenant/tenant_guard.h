// Enforces the per-account quotas of a TenantPolicy on requests.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "common/status.h"
#include "tenant/request_rate_limiter.h"
#include "vault/session_census.h"
#include "tenant/tenant_limits.h"

namespace privacy::tenant {

// Safe for concurrent use. Quota errors are 429 (rate, session count) and
// never name another account.
class TenantGuard {
 public:
  // `census` may be null when no account has a session limit.
  TenantGuard(TenantPolicy policy, std::shared_ptr<const vault::SessionCensus> census);

  // One more request of `account`, or 429 when its rate is exceeded.
  Status AdmitRequest(const std::string& account);

  // One more session of `account`, or 429 when it holds its maximum.
  Status AdmitNewSession(const std::string& account) const;

  // The account's token limit per session, if it has one.
  std::optional<size_t> MaxTokensPerSession(const std::string& account) const;

  const TenantPolicy& policy() const { return policy_; }

 private:
  TenantPolicy policy_;
  std::shared_ptr<const vault::SessionCensus> census_;
  RequestRateLimiter rate_limiter_;
};

}  // namespace privacy::tenant
