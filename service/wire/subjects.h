// The NATS surface of the privacy service, spelled once: the service's
// name, the subject of each endpoint, and the prefixes of its audit events
// and health answers (subjects.md describes them).
#pragma once

#include <string_view>

namespace privacy::wire {

// The service's name in $SRV discovery, and its workers' queue group.
inline constexpr std::string_view kServiceName = "privacy";

// One endpoint: its name in $SRV discovery and the subject it serves.
struct Endpoint {
  std::string_view name;
  std::string_view subject;
};

inline constexpr Endpoint kMaskEndpoint{"mask", "privacy.mask"};
inline constexpr Endpoint kDetectEndpoint{"detect", "privacy.detect"};
inline constexpr Endpoint kResolveEndpoint{"resolve", "privacy.resolve"};
inline constexpr Endpoint kDemaskEndpoint{"demask", "privacy.demask"};
inline constexpr Endpoint kDeleteEndpoint{"delete", "privacy.delete"};

// Audit events are published on this prefix, a token per event kind after it.
inline constexpr std::string_view kEventsSubjectPrefix = "privacy.events";

// A worker answers health checks on this prefix followed by its id.
inline constexpr std::string_view kHealthSubjectPrefix = "privacy.health.";

}  // namespace privacy::wire
