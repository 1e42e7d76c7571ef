// How many live sessions each account holds, across all workers: the input
// of the per-account session quota.
#pragma once

#include <cstdint>
#include <string_view>

namespace privacy::vault {

// Counts the live sessions of each account. Implementations must be safe
// for concurrent use. Counts may lag other workers' writes by the time it
// takes them to reach this worker.
class SessionCensus {
 public:
  virtual ~SessionCensus() = default;

  // Live (unexpired, undeleted) sessions stored under `account_key`
  // (AccountKey of the account).
  virtual uint64_t LiveSessions(std::string_view account_key) const = 0;
};

}  // namespace privacy::vault
