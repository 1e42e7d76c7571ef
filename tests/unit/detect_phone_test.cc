// The PHONE recognizer's shortcut past libphonenumber's matcher: its
// validity test and shape test must agree with libphonenumber wherever they
// answer.
#include <doctest/doctest.h>
#include <phonenumbers/phonenumbermatch.h>
#include <phonenumbers/phonenumbermatcher.h>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "detect/phone/phone_number_util.h"
#include "detect/phone/phone_shape.h"
#include "detect/phone/phone_validity.h"
#include "detect/validators/checksums.h"
#include "detect_test_util.h"

using namespace privacy::detect;
using namespace privacy::detect::testing;
using i18n::phonenumbers::PhoneNumber;
using i18n::phonenumbers::PhoneNumberMatch;
using i18n::phonenumbers::PhoneNumberMatcher;
using i18n::phonenumbers::PhoneNumberUtil;
using Verdict = PhoneValidity::Verdict;

namespace {

// libphonenumber's own answer: Parse, then IsValidNumber.
bool LibraryValid(const std::string& digits) {
  const PhoneNumberUtil& util = QuietPhoneNumberUtil();
  PhoneNumber number;
  return util.Parse("+" + digits, "ZZ", &number) == PhoneNumberUtil::NO_PARSING_ERROR &&
         util.IsValidNumber(number);
}

// The example number of every type of every region and non-geographic
// calling code, as digits after the '+'.
std::vector<std::string> ExampleNumbers() {
  const PhoneNumberUtil& util = QuietPhoneNumberUtil();
  std::vector<PhoneNumber> numbers;
  std::set<std::string> regions;
  util.GetSupportedRegions(&regions);
  std::set<int> non_geographic;
  util.GetSupportedGlobalNetworkCallingCodes(&non_geographic);
  for (int type = PhoneNumberUtil::FIXED_LINE; type <= PhoneNumberUtil::VOICEMAIL; ++type) {
    const auto t = static_cast<PhoneNumberUtil::PhoneNumberType>(type);
    for (const std::string& region : regions) {
      PhoneNumber n;
      if (util.GetExampleNumberForType(region, t, &n)) numbers.push_back(n);
    }
  }
  for (int code : non_geographic) {
    PhoneNumber n;
    if (util.GetExampleNumberForNonGeoEntity(code, &n)) numbers.push_back(n);
  }
  std::vector<std::string> digits;
  for (const PhoneNumber& n : numbers) {
    std::string e164;
    util.Format(n, PhoneNumberUtil::E164, &e164);
    digits.push_back(e164.substr(1));
  }
  return digits;
}

// `digits` and near misses: a digit changed, dropped or added.
std::vector<std::string> WithNearMisses(const std::string& digits) {
  std::vector<std::string> out = {digits, digits + "7", digits.substr(0, digits.size() - 1)};
  for (size_t i = 0; i < digits.size(); i += 3) {
    std::string changed = digits;
    changed[i] = static_cast<char>('0' + (changed[i] - '0' + 5) % 10);
    out.push_back(changed);
  }
  return out;
}

// The spans PhoneNumberMatcher finds in `text` at VALID leniency.
std::vector<std::pair<size_t, size_t>> MatcherSpans(const std::string& text) {
  std::vector<std::pair<size_t, size_t>> spans;
  PhoneNumberMatcher matcher(QuietPhoneNumberUtil(), text, "US", PhoneNumberMatcher::VALID, 4);
  PhoneNumberMatch match;
  while (matcher.HasNext() && matcher.Next(&match)) {
    spans.emplace_back(match.start(), match.start() + match.length());
  }
  return spans;
}

bool WholeCandidate(std::string_view candidate) {
  return IsWholeMatcherCandidate(candidate, DigitGroupsOf(candidate));
}

}  // namespace

TEST_SUITE_BEGIN("detect");

TEST_CASE("PhoneValidity: agrees with Parse and IsValidNumber wherever it answers") {
  const PhoneValidity validity;
  size_t answered = 0, total = 0, valid = 0;
  for (const std::string& example : ExampleNumbers()) {
    for (const std::string& digits : WithNearMisses(example)) {
      const Verdict verdict = validity.Check(digits);
      ++total;
      if (verdict == Verdict::kUnknown) continue;
      ++answered;
      valid += verdict == Verdict::kValid;
      INFO("+", digits);
      CHECK((verdict == Verdict::kValid) == LibraryValid(digits));
    }
  }
  // National prefixes that Parse may strip leave few numbers unanswered.
  CHECK(answered * 10 > total * 9);
  CHECK(valid * 4 > total);
}

