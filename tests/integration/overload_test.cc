// Overload: a flood of 800 masks of 200 KB in flight against one worker.
// Requests beyond the worker's byte budget, or that waited too long for a
// thread, are answered 503 at once with the reason (counted per reason in
// $SRV.STATS); every request gets an answer, the worker's peak resident
// memory stays bounded, and another caller's resolves stay fast.
#include <doctest/doctest.h>

#include <algorithm>
#include <atomic>
#include <fstream>
#include <map>
#include <thread>

#include "integration/test_values.h"
#include "support/service_env.h"

using namespace privacy::testing;
namespace v1 = privacy::v1;

namespace {

constexpr int kFloodRequests = 800;
constexpr size_t kFloodTextBytes = 200 * 1024;

// Peak resident memory of process `pid` in MiB (VmHWM).
double PeakRssMiB(pid_t pid) {
  std::ifstream status("/proc/" + std::to_string(pid) + "/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind("VmHWM:", 0) == 0) return std::stod(line.substr(6)) / 1024.0;
  }
  return -1;
}

// A 200 KB prompt with personal data all along it.
std::string FloodText() {
  const std::string sentence = "Please write to " + kEmail.value + " about the order today. ";
  std::string text;
  while (text.size() + sentence.size() <= kFloodTextBytes) text += sentence;
  return text;
}

// The value of `"key":N` inside `json` after `from`, or -1.
int64_t NumberAfter(const std::string& json, size_t from, const std::string& key) {
  size_t at = json.find("\"" + key + "\":", from);
  if (at == std::string::npos) return -1;
  return std::stoll(json.substr(at + key.size() + 3));
}

}  // namespace

TEST_SUITE("overload") {
  TEST_CASE("800 masks of 200 KB in flight: bounded memory, 503 with reasons, fast resolves") {
    ServiceEnv env({"overload"});
    NatsClient& client = env.client();
    auto session = Call<v1::MaskReply>(client, kMask, MaskReq("mail " + kEmail.value));
    const std::string token = session.entities(0).token();

    // A second caller resolves all through the flood.
    std::atomic<bool> flooding{true};
    std::vector<double> resolve_ms;
    int resolve_failures = 0;
    std::thread second_caller([&] {
      auto caller = env.NewClient();
      while (flooding) {
        const auto started = std::chrono::steady_clock::now();
        Reply reply = Send(*caller, kResolve, ResolveReq(session.session_id(), {token}),
                           Encoding::kProtobuf, std::chrono::seconds(5));
        resolve_ms.push_back(std::chrono::duration<double, std::milli>(
                                 std::chrono::steady_clock::now() - started)
                                 .count());
        if (!reply.ok() || reply.Header("Nats-Service-Error-Code")) ++resolve_failures;
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
      }
    });

    const std::string body = Encode(MaskReq(FloodText()), Encoding::kProtobuf);
    auto replies = env.NewClient()->RequestBatch(
        kMask, std::vector<std::string>(kFloodRequests, body), {}, std::chrono::seconds(60));
    flooding = false;
    second_caller.join();

    std::map<std::string, int> outcomes;
    for (const Reply& reply : replies) {
      if (!reply.ok()) {
        ++outcomes["no reply"];
      } else if (auto code = reply.Header("Nats-Service-Error-Code")) {
        ++outcomes[*code + " " + reply.Header("Nats-Service-Error").value_or("")];
        if (*code == "503") CheckErrorReply(reply, Encoding::kProtobuf, 503, {kEmail.value});
      } else {
        ++outcomes["200"];
      }
    }
    const double peak = PeakRssMiB(env.worker(0).pid());
    std::sort(resolve_ms.begin(), resolve_ms.end());
    REQUIRE(!resolve_ms.empty());
    const double p99 = resolve_ms[resolve_ms.size() * 99 / 100];
    std::string outcome_text;
    for (const auto& [what, n] : outcomes) outcome_text += what + ": " + std::to_string(n) + "; ";
    MESSAGE("flood: ", outcome_text, "worker peak RSS ", peak, " MiB; second caller: ",
            resolve_ms.size(), " resolves, p99 ", p99, " ms, max ", resolve_ms.back(), " ms");

    CHECK(outcomes.count("no reply") == 0);
    CHECK(outcomes["200"] > 0);
    const int by_budget = outcomes["503 overloaded: request byte budget exhausted"];
    const int by_wait = outcomes["503 overloaded: waited too long for a thread"];
    CHECK(by_budget + by_wait > 0);
    CHECK(outcomes["200"] + by_budget + by_wait == kFloodRequests);
    CHECK(peak <= 160.0);
    CHECK(resolve_failures == 0);
    CHECK(p99 <= 50.0);

    // $SRV.STATS counts each refusal under its reason.
    Reply stats = client.Request("$SRV.STATS.privacy", "");
    REQUIRE(stats.ok());
    const size_t mask_at = stats.data.find("\"name\":\"mask\"");
    REQUIRE(mask_at != std::string::npos);
    CHECK(NumberAfter(stats.data, mask_at, "byte_budget") == by_budget);
    CHECK(NumberAfter(stats.data, mask_at, "queue_wait") == by_wait);
  }
}
