// The detection library's side of an external recognizer (a model): the
// checks on its answers, and how its findings join the built-in ones.
#include <doctest/doctest.h>

#include <cmath>

#include "detect/external/external_recognizer.h"
#include "detect_test_util.h"

using namespace privacy::detect;
using namespace privacy::detect::testing;

namespace {

const std::vector<std::string> kNameTypes = {"PERSON", "LOCATION", "ORGANIZATION"};

// Byte span of the first occurrence of `value` in `text`.
Finding At(std::string_view text, std::string_view value, std::string type, double score) {
  size_t start = text.find(value);
  REQUIRE(start != std::string_view::npos);
  return {std::move(type), static_cast<uint32_t>(start),
          static_cast<uint32_t>(start + value.size()), score};
}

// "TYPE:value@score" for each finding of the shared detector with the
// model's `external` findings, comma-separated; scores in percent.
std::string WithModel(std::string_view text, ExternalFindings external,
                      DetectOptions options = {}) {
  options.external = std::move(external);
  std::string out;
  for (const Finding& f : SharedDetector().Detect(text, options)) {
    out += (out.empty() ? "" : ", ") + f.type + ":" +
           std::string(text.substr(f.start, f.end - f.start)) + "@" +
           std::to_string(std::lround(f.score * 100));
  }
  return out;
}

}  // namespace

TEST_SUITE_BEGIN("detect");

TEST_CASE("external findings: accepted when in range, on code points, of a requested type") {
  const std::string text = "Zoë Ölund flew to São Paulo";
  std::vector<Finding> good = {At(text, "Zoë Ölund", "PERSON", 0.9),
                               At(text, "São Paulo", "LOCATION", 1.0), {"PERSON", 0, 1, 0.0}};
  CHECK(CheckExternalFindings(text, kNameTypes, good));
  CHECK(CheckExternalFindings(text, kNameTypes, {}));
}

TEST_CASE("external findings: the first bad one rejects the answer, named without its text") {
  const std::string text = "Zoë Ölund flew to São Paulo";
  const uint32_t size = static_cast<uint32_t>(text.size());
  const uint32_t inside_e = static_cast<uint32_t>(text.find("ë") + 1);
  struct Bad {
    Finding finding;
    const char* rule;
  };
  const Bad cases[] = {
      {{"PERSON", 3, 3, 0.9}, "start is not before end"},
      {{"PERSON", 5, 2, 0.9}, "start is not before end"},
      {{"PERSON", 0, size + 1, 0.9}, "end is beyond the text"},
      {{"PERSON", size, size + 4, 0.9}, "end is beyond the text"},
      {{"PERSON", 0, inside_e, 0.9}, "offset inside a UTF-8 sequence"},
      {{"PERSON", inside_e, inside_e + 3, 0.9}, "offset inside a UTF-8 sequence"},
      {{"DATE", 0, 2, 0.9}, "type not requested"},
      {{"PERSON", 0, 2, 1.5}, "score outside [0, 1]"},
      {{"PERSON", 0, 2, -0.1}, "score outside [0, 1]"},
      {{"PERSON", 0, 2, std::nan("")}, "score outside [0, 1]"},
  };
  for (const Bad& bad : cases) {
    CAPTURE(bad.rule);
    std::vector<Finding> findings = {At(text, "São Paulo", "LOCATION", 0.8), bad.finding};
    privacy::Status checked = CheckExternalFindings(text, kNameTypes, findings);
    REQUIRE_FALSE(checked);
    CHECK(checked.error().message == std::string("entity 1 rejected: ") + bad.rule);
  }
}

TEST_CASE("external findings join the built-in ones; structured types keep priority") {
  const std::string text = "Ask Zoë Ölund at zoe.olund@example.com about the 10.0.0.1 outage";
  ExternalFindings model{kNameTypes,
                         {At(text, "Zoë Ölund", "PERSON", 0.91),
                          // Overlaps the e-mail address: the address wins.
                          At(text, "zoe.olund", "PERSON", 0.99),
                          At(text, "example", "ORGANIZATION", 0.95)}};
  CHECK(WithModel(text, model) ==
        "PERSON:Zoë Ölund@91, EMAIL:zoe.olund@example.com@95, IP_ADDRESS:10.0.0.1@90");
}

TEST_CASE("external findings replace the built-in ones of the model's types") {
  const std::string text = "Meet on 03/04/2025 at 10.0.0.1";
  REQUIRE(Found(text) == Strings{"DATE:03/04/2025", "IP_ADDRESS:10.0.0.1"});
  // A model asked for DATE and finding none removes the built-in dates.
  CHECK(WithModel(text, {{"DATE"}, {}}) == "IP_ADDRESS:10.0.0.1@90");
  // Its own dates are reported instead, with its score.
  CHECK(WithModel(text, {{"DATE"}, {At(text, "03/04", "DATE", 0.7)}}) ==
        "DATE:03/04@70, IP_ADDRESS:10.0.0.1@90");
}

TEST_CASE("external findings: deny and allow values, requested types and minimum scores apply") {
  const std::string text = "Grace Hopper met Alan Turing and Ada Lovelace in London";
  ExternalFindings model{kNameTypes,
                         {At(text, "Grace Hopper", "PERSON", 0.9),
                          At(text, "Alan Turing", "PERSON", 0.9),
                          // Overlaps a deny value: the deny value wins.
                          At(text, "Ada", "LOCATION", 0.95),
                          At(text, "London", "LOCATION", 0.4)}};
  DetectOptions options;
  options.deny_values = {{"Ada Lovelace", "PERSON"}};
  options.allow_values = {"Alan Turing"};
  CHECK(WithModel(text, model, options) ==
        "PERSON:Grace Hopper@90, PERSON:Ada Lovelace@100");

  DetectOptions locations;
  locations.only_types = {"LOCATION"};
  CHECK(WithModel(text, {{"LOCATION"}, {At(text, "London", "LOCATION", 0.8)}}, locations) ==
        "LOCATION:London@80");
}

TEST_CASE("external findings overlapping each other are resolved by score") {
  const std::string text = "Deutsche Bank in Frankfurt";
  ExternalFindings model{kNameTypes,
                         {At(text, "Deutsche", "PERSON", 0.6),
                          At(text, "Deutsche Bank", "ORGANIZATION", 0.9),
                          At(text, "Frankfurt", "LOCATION", 0.8)}};
  CHECK(WithModel(text, model) ==
        "ORGANIZATION:Deutsche Bank@90, LOCATION:Frankfurt@80");
}

TEST_SUITE_END();
