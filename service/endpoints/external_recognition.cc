#include "endpoints/external_recognition.h"

#include <algorithm>
#include <vector>

namespace privacy::endpoints {

using Clock = detect::ExternalRecognizer::Clock;

namespace {

int64_t Milliseconds(Clock::duration d) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(d).count();
}

}  // namespace

ExternalRecognition::ExternalRecognition(
    std::shared_ptr<const detect::ExternalRecognizer> recognizer,
    ExternalRecognitionOptions options, Logger* logger)
    : recognizer_(std::move(recognizer)),
      options_(std::move(options)),
      logger_(logger),
      breaker_(options_.breaker) {}

bool ExternalRecognition::Covers(std::string_view type) const {
  return std::find(options_.types.begin(), options_.types.end(), type) != options_.types.end();
}

std::optional<detect::ExternalFindings> ExternalRecognition::Recognize(
    std::string_view text, const std::vector<std::string>& only_types,
    std::string_view trace_id) const {
  detect::ExternalFindings external;
  for (const std::string& type : options_.types) {
    if (only_types.empty() ||
        std::find(only_types.begin(), only_types.end(), type) != only_types.end()) {
      external.types.push_back(type);
    }
  }
  if (external.types.empty()) return std::nullopt;

  const Clock::time_point started = Clock::now();
  if (!breaker_.Allow(started)) {
    skipped_++;
    logger_->Debug("ner_skipped", {{"reason", "circuit open"}});
    return std::nullopt;
  }
  requests_++;
  const Clock::time_point deadline = started + options_.timeout;
  auto found = recognizer_->Find(text, external.types, deadline);
  const Clock::time_point ended = Clock::now();
  if (!found && ended >= deadline) {
    std::chrono::milliseconds backoff{0};
    if (breaker_.TimedOut(ended, &backoff)) {
      logger_->Warn("ner_circuit_open", {{"backoff_ms", backoff.count()}});
    }
    Fallback(&timeouts_, "timeout", found.error(), ended - started, text.size(), trace_id);
    return std::nullopt;
  }
  if (breaker_.Completed()) logger_->Info("ner_circuit_closed");
  if (!found) {
    bool unavailable = found.error().code == ErrorCode::kUnavailable;
    Fallback(unavailable ? &unavailable_ : &errors_, unavailable ? "unavailable" : "error",
             found.error(), ended - started, text.size(), trace_id);
    return std::nullopt;
  }
  if (Status checked = detect::CheckExternalFindings(text, external.types, *found); !checked) {
    Fallback(&rejected_, "rejected", checked.error(), ended - started, text.size(), trace_id);
    return std::nullopt;
  }
  answered_++;
  external.findings = std::move(*found);
  return external;
}

void ExternalRecognition::Fallback(std::atomic<uint64_t>* counter, const char* reason,
                                   const Error& error, Clock::duration waited,
                                   size_t text_bytes, std::string_view trace_id) const {
  (*counter)++;
  std::vector<LogField> fields = {{"reason", reason},
                                  {"error", error.message},
                                  {"waited_ms", Milliseconds(waited)},
                                  {"text_bytes", text_bytes}};
  if (!trace_id.empty()) fields.emplace_back("trace_id", trace_id);
  logger_->LogFields(LogLevel::kWarn, "ner_fallback", fields);
}

ExternalRecognitionCounts ExternalRecognition::counts() const {
  ExternalRecognitionCounts c;
  c.requests = requests_.load();
  c.answered = answered_.load();
  c.timeouts = timeouts_.load();
  c.unavailable = unavailable_.load();
  c.errors = errors_.load();
  c.rejected = rejected_.load();
  c.skipped = skipped_.load();
  return c;
}

}  // namespace privacy::endpoints
