// Concurrency: many masks into one session through two worker processes
// (optimistic updates of the shared session), and many requests in flight.
#include <doctest/doctest.h>

#include <atomic>
#include <map>
#include <mutex>
#include <set>
#include <thread>

#include "integration/test_values.h"
#include "support/nats_monitor.h"
#include "support/service_env.h"

using namespace privacy::testing;
namespace v1 = privacy::v1;

namespace {

ServiceEnv& Env() {
  static SharedServiceEnv shared({"concurrency", 2});
  return shared.Get();
}

// Outcome of one request made by a worker thread.
struct Outcome {
  bool ok = false;
  std::string error;
  v1::MaskReply reply;
};

// Runs masks[i] on `threads` threads over `clients` connections; returns the
// outcome of each.
std::vector<Outcome> MaskConcurrently(const std::vector<v1::MaskRequest>& masks, int threads,
                                      int clients) {
  std::vector<std::unique_ptr<NatsClient>> conns;
  for (int i = 0; i < clients; ++i) conns.push_back(Env().NewClient());
  std::vector<Outcome> out(masks.size());
  std::atomic<size_t> next{0};
  std::vector<std::thread> pool;
  for (int t = 0; t < threads; ++t) {
    pool.emplace_back([&, t] {
      NatsClient& client = *conns[static_cast<size_t>(t % clients)];
      for (size_t i = next++; i < masks.size(); i = next++) {
        try {
          out[i].reply = Call<v1::MaskReply>(client, kMask, masks[i], Encoding::kProtobuf,
                                             std::chrono::seconds(30));
          out[i].ok = true;
        } catch (const std::exception& e) {
          out[i].error = e.what();
        }
      }
    });
  }
  for (auto& th : pool) th.join();
  return out;
}

std::string UserEmail(int i) { return "user" + std::to_string(i) + "@example.com"; }

}  // namespace

