// The interface of a recognizer outside the process (e.g. a GLiNER or spaCy
// model behind NATS) and the rules its answers must follow.
#pragma once

#include <chrono>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "detect/detector.h"

namespace privacy::detect {

// An ExternalRecognizer asks another process for the named entities of a
// text. Its answers are untrusted: callers check them with
// CheckExternalFindings before use. Implementations are safe for concurrent
// use.
class ExternalRecognizer {
 public:
  using Clock = std::chrono::steady_clock;

  virtual ~ExternalRecognizer() = default;

  // The entities of `types` in `text` (valid UTF-8), or an error when no
  // usable answer arrived before `deadline`: 503 when nothing could answer
  // (e.g. no responder), 500 for an error or undecodable reply. Error
  // messages never quote the text or the reply.
  virtual Result<std::vector<Finding>> Find(std::string_view text,
                                            std::span<const std::string> types,
                                            Clock::time_point deadline) const = 0;
};

// Checks that every finding lies within `text` (start < end <= size), starts
// and ends on UTF-8 code point boundaries, has one of `types` and a score in
// [0, 1]. The error names the first bad finding by index and the rule it
// breaks, never its text.
Status CheckExternalFindings(std::string_view text, std::span<const std::string> types,
                             const std::vector<Finding>& findings);

}  // namespace privacy::detect
