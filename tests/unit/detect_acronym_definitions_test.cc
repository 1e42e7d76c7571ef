// Acronyms defined in parentheses: ApplyAcronymDefinitions alone, and
// through the detector.
#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <vector>

#include "detect/names/acronym_definitions.h"
#include "detect_test_util.h"

using namespace privacy::detect;
using namespace privacy::detect::testing;

namespace {

// The occurrence of `value` at or after byte `from` of `text`, as a finding of `type`.
Finding At(std::string_view text, std::string_view value, std::string type, size_t from = 0,
           double score = 0.8) {
  const auto start = static_cast<uint32_t>(text.find(value, from));
  return {std::move(type), start, start + static_cast<uint32_t>(value.size()), score};
}

// "TYPE:value" for each finding, in order.
std::vector<std::string> Describe(std::string_view text, const std::vector<Finding>& findings) {
  std::vector<std::string> out;
  for (const Finding& f : findings) {
    out.push_back(f.type + ":" + std::string(text.substr(f.start, f.end - f.start)));
  }
  return out;
}

}  // namespace

TEST_SUITE_BEGIN("detect");

TEST_CASE("detect acronym definitions: a term in lower case makes its acronym no name") {
  const std::string text =
      "The center of mass (CoM) moved; CoM speed rose with the ground reaction force (GRF).";
  std::vector<Finding> findings = {At(text, "CoM", "ORGANIZATION", 25),
                                   At(text, "GRF", "ORGANIZATION")};
  ApplyAcronymDefinitions(text, &findings);
  CHECK(findings.empty());
}

TEST_CASE("detect acronym definitions: a named long form gives its type to the acronym") {
  const std::string text = "The World Health Organization (WHO) met. WHO staff flew to Geneva.";
  std::vector<Finding> findings = {At(text, "World Health Organization", "ORGANIZATION"),
                                   At(text, "WHO", "PERSON", 40), At(text, "Geneva", "LOCATION")};
  ApplyAcronymDefinitions(text, &findings);
  CHECK(Describe(text, findings) ==
        std::vector<std::string>{"ORGANIZATION:World Health Organization", "ORGANIZATION:WHO",
                                 "ORGANIZATION:WHO", "LOCATION:Geneva"});
}

TEST_CASE("detect acronym definitions: what is no definition changes nothing") {
  for (const std::string text :
       {"We met Anna (AB) at noon.", "The sample (n) was small.", "He said (WHO) twice.",
        "Call (ABCDEFGHIJK) now.", "A big cat (BC, a lion) slept.", "(GRF) opens the text."}) {
    CAPTURE(text);
    std::vector<Finding> findings = {At(text, "(", "ORGANIZATION")};
    const std::vector<Finding> before = findings;
    ApplyAcronymDefinitions(text, &findings);
    CHECK(findings == before);
  }
}

TEST_CASE("detect acronym definitions: through the detector") {
  CHECK(Found("The system under test (SUT) failed; the SUT logs are attached.",
              {"PERSON", "LOCATION", "ORGANIZATION"})
            .empty());
  CHECK(Found("Maria Lopez (ML) met the board. ML said yes.", {"PERSON"}) ==
        Strings{"PERSON:Maria Lopez", "PERSON:ML", "PERSON:ML"});
}

TEST_SUITE_END();
