#include "detect/phone_recognizer.h"

#include <phonenumbers/logger.h>
#include <phonenumbers/phonenumber.pb.h>
#include <phonenumbers/phonenumbermatch.h>
#include <phonenumbers/phonenumbermatcher.h>
#include <phonenumbers/phonenumberutil.h>

#include <algorithm>

#include "detect/checksums.h"
#include "detect/context_words.h"
#include "detect/text_boundary.h"

namespace privacy::detect {
namespace {

using i18n::phonenumbers::PhoneNumberMatch;
using i18n::phonenumbers::PhoneNumberMatcher;
using i18n::phonenumbers::PhoneNumberUtil;

constexpr double kInternationalScore = 0.75;
constexpr double kExactGroupingScore = 0.7;
constexpr double kLooseGroupingScore = 0.4;
constexpr double kContextBoost = 0.35;
constexpr int kMaxTries = 4;
constexpr size_t kMinDigits = 7;
constexpr size_t kMaxDigits = 17;
constexpr size_t kMaxNationalDigits = 13;
constexpr uint32_t kMaxRun = 32;
// Earlier candidates at least this strong claim their digits.
constexpr double kClaimScore = 0.5;

// libphonenumber logs parse failures to stderr by default; the service must
// never print personal values, so the library logger is muted once.
const PhoneNumberUtil& QuietPhoneNumberUtil() {
  static PhoneNumberUtil* const util = [] {
    PhoneNumberUtil* u = PhoneNumberUtil::GetInstance();
    u->SetLogger(new i18n::phonenumbers::NullLogger());
    return u;
  }();
  return *util;
}

const std::vector<std::string>& ContextWords() {
  static const std::vector<std::string> kWords = {
      "phone", "tel",   "call",    "mobile",     "cell",     "fax",     "contact",
      "reach", "ring",  "sms",     "whatsapp",   "number",   "voicemail", "dial",
      "telefon", "téléphone", "erreichbar", "llamar", "teléfono", "portable", "handy"};
  return kWords;
}

struct Span {
  uint32_t start;
  uint32_t end;
};

// The spans libphonenumber finds in `candidate` for `region` at `leniency`.
std::vector<Span> Match(const std::string& candidate, const std::string& region,
                        PhoneNumberMatcher::Leniency leniency) {
  std::vector<Span> spans;
  PhoneNumberMatcher matcher(QuietPhoneNumberUtil(), candidate, region, leniency, kMaxTries);
  PhoneNumberMatch match;
  while (matcher.HasNext() && matcher.Next(&match)) {
    spans.push_back({static_cast<uint32_t>(match.start()),
                     static_cast<uint32_t>(match.start() + match.length())});
  }
  return spans;
}

// True when some substring parse of `candidate` is a valid number of `region`;
// a cheap filter before the grouping-aware matcher.
bool ValidInRegion(const std::string& candidate, const std::string& region) {
  const PhoneNumberUtil& util = QuietPhoneNumberUtil();
  i18n::phonenumbers::PhoneNumber number;
  if (util.Parse(candidate, region, &number) != PhoneNumberUtil::NO_PARSING_ERROR) return false;
  return util.IsValidNumber(number);
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// The union of the spans of earlier strong candidates, as disjoint spans
// sorted by start.
std::vector<Span> ClaimedSpans(std::span<const Candidate> earlier) {
  std::vector<Span> spans;
  for (const Candidate& c : earlier) {
    if (c.score >= kClaimScore) spans.push_back({c.start, c.end});
  }
  std::sort(spans.begin(), spans.end(),
            [](const Span& a, const Span& b) { return a.start < b.start; });
  std::vector<Span> merged;
  for (const Span& s : spans) {
    if (!merged.empty() && s.start <= merged.back().end) {
      merged.back().end = std::max(merged.back().end, s.end);
    } else {
      merged.push_back(s);
    }
  }
  return merged;
}

// Parts of the hit `m` outside the `claimed` spans, trimmed to start at
// '+', '(' or a digit and to end at a digit.
std::vector<Span> UnclaimedSegments(std::string_view text, const PatternMatch& m,
                                    const std::vector<Span>& claimed) {
  std::vector<Span> free_parts;
  uint32_t cursor = m.start;
  auto it = std::upper_bound(claimed.begin(), claimed.end(), m.start,
                             [](uint32_t pos, const Span& s) { return pos < s.end; });
  for (; it != claimed.end() && it->start < m.end; ++it) {
    if (it->start > cursor) free_parts.push_back({cursor, it->start});
    cursor = std::max(cursor, it->end);
  }
  if (cursor < m.end) free_parts.push_back({cursor, m.end});
  std::vector<Span> segments;
  for (Span part : free_parts) {
    while (part.start < part.end && !IsDigit(text[part.start]) && text[part.start] != '+' &&
           text[part.start] != '(') {
      ++part.start;
    }
    while (part.end > part.start && !IsDigit(text[part.end - 1])) --part.end;
    if (part.end > part.start) segments.push_back(part);
  }
  return segments;
}

bool IsPhoneChar(char c) {
  return IsDigit(c) || c == ' ' || c == '(' || c == ')' || c == '.' || c == '-' || c == '+';
}

// Turns the every-end hits of the phone pattern into maximal runs of phone
// characters (digits, spaces, brackets, dots, hyphens, plus), each ending at
// the last hit inside it and starting at most kMaxRun bytes before.
std::vector<PatternMatch> WholeRuns(std::string_view text, std::span<const PatternMatch> hits) {
  std::vector<PatternMatch> runs;
  for (const PatternMatch& h : hits) {
    if (!runs.empty() && h.end <= runs.back().end) continue;
    uint32_t start = h.end;
    while (start > 0 && h.end - start < kMaxRun && IsPhoneChar(text[start - 1])) --start;
    if (!runs.empty() && start < runs.back().end) {
      runs.back().end = h.end;
    } else {
      runs.push_back({h.pattern, start, h.end});
    }
  }
  return runs;
}

size_t CountDigits(std::string_view s) {
  return static_cast<size_t>(std::count_if(s.begin(), s.end(), [](char c) {
    return c >= '0' && c <= '9';
  }));
}

}  // namespace

PhoneRecognizer::PhoneRecognizer(std::vector<std::string> regions) {
  if (regions.empty()) regions.push_back("US");
  const PhoneNumberUtil& util = QuietPhoneNumberUtil();
  for (const std::string& code : regions) {
    Region region{code, ""};
    util.GetNddPrefixForRegion(code, true, &region.trunk_prefix);
    regions_.push_back(region);
  }
}

std::vector<const PhoneRecognizer::Region*> PhoneRecognizer::PlausibleRegions(
    std::string_view digits) const {
  std::vector<const Region*> plausible;
  const bool leading_zero = !digits.empty() && digits[0] == '0';
  for (const Region& region : regions_) {
    const bool zero_trunk = region.trunk_prefix == "0";
    if (leading_zero == zero_trunk) plausible.push_back(&region);
  }
  return plausible;
}

std::vector<ScanPattern> PhoneRecognizer::Patterns() const {
  return {{R"(\d[\d ().-]{5,22}\d)", false, false}};
}

void PhoneRecognizer::Recognize(const RecognizeInput& input,
                                std::vector<Candidate>* out) const {
  const std::vector<Span> claimed = ClaimedSpans(input.earlier);
  for (const PatternMatch& m : WholeRuns(input.text, input.matches)) {
    for (const Span& segment : UnclaimedSegments(input.text, m, claimed)) {
      RecognizeSegment(input.text, segment.start, segment.end, out);
    }
  }
}

void PhoneRecognizer::RecognizeSegment(std::string_view text, uint32_t from, uint32_t to,
                                       std::vector<Candidate>* out) const {
  const std::string candidate(text.substr(from, to - from));
  const bool international = candidate.find('+') != std::string::npos;
  const size_t digits = CountDigits(candidate);
  if (digits < kMinDigits || digits > (international ? kMaxDigits : kMaxNationalDigits)) return;
  std::vector<Span> spans;
  double score = 0;
  if (international) {
    spans = Match(candidate, regions_.front().code, PhoneNumberMatcher::VALID);
    score = kInternationalScore;
  }
  std::vector<const Region*> valid_in;
  if (spans.empty()) {
    for (const Region* region : PlausibleRegions(DigitsOf(candidate))) {
      if (ValidInRegion(candidate, region->code)) valid_in.push_back(region);
    }
  }
  for (size_t i = 0; spans.empty() && i < valid_in.size(); ++i) {
    spans = Match(candidate, valid_in[i]->code, PhoneNumberMatcher::EXACT_GROUPING);
    score = kExactGroupingScore;
  }
  for (size_t i = 0; spans.empty() && i < valid_in.size(); ++i) {
    spans = Match(candidate, valid_in[i]->code, PhoneNumberMatcher::STRICT_GROUPING);
    score = kLooseGroupingScore;
  }
  for (const Span& s : spans) {
    const uint32_t start = from + s.start;
    const uint32_t end = from + s.end;
    if (WordCharBefore(text, start) || WordCharAfter(text, end)) continue;
    double final_score = score;
    if (HasContextWord(text, start, end, ContextWords())) final_score += kContextBoost;
    out->push_back({type_, start, end, std::min(final_score, 1.0)});
  }
}

}  // namespace privacy::detect
