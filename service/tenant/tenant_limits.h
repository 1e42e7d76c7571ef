// Per-account quotas: how many sessions, how large, and how many requests
// per second one NATS account may use, so no tenant exhausts the service
// for the others.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>

#include "common/status.h"

namespace privacy::tenant {

// Quotas of one account; 0 means unlimited.
struct TenantLimits {
  uint64_t max_sessions = 0;
  size_t max_tokens_per_session = 0;
  double requests_per_second = 0;
};

// The limits of every account: a default plus per-account overrides. An
// immutable value once built; safe to share between threads.
class TenantPolicy {
 public:
  TenantPolicy() = default;
  explicit TenantPolicy(TenantLimits defaults) : defaults_(defaults) {}

  // Reads per-account overrides from a file, one account per line:
  //   ACCOUNT max_sessions=N max_tokens_per_session=N requests_per_second=R
  // Settings left out keep the default; '#' starts a comment. Errors name
  // the file and line.
  static Result<TenantPolicy> FromFile(const std::string& path, TenantLimits defaults);

  // Limits of `account` (empty: the service's own account).
  const TenantLimits& For(std::string_view account) const;

  // True when no account has any limit.
  bool Unlimited() const;

 private:
  TenantLimits defaults_;
  std::map<std::string, TenantLimits, std::less<>> overrides_;
};

}  // namespace privacy::tenant
