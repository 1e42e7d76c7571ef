// What each phase of `privacy-filter bench` sends: the encoded request of
// every phase, with the session and tokens that resolve and demask need
// created by one mask beforehand.
#pragma once

#include <nats/nats.h>

#include <chrono>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/status.h"
#include "wire/codec.h"

namespace privacy::tools {

// The bench phases, in the order they run.
// "stored-echo" is the echo with a JetStream write before the reply: the
// floor under a mask, which is acknowledged only once its session is stored.
inline constexpr const char* kBenchPhases[] = {"echo", "stored-echo", "mask", "resolve", "demask"};

// The request one phase sends over and over.
struct PhaseRequest {
  std::string phase;
  std::string subject;
  std::string payload;
  std::vector<std::pair<std::string, std::string>> headers;
};

// How to build the phases' requests.
struct WorkloadSettings {
  wire::Encoding encoding = wire::Encoding::kJson;
  std::string text;
  // Phases to run, any of kBenchPhases; they come back in kBenchPhases order.
  std::vector<std::string> phases;
  // Subject of the echo responder (used by the echo phase).
  std::string echo_subject;
  // Subject of the stored echo responder (used by the stored-echo phase).
  std::string stored_echo_subject;
  std::chrono::milliseconds request_timeout{5000};
};

// Whether `phase` is among the phases to run.
bool Selected(const WorkloadSettings& settings, std::string_view phase);

// Builds the requests of the selected phases. When resolve or demask is
// selected, first masks `text` once on `conn` to get a session, its tokens
// and the masked text; fails if that mask fails or finds nothing to mask.
Result<std::vector<PhaseRequest>> PrepareWorkload(natsConnection* conn,
                                                  const WorkloadSettings& settings);

}  // namespace privacy::tools
