#include "endpoints/outcome_counts.h"

#include "common/json_text.h"

namespace privacy::endpoints {

namespace {

constexpr std::array<std::string_view, 5> kEndpoints = {"mask", "detect", "resolve", "demask",
                                                        "delete"};
// The refusals counted, in the order they are printed.
constexpr std::array<ErrorCode, 4> kRefusals = {ErrorCode::kBadRequest, ErrorCode::kTooLarge,
                                                ErrorCode::kTooManyRequests,
                                                ErrorCode::kUnavailable};

static_assert(kRefusals.size() == OutcomeCounts::kReasons &&
              kEndpoints.size() == OutcomeCounts::kEndpointCount);

bool RestoresTokens(std::string_view endpoint) {
  return endpoint == "resolve" || endpoint == "demask";
}

}  // namespace

const char* RefusalReason(ErrorCode code) {
  switch (code) {
    case ErrorCode::kBadRequest: return "bad_request";
    case ErrorCode::kTooLarge: return "too_large";
    case ErrorCode::kTooManyRequests: return "over_quota";
    case ErrorCode::kUnavailable: return "unavailable";
    default: return nullptr;
  }
}

std::optional<size_t> OutcomeCounts::EndpointIndex(std::string_view endpoint) {
  for (size_t i = 0; i < kEndpoints.size(); ++i) {
    if (kEndpoints[i] == endpoint) return i;
  }
  return std::nullopt;
}

void OutcomeCounts::Record(std::string_view endpoint, const v1::AuditEvent& event,
                           const std::optional<Error>& error) {
  auto index = EndpointIndex(endpoint);
  if (!index) return;
  EndpointCounts& counts = endpoints_[*index];
  std::lock_guard lock(counts.mutex);
  if (error) {
    for (size_t i = 0; i < kRefusals.size(); ++i) {
      if (kRefusals[i] == error->code) counts.refused[i]++;
    }
    if (error->code == ErrorCode::kNotFound && RestoresTokens(endpoint)) {
      counts.outcomes.not_found++;
    }
    return;
  }
  for (const auto& [type, count] : event.entity_types()) counts.entities[type] += count;
  if (RestoresTokens(endpoint)) {
    (event.unknown_count() > 0 ? counts.outcomes.unknown : counts.outcomes.resolved)++;
  }
}

std::string OutcomeCounts::DataJson(std::string_view endpoint) const {
  auto index = EndpointIndex(endpoint);
  if (!index) return "{}";
  const EndpointCounts& counts = endpoints_[*index];
  std::lock_guard lock(counts.mutex);
  JsonObject data;
  if (endpoint == "mask") {
    JsonObject entities;
    for (const auto& [type, count] : counts.entities) {
      entities.Number(type, static_cast<int64_t>(count));
    }
    data.Raw("entities", entities.Close());
  }
  if (RestoresTokens(endpoint)) {
    data.Raw("outcomes", JsonObject()
                             .Number("resolved", static_cast<int64_t>(counts.outcomes.resolved))
                             .Number("unknown", static_cast<int64_t>(counts.outcomes.unknown))
                             .Number("not_found", static_cast<int64_t>(counts.outcomes.not_found))
                             .Close());
  }
  JsonObject refused;
  for (size_t i = 0; i < kRefusals.size(); ++i) {
    refused.Number(RefusalReason(kRefusals[i]), static_cast<int64_t>(counts.refused[i]));
  }
  data.Raw("refused", refused.Close());
  return data.Close();
}

}  // namespace privacy::endpoints
