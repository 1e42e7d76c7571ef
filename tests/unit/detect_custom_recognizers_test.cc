#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <stdexcept>

#include "detect/recognizers/custom_recognizer_file.h"
#include "detect_test_util.h"

using namespace privacy::detect;
using namespace privacy::detect::testing;

namespace {

const std::string kExample = std::string(TEST_DATA_DIR) + "/detect/custom_recognizers.example";

// The message of the std::runtime_error thrown by parsing `content`.
std::string ParseError(const std::string& content) {
  try {
    ParseCustomRecognizers(content, "bad.conf", ".");
  } catch (const std::runtime_error& e) {
    return e.what();
  }
  return "no error";
}

Strings FoundBy(const Detector& detector, std::string_view text) {
  Strings out;
  for (const Finding& f : detector.Detect(text, {})) {
    out.push_back(f.type + ":" + std::string(text.substr(f.start, f.end - f.start)));
  }
  return out;
}

}  // namespace

TEST_SUITE_BEGIN("detect");

TEST_CASE("detect custom recognizers: the example file") {
  DetectorConfig config;
  config.custom_recognizers_file = kExample;
  const auto detector = CreateDetector(config);
  CHECK(detector->IsKnownType("EMPLOYEE_ID"));
  CHECK(detector->IsKnownType("PROJECT_CODENAME"));
  CHECK(detector->IsKnownType("EMAIL"));
  const auto known = detector->KnownTypes();
  CHECK(std::find(known.begin(), known.end(), "EMPLOYEE_ID") != known.end());

  // Regex with a Luhn validator; a context word raises the score.
  CHECK(FoundBy(*detector, "ref EMP-1234566 and EMP-1234567, E-1234566x") ==
        Strings{"EMPLOYEE_ID:EMP-1234566"});
  const auto plain = detector->Detect("ref EMP-1234566", {});
  const auto context = detector->Detect("employee EMP-1234566", {});
  REQUIRE(plain.size() == 1);
  REQUIRE(context.size() == 1);
  CHECK(plain[0].score == doctest::Approx(0.6));
  CHECK(context[0].score == doctest::Approx(0.9));

  // Word list: inline words and a words file, any case, whole words only
  // ("Bluebirds" is no codename; the name tagger may take it for a team).
  // The codenames win over the tagger's names on the same words.
  Strings codenames;
  for (const std::string& found :
       FoundBy(*detector, "Bluebird meets red falcon and NIGHTJAR near Silver Heron; Bluebirds no.")) {
    if (!found.starts_with("PERSON:") && !found.starts_with("LOCATION:") &&
        !found.starts_with("ORGANIZATION:")) {
      codenames.push_back(found);
    }
  }
  CHECK(codenames == Strings{"PROJECT_CODENAME:Bluebird", "PROJECT_CODENAME:red falcon",
                             "PROJECT_CODENAME:NIGHTJAR", "PROJECT_CODENAME:Silver Heron"});
  // Built-in recognizers still run in the same pass.
  CHECK(FoundBy(*detector, "mail a.b@example.com about Bluebird") ==
        Strings{"EMAIL:a.b@example.com", "PROJECT_CODENAME:Bluebird"});
}

TEST_CASE("detect custom recognizers: parsed specs") {
  const auto specs = ParseCustomRecognizers(
      "; comment\n[recognizer ORDER_ID]\npattern = ORD=[0-9]{6}#\nscore=0.8\n"
      "context = Order, PO\n",
      "inline", ".");
  REQUIRE(specs.size() == 1);
  CHECK(specs[0].type == "ORDER_ID");
  REQUIRE(specs[0].rules.size() == 1);
  CHECK(specs[0].rules[0].expression == "ORD=[0-9]{6}#");
  CHECK(specs[0].rules[0].score == doctest::Approx(0.8));
  CHECK(specs[0].context_words == std::vector<std::string>{"order", "po"});
}

TEST_CASE("detect custom recognizers: errors name the file and line") {
  CHECK(ParseError("[recognizer A]\npattern = x\nflavour = 3\n") ==
        "bad.conf:3: unknown key 'flavour'");
  CHECK(ParseError("\n[recognizer A]\npattern = x\nvalidator = crc99\n")
            .starts_with("bad.conf:4: unknown validator 'crc99' (known: email"));
  const std::string rejected = ParseError("[recognizer A]\npattern = ok\npattern = EMP-[0-9\n");
  CHECK(rejected.starts_with("bad.conf:3: pattern rejected by Hyperscan ("));
  CHECK(rejected.ends_with("): EMP-[0-9"));
  CHECK(ParseError("# x\n[recognizer employee_id]\npattern = x\n") ==
        "bad.conf:2: type name 'employee_id' must be upper-case letters, digits and '_'");
  CHECK(ParseError("[recognizer A]\nscore = 0.7\n[recognizer B]\npattern = b\n") ==
        "bad.conf:1: recognizer A has no pattern, words or words_file");
  CHECK(ParseError("[recognizer A]\npattern = a\n\n[recognizer B]\nwords = b\nscore = high\n") ==
        "bad.conf:6: 'high' is not a number between 0 and 1");
  CHECK(ParseError("pattern = a\n") == "bad.conf:1: 'pattern' outside a [recognizer] section");
  CHECK(ParseError("[recognizer A]\nwords_file = missing-words.txt\n") ==
        "bad.conf:2: cannot read words file './missing-words.txt'");
  CHECK(ParseError("[recognizer A]\nwords = a\n[recognizer A]\nwords = b\n") ==
        "bad.conf:3: recognizer A is defined twice");
  CHECK(ParseError("[detector A]\n") ==
        "bad.conf:1: expected a section header like [recognizer TYPE_NAME]");
}

TEST_CASE("detect custom recognizers: CreateDetector fails cleanly on a bad file") {
  const std::filesystem::path path =
      std::filesystem::temp_directory_path() / "privacy_detect_bad_recognizers.conf";
  {
    std::ofstream out(path);
    out << "[recognizer TICKET]\npattern = TKT-(\\d{5}\n";
  }
  DetectorConfig config;
  config.custom_recognizers_file = path.string();
  std::string message;
  try {
    CreateDetector(config);
  } catch (const std::runtime_error& e) {
    message = e.what();
  }
  CHECK(message.starts_with(path.string() + ":2: pattern rejected by Hyperscan"));
  std::filesystem::remove(path);

  config.custom_recognizers_file = "/nonexistent/recognizers.conf";
  CHECK_THROWS_WITH_AS(CreateDetector(config),
                       "/nonexistent/recognizers.conf: cannot read custom recognizers file",
                       std::runtime_error);
}

TEST_SUITE_END();
