// Deployment detection settings over NATS: custom recognizers and deny/allow
// list files (reloaded on SIGHUP, a bad file keeping the running detector),
// and per-request allow_values and deny_values.
#include <doctest/doctest.h>

#include <csignal>
#include <fstream>
#include <thread>

#include "support/privacy_wire.h"
#include "support/readiness.h"
#include "support/service_env.h"
#include "support/temp_dir.h"

using namespace privacy;
using namespace privacy::testing;

namespace {

void WriteFile(const std::filesystem::path& path, const std::string& content) {
  std::ofstream(path, std::ios::trunc) << content;
}

// Types found by privacy.detect in `text`, in order.
// The types found in `text`, of those the configuration under test makes
// (the deny-listed PERSON, the custom PROJECT_CODENAME, EMAIL with the
// allow list). The code names carry digits, which the entity tagger never
// reads as a name.
v1::DetectRequest ConfiguredTypesReq(const std::string& text) {
  v1::DetectRequest request = DetectReq(text);
  for (const char* type : {"PERSON", "PROJECT_CODENAME", "EMAIL"}) {
    request.add_entities_to_mask(type);
  }
  return request;
}

std::vector<std::string> TypesIn(NatsClient& client, const std::string& text) {
  auto reply = Call<v1::DetectReply>(client, kDetect, ConfiguredTypesReq(text));
  std::vector<std::string> types;
  for (const auto& e : reply.entities()) types.push_back(e.type());
  return types;
}

}  // namespace

TEST_SUITE("detection_config") {
  TEST_CASE("custom recognizers and lists are loaded, and reloaded on SIGHUP") {
    TempDir dir("privacy-it-detection");
    auto custom = dir.path() / "custom.conf";
    auto deny = dir.path() / "deny.txt";
    auto allow = dir.path() / "allow.txt";
    WriteFile(custom, "[recognizer PROJECT_CODENAME]\nwords = Nightjar2024\nscore = 0.9\n");
    WriteFile(deny, "# always masked\nPERSON Ada Lovelace\n");
    WriteFile(allow, "support@example.com\n");
    ServiceEnv env(ServiceEnvOptions(
        "detection_config", 1,
        {"--custom-recognizers", custom.string(), "--deny-list", deny.string(), "--allow-list",
         allow.string()}));
    NatsClient& client = env.client();

    const std::string text =
        "Ada Lovelace runs Nightjar2024 and Kestrel2025; write to support@example.com or "
        "ada@example.com";
    CHECK(TypesIn(client, text) == std::vector<std::string>{"PERSON", "PROJECT_CODENAME", "EMAIL"});

    auto masked = Call<v1::MaskReply>(client, kMask, MaskReq(text));
    CHECK(masked.masked_text().find("Ada Lovelace") == std::string::npos);
    CHECK(masked.masked_text().find("[PROJECTCODENAME_") != std::string::npos);
    CHECK(masked.masked_text().find("support@example.com") != std::string::npos);

    // A new word list, then SIGHUP: the next requests use it.
    WriteFile(custom, "[recognizer PROJECT_CODENAME]\nwords = Kestrel2025\nscore = 0.9\n");
    REQUIRE(::kill(env.worker().pid(), SIGHUP) == 0);
    CHECK(PollUntil(
        [&] {
          return TypesIn(client, text) ==
                 std::vector<std::string>{"PERSON", "PROJECT_CODENAME", "EMAIL"} &&
                 Call<v1::DetectReply>(client, kDetect, ConfiguredTypesReq(text))
                         .entities(1)
                         .start() == text.find("Kestrel");
        },
        std::chrono::seconds(10)));

    // A broken file: the reload fails and the running detector stays.
    WriteFile(custom, "[recognizer PROJECT_CODENAME]\nvalidator = no_such_validator\n");
    REQUIRE(::kill(env.worker().pid(), SIGHUP) == 0);
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
    auto after = Call<v1::DetectReply>(client, kDetect, ConfiguredTypesReq(text));
    REQUIRE(after.entities_size() == 3);
    CHECK(after.entities(1).start() == text.find("Kestrel"));

    // The unknown type of a custom recognizer is a known type for requests.
    v1::DetectRequest only_custom = DetectReq(text);
    only_custom.add_entities_to_mask("PROJECT_CODENAME");
    CHECK(Call<v1::DetectReply>(client, kDetect, only_custom).entities_size() == 1);
  }

  TEST_CASE("per-request allow_values and deny_values") {
    ServiceEnv env(ServiceEnvOptions("detection_request_lists"));
    NatsClient& client = env.client();
    const std::string text = "Ask Grace Hopper at grace@example.com or ops@example.com";

    v1::MaskRequest request = MaskReq(text);
    request.add_allow_values("ops@example.com");
    auto* deny = request.add_deny_values();
    deny->set_value("Grace Hopper");
    deny->set_type("PERSON");
    for (Encoding e : {Encoding::kProtobuf, Encoding::kJson}) {
      CAPTURE(EncodingName(e));
      auto masked = Call<v1::MaskReply>(client, kMask, request, e);
      REQUIRE(masked.entities_size() == 2);
      CHECK(masked.entities(0).type() == "PERSON");
      CHECK(masked.entities(0).start() == text.find("Grace Hopper"));
      CHECK(masked.entities(1).type() == "EMAIL");
      CHECK(masked.masked_text().find("ops@example.com") != std::string::npos);
      CHECK(masked.masked_text().find("Grace") == std::string::npos);
    }

    v1::DetectRequest unknown_type = DetectReq(text);
    auto* bad = unknown_type.add_deny_values();
    bad->set_value("Grace Hopper");
    bad->set_type("GRACE_HOPPER");
    Reply reply = Send(client, kDetect, unknown_type);
    CHECK(reply.Header("Nats-Service-Error-Code") == std::optional<std::string>("400"));
    CHECK(reply.data.find("Grace") == std::string::npos);
    CHECK(reply.Header("Nats-Service-Error")->find("Grace") == std::string::npos);
  }
}
