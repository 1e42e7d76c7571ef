// Names found once are masked where they recur: AddRepeatedMentions alone,
// and through the detector.
#include <doctest/doctest.h>

#include <algorithm>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "detect/detector.h"
#include "detect/names/repeated_mentions.h"
#include "detect_test_util.h"

using namespace privacy::detect;
using namespace privacy::detect::testing;

TEST_SUITE_BEGIN("detect");

TEST_CASE("detect repeated mentions: a person's later mention by one name is found") {
  const std::string text =
      "Maria Gonzalez joined in 2019. Gonzalez said the team, and Maria's manager, agreed.";
  std::vector<Finding> findings = {FindingAt(text, "Maria Gonzalez", "PERSON", 0.9)};
  AddRepeatedMentions(text, TokensOf(text), &findings);
  CHECK(Describe(text, findings) ==
        std::vector<std::string>{"PERSON:Maria Gonzalez", "PERSON:Gonzalez", "PERSON:Maria"});
  CHECK(findings[1].score == 0.9);
}

TEST_CASE("detect repeated mentions: a place found as a word of a person's name is that person") {
  const std::string text =
      "Charles J. Fillmore taught at Berkeley. Fillmore wrote on frames; Fillmore Street is far.";
  std::vector<Finding> findings = {FindingAt(text, "Charles J. Fillmore", "PERSON", 0.9),
                                   FindingAt(text, "Berkeley", "LOCATION"),
                                   FindingAt(text, "Fillmore wrote", "LOCATION"),
                                   FindingAt(text, "Fillmore Street", "LOCATION")};
  findings[2].end = findings[2].start + 8;  // "Fillmore" alone
  AddRepeatedMentions(text, TokensOf(text), &findings);
  CHECK(Describe(text, findings) ==
        std::vector<std::string>{"PERSON:Charles J. Fillmore", "LOCATION:Berkeley",
                                 "PERSON:Fillmore", "LOCATION:Fillmore Street"});
}

TEST_CASE("detect repeated mentions: names of several words recur in any case, one word in its own") {
  const std::string text =
      "Acme Corp hired staff in New York and Lagos. Acme Corp later left New York; new york is "
      "far, lagos too. ACME CORP, Lagos";
  std::vector<Finding> findings = {FindingAt(text, "Acme Corp", "ORGANIZATION"),
                                   FindingAt(text, "New York", "LOCATION"), FindingAt(text, "Lagos", "LOCATION")};
  AddRepeatedMentions(text, TokensOf(text), &findings);
  CHECK(Describe(text, findings) ==
        std::vector<std::string>{"ORGANIZATION:Acme Corp", "LOCATION:New York", "LOCATION:Lagos",
                                 "ORGANIZATION:Acme Corp", "LOCATION:New York",
                                 "LOCATION:new york", "ORGANIZATION:ACME CORP"});
}

TEST_CASE("detect repeated mentions: words that are also ordinary words are not spread") {
  // "Will" is written in lower case elsewhere: not a name on its own here.
  // "Al" is too short; "NASA" has no lower case; "van" is not capitalised.
  const std::string text =
      "Will Smith met Al van Dyke. Will you call? We will. Al left. NASA Jones and Jones came.";
  std::vector<Finding> findings = {FindingAt(text, "Will Smith", "PERSON"),
                                   FindingAt(text, "Al van Dyke", "PERSON"),
                                   FindingAt(text, "NASA Jones", "PERSON")};
  AddRepeatedMentions(text, TokensOf(text), &findings);
  CHECK(Describe(text, findings) ==
        std::vector<std::string>{"PERSON:Will Smith", "PERSON:Al van Dyke", "PERSON:NASA Jones",
                                 "PERSON:Jones"});
}

TEST_CASE("detect repeated mentions: other findings are kept and never overlapped") {
  const std::string text = "Call Lee Chen at chen@example.com or write to Chen.";
  std::vector<Finding> findings = {FindingAt(text, "Lee Chen", "PERSON"),
                                   FindingAt(text, "chen@example.com", "EMAIL")};
  AddRepeatedMentions(text, TokensOf(text), &findings);
  CHECK(Describe(text, findings) ==
        std::vector<std::string>{"PERSON:Lee Chen", "EMAIL:chen@example.com", "PERSON:Chen"});

  std::vector<Finding> structured_only = {FindingAt(text, "chen@example.com", "EMAIL")};
  AddRepeatedMentions(text, TokensOf(text), &structured_only);
  CHECK(structured_only.size() == 1);
}

TEST_CASE("detect repeated mentions: a text repeating one name many times stays linear") {
  std::string text = "Maria Gonzalez. ";
  for (int i = 0; i < 20000; ++i) text += "Gonzalez Maria ";
  std::vector<Finding> findings = {FindingAt(text, "Maria Gonzalez", "PERSON")};
  AddRepeatedMentions(text, TokensOf(text), &findings);
  // Every later word is covered: "Gonzalez", then "Maria Gonzalez" (the
  // longest mention wins) 19,999 times, then the last "Maria".
  REQUIRE(findings.size() == 20002);
  size_t covered = 0;
  for (size_t i = 0; i < findings.size(); ++i) {
    if (i > 0) CHECK(findings[i - 1].end <= findings[i].start);
    covered += findings[i].end - findings[i].start;
  }
  CHECK(covered == 14 + 8 + 19999 * 14 + 5);
}

TEST_CASE("detect repeated mentions: the detector masks a name everywhere it recurs") {
  const std::unique_ptr<Detector> detector = CreateDetector(DetectorConfig{});
  const std::string text =
      "Yesterday I met Okonkwo Adeyemi at the airport. Later that evening Adeyemi called me "
      "back about the booking.";
  const std::vector<Finding> findings = detector->Detect(text, {});
  std::vector<std::string> names;
  for (const Finding& f : findings) names.push_back(std::string(text.substr(f.start, f.end - f.start)));
  CHECK(std::count(names.begin(), names.end(), "Adeyemi") + std::count(names.begin(), names.end(), "Okonkwo Adeyemi") == 2);
}

TEST_SUITE_END();
