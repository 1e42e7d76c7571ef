// The model step of the endpoints with a fake external recognizer: when it is
// asked, how its findings reach mask and detect, and the fallback to the
// built-in recognizers (counted, with a circuit breaker for timeouts).
#include <doctest/doctest.h>

#include <algorithm>

#include <mutex>
#include <thread>

#include "detect/detector.h"
#include "endpoints/circuit_breaker.h"
#include "endpoints/privacy_endpoints.h"
#include "awaited_calls.h"
#include "in_memory_session_store.h"

using namespace privacy;
using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

namespace {

// An ExternalRecognizer whose answer the test sets: findings, an error, or
// silence until the deadline. Records what it was asked.
class FakeRecognizer : public detect::ExternalRecognizer {
 public:
  Result<std::vector<detect::Finding>> Find(std::string_view text,
                                            std::span<const std::string> types,
                                            Clock::time_point deadline) const override {
    std::lock_guard lock(mutex_);
    calls_++;
    asked_types_.assign(types.begin(), types.end());
    if (silent_) {
      std::this_thread::sleep_until(deadline);
      return MakeError(ErrorCode::kUnavailable, "timed out");
    }
    return answer_;
  }

  void Answer(Result<std::vector<detect::Finding>> answer) {
    std::lock_guard lock(mutex_);
    answer_ = std::move(answer);
    silent_ = false;
  }
  void StaySilent() {
    std::lock_guard lock(mutex_);
    silent_ = true;
  }
  int calls() const {
    std::lock_guard lock(mutex_);
    return calls_;
  }
  std::vector<std::string> asked_types() const {
    std::lock_guard lock(mutex_);
    return asked_types_;
  }

 private:
  mutable std::mutex mutex_;
  Result<std::vector<detect::Finding>> answer_ = std::vector<detect::Finding>{};
  bool silent_ = false;
  mutable int calls_ = 0;
  mutable std::vector<std::string> asked_types_;
};

const std::string kText = "Zoë Ölund wrote from zoe@example.com";

// The model's answer for kText: Zoë Ölund as a PERSON.
std::vector<detect::Finding> ZoeAsPerson() {
  return {{"PERSON", 0, static_cast<uint32_t>(std::string("Zoë Ölund").size()), 0.87}};
}

struct ModelFixture {
  Logger logger{LogLevel::kError};
  std::shared_ptr<FakeRecognizer> model = std::make_shared<FakeRecognizer>();
  std::shared_ptr<endpoints::ExternalRecognition> recognition =
      std::make_shared<endpoints::ExternalRecognition>(
          model, endpoints::ExternalRecognitionOptions{{"PERSON", "LOCATION", "ORGANIZATION"},
                                                       20ms,
                                                       {3, 10s, 20s}},
          &logger);
  std::shared_ptr<const detect::Detector> detector = detect::CreateDetector({});
  endpoints::PrivacyEndpoints endpoints{
      detector,
      std::make_shared<vault::SessionVault>(std::make_shared<testing::InMemorySessionStore>(),
                                            vault::VaultOptions{}),
      endpoints::EndpointLimits{}, endpoints::PrivacyEndpoints::Extensions{nullptr, recognition}};

  // "TYPE:value" of privacy.detect's findings in kText.
  std::vector<std::string> Detected(std::vector<std::string> only_types = {}) {
    v1::DetectRequest request;
    request.set_text(kText);
    for (auto& type : only_types) request.add_entities_to_mask(type);
    auto reply = endpoints.Detect(request);
    REQUIRE(reply.ok());
    std::vector<std::string> out;
    for (const auto& e : reply->entities()) {
      out.push_back(e.type() + ":" + kText.substr(e.start(), e.end() - e.start()));
    }
    return out;
  }

  // "TYPE:value" of the built-in detector's own findings in kText.
  std::vector<std::string> BuiltIn() const {
    std::vector<std::string> out;
    for (const auto& f : detector->Detect(kText, {})) {
      out.push_back(f.type + ":" + kText.substr(f.start, f.end - f.start));
    }
    return out;
  }
};

using Strings = std::vector<std::string>;

}  // namespace

TEST_SUITE_BEGIN("external_recognition");

TEST_CASE("a mask that a limit refuses never asks the model") {
  ModelFixture f;
  f.model->Answer(ZoeAsPerson());
  v1::MaskRequest mask;
  mask.set_text(kText);
  mask.set_ttl_seconds(0);
  v1::AuditEvent audit;
  CHECK(testing::MaskAndWait(f.endpoints, mask, endpoints::Caller{}, &audit).error().code ==
        ErrorCode::kBadRequest);
  mask.clear_ttl_seconds();
  mask.set_session_id("not a session id");
  CHECK(testing::MaskAndWait(f.endpoints, mask, endpoints::Caller{}, &audit).error().code ==
        ErrorCode::kBadRequest);
  CHECK(f.model->calls() == 0);
  mask.clear_session_id();
  CHECK(testing::MaskAndWait(f.endpoints, mask, endpoints::Caller{}, &audit).ok());
  CHECK(f.model->calls() == 1);
}

TEST_CASE("a mask that may ask the model is not run where waiting is not allowed") {
  ModelFixture f;
  v1::MaskRequest mask;
  mask.set_text(kText);
  CHECK_FALSE(f.endpoints.MasksAtOnce(mask));
}

