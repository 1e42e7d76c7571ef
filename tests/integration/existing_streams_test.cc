// A session bucket and an audit stream that already exist with other
// settings than the configured ones are used as they are: the worker starts,
// logs one warning per differing setting, and health lists the differences.
#include <doctest/doctest.h>

#include "integration/test_values.h"
#include "support/audit_events.h"
#include "support/command_run.h"
#include "support/jetstream_reader.h"
#include "support/readiness.h"
#include "support/service_env.h"

using namespace privacy::testing;
namespace v1 = privacy::v1;

namespace {

void CreateBucket(NatsClient& client) {
  kvConfig config;
  kvConfig_Init(&config);
  config.Bucket = "privacy_sessions";
  config.History = 5;
  config.TTL = int64_t{3600} * 1'000'000'000;
  config.StorageType = js_MemoryStorage;
  kvStore* raw = nullptr;
  ThrowIfNotOk(js_CreateKeyValue(&raw, client.jetstream(), &config), "js_CreateKeyValue");
  kvStore_Destroy(raw);
}

void CreateAuditStream(NatsClient& client) {
  const char* subjects[] = {"privacy.events.>"};
  jsStreamConfig config;
  jsStreamConfig_Init(&config);
  config.Name = "PRIVACY_AUDIT";
  config.Subjects = subjects;
  config.SubjectsLen = 1;
  config.Storage = js_MemoryStorage;
  config.MaxAge = int64_t{7200} * 1'000'000'000;
  ThrowIfNotOk(js_AddStream(nullptr, client.jetstream(), &config, nullptr, nullptr),
               "js_AddStream");
}

// Whether `log` has a warning line `event` for `setting` with both values.
bool Warned(const std::string& log, const std::string& event, const std::string& setting,
            const std::string& configured, const std::string& actual) {
  for (const std::string& line : Lines(log)) {
    if (line.find("\"level\":\"warn\"") != std::string::npos &&
        line.find("\"event\":\"" + event + "\"") != std::string::npos &&
        line.find("\"setting\":\"" + setting + "\"") != std::string::npos &&
        line.find("\"configured\":\"" + configured + "\"") != std::string::npos &&
        line.find("\"actual\":\"" + actual + "\"") != std::string::npos) {
      return true;
    }
  }
  return false;
}

}  // namespace

TEST_CASE("existing bucket and stream with other settings: used as they are, with warnings") {
  NatsServer server;
  NatsClient client(server.url());
  CreateBucket(client);
  CreateAuditStream(client);

  WorkerProcess worker(server.url());
  WaitUntilReady(client, &worker);
  auto m = Call<v1::MaskReply>(client, kMask, MaskReq("mail " + kEmail.value));
  CHECK(KvGet(client, "privacy_sessions", OwnSessionKey(m.session_id())).has_value());
  CHECK(PollUntil([&] { return CountAuditEvents(client) == 1; }, std::chrono::seconds(10)));

  const std::string log = worker.Log();
  INFO(log);
  // Configured: --max-ttl (86400 s) plus the hour expired sessions wait for
  // their expire event.
  CHECK(Warned(log, "kv_bucket_settings_differ", "max_age_s", "90000", "3600"));
  CHECK(Warned(log, "kv_bucket_settings_differ", "storage", "file", "memory"));
  CHECK(Warned(log, "kv_bucket_settings_differ", "history", "1", "5"));
  CHECK(Warned(log, "audit_stream_settings_differ", "max_age_s", "2592000", "7200"));
  CHECK(Warned(log, "audit_stream_settings_differ", "storage", "file", "memory"));
  CHECK(log.find("\"setting\":\"replicas\"") == std::string::npos);

  // Health stays good and names the differences.
  CommandRun health = RunPrivacyFilter({"health", "--nats-url", server.url()});
  INFO(health.Describe());
  CHECK(health.status == 0);
  CHECK(health.out.find("differs from the configuration: history configured 1, actual 5") !=
        std::string::npos);
  CHECK(health.out.find("differs from the configuration: max_age_s configured 2592000, actual 7200") !=
        std::string::npos);
}
