// The NATS services API (ADR-32): every worker answers $SRV.PING/INFO/STATS
// in the plain, .privacy and .privacy.<id> forms with the micro v1 schema.
#include <doctest/doctest.h>
#include <google/protobuf/struct.pb.h>
#include <google/protobuf/util/json_util.h>

#include <chrono>
#include <map>
#include <set>

#include "integration/test_values.h"
#include "nats/request_client.h"
#include "support/privacy_wire.h"
#include "support/service_env.h"

using namespace privacy;
using namespace privacy::testing;
using google::protobuf::Struct;

namespace {

SharedServiceEnv& Env() {
  static SharedServiceEnv env(ServiceEnvOptions("discovery", 2));
  return env;
}

// Publishes one request on `subject` and collects every reply for `window`.
std::vector<Struct> Gather(NatsClient& client, const std::string& subject,
                           std::chrono::milliseconds window = std::chrono::milliseconds(500)) {
  auto replies = nats::GatherReplies(client.connection(), subject, window);
  REQUIRE(replies.ok());
  std::vector<Struct> out;
  for (const std::string& data : *replies) {
    Struct parsed;
    INFO(data);
    REQUIRE(google::protobuf::util::JsonStringToMessage(data, &parsed).ok());
    out.push_back(parsed);
  }
  return out;
}

// ADR-32 names: ^[A-Za-z0-9_-]+$
bool IsServiceName(const std::string& s) {
  return !s.empty() && s.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
                                           "0123456789_-") == std::string::npos;
}

// MAJOR.MINOR.PATCH with an optional -prerelease.
bool IsSemver(const std::string& s) {
  std::string core = s.substr(0, s.find('-'));
  int dots = 0;
  bool digit_before = false;
  for (char c : core) {
    if (c == '.') {
      if (!digit_before) return false;
      ++dots;
      digit_before = false;
    } else if (c >= '0' && c <= '9') {
      digit_before = true;
    } else {
      return false;
    }
  }
  return dots == 2 && digit_before;
}

const google::protobuf::Value& Field(const Struct& s, const std::string& key) {
  auto it = s.fields().find(key);
  REQUIRE_MESSAGE(it != s.fields().end(), "missing field ", key);
  return it->second;
}

void CheckIdentity(const Struct& s, const std::string& type) {
  CHECK(Field(s, "type").string_value() == type);
  CHECK(Field(s, "name").string_value() == "privacy");
  CHECK(IsSemver(Field(s, "version").string_value()));
  CHECK(IsServiceName(Field(s, "id").string_value()));
  CHECK(Field(s, "metadata").has_struct_value());
}

// The numbers of every worker's STATS `data` objects below the endpoints,
// summed over the workers, by "endpoint/object/member" (e.g.
// "mask/entities/EMAIL").
std::map<std::string, double> DataCounts(NatsClient& client) {
  std::map<std::string, double> out;
  for (const auto& stats : Gather(client, "$SRV.STATS.privacy")) {
    for (const auto& e : Field(stats, "endpoints").list_value().values()) {
      const Struct& endpoint = e.struct_value();
      const std::string name = Field(endpoint, "name").string_value();
      for (const auto& [object, value] : Field(endpoint, "data").struct_value().fields()) {
        if (object == "latency") continue;
        for (const auto& [member, count] : value.struct_value().fields()) {
          out[name + "/" + object + "/" + member] += count.number_value();
        }
      }
    }
  }
  return out;
}

}  // namespace

