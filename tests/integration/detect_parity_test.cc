// privacy.detect over NATS reports exactly the spans the detection library
// finds in process, for every text of the labelled corpora.
#include <doctest/doctest.h>

#include <filesystem>

#include "detect/detector.h"
#include "detect/evaluation/labelled_corpus.h"
#include "support/privacy_wire.h"
#include "support/service_env.h"

using namespace privacy;
using namespace privacy::testing;

TEST_SUITE("detect_parity") {
  TEST_CASE("privacy.detect returns the library's spans") {
    std::vector<detect::LabelledText> corpus;
    for (const char* path : {TEST_DATA_DIR "/detect/structured.jsonl",
                             TEST_DATA_DIR "/detect/names.jsonl", EVAL_DEV_CORPUS}) {
      if (!std::filesystem::exists(path)) continue;
      std::string error;
      REQUIRE_MESSAGE(detect::ReadLabelledCorpus(path, &corpus, &error), error);
    }
    REQUIRE(corpus.size() > 50);

    ServiceEnv env(ServiceEnvOptions("detect_parity"));
    auto library = detect::CreateDetector(detect::DetectorConfig{});
    size_t compared_spans = 0;
    for (const auto& record : corpus) {
      CAPTURE(record.text);
      auto expected = library->Detect(record.text, {});
      auto reply = Call<v1::DetectReply>(env.client(), kDetect, DetectReq(record.text));
      REQUIRE(static_cast<size_t>(reply.entities_size()) == expected.size());
      for (size_t i = 0; i < expected.size(); ++i) {
        const auto& got = reply.entities(static_cast<int>(i));
        CHECK(got.type() == expected[i].type);
        CHECK(got.start() == expected[i].start);
        CHECK(got.end() == expected[i].end);
        CHECK(got.score() == doctest::Approx(expected[i].score));
      }
      compared_spans += expected.size();
    }
    CHECK(compared_spans > 100);
  }
}
