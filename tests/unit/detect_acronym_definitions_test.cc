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

TEST_SUITE_BEGIN("detect");

TEST_CASE("detect acronym definitions: a term in lower case makes its acronym no name") {
  const std::string text =
      "The center of mass (CoM) moved; CoM speed rose with the ground reaction force (GRF).";
  std::vector<Finding> findings = {FindingAt(text, "CoM", "ORGANIZATION", 0.8, 25),
                                   FindingAt(text, "GRF", "ORGANIZATION")};
  ApplyAcronymDefinitions(text, TokensOf(text), &findings);
  CHECK(findings.empty());
}

TEST_CASE("detect acronym definitions: a named long form gives its type to the acronym") {
  const std::string text = "The World Health Organization (WHO) met. WHO staff flew to Geneva.";
  std::vector<Finding> findings = {FindingAt(text, "World Health Organization", "ORGANIZATION"),
                                   FindingAt(text, "WHO", "PERSON", 0.8, 40),
                                   FindingAt(text, "Geneva", "LOCATION")};
  ApplyAcronymDefinitions(text, TokensOf(text), &findings);
  CHECK(Describe(text, findings) == Strings{"ORGANIZATION:World Health Organization",
                                            "ORGANIZATION:WHO", "ORGANIZATION:WHO",
                                            "LOCATION:Geneva"});
}

TEST_CASE("detect acronym definitions: what is no definition changes nothing") {
  for (const std::string text :
       {"We met Anna (AB) at noon.", "The sample (n) was small.", "He said (WHO) twice.",
        "Call (ABCDEFGHIJK) now.", "A big cat (BC, a lion) slept.", "(GRF) opens the text."}) {
    CAPTURE(text);
    std::vector<Finding> findings = {FindingAt(text, "(", "ORGANIZATION")};
    const std::vector<Finding> before = findings;
    ApplyAcronymDefinitions(text, TokensOf(text), &findings);
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
