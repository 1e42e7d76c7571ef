// Session expiry: service default TTL, per-request ttl_seconds bounded by
// --max-ttl, sliding expiry on later masks.
#include <doctest/doctest.h>

#include <thread>

#include "integration/test_values.h"
#include "support/jetstream_reader.h"
#include "support/readiness.h"
#include "support/service_env.h"

using namespace privacy::testing;
namespace v1 = privacy::v1;

namespace {

constexpr int kDefaultTtlS = 2;
constexpr int kMaxTtlS = 30;

ServiceEnv& Env() {
  static SharedServiceEnv shared({"ttl", 1,
                                  {"--session-ttl", std::to_string(kDefaultTtlS),
                                                  "--max-ttl", std::to_string(kMaxTtlS)}});
  return shared.Get();
}

// True once resolving `token` in `session` answers 404.
bool Expired(NatsClient& client, const std::string& session, const std::string& token) {
  Reply r = Send(client, kResolve, ResolveReq(session, {token}));
  if (!r.ok()) return false;
  return r.Header("Nats-Service-Error-Code").value_or("") == "404";
}

bool Alive(NatsClient& client, const std::string& session, const std::string& token,
           const std::string& value) {
  auto r = Call<v1::ResolveReply>(client, kResolve, ResolveReq(session, {token}));
  return r.resolved().count(token) == 1 && r.resolved().at(token) == value;
}

v1::MaskRequest MaskWithTtl(const std::string& text, uint32_t ttl) {
  v1::MaskRequest req = MaskReq(text);
  req.set_ttl_seconds(ttl);
  return req;
}

}  // namespace

TEST_SUITE("ttl") {
  TEST_CASE("a session expires after the default TTL and then answers 404") {
    NatsClient& client = Env().client();
    const auto t0 = std::chrono::steady_clock::now();
    const int64_t now = NowMs();
    auto m = Call<v1::MaskReply>(client, kMask, MaskReq("mail " + kEmail.value));
    REQUIRE(m.entities_size() == 1);
    const std::string token = m.entities(0).token();
    CHECK(m.expires_at() >= now + kDefaultTtlS * 1000 - 500);
    CHECK(m.expires_at() <= NowMs() + kDefaultTtlS * 1000 + 500);
    CHECK(Alive(client, m.session_id(), token, kEmail.value));

    REQUIRE(PollUntil([&] { return Expired(client, m.session_id(), token); }, std::chrono::seconds(8)));
    const auto elapsed = std::chrono::steady_clock::now() - t0;
    CHECK(elapsed >= std::chrono::milliseconds(kDefaultTtlS * 1000 - 300));  // not before the TTL

    // Every operation on the expired session answers 404.
    CheckErrorReply(Send(client, kResolve, ResolveReq(m.session_id(), {token})), Encoding::kProtobuf, 404);
    CheckErrorReply(Send(client, kDemask, DemaskReq(m.session_id(), m.masked_text())),
                    Encoding::kProtobuf, 404, {kEmail.value});
    CheckErrorReply(Send(client, kMask, MaskReq("again " + kEmail.value, m.session_id())),
                    Encoding::kProtobuf, 404, {kEmail.value});
    CheckErrorReply(Send(client, kDelete, DeleteReq(m.session_id())), Encoding::kProtobuf, 404);
    // The expiry watcher erased the expired session from the bucket.
    CHECK(PollUntil([&] { return !KvGet(client, "privacy_sessions", OwnSessionKey(m.session_id())).has_value(); },
                    std::chrono::seconds(5)));
  }

  TEST_CASE("ttl_seconds per request overrides the default TTL") {
    NatsClient& client = Env().client();
    const int64_t now = NowMs();
    auto by_default = Call<v1::MaskReply>(client, kMask, MaskReq("a " + kEmail.value));
    auto short_ttl = Call<v1::MaskReply>(client, kMask, MaskWithTtl("b " + kEmail.value, 1));
    auto long_ttl = Call<v1::MaskReply>(client, kMask, MaskWithTtl("c " + kEmail.value, 20), Encoding::kJson);
    auto max_ttl = Call<v1::MaskReply>(client, kMask, MaskWithTtl("d " + kEmail.value, kMaxTtlS));
    const int64_t after = NowMs();
    CHECK(short_ttl.expires_at() >= now + 1000 - 500);
    CHECK(short_ttl.expires_at() <= after + 1000 + 500);
    CHECK(long_ttl.expires_at() >= now + 20000 - 500);
    CHECK(long_ttl.expires_at() <= after + 20000 + 500);
    CHECK(max_ttl.expires_at() >= now + kMaxTtlS * 1000 - 500);
    CHECK(max_ttl.expires_at() <= after + kMaxTtlS * 1000 + 500);

    const std::string t_default = by_default.entities(0).token();
    const std::string t_short = short_ttl.entities(0).token();
    const std::string t_long = long_ttl.entities(0).token();
    REQUIRE(PollUntil([&] { return Expired(client, short_ttl.session_id(), t_short); },
                      std::chrono::seconds(6)));
    REQUIRE(PollUntil([&] { return Expired(client, by_default.session_id(), t_default); },
                      std::chrono::seconds(6)));
    // The default-TTL session is gone, the 20 s one is not.
    CHECK(Alive(client, long_ttl.session_id(), t_long, kEmail.value));
    CHECK(Alive(client, max_ttl.session_id(), max_ttl.entities(0).token(), kEmail.value));
  }

  TEST_CASE("ttl_seconds above --max-ttl is a bad request") {
    NatsClient& client = Env().client();
    for (Encoding enc : {Encoding::kProtobuf, Encoding::kJson}) {
      CAPTURE(EncodingName(enc));
      CheckErrorReply(Send(client, kMask, MaskWithTtl("x " + kEmail.value, kMaxTtlS + 1), enc), enc, 400,
                      {kEmail.value});
      CheckErrorReply(Send(client, kMask, MaskWithTtl("x " + kEmail.value, 4000000000u), enc), enc, 400,
                      {kEmail.value});
    }
    CheckStillServing(client);
  }

  TEST_CASE("a later mask in the session extends its lifetime") {
    NatsClient& client = Env().client();
    auto m1 = Call<v1::MaskReply>(client, kMask, MaskReq("first " + kEmail.value));
    const std::string token = m1.entities(0).token();
    // Half-way through the TTL, mask again: the session must outlive its
    // first expiry.
    std::this_thread::sleep_for(std::chrono::milliseconds(kDefaultTtlS * 1000 / 2 + 200));
    auto m2 = Call<v1::MaskReply>(client, kMask, MaskReq("second " + kIp.value, m1.session_id()));
    CHECK(m2.expires_at() > m1.expires_at() + 1000);
    while (NowMs() < m1.expires_at() + 400) std::this_thread::sleep_for(std::chrono::milliseconds(20));
    CHECK(Alive(client, m1.session_id(), token, kEmail.value));
    REQUIRE(PollUntil([&] { return Expired(client, m1.session_id(), token); }, std::chrono::seconds(6)));
  }
}
