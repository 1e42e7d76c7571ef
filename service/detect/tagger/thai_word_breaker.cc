#include "detect/tagger/thai_word_breaker.h"

#include <thai/thbrk.h>
#include <thai/thwbrk.h>

#include <string>

#include "detect/scan/text_boundary.h"

namespace privacy::detect {
namespace {

// libthai is given at most this many characters at once, so that a
// hostile run of Thai without a space costs time linear in its length.
constexpr size_t kMaxCharactersPerCall = 1024;

// Whether `bytes` hold a Thai letter.
bool HoldsThai(std::string_view bytes) {
  for (size_t i = bytes.find('\xE0'); i != std::string_view::npos; i = bytes.find('\xE0', i + 1)) {
    if (ThaiLetterAt(bytes, i)) return true;
  }
  return false;
}

}  // namespace

void ThaiWordBreaker::BreakerDeleter::operator()(ThBrk* breaker) const { th_brk_delete(breaker); }

ThaiWordBreaker::ThaiWordBreaker() : breaker_(th_brk_new(nullptr)) {}

ThaiWordBreaker::~ThaiWordBreaker() = default;

void ThaiWordBreaker::Breaks(std::string_view text, uint32_t start, uint32_t end,
                             std::vector<uint32_t>* breaks) const {
  // libthai reads wide characters; each keeps the byte offset it came from.
  // Longer runs are cut into pieces of kMaxCharactersPerCall characters.
  std::wstring wide;
  std::vector<uint32_t> offsets;
  std::vector<int> positions;
  for (size_t pos = start; pos < end;) {
    wide.clear();
    offsets.clear();
    while (pos < end && wide.size() < kMaxCharactersPerCall) {
      size_t length = 1;
      const uint32_t cp = CodePointAt(text, pos, &length);
      wide.push_back(static_cast<wchar_t>(cp));
      offsets.push_back(static_cast<uint32_t>(pos));
      pos += length;
    }
    if (offsets.front() != start) breaks->push_back(offsets.front());
    positions.assign(wide.size() + 1, 0);
    int found = 0;
    {
      const std::lock_guard<std::mutex> lock(mutex_);
      found = th_brk_wc_find_breaks(breaker_.get(), wide.c_str(), positions.data(),
                                    positions.size());
    }
    for (int i = 0; i < found; ++i) {
      const int at = positions[static_cast<size_t>(i)];
      if (at > 0 && static_cast<size_t>(at) < offsets.size()) breaks->push_back(offsets[at]);
    }
  }
}

void ThaiWordBreaker::Split(std::string_view text, std::vector<WordToken>* tokens) const {
  if (!available() || !HoldsThai(text)) return;
  std::vector<WordToken> split;
  std::vector<uint32_t> breaks;
  bool changed = false;
  for (const WordToken& token : *tokens) {
    if (token.kind != TokenKind::kWord ||
        !HoldsThai(text.substr(token.start, token.end - token.start))) {
      split.push_back(token);
      continue;
    }
    breaks.clear();
    Breaks(text, token.start, token.end, &breaks);
    WordToken part = token;
    for (const uint32_t at : breaks) {
      if (at <= part.start || at >= token.end) continue;
      part.end = at;
      split.push_back(part);
      part.start = at;
      part.line_start = false;
      changed = true;
    }
    part.end = token.end;
    split.push_back(part);
  }
  if (changed) *tokens = std::move(split);
}

}  // namespace privacy::detect
