// The model step of detection: asks an external recognizer (a model) for the
// types it covers, within a timeout, and hands its checked findings to the
// detector; on any failure detection falls back to the built-in recognizers.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/logger.h"
#include "detect/detector.h"
#include "detect/external/external_recognizer.h"
#include "endpoints/circuit_breaker.h"

namespace privacy::endpoints {

// Settings of the model step.
struct ExternalRecognitionOptions {
  // The types the model is asked for; its findings replace the built-in
  // recognizers' for these types.
  std::vector<std::string> types = {"PERSON", "LOCATION", "ORGANIZATION"};
  // Longest wait for the model's answer.
  std::chrono::milliseconds timeout{250};
  CircuitBreaker::Options breaker;
};

// How the model step went since the worker started. Every call that did not
// yield findings is a fallback to the built-in recognizers.
struct ExternalRecognitionCounts {
  uint64_t requests = 0;     // calls made to the model
  uint64_t answered = 0;     // answers used
  uint64_t timeouts = 0;     // no answer before the timeout
  uint64_t unavailable = 0;  // nothing to answer (e.g. NATS "no responders")
  uint64_t errors = 0;       // error or undecodable replies
  uint64_t rejected = 0;     // answers failing CheckExternalFindings
  uint64_t skipped = 0;      // calls not made: circuit breaker open

  uint64_t fallbacks() const { return timeouts + unavailable + errors + rejected + skipped; }
};

// Safe for concurrent use. Failures are logged once each, with the reason,
// never with the text or the reply.
class ExternalRecognition {
 public:
  ExternalRecognition(std::shared_ptr<const detect::ExternalRecognizer> recognizer,
                      ExternalRecognitionOptions options, Logger* logger);

  // True when `type` is one of the model's types.
  bool Covers(std::string_view type) const;
  const std::vector<std::string>& types() const { return options_.types; }

  // The model's findings in `text` for the wanted types (`only_types`, or
  // every type when empty), or nullopt when the built-in recognizers are to
  // be used alone: when no wanted type is the model's, or when the call is
  // skipped, fails or is answered with a finding CheckExternalFindings
  // rejects (then the whole answer is ignored). A fallback's log line
  // carries `trace_id` (the request's, when not empty).
  std::optional<detect::ExternalFindings> Recognize(std::string_view text,
                                                    const std::vector<std::string>& only_types,
                                                    std::string_view trace_id = {}) const;

  ExternalRecognitionCounts counts() const;

 private:
  // Counts and logs a call that yielded nothing (with the request's trace
  // id, when not empty).
  void Fallback(std::atomic<uint64_t>* counter, const char* reason, const Error& error,
                detect::ExternalRecognizer::Clock::duration waited, size_t text_bytes,
                std::string_view trace_id) const;

  std::shared_ptr<const detect::ExternalRecognizer> recognizer_;
  ExternalRecognitionOptions options_;
  Logger* logger_;
  mutable CircuitBreaker breaker_;
  mutable std::atomic<uint64_t> requests_{0};
  mutable std::atomic<uint64_t> answered_{0};
  mutable std::atomic<uint64_t> timeouts_{0};
  mutable std::atomic<uint64_t> unavailable_{0};
  mutable std::atomic<uint64_t> errors_{0};
  mutable std::atomic<uint64_t> rejected_{0};
  mutable std::atomic<uint64_t> skipped_{0};
};

}  // namespace privacy::endpoints
