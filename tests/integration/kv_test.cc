// Session storage: a mask stores the session in the JetStream KV bucket
// under its account and id; delete removes it; --bucket / --audit-stream rename them.
#include <doctest/doctest.h>

#include "integration/test_values.h"
#include "support/audit_events.h"
#include "support/jetstream_reader.h"
#include "support/readiness.h"
#include "support/service_env.h"

using namespace privacy::testing;
namespace v1 = privacy::v1;

namespace {

ServiceEnv& Env() {
  static SharedServiceEnv shared({"kv"});
  return shared.Get();
}

}  // namespace

TEST_SUITE("kv") {
  TEST_CASE("a mask stores the session under its account and id in the default bucket") {
    NatsClient& client = Env().client();
    REQUIRE(KvBucketExists(client, "privacy_sessions"));
    auto m = Call<v1::MaskReply>(client, kMask, MaskReq(kFiveValueText));
    auto entry = KvGet(client, "privacy_sessions", OwnSessionKey(m.session_id()));
    REQUIRE(entry.has_value());
    CHECK_FALSE(entry->empty());
    // Unknown ids have no entry.
    CHECK_FALSE(KvGet(client, "privacy_sessions", OwnSessionKey(RandomSessionId())).has_value());

    CHECK(Call<v1::DeleteReply>(client, kDelete, DeleteReq(m.session_id())).deleted());
    CHECK_FALSE(KvGet(client, "privacy_sessions", OwnSessionKey(m.session_id())).has_value());
  }

  TEST_CASE("--bucket and --audit-stream name the bucket and the stream") {
    ServiceEnv env({"kv-custom", 1,
                    {"--bucket", "it_custom_sessions", "--audit-stream", "IT_CUSTOM_AUDIT",
                                    "--log-level", "debug"}});
    NatsClient& client = env.client();
    auto m = Call<v1::MaskReply>(client, kMask, MaskReq("mail " + kEmail.value));
    CHECK(KvGet(client, "it_custom_sessions", OwnSessionKey(m.session_id())).has_value());
    CHECK_FALSE(KvBucketExists(client, "privacy_sessions"));
    CHECK_FALSE(GetStream(client, "PRIVACY_AUDIT").has_value());
    auto stream = GetStream(client, "IT_CUSTOM_AUDIT");
    REQUIRE(stream.has_value());
    CHECK(PollUntil([&] { return CountAuditEvents(client, "IT_CUSTOM_AUDIT") >= 1; },
                    std::chrono::seconds(10)));
  }

  TEST_CASE("workers share sessions through the bucket") {
    ServiceEnv env({"kv-two-workers", 2});
    NatsClient& client = env.client();
    auto m = Call<v1::MaskReply>(client, kMask, MaskReq("mail " + kEmail.value));
    const std::string token = m.entities(0).token();
    // Whichever worker answers, the session is found; stop one, then the other
    // still serves it.
    for (int i = 0; i < 10; ++i) {
      auto r = Call<v1::ResolveReply>(client, kResolve, ResolveReq(m.session_id(), {token}));
      CHECK(r.resolved().at(token) == kEmail.value);
    }
    CHECK(env.worker(0).Stop() == 0);
    for (int i = 0; i < 5; ++i) {
      auto r = Call<v1::ResolveReply>(client, kResolve, ResolveReq(m.session_id(), {token}));
      CHECK(r.resolved().at(token) == kEmail.value);
    }
  }
}
