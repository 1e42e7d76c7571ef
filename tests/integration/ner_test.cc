// The external NER recognizer over NATS: a responder speaking
// proto/privacy/v1/ner.proto supplies PERSON findings to privacy.mask and
// privacy.detect; when it is slow, absent, failing or wrong, the worker
// answers with its built-in results.
#include <doctest/doctest.h>
#include <google/protobuf/struct.pb.h>
#include <google/protobuf/util/json_util.h>

#include <chrono>

#include "detect/detector.h"
#include "support/ner_responder.h"
#include "support/privacy_wire.h"
#include "support/readiness.h"
#include "support/service_env.h"
#include "support/worker_process.h"

using namespace privacy;
using namespace privacy::testing;
using namespace std::chrono_literals;

namespace {

const std::string kSubject = "privacy.ner";
// Names no built-in recognizer knows, so a PERSON finding of them (with the
// responder's score) can only come from the model.
const std::vector<std::string> kNames = {"Zoë Ölund", "Quillon Brandtwhistle", "zoe"};
constexpr double kModelScore = 0.77;
const std::string kText =
    "Zoë Ölund and Quillon Brandtwhistle wrote to zoe@example.com from Reykjavík";

// A worker asking `subject` for names, waiting up to `timeout_ms`.
ServiceEnvOptions NerEnv(const std::string& name, const std::string& subject,
                         const std::string& timeout_ms) {
  return ServiceEnvOptions(name, 1, {"--ner-subject", subject, "--ner-timeout-ms", timeout_ms});
}

// "TYPE:value" of each entity privacy.detect reports in `text`.
std::vector<std::string> Detected(NatsClient& client, const std::string& text,
                                  Encoding e = Encoding::kProtobuf) {
  auto reply = Call<v1::DetectReply>(client, kDetect, DetectReq(text), e);
  std::vector<std::string> out;
  for (const auto& entity : reply.entities()) {
    out.push_back(entity.type() + ":" + text.substr(entity.start(), entity.end() - entity.start()));
  }
  return out;
}

// What the built-in recognizers alone find in kText (the worker's fallback).
const std::vector<std::string>& BuiltInOnly() {
  static const std::vector<std::string> found = [] {
    std::vector<std::string> out;
    for (const auto& f : privacy::detect::CreateDetector({})->Detect(kText, {})) {
      out.push_back(f.type + ":" + kText.substr(f.start, f.end - f.start));
    }
    return out;
  }();
  return found;
}

// The worker's NER counter `name` from the data of privacy.detect in
// $SRV.STATS.
uint64_t NerCounter(NatsClient& client, const std::string& name) {
  Reply reply = client.Request("$SRV.STATS.privacy", "");
  REQUIRE_MESSAGE(reply.ok(), reply.Describe());
  google::protobuf::Struct stats;
  REQUIRE(google::protobuf::util::JsonStringToMessage(reply.data, &stats).ok());
  for (const auto& endpoint : stats.fields().at("endpoints").list_value().values()) {
    const auto& fields = endpoint.struct_value().fields();
    if (fields.at("name").string_value() != "detect") continue;
    const auto& ner = fields.at("data").struct_value().fields().at("ner").struct_value();
    return static_cast<uint64_t>(ner.fields().at(name).number_value());
  }
  FAIL("no detect endpoint in " << reply.data);
  return 0;
}

// Milliseconds taken by `call`.
template <typename Call>
int64_t TimedMs(Call call) {
  auto started = std::chrono::steady_clock::now();
  call();
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() -
                                                               started)
      .count();
}

}  // namespace