TEST_SUITE("discovery") {
  TEST_CASE("every worker answers PING in all three forms") {
    NatsClient& client = Env().Get().client();
    auto plain = Gather(client, "$SRV.PING");
    auto named = Gather(client, "$SRV.PING.privacy");
    REQUIRE(plain.size() == 2);
    REQUIRE(named.size() == 2);
    std::set<std::string> ids;
    for (const auto& ping : named) {
      CheckIdentity(ping, "io.nats.micro.v1.ping_response");
      ids.insert(Field(ping, "id").string_value());
    }
    CHECK(ids.size() == 2);
    for (const auto& id : ids) {
      auto one = Gather(client, "$SRV.PING.privacy." + id);
      REQUIRE(one.size() == 1);
      CHECK(Field(one[0], "id").string_value() == id);
    }
  }

  TEST_CASE("INFO lists the five endpoints with their queue group") {
    NatsClient& client = Env().Get().client();
    auto infos = Gather(client, "$SRV.INFO.privacy");
    REQUIRE(infos.size() == 2);
    for (const auto& info : infos) {
      CheckIdentity(info, "io.nats.micro.v1.info_response");
      CHECK_FALSE(Field(info, "description").string_value().empty());
      std::set<std::string> subjects;
      for (const auto& e : Field(info, "endpoints").list_value().values()) {
        const Struct& endpoint = e.struct_value();
        CHECK(IsServiceName(Field(endpoint, "name").string_value()));
        CHECK(Field(endpoint, "queue_group").string_value() == "privacy");
        subjects.insert(Field(endpoint, "subject").string_value());
      }
      CHECK(subjects == std::set<std::string>{"privacy.mask", "privacy.detect", "privacy.resolve",
                                              "privacy.demask", "privacy.delete"});
    }
  }

  TEST_CASE("STATS counts requests and errors per endpoint") {
    ServiceEnv& env = Env().Get();
    auto totals = [&] {
      std::map<std::string, std::pair<double, double>> by_name;
      for (const auto& stats : Gather(env.client(), "$SRV.STATS.privacy")) {
        CheckIdentity(stats, "io.nats.micro.v1.stats_response");
        CHECK_FALSE(Field(stats, "started").string_value().empty());
        for (const auto& e : Field(stats, "endpoints").list_value().values()) {
          const Struct& endpoint = e.struct_value();
          auto& [requests, errors] = by_name[Field(endpoint, "name").string_value()];
          requests += Field(endpoint, "num_requests").number_value();
          errors += Field(endpoint, "num_errors").number_value();
          CHECK(Field(endpoint, "processing_time").number_value() >= 0);
          CHECK(Field(endpoint, "average_processing_time").number_value() >= 0);
        }
      }
      return by_name;
    };
    auto before = totals();
    for (int i = 0; i < 4; ++i) {
      Call<v1::DetectReply>(env.client(), kDetect, DetectReq("mail a" + std::to_string(i) + "@b.io"));
    }
    Reply bad = env.client().Request(kResolve, "{\"session_id\":\"not-a-session\"}");
    REQUIRE(bad.Header("Nats-Service-Error-Code") == std::optional<std::string>("400"));
    auto after = totals();
    CHECK(after["detect"].first - before["detect"].first == 4);
    CHECK(after["detect"].second - before["detect"].second == 0);
    CHECK(after["resolve"].first - before["resolve"].first == 1);
    CHECK(after["resolve"].second - before["resolve"].second == 1);
  }

  TEST_CASE("STATS data has each endpoint's latency percentiles over the recent window") {
    ServiceEnv& env = Env().Get();
    for (int i = 0; i < 20; ++i) {
      Call<v1::DetectReply>(env.client(), kDetect, DetectReq("mail a" + std::to_string(i) + "@b.io"));
    }
    double detect_count = 0;
    for (const auto& stats : Gather(env.client(), "$SRV.STATS.privacy")) {
      for (const auto& e : Field(stats, "endpoints").list_value().values()) {
        const Struct& endpoint = e.struct_value();
        const Struct& latency = Field(Field(endpoint, "data").struct_value(), "latency").struct_value();
        CHECK(Field(latency, "window_s").number_value() == 60);
        double count = Field(latency, "count").number_value();
        double p50 = Field(latency, "p50_ns").number_value();
        double p90 = Field(latency, "p90_ns").number_value();
        double p99 = Field(latency, "p99_ns").number_value();
        double max = Field(latency, "max_ns").number_value();
        CHECK(p50 <= p90);
        CHECK(p90 <= p99);
        CHECK(p99 <= max);
        CHECK(count <= Field(endpoint, "num_requests").number_value());
        if (Field(endpoint, "name").string_value() != "detect") continue;
        detect_count += count;
        if (count > 0) {
          CHECK(p50 > 0);
          // No latency exceeds the total processing time.
          CHECK(max <= Field(endpoint, "processing_time").number_value());
        }
      }
    }
    CHECK(detect_count >= 20);
  }

  TEST_CASE("STATS data counts entities masked per type, restore outcomes and refusals") {
    ServiceEnv& env = Env().Get();
    NatsClient& client = env.client();
    const auto before = DataCounts(client);
    for (const std::string& key :
         {"mask/refused/bad_request", "mask/refused/too_large", "mask/refused/over_quota",
          "mask/refused/unavailable", "resolve/outcomes/resolved", "resolve/outcomes/unknown",
          "resolve/outcomes/not_found", "demask/outcomes/resolved", "delete/refused/bad_request"}) {
      CAPTURE(key);
      CHECK(before.count(key) == 1);
    }

    auto mask = Call<v1::MaskReply>(client, kMask, MaskReq(kFiveValueText));
    Call<v1::MaskReply>(client, kMask, MaskReq("and again " + kEmail.value));
    const std::string token = FindEntity(mask, kFiveValueText, kEmail.value)->token();
    Call<v1::ResolveReply>(client, kResolve, ResolveReq(mask.session_id(), {token}));
    Call<v1::ResolveReply>(client, kResolve, ResolveReq(mask.session_id(), {token, "[EMAIL_zzzz]"}));
    CheckErrorReply(Send(client, kResolve, ResolveReq(RandomSessionId(), {token})),
                    Encoding::kProtobuf, 404);
    CheckErrorReply(Send(client, kResolve, ResolveReq("not-a-session", {token})),
                    Encoding::kProtobuf, 400);
    Call<v1::DemaskReply>(client, kDemask, DemaskReq(mask.session_id(), mask.masked_text()));
    CheckErrorReply(Send(client, kMask, MaskReq(std::string(300 * 1024, 'a'))),
                    Encoding::kProtobuf, 413);

    auto after = DataCounts(client);
    auto grew = [&](const std::string& key) { return after[key] - before.at(key); };
    auto entities = [&](const std::string& type) {
      const std::string key = "mask/entities/" + type;
      return after[key] - (before.count(key) ? before.at(key) : 0.0);
    };
    CHECK(entities("EMAIL") == 2);
    CHECK(entities("PHONE") == 1);
    CHECK(entities("CREDIT_CARD") == 1);
    CHECK(entities("IP_ADDRESS") == 1);
    CHECK(entities("URL") == 1);
    CHECK(grew("resolve/outcomes/resolved") == 1);
    CHECK(grew("resolve/outcomes/unknown") == 1);
    CHECK(grew("resolve/outcomes/not_found") == 1);
    CHECK(grew("resolve/refused/bad_request") == 1);
    CHECK(grew("demask/outcomes/resolved") == 1);
    CHECK(grew("mask/refused/too_large") == 1);
    CHECK(grew("mask/refused/bad_request") == 0);
  }
}