TEST_SUITE("concurrency") {
  TEST_CASE("200 concurrent masks into one session through two workers") {
    NatsClient& client = Env().client();
    REQUIRE(Env().worker_count() == 2);
    const auto before = SubscriberDeliveries(Env().server().monitor_port(), kMask);

    auto first = Call<v1::MaskReply>(client, kMask, MaskReq("Start with " + kEmail.value));
    REQUIRE(first.entities_size() == 1);
    const std::string session = first.session_id();

    constexpr int kMasks = 200;
    std::vector<v1::MaskRequest> masks;
    for (int i = 0; i < kMasks; ++i) {
      masks.push_back(MaskReq("Contact " + UserEmail(i) + " today", session));
    }
    auto outcomes = MaskConcurrently(masks, 32, 4);

    std::map<std::string, std::string> token_to_value{{first.entities(0).token(), kEmail.value}};
    int failures = 0;
    for (int i = 0; i < kMasks; ++i) {
      CAPTURE(i);
      const Outcome& o = outcomes[static_cast<size_t>(i)];
      if (!o.ok) {
        if (++failures <= 5) FAIL_CHECK(o.error);
        continue;
      }
      CHECK(o.reply.session_id() == session);
      REQUIRE(o.reply.entities_size() == 1);
      const std::string& token = o.reply.entities(0).token();
      CHECK(IsToken(token));
      CHECK(TokenPrefix(token) == "EMAIL");
      CHECK(o.reply.masked_text() == "Contact " + token + " today");
      auto [it, inserted] = token_to_value.emplace(token, UserEmail(i));
      CHECK_MESSAGE(inserted, "token ", token, " given to both ", it->second, " and ", UserEmail(i));
    }
    REQUIRE(failures == 0);
    CHECK(token_to_value.size() == kMasks + 1);  // every value has its own token

    // Every token resolves to its value, in one request.
    v1::ResolveRequest resolve;
    resolve.set_session_id(session);
    for (const auto& [token, value] : token_to_value) resolve.add_tokens(token);
    auto resolved = Call<v1::ResolveReply>(client, kResolve, resolve);
    CHECK(resolved.unknown_size() == 0);
    CHECK(resolved.resolved_size() == static_cast<int>(token_to_value.size()));
    int wrong = 0;
    for (const auto& [token, value] : token_to_value) {
      auto it = resolved.resolved().find(token);
      if (it == resolved.resolved().end() || it->second != value) ++wrong;
    }
    CHECK(wrong == 0);

    // A repeated value keeps its token after the storm.
    auto again = Call<v1::MaskReply>(client, kMask, MaskReq("again " + UserEmail(7), session));
    REQUIRE(again.entities_size() == 1);
    CHECK(token_to_value.at(again.entities(0).token()) == UserEmail(7));

    // Both workers took part.
    const auto after = SubscriberDeliveries(Env().server().monitor_port(), kMask);
    REQUIRE(after.size() == 2);
    for (const auto& [cid, msgs] : after) {
      CAPTURE(cid);
      const uint64_t served = msgs - (before.count(cid) ? before.at(cid) : 0);
      CHECK(served >= 20);
    }
  }

  TEST_CASE("concurrent masks of the same new values converge on one token per value") {
    NatsClient& client = Env().client();
    auto first = Call<v1::MaskReply>(client, kMask, MaskReq("no personal data here"));
    const std::string session = first.session_id();
    constexpr int kValues = 8;
    constexpr int kRepeats = 8;
    std::vector<v1::MaskRequest> masks;
    for (int r = 0; r < kRepeats; ++r) {
      for (int v = 0; v < kValues; ++v) {
        masks.push_back(MaskReq("Mail shared" + std::to_string(v) + "@example.org now", session));
      }
    }
    auto outcomes = MaskConcurrently(masks, 32, 4);
    std::map<int, std::set<std::string>> tokens_of_value;
    for (size_t i = 0; i < outcomes.size(); ++i) {
      CAPTURE(i);
      REQUIRE_MESSAGE(outcomes[i].ok, outcomes[i].error);
      REQUIRE(outcomes[i].reply.entities_size() == 1);
      tokens_of_value[static_cast<int>(i % kValues)].insert(outcomes[i].reply.entities(0).token());
    }
    std::set<std::string> all;
    for (const auto& [v, tokens] : tokens_of_value) {
      CAPTURE(v);
      CHECK(tokens.size() == 1);
      all.insert(tokens.begin(), tokens.end());
    }
    CHECK(all.size() == kValues);
    v1::ResolveRequest resolve;
    resolve.set_session_id(session);
    for (const auto& t : all) resolve.add_tokens(t);
    auto resolved = Call<v1::ResolveReply>(client, kResolve, resolve);
    CHECK(resolved.resolved_size() == kValues);
    for (const auto& [v, tokens] : tokens_of_value) {
      CHECK(resolved.resolved().at(*tokens.begin()) == "shared" + std::to_string(v) + "@example.org");
    }
  }

  TEST_CASE("many requests in flight at once are answered, each with its own reply") {
    NatsClient& client = Env().client();
    constexpr int kRequests = 120;
    // Detect: the offset of the email tells which request a reply answers.
    std::vector<std::string> detects;
    for (int i = 0; i < kRequests; ++i) {
      detects.push_back(Encode(DetectReq(std::string(static_cast<size_t>(i), '.') + " " + UserEmail(i)),
                               Encoding::kProtobuf));
    }
    auto replies = client.RequestBatch(kDetect, detects, {}, std::chrono::seconds(30));
    for (int i = 0; i < kRequests; ++i) {
      CAPTURE(i);
      v1::DetectReply d;
      REQUIRE_MESSAGE(replies[static_cast<size_t>(i)].ok(), replies[static_cast<size_t>(i)].Describe());
      INFO(replies[static_cast<size_t>(i)].Describe());
      REQUIRE(Decode(replies[static_cast<size_t>(i)].data, Encoding::kProtobuf, &d).empty());
      REQUIRE(d.entities_size() == 1);
      CHECK(d.entities(0).type() == "EMAIL");
      CHECK(d.entities(0).start() == static_cast<uint32_t>(i + 1));
      CHECK(d.entities(0).end() == static_cast<uint32_t>(i + 1 + UserEmail(i).size()));
    }

    // Masks creating new sessions, JSON this time: all distinct sessions.
    std::vector<std::string> masks;
    for (int i = 0; i < kRequests; ++i) masks.push_back(Encode(MaskReq("m " + UserEmail(i)), Encoding::kJson));
    auto mask_replies = client.RequestBatch(kMask, masks, HeadersFor(Encoding::kJson), std::chrono::seconds(30));
    std::set<std::string> sessions;
    for (int i = 0; i < kRequests; ++i) {
      CAPTURE(i);
      v1::MaskReply m;
      REQUIRE_MESSAGE(mask_replies[static_cast<size_t>(i)].ok(), mask_replies[static_cast<size_t>(i)].Describe());
      INFO(mask_replies[static_cast<size_t>(i)].Describe());
      REQUIRE(Decode(mask_replies[static_cast<size_t>(i)].data, Encoding::kJson, &m).empty());
      REQUIRE(m.entities_size() == 1);
      CHECK(m.masked_text() == "m " + m.entities(0).token());
      sessions.insert(m.session_id());
    }
    CHECK(sessions.size() == kRequests);
  }
}