TEST_SUITE("ner") {
  TEST_CASE("model findings are used by privacy.detect and privacy.mask") {
    ServiceEnv env(NerEnv("ner_used", kSubject, "2000"));
    NerResponder model(env.server().url(), kSubject, kNames, kModelScore);
    NatsClient& client = env.client();

    for (Encoding e : {Encoding::kProtobuf, Encoding::kJson}) {
      CAPTURE(EncodingName(e));
      auto reply = Call<v1::DetectReply>(client, kDetect, DetectReq(kText), e);
      REQUIRE(reply.entities_size() >= 3);
      // Byte offsets of non-ASCII names; "zoe" inside the address loses to EMAIL.
      CHECK(reply.entities(0).type() == "PERSON");
      CHECK(reply.entities(0).start() == 0);
      CHECK(reply.entities(0).end() == std::string("Zoë Ölund").size());
      CHECK(reply.entities(0).score() == doctest::Approx(kModelScore));
      CHECK(reply.entities(1).type() == "PERSON");
      CHECK(reply.entities(1).start() == kText.find("Quillon"));
      CHECK(reply.entities(1).score() == doctest::Approx(kModelScore));
      CHECK(reply.entities(2).type() == "EMAIL");
      CHECK(reply.entities(2).start() == kText.find("zoe@"));
    }
    v1::NerRequest asked = model.last_request();
    CHECK(asked.text() == kText);
    CHECK(std::vector<std::string>(asked.entity_types().begin(), asked.entity_types().end()) ==
          std::vector<std::string>{"PERSON", "LOCATION", "ORGANIZATION"});

    auto masked = Call<v1::MaskReply>(client, kMask, MaskReq(kText));
    CHECK(masked.masked_text().find("Zoë") == std::string::npos);
    CHECK(masked.masked_text().find("Brandtwhistle") == std::string::npos);
    REQUIRE(masked.entities_size() >= 2);
    CHECK(masked.entities(0).type() == "PERSON");
    CHECK(masked.masked_text().starts_with(masked.entities(0).token() + " and " +
                                           masked.entities(1).token() + " wrote to [EMAIL_"));
    auto resolved = Call<v1::ResolveReply>(
        client, kResolve, ResolveReq(masked.session_id(), {masked.entities(0).token()}));
    CHECK(resolved.resolved().at(masked.entities(0).token()) == "Zoë Ölund");

    // A reply in the JSON mapping is read as well.
    model.SetBehavior(NerBehavior::kTagNamesInJson);
    CHECK(Detected(client, kText) ==
          std::vector<std::string>{"PERSON:Zoë Ölund", "PERSON:Quillon Brandtwhistle",
                                   "EMAIL:zoe@example.com"});

    // A request for structured types only does not ask the model.
    const int asked_before = model.requests();
    v1::DetectRequest emails = DetectReq(kText);
    emails.add_entities_to_mask("EMAIL");
    CHECK(Call<v1::DetectReply>(client, kDetect, emails).entities_size() == 1);
    CHECK(model.requests() == asked_before);
    CHECK(NerCounter(client, "answered") >= 3);
  }

  TEST_CASE("a slow model: built-in results after the timeout, then the circuit opens") {
    ServiceEnv env(NerEnv("ner_slow", kSubject, "300"));
    NerResponder model(env.server().url(), kSubject, kNames, kModelScore);
    model.SetBehavior(NerBehavior::kSlow, 10s);
    NatsClient& client = env.client();

    for (int i = 0; i < 3; ++i) {
      std::vector<std::string> found;
      int64_t ms = TimedMs([&] { found = Detected(client, kText); });
      CHECK(found == BuiltInOnly());
      // About the timeout, far from the model's 10 s.
      CHECK(ms >= 300);
      CHECK(ms < 3000);
    }
    CHECK(NerCounter(client, "timeouts") == 3);
    // Three timeouts in a row: the next requests do not wait for the model.
    const int asked = model.requests();
    CHECK(Detected(client, kText) == BuiltInOnly());
    CHECK(NerCounter(client, "skipped") == 1);
    CHECK(model.requests() == asked);
  }

  TEST_CASE("an absent model: built-in results at once (no responders)") {
    ServiceEnv env(NerEnv("ner_absent", "privacy.ner.absent", "5000"));
    NatsClient& client = env.client();
    const uint64_t before = NerCounter(client, "unavailable");
    for (int i = 0; i < 5; ++i) {
      std::vector<std::string> found;
      int64_t ms = TimedMs([&] { found = Detected(client, kText); });
      CHECK(found == BuiltInOnly());
      CHECK(ms < 2500);  // half the 5 s timeout: nobody waited for it
    }
    CHECK(NerCounter(client, "unavailable") == before + 5);
    CHECK(NerCounter(client, "skipped") == 0);
  }

  TEST_CASE("malformed and error replies are ignored; requests are still answered") {
    ServiceEnv env(NerEnv("ner_malformed", kSubject, "2000"));
    NerResponder model(env.server().url(), kSubject, kNames, kModelScore);
    NatsClient& client = env.client();

    for (NerBehavior behavior : {NerBehavior::kOutOfRange, NerBehavior::kInsideCodePoint,
                                 NerBehavior::kUndecodable, NerBehavior::kErrorReply}) {
      CAPTURE(static_cast<int>(behavior));
      model.SetBehavior(behavior);
      CHECK(Detected(client, kText) == BuiltInOnly());
      auto masked = Call<v1::MaskReply>(client, kMask, MaskReq(kText), Encoding::kJson);
      CHECK(masked.entity_count() == BuiltInOnly().size());
      CHECK(masked.masked_text().find(" wrote to [EMAIL_") != std::string::npos);
    }
    CHECK(NerCounter(client, "rejected") == 4);
    CHECK(NerCounter(client, "errors") == 4);
    CHECK(NerCounter(client, "answered") == 0);

    // A traced request's fallback is logged with its trace id.
    const std::string trace_id = "5bf92f3577b34da6a3ce929d0e0e4736";
    Reply traced = client.Request(kDetect, Encode(DetectReq(kText), Encoding::kJson),
                                  {{"Content-Type", "application/json"},
                                   {"traceparent", "00-" + trace_id + "-00f067aa0ba902b7-01"}});
    REQUIRE_MESSAGE(traced.ok(), traced.Describe());
    CHECK(NerCounter(client, "errors") == 5);
    CHECK(env.worker().Log().find("\"ner_fallback\",\"reason\":\"error\"") != std::string::npos);
    CHECK(env.worker().Log().find("\"trace_id\":\"" + trace_id + "\"") != std::string::npos);

    // The worker lives on and uses the model again once it behaves.
    model.SetBehavior(NerBehavior::kTagNames);
    CHECK(Detected(client, kText) ==
          std::vector<std::string>{"PERSON:Zoë Ölund", "PERSON:Quillon Brandtwhistle",
                                   "EMAIL:zoe@example.com"});
    REQUIRE(env.worker().Running());
    const std::string log = env.worker().Log();
    CHECK(log.find("\"ner_fallback\"") != std::string::npos);
    CHECK(log.find("Ölund") == std::string::npos);
    CHECK(log.find("Brandtwhistle") == std::string::npos);
    CHECK(log.find("model failed") == std::string::npos);
  }

  TEST_CASE("invalid NER settings stop the worker at start") {
    const std::vector<std::vector<std::string>> invalid = {
        {"--ner-subject", "privacy.ner.*"},
        {"--ner-subject", "privacy..ner"},
        {"--ner-subject", "privacy.ner", "--ner-types", "PERSON,person"},
        {"--ner-subject", "privacy.ner", "--ner-timeout-ms", "0"},
    };
    for (const auto& args : invalid) {
      // Settings are checked before connecting: no server needed.
      WorkerProcess worker("nats://127.0.0.1:1", args);
      CAPTURE(worker.CommandLine());
      REQUIRE(PollUntil([&] { return !worker.Running(); }, 5s));
      CHECK(worker.exit_status().value_or(0) != 0);
      CHECK(worker.Log().find("--ner-") != std::string::npos);
    }
  }
}
