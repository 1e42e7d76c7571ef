#include "detect/external/external_recognizer.h"

#include <algorithm>

namespace privacy::detect {
namespace {

// True when byte `pos` of valid UTF-8 `text` starts a code point or ends it.
bool OnCodePointBoundary(std::string_view text, uint32_t pos) {
  return pos == text.size() || (static_cast<unsigned char>(text[pos]) & 0xC0) != 0x80;
}

// The rule `f` breaks, or nullptr.
const char* BrokenRule(std::string_view text, std::span<const std::string> types,
                       const Finding& f) {
  if (f.start >= f.end) return "start is not before end";
  if (f.end > text.size()) return "end is beyond the text";
  if (!OnCodePointBoundary(text, f.start) || !OnCodePointBoundary(text, f.end)) {
    return "offset inside a UTF-8 sequence";
  }
  if (std::find(types.begin(), types.end(), f.type) == types.end()) {
    return "type not requested";
  }
  if (!(f.score >= 0.0 && f.score <= 1.0)) return "score outside [0, 1]";
  return nullptr;
}

}  // namespace

Status CheckExternalFindings(std::string_view text, std::span<const std::string> types,
                             const std::vector<Finding>& findings) {
  for (size_t i = 0; i < findings.size(); ++i) {
    if (const char* rule = BrokenRule(text, types, findings[i])) {
      return MakeError(ErrorCode::kInternal,
                       "entity " + std::to_string(i) + " rejected: " + rule);
    }
  }
  return Status::Ok();
}

}  // namespace privacy::detect
