// Counts of what the privacy.* endpoints did since the worker started:
// entities masked per type, resolve and demask outcomes, requests refused
// per reason. They feed the `data` of each endpoint in $SRV.STATS.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

#include "common/status.h"
#include "privacy/v1/audit.pb.h"

namespace privacy::endpoints {

// The reason a request was refused, as counted: the name of its error code
// ("bad_request", "too_large", "over_quota", "unavailable"), or nullptr for
// an error that is no refusal (404 is an answer, 500 a failure).
const char* RefusalReason(ErrorCode code);

// OutcomeCounts is safe for concurrent use.
class OutcomeCounts {
 public:
  // The endpoints counted, and the refusal reasons.
  static constexpr size_t kEndpointCount = 5;
  static constexpr size_t kReasons = 4;

  // Counts one answered request of endpoint `endpoint` (mask, detect,
  // resolve, demask or delete) from its audit event and its error, if any.
  void Record(std::string_view endpoint, const v1::AuditEvent& event,
              const std::optional<Error>& error);

  // The members of `endpoint`'s stats `data` as the text of a JSON object:
  // "entities" (mask: type -> count), "outcomes" (resolve and demask:
  // resolved, unknown, not_found) and "refused" (every endpoint: reason ->
  // count, zeros included); "{}" for another endpoint.
  std::string DataJson(std::string_view endpoint) const;

 private:
  // Requests by their outcome: every token known, some unknown, no session.
  struct RestoreOutcomes {
    uint64_t resolved = 0;
    uint64_t unknown = 0;
    uint64_t not_found = 0;
  };
  // What one endpoint counted, under its own lock (endpoints run in
  // parallel).
  struct EndpointCounts {
    mutable std::mutex mutex;
    std::map<std::string, uint64_t> entities;
    RestoreOutcomes outcomes;
    std::array<uint64_t, kReasons> refused{};
  };

  static std::optional<size_t> EndpointIndex(std::string_view endpoint);

  std::array<EndpointCounts, kEndpointCount> endpoints_;
};

}  // namespace privacy::endpoints
