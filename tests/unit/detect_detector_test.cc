#include <doctest/doctest.h>

#include <set>
#include <thread>

#include "detect/evaluation/evaluation.h"
#include "detect/evaluation/labelled_corpus.h"
#include "detect/scan/overlap_resolver.h"
#include "detect_test_util.h"

using namespace privacy::detect;
using namespace privacy::detect::testing;

namespace {

const std::set<std::string> kStructured = {"EMAIL", "PHONE",         "CREDIT_CARD", "IBAN",
                                           "US_SSN", "IP_ADDRESS",   "URL",
                                           "CRYPTO_WALLET", "MAC_ADDRESS", "DATE"};

}  // namespace

TEST_SUITE_BEGIN("detect");

TEST_CASE("detect overlap: higher score wins, then longer span") {
  std::vector<Candidate> c = {{"URL", 0, 40, 0.85},
                              {"CREDIT_CARD", 20, 36, 0.9},
                              {"DATE", 50, 58, 0.65},
                              {"IP_ADDRESS", 48, 60, 0.9},
                              {"PHONE", 70, 80, 0.7},
                              {"PHONE", 70, 84, 0.7}};
  const std::vector<Finding> f = ResolveOverlaps(c);
  REQUIRE(f.size() == 3);
  CHECK(f[0] == Finding{"CREDIT_CARD", 20, 36, 0.9});
  CHECK(f[1] == Finding{"IP_ADDRESS", 48, 60, 0.9});
  CHECK(f[2] == Finding{"PHONE", 70, 84, 0.7});
}

TEST_CASE("detect overlap: one finding per span in real text") {
  CHECK(Found("pay https://shop.example.com/pay?card=4111111111111111 now") ==
        Strings{"CREDIT_CARD:4111111111111111"});
  CHECK(Found("gateway 10.12.11.2019") == Strings{});
  CHECK(Found("gateway 10.12.20.19 up") == Strings{"IP_ADDRESS:10.12.20.19"});
  CHECK(Found("call 6465550111 today") == Strings{"PHONE:6465550111"});
  const auto all = SharedDetector().Detect("a 646-555-0111 b 4111 1111 1111 1111 c", {});
  for (size_t i = 1; i < all.size(); ++i) CHECK(all[i - 1].end <= all[i].start);
}

TEST_CASE("detect only_types restricts the report") {
  const std::string text = "mail a.b@example.com from 10.0.0.1 on 2025-02-03";
  CHECK(Found(text).size() == 3);
  CHECK(Found(text, {"IP_ADDRESS"}) == Strings{"IP_ADDRESS:10.0.0.1"});
  CHECK(Found(text, {"DATE", "EMAIL"}) == Strings{"EMAIL:a.b@example.com", "DATE:2025-02-03"});
  CHECK(Found(text, {"PERSON"}).empty());
}

TEST_CASE("detect known types and minimum scores") {
  const Detector& d = SharedDetector();
  for (const std::string& t : kStructured) CHECK(d.IsKnownType(t));
  CHECK(d.IsKnownType("UK_NHS"));
  for (const char* t : {"PERSON", "LOCATION", "ORGANIZATION"}) CHECK(d.IsKnownType(t));
  CHECK_FALSE(d.IsKnownType("NAME"));
  DetectorConfig strict;
  strict.min_scores["DATE"] = 0.8;
  const auto detector = CreateDetector(strict);
  const std::string text = "on 02/03/2025 and 2025-02-03";
  const auto findings = detector->Detect(text, {});
  REQUIRE(findings.size() == 1);
  CHECK(text.substr(findings[0].start, findings[0].end - findings[0].start) == "2025-02-03");
}

TEST_CASE("detect context words raise scores") {
  const auto plain = SharedDetector().Detect("value 02/03/2025", {});
  const auto born = SharedDetector().Detect("born 02/03/2025", {});
  REQUIRE(plain.size() == 1);
  REQUIRE(born.size() == 1);
  CHECK(born[0].score > plain[0].score);
}

