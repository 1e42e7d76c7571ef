#include <doctest/doctest.h>

#include "detect_test_util.h"

using namespace privacy::detect;
using namespace privacy::detect::testing;

namespace {

// "TYPE:value" for each finding of `detector` in `text`.
Strings FoundBy(const Detector& detector, std::string_view text, const DetectOptions& options = {}) {
  Strings out;
  for (const Finding& f : detector.Detect(text, options)) {
    out.push_back(f.type + ":" + std::string(text.substr(f.start, f.end - f.start)));
  }
  return out;
}

}  // namespace

TEST_SUITE_BEGIN("detect");

TEST_CASE("detect allow list from the configuration: exact and ignoring case") {
  DetectorConfig config;
  config.allow_values = {"support@example.com", "+44 20 7946 0286"};
  const auto exact = CreateDetector(config);
  const std::string text = "write support@example.com or SUPPORT@example.com, call +44 20 7946 0286";
  CHECK(FoundBy(*exact, text) == Strings{"EMAIL:SUPPORT@example.com"});
  config.allow_values_ignore_case = true;
  const auto caseless = CreateDetector(config);
  CHECK(FoundBy(*caseless, text).empty());
  CHECK(FoundBy(*caseless, "or a.b@example.com") == Strings{"EMAIL:a.b@example.com"});
}

TEST_CASE("detect allow list per call") {
  DetectOptions options;
  options.allow_values = {"10.0.0.1"};
  CHECK(FoundBy(SharedDetector(), "from 10.0.0.1 and 10.0.0.2", options) ==
        Strings{"IP_ADDRESS:10.0.0.2"});
  CHECK(FoundBy(SharedDetector(), "from 10.0.0.1", {}) == Strings{"IP_ADDRESS:10.0.0.1"});
}

TEST_CASE("detect deny list from the configuration: whole words, score 1.0, known types") {
  DetectorConfig config;
  config.deny_values = {{"Project Bluebird", "PROJECT", false},
                        {"acme-internal", "PROJECT", true},
                        {"X-4711", "PART_NUMBER", false}};
  const auto detector = CreateDetector(config);
  CHECK(detector->IsKnownType("PROJECT"));
  CHECK(detector->IsKnownType("PART_NUMBER"));
  const std::string text = "About Project Bluebird (ACME-Internal), part X-4711; not X-47110 or project bluebird.";
  const auto findings = detector->Detect(text, {});
  REQUIRE(findings.size() == 3);
  for (const Finding& f : findings) CHECK(f.score == 1.0);
  CHECK(FoundBy(*detector, text) ==
        Strings{"PROJECT:Project Bluebird", "PROJECT:ACME-Internal", "PART_NUMBER:X-4711"});
  DetectOptions only;
  only.only_types = {"PART_NUMBER"};
  CHECK(FoundBy(*detector, text, only) == Strings{"PART_NUMBER:X-4711"});
}

TEST_CASE("detect deny values win overlaps and over allow values") {
  DetectorConfig config;
  config.deny_values = {{"4111 1111 1111 1111", "TEST_CARD", false}};
  config.allow_values = {"4111 1111 1111 1111"};
  const auto detector = CreateDetector(config);
  CHECK(FoundBy(*detector, "card 4111 1111 1111 1111.") == Strings{"TEST_CARD:4111 1111 1111 1111"});
}

TEST_CASE("detect deny list per call") {
  DetectOptions options;
  options.deny_values = {{"Kestrel", "CODENAME"}, {"ZX-9", "PART_NUMBER"}};
  // Whole values only: not "ZX-90" or "Kestrels" (which the name tagger may
  // take for a team's name; only the deny values' types are looked at).
  DetectOptions deny_types_only = options;
  deny_types_only.only_types = {"CODENAME", "PART_NUMBER"};
  CHECK(FoundBy(SharedDetector(), "Kestrel ships ZX-9 and ZX-90, not Kestrels; Kestrel.",
                deny_types_only) ==
        Strings{"CODENAME:Kestrel", "PART_NUMBER:ZX-9", "CODENAME:Kestrel"});
  const auto findings = SharedDetector().Detect("see Kestrel", options);
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].score == 1.0);
  options.allow_values = {"Kestrel"};
  CHECK(FoundBy(SharedDetector(), "see Kestrel", options) == Strings{"CODENAME:Kestrel"});
  options.only_types = {"EMAIL"};
  CHECK(FoundBy(SharedDetector(), "see Kestrel a@b.io", options) == Strings{"EMAIL:a@b.io"});
}

TEST_SUITE_END();
