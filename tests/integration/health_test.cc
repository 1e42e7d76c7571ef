// `privacy-filter health` against real workers: exit 0 when they serve,
// 1 when none answers, the wanted one is missing, or the audit stream is
// gone; --worker, --worker-file (serve --id-file) and --json.
#include <doctest/doctest.h>
#include <google/protobuf/struct.pb.h>
#include <google/protobuf/util/json_util.h>

#include <filesystem>

#include "support/command_run.h"
#include "support/privacy_wire.h"
#include "support/loopback_port.h"
#include "support/readiness.h"
#include "support/service_env.h"
#include "support/temp_dir.h"

using namespace privacy::testing;
using google::protobuf::Struct;

namespace {

SharedServiceEnv& Env() {
  static SharedServiceEnv env(ServiceEnvOptions("health", 2));
  return env;
}

CommandRun Health(const std::string& url, std::vector<std::string> extra = {}) {
  std::vector<std::string> args = {"health", "--nats-url", url};
  args.insert(args.end(), extra.begin(), extra.end());
  return RunPrivacyFilter(args);
}

Struct ParseJson(const CommandRun& run) {
  Struct out;
  INFO(run.Describe());
  REQUIRE(google::protobuf::util::JsonStringToMessage(run.out, &out).ok());
  return out;
}

const google::protobuf::Value& Field(const Struct& s, const std::string& key) {
  auto it = s.fields().find(key);
  REQUIRE_MESSAGE(it != s.fields().end(), "missing field ", key);
  return it->second;
}

bool Contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// The worker ids `health --json` reports.
std::vector<std::string> WorkerIds(const Struct& report) {
  std::vector<std::string> ids;
  for (const auto& w : Field(report, "workers").list_value().values()) {
    ids.push_back(Field(w.struct_value(), "id").string_value());
  }
  return ids;
}

}  // namespace

