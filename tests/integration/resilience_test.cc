// Resilience: a worker survives a nats-server restart (sessions persist in
// the JetStream store), a crashed worker does not stop the others, and a
// worker stopped under load fails no request.
#include <doctest/doctest.h>

#include <signal.h>

#include "integration/test_values.h"
#include "support/mask_load.h"
#include "support/nats_monitor.h"
#include "support/readiness.h"
#include "support/service_env.h"

using namespace privacy::testing;
namespace v1 = privacy::v1;

TEST_SUITE("resilience") {
  TEST_CASE("after a nats-server restart the worker serves again and sessions survive") {
    ServiceEnv env({"server-restart"});
    NatsClient& client = env.client();
    auto m = Call<v1::MaskReply>(client, kMask, MaskReq("mail " + kEmail.value));
    const std::string token = m.entities(0).token();

    env.server().Restart();
    REQUIRE(env.worker(0).Running());
    // The worker reconnects by itself; poll until it answers again. Its
    // session endpoints have a connection of their own, which may come back
    // a moment after the one detect answers on.
    WaitUntilReady(client, &env.worker(0), std::chrono::seconds(20));
    const std::string resolve = Encode(ResolveReq(m.session_id(), {token}), Encoding::kProtobuf);
    REQUIRE(PollUntil([&] { return client.Request(kResolve, resolve).status != NATS_NO_RESPONDERS; },
                      std::chrono::seconds(20)));
    auto r = Call<v1::ResolveReply>(client, kResolve, ResolveReq(m.session_id(), {token}));
    CHECK(r.resolved().at(token) == kEmail.value);
    auto m2 = Call<v1::MaskReply>(client, kMask, MaskReq("again " + kEmail.value, m.session_id()));
    CHECK(m2.entities(0).token() == token);
    CHECK(env.worker(0).Stop() == 0);
  }

  TEST_CASE("a killed worker does not stop the other one") {
    ServiceEnv env({"worker-crash", 2});
    NatsClient& client = env.client();
    auto m = Call<v1::MaskReply>(client, kMask, MaskReq("mail " + kEmail.value));
    ::kill(env.worker(0).pid(), SIGKILL);
    REQUIRE(env.worker(0).Stop() == 128 + SIGKILL);
    // The server drops the dead connection's subscriptions.
    REQUIRE(PollUntil([&] { return SubscriberDeliveries(env.server().monitor_port(), kMask).size() == 1; },
                      std::chrono::seconds(5)));
    for (int i = 0; i < 10; ++i) {
      auto r = Call<v1::MaskReply>(client, kMask, MaskReq("more " + kIp.value, m.session_id()));
      CHECK(r.session_id() == m.session_id());
    }
    CHECK(env.worker(1).Stop() == 0);
  }

  TEST_CASE("SIGTERM to one of two workers under load fails no request") {
    ServiceEnv env({"sigterm-under-load", 2});
    MaskLoad load({env.server().url()}, 6);
    REQUIRE(load.WaitForSuccesses(200, std::chrono::seconds(20)));
    CHECK(env.worker(0).Stop() == 0);
    const size_t after_stop = load.successes();
    REQUIRE(load.WaitForSuccesses(after_stop + 200, std::chrono::seconds(20)));
    load.Stop();
    INFO(load.Summary());
    CHECK(load.failures().empty());
    for (const auto& session : load.sessions()) CHECK(session.resolved);
  }
}