TEST_CASE("PhoneValidity: calling codes, lengths and national prefixes") {
  const PhoneValidity validity;
  CHECK(validity.Check("14155550132") == Verdict::kValid);        // US
  CHECK(validity.Check("16135550123") == Verdict::kValid);        // CA, shares +1
  CHECK(validity.Check("442079460286") == Verdict::kValid);       // GB
  CHECK(validity.Check("4930855512000") == Verdict::kValid);      // DE
  CHECK(validity.Check("33612345678") == Verdict::kValid);        // FR mobile
  CHECK(validity.Check("919876543210") == Verdict::kValid);       // IN
  CHECK(validity.Check("390612345678") == Verdict::kValid);       // IT, leading zero kept
  CHECK(validity.Check("80012345678") == Verdict::kValid);        // +800, non-geographic
  CHECK(validity.Check("1415555013") == Verdict::kInvalid);       // too short
  CHECK(validity.Check("141555501329") == Verdict::kInvalid);     // too long
  CHECK(validity.Check("14150550132") == Verdict::kInvalid);      // no exchange 055
  CHECK(validity.Check("0442079460286") == Verdict::kInvalid);    // '+0': no calling code
  CHECK(validity.Check("9991234567") == Verdict::kInvalid);       // +999 unassigned
  CHECK(validity.Check("44") == Verdict::kInvalid);
  CHECK(validity.Check("123456789012345678901") == Verdict::kInvalid);
  // Parse strips a national prefix (+44 (0)20 ..., +1 1...): left to libphonenumber.
  CHECK(validity.Check("11234567890") == Verdict::kUnknown);
  CHECK(validity.Check("4402079460286") == Verdict::kUnknown);
  CHECK(LibraryValid("4402079460286"));
}

TEST_CASE("IsWholeMatcherCandidate: shapes the matcher takes whole") {
  CHECK(WholeCandidate("+1 415 555 0132"));
  CHECK(WholeCandidate("+1 (415) 555-0132"));
  CHECK(WholeCandidate("(+44) 20 7946 0286"));
  CHECK(WholeCandidate("+49.30.85551200"));
  CHECK(WholeCandidate("+33 6 12 34 56 78"));
  CHECK_FALSE(WholeCandidate("415 555 0132"));          // no '+': grouping rules apply
  CHECK_FALSE(WholeCandidate("++1 415 555 0132"));
  CHECK_FALSE(WholeCandidate("+ 1 415 555 0132"));
  CHECK_FALSE(WholeCandidate("+1 415 - ( 555) 0132"));  // five characters between groups
  CHECK_FALSE(WholeCandidate("+1 (415) (555) 0132"));   // two pairs of brackets
  CHECK_FALSE(WholeCandidate("+1 415-555 (0132"));
  CHECK_FALSE(WholeCandidate("+1 415-55 (01) 32"));     // page-reference shape
  CHECK_FALSE(WholeCandidate("+1 ()415 555 0132"));
}

TEST_CASE("PHONE shortcut: the matcher finds exactly the whole candidate it accepts") {
  const PhoneValidity validity;
  const PhoneNumberUtil& util = QuietPhoneNumberUtil();
  size_t shortcut = 0;
  for (const std::string& example : ExampleNumbers()) {
    for (const std::string& digits : WithNearMisses(example)) {
      PhoneNumber number;
      if (util.Parse("+" + digits, "ZZ", &number) != PhoneNumberUtil::NO_PARSING_ERROR) continue;
      std::string international;
      util.Format(number, PhoneNumberUtil::INTERNATIONAL, &international);
      std::string dotted = international;
      std::replace(dotted.begin(), dotted.end(), ' ', '.');
      for (const std::string& candidate :
           {international, dotted, "+" + digits, "(" + international.substr(0, 3) + ")" +
                                                     international.substr(3)}) {
        const std::vector<DigitGroup> groups = DigitGroupsOf(candidate);
        if (IsNonPhoneShape(candidate, groups) || !IsWholeMatcherCandidate(candidate, groups) ||
            DigitsOf(candidate) != digits || validity.Check(digits) != Verdict::kValid) {
          continue;
        }
        ++shortcut;
        INFO(candidate);
        CHECK(MatcherSpans(candidate) ==
              std::vector<std::pair<size_t, size_t>>{{0, candidate.size()}});
      }
    }
  }
  CHECK(shortcut > 1000);
}

