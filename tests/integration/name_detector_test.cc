// How workers find names, set per deployment: the entity tagger by
// default, the rules with --name-detector rules, minimum scores with
// --min-score; bad settings keep a worker from starting.
#include <doctest/doctest.h>

#include "support/command_run.h"
#include "support/nats_server.h"
#include "support/privacy_wire.h"
#include "support/service_env.h"

using namespace privacy;
using namespace privacy::testing;

namespace {

const std::string kText = "Please email Maria Gonzalez about the Madrid office.";

// The entities privacy.detect finds in kText, as "TYPE:value".
std::vector<std::string> Found(NatsClient& client) {
  auto reply = Call<v1::DetectReply>(client, kDetect, DetectReq(kText));
  std::vector<std::string> found;
  for (const auto& e : reply.entities()) {
    CHECK(e.score() > 0.0);
    CHECK(e.score() <= 1.0);
    found.push_back(e.type() + ":" + kText.substr(e.start(), e.end() - e.start()));
  }
  return found;
}

}  // namespace

TEST_SUITE("name_detector") {
  TEST_CASE("the tagger finds names by default, the rules on request") {
    const std::vector<std::string> expected = {"PERSON:Maria Gonzalez", "LOCATION:Madrid"};
    {
      ServiceEnv env(ServiceEnvOptions("names_tagger"));
      CHECK(Found(env.client()) == expected);
    }
    {
      ServiceEnv env(ServiceEnvOptions("names_rules", 1, {"--name-detector", "rules"}));
      CHECK(Found(env.client()) == expected);
    }
  }

  TEST_CASE("a masked name is masked where it recurs, a later surname alone included") {
    ServiceEnv env(ServiceEnvOptions("names_repeated"));
    // The tagger alone finds "Dana Fox" but not the later "Fox", and "MARIA
    // GONZALEZ" but not the lower-case "maria gonzalez" before it.
    auto surname = Call<v1::MaskReply>(
        env.client(), kMask, MaskReq("Invoice for Dana Fox attached. Fox paid already."));
    INFO(surname.masked_text());
    CHECK(surname.masked_text().find("Fox") == std::string::npos);
    CHECK(surname.entities_size() == 2);
    auto other_case = Call<v1::MaskReply>(
        env.client(), kMask,
        MaskReq("contact maria gonzalez today please. MARIA GONZALEZ owns the shop."));
    INFO(other_case.masked_text());
    CHECK(other_case.masked_text().find("maria gonzalez") == std::string::npos);
    CHECK(other_case.entities_size() == 2);
  }

  TEST_CASE("--min-score drops the findings of one type, or of every type") {
    {
      ServiceEnv env(ServiceEnvOptions("names_min_person", 1, {"--min-score", "PERSON=1"}));
      CHECK(Found(env.client()) == std::vector<std::string>{"LOCATION:Madrid"});
    }
    {
      ServiceEnv env(ServiceEnvOptions("names_min_all", 1, {"--min-score", "1"}));
      CHECK(Found(env.client()).empty());
    }
  }

  TEST_CASE("a bad name setting keeps the worker from starting, and says which") {
    NatsServer server;
    const CommandRun score =
        RunPrivacyFilter({"serve", "--nats-url", server.url(), "--min-score", "2"});
    CHECK_MESSAGE(score.status != 0, score.Describe());
    CHECK(score.err.find("--min-score") != std::string::npos);

    const CommandRun kind =
        RunPrivacyFilter({"serve", "--nats-url", server.url(), "--name-detector", "model"});
    CHECK_MESSAGE(kind.status != 0, kind.Describe());
    CHECK(kind.err.find("--name-detector") != std::string::npos);

    const CommandRun model = RunPrivacyFilter(
        {"serve", "--nats-url", server.url(), "--tagger-model", "/nonexistent/names.tagger"});
    CHECK_MESSAGE(model.status != 0, model.Describe());
    CHECK(model.err.find("/nonexistent/names.tagger") != std::string::npos);

    // The clusters file is checked like the model's.
    const CommandRun clusters = RunPrivacyFilter(
        {"serve", "--nats-url", server.url(), "--word-clusters", "/nonexistent/word_clusters.bin"});
    CHECK_MESSAGE(clusters.status != 0, clusters.Describe());
    CHECK(clusters.err.find("--word-clusters") != std::string::npos);

    // So is the word vectors file.
    const CommandRun vectors = RunPrivacyFilter(
        {"serve", "--nats-url", server.url(), "--word-vectors", "/nonexistent/word_vectors.bin"});
    CHECK_MESSAGE(vectors.status != 0, vectors.Describe());
    CHECK(vectors.err.find("--word-vectors") != std::string::npos);
  }
}
