#include "support/mask_load.h"

#include <algorithm>
#include <map>

#include "support/privacy_wire.h"

namespace privacy::testing {

namespace {

// Why `reply` is not a success; empty when it is one.
std::string FailureOf(const Reply& reply) {
  if (reply.status == NATS_TIMEOUT) return "timeout";
  if (!reply.ok()) return natsStatus_GetText(reply.status);
  if (auto code = reply.Header("Nats-Service-Error-Code")) return *code;
  return {};
}

}  // namespace

MaskLoad::MaskLoad(std::vector<std::string> urls, int threads,
                   std::chrono::milliseconds request_timeout)
    : request_timeout_(request_timeout) {
  for (int t = 0; t < threads; ++t) {
    threads_.emplace_back(&MaskLoad::Run, this, t, urls[static_cast<size_t>(t) % urls.size()]);
  }
}

MaskLoad::~MaskLoad() { Stop(); }

void MaskLoad::Stop() {
  stopping_ = true;
  for (auto& thread : threads_) {
    if (thread.joinable()) thread.join();
  }
}

void MaskLoad::Record(LoadOutcome outcome) {
  if (outcome.ok) ++successes_;
  std::lock_guard lock(mutex_);
  outcomes_.push_back(std::move(outcome));
}

void MaskLoad::Run(int thread, const std::string& url) {
  NatsClient client(url);
  for (int i = 0; !stopping_; ++i) {
    const std::string value =
        "load" + std::to_string(thread) + "x" + std::to_string(i) + "@example.com";
    LoadOutcome mask{std::chrono::steady_clock::now(), {}, "mask", false, {}};
    Reply reply = Send(client, kMask, MaskReq("mail " + value), Encoding::kProtobuf,
                       request_timeout_);
    mask.done = std::chrono::steady_clock::now();
    mask.failure = FailureOf(reply);
    v1::MaskReply masked;
    if (mask.failure.empty() &&
        (!Decode(reply.data, Encoding::kProtobuf, &masked).empty() || masked.entities_size() != 1)) {
      mask.failure = "unexpected mask reply";
    }
    mask.ok = mask.failure.empty();
    Record(mask);
    if (!mask.ok) {
      // Failures can be immediate (no responders): do not spin on them.
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
      continue;
    }
    LoadSession session{masked.session_id(), masked.entities(0).token(), value};
    LoadOutcome resolve{std::chrono::steady_clock::now(), {}, "resolve", false, {}};
    Reply resolved_reply = Send(client, kResolve, ResolveReq(session.session_id, {session.token}),
                                Encoding::kProtobuf, request_timeout_);
    resolve.done = std::chrono::steady_clock::now();
    resolve.failure = FailureOf(resolved_reply);
    v1::ResolveReply resolved;
    if (resolve.failure.empty() &&
        (!Decode(resolved_reply.data, Encoding::kProtobuf, &resolved).empty() ||
         resolved.resolved().count(session.token) == 0 ||
         resolved.resolved().at(session.token) != value)) {
      resolve.failure = "wrong resolve reply";
    }
    resolve.ok = resolve.failure.empty();
    session.resolved = resolve.ok;
    Record(resolve);
    std::lock_guard lock(mutex_);
    sessions_.push_back(std::move(session));
  }
}

bool MaskLoad::WaitForSuccesses(size_t count, std::chrono::milliseconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (successes_.load() < count) {
    if (std::chrono::steady_clock::now() >= deadline) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return true;
}

std::vector<LoadOutcome> MaskLoad::failures() const {
  std::vector<LoadOutcome> failed;
  std::copy_if(outcomes_.begin(), outcomes_.end(), std::back_inserter(failed),
               [](const LoadOutcome& o) { return !o.ok; });
  return failed;
}

std::chrono::milliseconds MaskLoad::FailureWindow() const {
  auto failed = failures();
  if (failed.empty()) return std::chrono::milliseconds(0);
  auto first = std::min_element(failed.begin(), failed.end(),
                                [](const auto& a, const auto& b) { return a.sent < b.sent; });
  auto last = std::max_element(failed.begin(), failed.end(),
                               [](const auto& a, const auto& b) { return a.done < b.done; });
  return std::chrono::duration_cast<std::chrono::milliseconds>(last->done - first->sent);
}

std::string MaskLoad::Summary() const {
  std::map<std::string, int> kinds;
  for (const auto& o : failures()) ++kinds[o.endpoint + " " + o.failure];
  std::string out = std::to_string(outcomes_.size()) + " requests, " +
                    std::to_string(outcomes_.size() - successes_.load()) + " failed";
  for (const auto& [kind, n] : kinds) out += "; " + kind + ": " + std::to_string(n);
  out += "; failure window " + std::to_string(FailureWindow().count()) + " ms";
  return out;
}

}  // namespace privacy::testing
