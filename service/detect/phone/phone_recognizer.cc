#include "detect/phone/phone_recognizer.h"

#include <phonenumbers/phonenumber.pb.h>
#include <phonenumbers/phonenumbermatch.h>
#include <phonenumbers/phonenumbermatcher.h>

#include <algorithm>

#include "detect/phone/phone_number_util.h"
#include "detect/phone/phone_validity.h"
#include "detect/scan/context_words.h"
#include "detect/scan/text_boundary.h"
#include "detect/validators/checksums.h"

namespace privacy::detect {
namespace {

using i18n::phonenumbers::PhoneNumberMatch;
using i18n::phonenumbers::PhoneNumberMatcher;
using i18n::phonenumbers::PhoneNumberUtil;

constexpr double kInternationalScore = 0.75;
constexpr double kExactGroupingScore = 0.7;
constexpr double kLooseGroupingScore = 0.4;
constexpr double kContextBoost = 0.35;
constexpr double kCuedShapeScore = 0.6;
constexpr double kNorthAmericanShapeScore = 0.55;
constexpr int kMaxTries = 4;
constexpr size_t kMinDigits = 7;
constexpr size_t kMaxDigits = 17;
constexpr size_t kMaxNationalDigits = 13;
constexpr uint32_t kMaxRun = 32;
// Earlier candidates at least this strong claim their digits.
constexpr double kClaimScore = 0.5;

std::vector<std::string> ContextWords() {
  return {
      "phone", "tel",   "call",    "mobile",     "cell",     "fax",     "contact",
      "reach", "ring",  "sms",     "whatsapp",   "number",   "voicemail", "dial",
      "telefon", "téléphone", "erreichbar", "llamar", "teléfono", "portable", "handy"};
}

using Span = PhoneRecognizer::Verdict::Span;

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

// True when PhoneNumberMatcher at VALID leniency would find exactly the
// whole of `candidate`, a number with a '+' (`digits` its digits): the
// matcher would take all of it, and Parse and IsValidNumber accept it. The
// matcher rejects 4-digit Israeli numbers (+972) not preceded by '*'.
bool ValidAsWhole(const PhoneValidity& validity, std::string_view candidate,
                  std::string_view digits, std::span<const DigitGroup> groups) {
  constexpr std::string_view kIsrael = "972";
  if (digits.starts_with(kIsrael) && digits.size() == kIsrael.size() + 4) return false;
  return IsWholeMatcherCandidate(candidate, groups) &&
         validity.Check(digits) == PhoneValidity::Verdict::kValid;
}

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

// Calls `fn(first_digit, length)` for every run of consecutive digit groups,
// where `first_digit` indexes `digits` (the candidate's digits) and `length`
// counts the run's digits; stops at the first call returning true.
template <typename Fn>
bool AnyGroupRun(std::span<const DigitGroup> groups, Fn fn) {
  size_t first = 0;
  for (size_t i = 0; i < groups.size(); ++i) {
    size_t length = 0;
    for (size_t j = i; j < groups.size(); ++j) {
      length += groups[j].length;
      if (fn(first, length)) return true;
    }
    first += groups[i].length;
  }
  return false;
}

}  // namespace

PhoneRecognizer::PhoneRecognizer(std::vector<std::string> regions)
    : context_words_(ContextWords()), validity_(std::make_unique<PhoneValidity>()) {
  if (regions.empty()) regions.push_back("US");
  const PhoneNumberUtil& util = QuietPhoneNumberUtil();
  for (const std::string& code : regions) {
    Region region{code, util.GetCountryCodeForRegion(code), ""};
    util.GetNddPrefixForRegion(code, true, &region.trunk_prefix);
    regions_.push_back(region);
    // Numbers of the configured regions are the likely ones: no request
    // should wait for their patterns to compile.
    validity_->Prepare(region.calling_code);
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

bool PhoneRecognizer::MayBeInternational(std::string_view digits,
                                         std::span<const DigitGroup> groups) const {
  const PhoneLengths::Prefix prefix = lengths_.CallingCodePrefix(digits);
  if (prefix.code == 0) return false;
  // Runs starting with the first group; the national part may carry a
  // bracketed trunk prefix, as in +44 (0)20.
  size_t length = 0;
  for (const DigitGroup& g : groups) {
    length += g.length;
    if (length <= prefix.length) continue;
    const size_t national = length - prefix.length;
    if (lengths_.IsPossible(prefix.code, national)) return true;
    if (digits[prefix.length] == '0' && lengths_.IsPossible(prefix.code, national - 1)) {
      return true;
    }
  }
  return false;
}

bool PhoneRecognizer::MayBeNational(std::string_view digits, std::span<const DigitGroup> groups,
                                    const Region& region) const {
  const std::string_view trunk = region.trunk_prefix;
  return AnyGroupRun(groups, [&](size_t first, size_t length) {
    const std::string_view run = digits.substr(first, length);
    if (lengths_.IsPossible(region.calling_code, length)) return true;
    if (!trunk.empty() && run.starts_with(trunk) && length > trunk.size() &&
        lengths_.IsPossible(region.calling_code, length - trunk.size())) {
      return true;
    }
    // Dialled with an international access code: 00 44 20 ..., 011 44 20 ...
    for (std::string_view idd : {std::string_view("00"), std::string_view("011")}) {
      if (run.starts_with(idd)) {
        const std::string_view rest = run.substr(idd.size());
        const PhoneLengths::Prefix prefix = lengths_.CallingCodePrefix(rest);
        if (prefix.code != 0 && rest.size() > prefix.length &&
            lengths_.IsPossible(prefix.code, rest.size() - prefix.length)) {
          return true;
        }
      }
    }
    return false;
  });
}

bool PhoneRecognizer::PossibleSomewhere(std::string_view digits,
                                        std::span<const DigitGroup> groups,
                                        bool international) const {
  if (groups.size() > 5) return false;
  if (international) {
    const PhoneLengths::Prefix prefix = lengths_.CallingCodePrefix(digits);
    return prefix.code != 0 && digits.size() > prefix.length &&
           lengths_.IsPossible(prefix.code, digits.size() - prefix.length);
  }
  return std::any_of(regions_.begin(), regions_.end(), [&](const Region& r) {
    const std::string_view trunk = r.trunk_prefix;
    if (lengths_.IsPossible(r.calling_code, digits.size())) return true;
    return !trunk.empty() && digits.starts_with(trunk) &&
           lengths_.IsPossible(r.calling_code, digits.size() - trunk.size());
  });
}

PhoneRecognizer::Verdict PhoneRecognizer::Verify(const std::string& candidate,
                                                 std::string_view digits,
                                                 std::span<const DigitGroup> groups) const {
  Verdict verdict;
  const bool international = candidate.find('+') != std::string::npos;
  std::vector<const Region*> regions = PlausibleRegions(digits);
  if (international) {
    if (!MayBeInternational(digits, groups) && !MayBeNational(digits, groups, regions_.front())) {
      return verdict;
    }
    verdict.score = kInternationalScore;
    if (ValidAsWhole(*validity_, candidate, digits, groups)) {
      verdict.spans.push_back({0, static_cast<uint32_t>(candidate.size())});
      return verdict;
    }
    verdict.spans = Match(candidate, regions_.front().code, PhoneNumberMatcher::VALID);
    if (!verdict.spans.empty()) return verdict;
  } else {
    std::erase_if(regions, [&](const Region* r) { return !MayBeNational(digits, groups, *r); });
  }
  std::erase_if(regions, [&](const Region* r) { return !ValidInRegion(candidate, r->code); });
  for (size_t i = 0; verdict.spans.empty() && i < regions.size(); ++i) {
    verdict.spans = Match(candidate, regions[i]->code, PhoneNumberMatcher::EXACT_GROUPING);
    verdict.score = kExactGroupingScore;
  }
  for (size_t i = 0; verdict.spans.empty() && i < regions.size(); ++i) {
    verdict.spans = Match(candidate, regions[i]->code, PhoneNumberMatcher::STRICT_GROUPING);
    verdict.score = kLooseGroupingScore;
  }
  return verdict;
}

void PhoneRecognizer::Recognize(const RecognizeInput& input,
                                std::vector<Candidate>* out) const {
  const std::vector<Span> claimed = ClaimedSpans(input.earlier);
  Memo memo;
  for (const PatternMatch& m : WholeRuns(input.text, input.matches)) {
    for (const Span& segment : UnclaimedSegments(input.text, m, claimed)) {
      RecognizeSegment(input.text, segment.start, segment.end, &memo, out);
    }
  }
}

void PhoneRecognizer::RecognizeSegment(std::string_view text, uint32_t from, uint32_t to,
                                       Memo* memo, std::vector<Candidate>* out) const {
  const std::string_view candidate = text.substr(from, to - from);
  const std::vector<DigitGroup> groups = DigitGroupsOf(candidate);
  if (groups.empty()) return;
  // "5 +44 20 7946 0286": a number with a country code after other digits.
  const size_t plus = candidate.find('+', groups[0].offset);
  if (plus != std::string_view::npos && candidate[plus - 1] == ' ') {
    uint32_t end = from + static_cast<uint32_t>(plus);
    while (end > from && !IsDigit(text[end - 1])) --end;
    RecognizeSegment(text, from, end, memo, out);
    RecognizeSegment(text, from + static_cast<uint32_t>(plus), to, memo, out);
    return;
  }
  const bool international = candidate.find('+') != std::string_view::npos;
  const std::string digits = DigitsOf(candidate);
  if (digits.size() < kMinDigits ||
      digits.size() > (international ? kMaxDigits : kMaxNationalDigits)) {
    return;
  }
  if (IsNonPhoneShape(candidate, groups)) return;

  std::string key(candidate);
  auto it = memo->find(key);
  if (it == memo->end()) {
    Verdict verdict = Verify(key, digits, groups);
    it = memo->emplace(std::move(key), std::move(verdict)).first;
  }
  std::vector<Span> spans = it->second.spans;
  double base_score = it->second.score;
  const bool cue = cues_.Before(text, from);
  if (!cue && labels_.Before(text, from)) return;
  if (spans.empty() && cue && PossibleSomewhere(digits, groups, international)) {
    spans.push_back({0, to - from});
    base_score = kCuedShapeScore;
  } else if (spans.empty() && IsNorthAmericanShape(candidate, groups)) {
    spans.push_back({0, to - from});
    base_score = kNorthAmericanShapeScore;
  }
  // An unbroken run of digits valid somewhere among many regions is as
  // likely a ticket or order number: it needs a phone cue.
  const bool unbroken = !international && groups.size() == 1 && digits[0] != '0';
  if (unbroken) base_score = cue ? std::max(base_score, kCuedShapeScore) : kLooseGroupingScore;
  for (const Span& s : spans) {
    const uint32_t start = from + s.start;
    const uint32_t end = static_cast<uint32_t>(PhoneExtensionEnd(text, from + s.end));
    if (WordCharBefore(text, start) || WordCharAfter(text, end)) continue;
    double score = base_score;
    if (!unbroken && HasContextWord(text, start, end, context_words_)) score += kContextBoost;
    out->push_back({type_, start, end, std::min(score, 1.0)});
  }
}

}  // namespace privacy::detect