TEST_CASE("model findings are used by detect and mask") {
  ModelFixture f;
  f.model->Answer(ZoeAsPerson());
  CHECK(f.Detected() == Strings{"PERSON:Zoë Ölund", "EMAIL:zoe@example.com"});
  CHECK(f.model->asked_types() == Strings{"PERSON", "LOCATION", "ORGANIZATION"});

  v1::MaskRequest mask;
  mask.set_text(kText);
  v1::AuditEvent audit;
  auto masked = testing::MaskAndWait(f.endpoints, mask, endpoints::Caller{}, &audit);
  REQUIRE(masked.ok());
  REQUIRE(masked->entities_size() == 2);
  CHECK(masked->entities(0).type() == "PERSON");
  CHECK(masked->entities(0).score() == doctest::Approx(0.87));
  CHECK(masked->masked_text().starts_with(masked->entities(0).token() + " wrote from [EMAIL_"));
  CHECK(audit.entity_types().at("PERSON") == 1);
  CHECK(f.recognition->counts().answered == 2);
}

TEST_CASE("the model is asked only for the wanted types it covers") {
  ModelFixture f;
  f.model->Answer(ZoeAsPerson());
  CHECK(f.Detected({"EMAIL"}) == Strings{"EMAIL:zoe@example.com"});
  CHECK(f.model->calls() == 0);
  // PERSON is a known type for requests: the model reports it.
  CHECK(f.Detected({"PERSON", "EMAIL"}) == Strings{"PERSON:Zoë Ölund", "EMAIL:zoe@example.com"});
  CHECK(f.model->asked_types() == Strings{"PERSON"});
  CHECK(f.Detected({"PERSON"}) == Strings{"PERSON:Zoë Ölund"});
}

TEST_CASE("per-request deny and allow values apply to model findings") {
  ModelFixture f;
  f.model->Answer(ZoeAsPerson());
  v1::DetectRequest request;
  request.set_text(kText);
  request.add_allow_values("Zoë Ölund");
  auto allowed = f.endpoints.Detect(request);
  REQUIRE(allowed.ok());
  REQUIRE(allowed->entities_size() == 1);
  CHECK(allowed->entities(0).type() == "EMAIL");

  request.clear_allow_values();
  auto* deny = request.add_deny_values();
  deny->set_value("Ölund wrote");
  deny->set_type("ORGANIZATION");
  auto denied = f.endpoints.Detect(request);
  REQUIRE(denied.ok());
  REQUIRE(denied->entities_size() == 2);
  CHECK(denied->entities(0).type() == "ORGANIZATION");
  CHECK(denied->entities(0).score() == 1.0);
}

TEST_CASE("failures fall back to the built-in results and are counted by reason") {
  ModelFixture f;
  const Strings built_in = f.BuiltIn();
  REQUIRE(std::find(built_in.begin(), built_in.end(), "EMAIL:zoe@example.com") != built_in.end());

  f.model->Answer(MakeError(ErrorCode::kUnavailable, "no responders"));
  CHECK(f.Detected() == built_in);
  f.model->Answer(MakeError(ErrorCode::kInternal, "error reply"));
  CHECK(f.Detected() == built_in);
  // One finding ends inside "ë": the whole answer is ignored.
  f.model->Answer(std::vector<detect::Finding>{{"PERSON", 0, 2, 0.9}, {"PERSON", 0, 3, 0.9}});
  CHECK(f.Detected() == built_in);
  f.model->Answer(std::vector<detect::Finding>{{"PERSON", 0, 400, 0.9}});
  CHECK(f.Detected() == built_in);

  endpoints::ExternalRecognitionCounts c = f.recognition->counts();
  CHECK(c.requests == 4);
  CHECK(c.answered == 0);
  CHECK(c.unavailable == 1);
  CHECK(c.errors == 1);
  CHECK(c.rejected == 2);
  CHECK(c.fallbacks() == 4);
}

TEST_CASE("repeated timeouts open the circuit breaker: calls are skipped") {
  ModelFixture f;
  f.model->StaySilent();
  for (int i = 0; i < 3; ++i) CHECK(f.Detected() == f.BuiltIn());
  CHECK(f.model->calls() == 3);
  CHECK(f.Detected() == f.BuiltIn());
  CHECK(f.model->calls() == 3);
  endpoints::ExternalRecognitionCounts c = f.recognition->counts();
  CHECK(c.timeouts == 3);
  CHECK(c.skipped == 1);
  CHECK(c.fallbacks() == 4);
}

TEST_CASE("circuit breaker: opens after consecutive timeouts, probes once, backs off") {
  endpoints::CircuitBreaker breaker({2, 100ms, 350ms});
  const Clock::time_point t0 = Clock::now();
  std::chrono::milliseconds backoff{0};

  REQUIRE(breaker.Allow(t0));
  CHECK_FALSE(breaker.TimedOut(t0, &backoff));
  REQUIRE(breaker.Allow(t0));
  CHECK_FALSE(breaker.Completed());  // a completed call resets the count
  REQUIRE(breaker.Allow(t0));
  CHECK_FALSE(breaker.TimedOut(t0, &backoff));
  REQUIRE(breaker.Allow(t0));
  REQUIRE(breaker.TimedOut(t0, &backoff));
  CHECK(backoff == 100ms);

  CHECK_FALSE(breaker.Allow(t0 + 99ms));
  REQUIRE(breaker.Allow(t0 + 100ms));  // the probe
  CHECK_FALSE(breaker.Allow(t0 + 100ms));
  REQUIRE(breaker.TimedOut(t0 + 150ms, &backoff));
  CHECK(backoff == 200ms);
  CHECK_FALSE(breaker.Allow(t0 + 349ms));
  REQUIRE(breaker.Allow(t0 + 350ms));
  REQUIRE(breaker.TimedOut(t0 + 350ms, &backoff));
  CHECK(backoff == 350ms);  // capped

  REQUIRE(breaker.Allow(t0 + 700ms));
  CHECK(breaker.Completed());
  CHECK(breaker.Allow(t0 + 700ms));
  CHECK(breaker.Allow(t0 + 700ms));
}

TEST_SUITE_END();