TEST_SUITE("health") {
  TEST_CASE("all workers healthy: exit 0, bucket and stream usable, round trip ok") {
    ServiceEnv& env = Env().Get();
    for (int i = 0; i < 3; ++i) {
      Call<privacy::v1::MaskReply>(env.client(), kMask, MaskReq("mail health@example.com"));
    }
    CommandRun text = Health(env.server().url());
    INFO(text.Describe());
    CHECK(Contains(text.out, "masked since start: EMAIL "));
    CHECK(text.status == 0);
    CHECK(Contains(text.out, "healthy: 2 worker(s); privacy.detect round trip ok"));
    CHECK(Contains(text.out, "kv bucket privacy_sessions: usable, file, 1 replica(s)"));
    CHECK(Contains(text.out, "audit stream PRIVACY_AUDIT: usable, file, 1 replica(s)"));

    CommandRun json = Health(env.server().url(), {"--json"});
    CHECK(json.status == 0);
    Struct report = ParseJson(json);
    CHECK(Field(report, "healthy").bool_value());
    CHECK(Field(Field(report, "round_trip").struct_value(), "ok").bool_value());
    auto workers = Field(report, "workers").list_value().values();
    REQUIRE(workers.size() == 2);
    double emails = 0;
    for (const auto& w : workers) {
      const Struct& worker = w.struct_value();
      const Struct& counts = Field(worker, "counts").struct_value();
      for (const char* endpoint : {"mask", "detect", "resolve", "demask", "delete"}) {
        CAPTURE(endpoint);
        const Struct& refused = Field(Field(counts, endpoint).struct_value(), "refused").struct_value();
        CHECK(refused.fields().count("bad_request") == 1);
      }
      const Struct& entities =
          Field(Field(counts, "mask").struct_value(), "entities").struct_value();
      if (entities.fields().count("EMAIL")) emails += Field(entities, "EMAIL").number_value();
      CHECK(Field(Field(Field(counts, "resolve").struct_value(), "outcomes").struct_value(),
                  "not_found")
                .has_number_value());
      CHECK(Field(worker, "healthy").bool_value());
      CHECK(Field(worker, "endpoints").number_value() == 5);
      const Struct& health = Field(worker, "report").struct_value();
      CHECK(Field(health, "id").string_value() == Field(worker, "id").string_value());
      CHECK(Field(Field(health, "nats").struct_value(), "status").string_value() == "connected");
      for (const char* target : {"kv_bucket", "audit_stream"}) {
        const Struct& t = Field(health, target).struct_value();
        CHECK(Field(t, "usable").bool_value());
        CHECK(Field(t, "replicas").number_value() == 1);
        CHECK(Field(t, "differences").list_value().values_size() == 0);
      }
      CHECK(Field(Field(health, "detector").struct_value(), "ok").bool_value());
    }
    CHECK(emails >= 3);
  }

  TEST_CASE("--worker checks one worker; an unknown id exits 1") {
    ServiceEnv& env = Env().Get();
    auto ids = WorkerIds(ParseJson(Health(env.server().url(), {"--json"})));
    REQUIRE(ids.size() == 2);
    for (const std::string& id : ids) {
      CommandRun one = Health(env.server().url(), {"--worker", id, "--json"});
      CHECK(one.status == 0);
      CHECK(WorkerIds(ParseJson(one)) == std::vector<std::string>{id});
    }
    CommandRun missing = Health(env.server().url(), {"--worker", "no-such-worker"});
    INFO(missing.Describe());
    CHECK(missing.status == 1);
    CHECK(Contains(missing.out, "worker no-such-worker did not answer $SRV.PING.privacy.no-such-worker"));
  }

  TEST_CASE("--worker-file reads the id that serve --id-file writes, removed at stop") {
    NatsServer server;
    TempDir dir("privacy-it-health");
    const std::string id_file = (dir.path() / "worker.id").string();
    WorkerProcess worker(server.url(), {"--id-file", id_file});
    NatsClient client(server.url());
    WaitUntilReady(client, &worker);
    REQUIRE(PollUntil([&] { return std::filesystem::exists(id_file); }, std::chrono::seconds(5)));

    CommandRun healthy = Health(server.url(), {"--worker-file", id_file});
    INFO(healthy.Describe());
    CHECK(healthy.status == 0);
    CHECK(Contains(healthy.out, "healthy: 1 worker(s)"));

    REQUIRE(worker.Stop() == 0);
    CHECK_FALSE(std::filesystem::exists(id_file));
    CommandRun gone = Health(server.url(), {"--worker-file", id_file});
    CHECK(gone.status == 1);
    CHECK(Contains(gone.out, "no worker id file"));
  }

  TEST_CASE("no worker, or no NATS: exit 1 within the timeout") {
    NatsServer server;
    CommandRun none = Health(server.url(), {"--timeout-ms", "500"});
    INFO(none.Describe());
    CHECK(none.status == 1);
    CHECK(Contains(none.out, "no worker answered $SRV.PING.privacy"));
    CHECK(Contains(none.out, "privacy.detect round trip FAILED"));

    const std::string closed = "nats://127.0.0.1:" + std::to_string(PickFreeLoopbackPort());
    auto started = std::chrono::steady_clock::now();
    CommandRun unreachable = Health(closed, {"--json", "--timeout-ms", "500"});
    CHECK(unreachable.status == 1);
    CHECK_FALSE(Field(ParseJson(unreachable), "healthy").bool_value());
    CHECK(std::chrono::steady_clock::now() - started < std::chrono::seconds(5));
  }

  TEST_CASE("a worker whose audit stream is gone is unhealthy") {
    ServiceEnv env({"health-no-stream"});
    REQUIRE(js_DeleteStream(env.client().jetstream(), "PRIVACY_AUDIT", nullptr, nullptr) ==
            NATS_OK);
    CommandRun run = Health(env.server().url());
    INFO(run.Describe());
    CHECK(run.status == 1);
    CHECK(Contains(run.out, "audit stream PRIVACY_AUDIT not usable"));
    CHECK(Contains(run.out, "kv bucket privacy_sessions: usable"));
  }
}