TEST_CASE("detect is safe for concurrent use") {
  const Detector& d = SharedDetector();
  const std::string text =
      "Email felix.wong@fastmail.fm, phone +44 20 7946 0286, card 4111 1111 1111 1111, "
      "IBAN DE89 3704 0044 0532 0130 00, born 3 February 1990, ip 10.1.2.3.";
  const auto expected = d.Detect(text, {});
  REQUIRE(expected.size() == 6);
  std::vector<std::thread> threads;
  std::vector<int> mismatches(4, 0);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 200; ++i) {
        if (d.Detect(text, {}) != expected) ++mismatches[t];
      }
    });
  }
  for (auto& th : threads) th.join();
  for (int m : mismatches) CHECK(m == 0);
}

TEST_CASE("detect corpus reader decodes escapes to UTF-8 byte offsets") {
  LabelledText r;
  std::string error;
  REQUIRE(ParseLabelledLine(
      R"({"text": "Caf\u00e9 \ud83d\ude00 a@b.io", "spans": [{"type": "EMAIL", "start": 11, "end": 17}], "x": [1, {"y": null}]})",
      &r, &error));
  CHECK(r.text == "Café 😀 a@b.io");
  REQUIRE(r.spans.size() == 1);
  CHECK(r.text.substr(r.spans[0].start, r.spans[0].end - r.spans[0].start) == "a@b.io");
  CHECK_FALSE(ParseLabelledLine(R"({"text": "abc", "spans": [{"type": "X", "start": 0, "end": 9}]})",
                                &r, &error));
  CHECK_FALSE(ParseLabelledLine(R"({"text": "abc)", &r, &error));
}

TEST_CASE("detect evaluation scores overlap of at least half the longer span") {
  std::vector<LabelledText> corpus = {
      {"mail a.b@example.com on 2025-02-03",
       {{"EMAIL", 5, 20}, {"DATE", 24, 34}, {"PERSON", 0, 4}},
       {},
       ""}};
  const EvaluationReport all = Evaluate(SharedDetector(), corpus);
  CHECK(all.per_type.at("EMAIL").true_positives == 1);
  CHECK(all.per_type.at("PERSON").false_negatives == 1);
  const EvaluationReport structured = Evaluate(SharedDetector(), corpus, kStructured);
  CHECK(structured.per_type.count("PERSON") == 0);
  CHECK(structured.micro.F1() == doctest::Approx(1.0));
  corpus[0].spans[0].end = 12;  // gold "a.b@ex" vs predicted "a.b@example.com": < half
  const EvaluationReport shifted = Evaluate(SharedDetector(), corpus, kStructured);
  CHECK(shifted.per_type.at("EMAIL").false_positives == 1);
  CHECK(shifted.per_type.at("EMAIL").false_negatives == 1);
  CHECK(FormatReport(shifted).find("EMAIL") != std::string::npos);
}

TEST_CASE("detect accuracy on the development corpus") {
  EvaluationReport report;
  std::string error;
  if (!EvaluateFile(SharedDetector(), EVAL_DEV_CORPUS, kStructured, &report, &error)) {
    MESSAGE("skipping: " << error);
    return;
  }
  MESSAGE(FormatReport(report));
  for (const auto& [type, score] : report.per_type) {
    INFO(type);
    CHECK(score.F1() >= (type == "DATE" ? 0.95 : 0.97));
  }
}

TEST_CASE("detect accuracy on the project's own labelled sentences") {
  EvaluationReport report;
  std::string error;
  REQUIRE_MESSAGE(EvaluateFile(SharedDetector(), std::string(TEST_DATA_DIR) + "/detect/structured.jsonl",
                               kStructured, &report, &error),
                  error);
  MESSAGE(FormatReport(report));
  CHECK(report.micro.false_positives == 0);
  for (const auto& [type, score] : report.per_type) {
    INFO(type);
    CHECK(score.F1() >= (type == "DATE" ? 0.95 : 0.97));
  }
}

TEST_SUITE_END();