TEST_CASE("detect PHONE: numbers with a calling code, accepted and rejected") {
  CHECK(Found("text me on +1 415 555 0132.", {"PHONE"}) == Strings{"PHONE:+1 415 555 0132"});
  CHECK(Found("tel (+44) 20 7946 0286", {"PHONE"}) == Strings{"PHONE:(+44) 20 7946 0286"});
  CHECK(Found("tel +44 (0)20 7946 0286", {"PHONE"}) == Strings{"PHONE:+44 (0)20 7946 0286"});
  CHECK(Found("mobile +33 6 12 34 56 78", {"PHONE"}) == Strings{"PHONE:+33 6 12 34 56 78"});
  CHECK(Found("call +1-415-555-0132 ext. 12", {"PHONE"}) ==
        Strings{"PHONE:+1-415-555-0132 ext. 12"});
  CHECK(Found("ring +91 98765 43210 today", {"PHONE"}) == Strings{"PHONE:+91 98765 43210"});
  CHECK(Found("call +1 415 555 013", {"PHONE"}).empty());          // too short
  CHECK(Found("call +1 415 555 0132 4567", {"PHONE"}).empty());    // too long
  CHECK(Found("call +999 123 4567", {"PHONE"}).empty());           // unassigned calling code
  CHECK(Found("ref +1 123 456 7890", {"PHONE"}).empty());          // invalid area code
  // After a phone cue a number of a possible length counts.
  CHECK(Found("text me at +447700 921 916", {"PHONE"}) == Strings{"PHONE:+447700 921 916"});
  CHECK(Found("call me on 9472 7916 today", {"PHONE"}) == Strings{"PHONE:9472 7916"});
  CHECK(Found("order number 48213377 shipped", {"PHONE"}).empty());
}

TEST_CASE("detect PHONE: national numbers keep their grouping rules") {
  CHECK(Found("call 415 555 0132 now", {"PHONE"}) == Strings{"PHONE:415 555 0132"});
  CHECK(Found("ruf 030 85551200 an", {"PHONE"}) == Strings{"PHONE:030 85551200"});
  CHECK(Found("ref 41 555 501 32", {"PHONE"}).empty());
}

TEST_CASE("detect PHONE: North American grouping is a phone number even with no area code assigned") {
  CHECK(Found("my number is 555-123-4567", {"PHONE"}) == Strings{"PHONE:555-123-4567"});
  CHECK(Found("is 555.123.4567.", {"PHONE"}) == Strings{"PHONE:555.123.4567"});
  CHECK(Found("(555)123-4567 is mine", {"PHONE"}) == Strings{"PHONE:(555)123-4567"});
  CHECK(Found("or 1-555-010-9999", {"PHONE"}) == Strings{"PHONE:1-555-010-9999"});
  // Other groupings, mixed separators and labelled numbers are not.
  CHECK(Found("is 555-1234-567, 555-123.4567, 5-551-234-567", {"PHONE"}).empty());
  CHECK(Found("order 555-123-4567 shipped", {"PHONE"}).empty());
}

TEST_CASE("detect PHONE: a number labelled as something else is no phone, unless a phone cue says so") {
  CHECK(Found("ABA 014944755 on the form", {"PHONE"}).empty());
  CHECK(Found("P.IVA 01234567890", {"PHONE"}).empty());
  CHECK(Found("invoice 021000022 is overdue", {"PHONE"}).empty());
  CHECK(Found("call me on 020 7946 0286 about invoice 4471", {"PHONE"}) ==
        Strings{"PHONE:020 7946 0286"});
  CHECK(Found("order line, call 020 7946 0286", {"PHONE"}) == Strings{"PHONE:020 7946 0286"});
}

TEST_SUITE_END();
