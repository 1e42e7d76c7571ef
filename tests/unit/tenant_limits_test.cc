#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <string>

#include "tenant/request_rate_limiter.h"
#include "tenant/tenant_guard.h"
#include "tenant/tenant_limits.h"
#include "vault/storage_key.h"

using namespace privacy;

namespace {

std::string WriteFile(const std::string& name, const std::string& text) {
  std::string path = (std::filesystem::temp_directory_path() / name).string();
  std::ofstream(path) << text;
  return path;
}

// A census with fixed counts per account key.
class FixedCensus : public vault::SessionCensus {
 public:
  std::map<std::string, uint64_t, std::less<>> counts;
  uint64_t LiveSessions(std::string_view account_key) const override {
    auto it = counts.find(account_key);
    return it == counts.end() ? 0 : it->second;
  }
};

}  // namespace

TEST_CASE("tenant limits file: overrides per account, defaults elsewhere") {
  std::string path = WriteFile("tenant_limits_good.conf",
                               "# quotas\n"
                               "TENANT_A max_sessions=10 requests_per_second=2.5\n"
                               "\n"
                               "TENANT_B max_tokens_per_session=7  # small sessions\n");
  tenant::TenantLimits defaults;
  defaults.max_sessions = 100;
  auto policy = tenant::TenantPolicy::FromFile(path, defaults);
  REQUIRE(policy.ok());
  CHECK(policy->For("TENANT_A").max_sessions == 10);
  CHECK(policy->For("TENANT_A").requests_per_second == doctest::Approx(2.5));
  CHECK(policy->For("TENANT_B").max_sessions == 100);
  CHECK(policy->For("TENANT_B").max_tokens_per_session == 7);
  CHECK(policy->For("").max_sessions == 100);
  CHECK_FALSE(policy->Unlimited());
  CHECK(tenant::TenantPolicy().Unlimited());
}

TEST_CASE("tenant limits file: errors name the line") {
  std::string path = WriteFile("tenant_limits_bad.conf", "TENANT_A max_sessions=10\nTENANT_B sessions=3\n");
  auto policy = tenant::TenantPolicy::FromFile(path, {});
  REQUIRE_FALSE(policy.ok());
  CHECK(policy.error().message.find(":2:") != std::string::npos);
  path = WriteFile("tenant_limits_dup.conf", "TENANT_A max_sessions=1\nTENANT_A max_sessions=2\n");
  CHECK(tenant::TenantPolicy::FromFile(path, {}).error().message.find("twice") !=
        std::string::npos);
  CHECK_FALSE(tenant::TenantPolicy::FromFile(path + ".missing", {}).ok());
}

TEST_CASE("rate limiter: a burst of one second, then the account's rate") {
  tenant::RequestRateLimiter limiter;
  auto t0 = tenant::RequestRateLimiter::Clock::now();
  for (int i = 0; i < 5; ++i) CHECK(limiter.TryAcquire("A", 5, t0));
  CHECK_FALSE(limiter.TryAcquire("A", 5, t0));
  CHECK(limiter.TryAcquire("B", 5, t0));  // other accounts are not affected
  CHECK(limiter.TryAcquire("A", 5, t0 + std::chrono::milliseconds(200)));
  CHECK_FALSE(limiter.TryAcquire("A", 5, t0 + std::chrono::milliseconds(250)));
  CHECK(limiter.TryAcquire("C", 0, t0));  // unlimited
}

TEST_CASE("tenant guard: session quota from the census, token quota, rate") {
  auto census = std::make_shared<FixedCensus>();
  census->counts[vault::AccountKey("TENANT_A")] = 3;
  tenant::TenantLimits defaults;
  defaults.max_sessions = 3;
  defaults.max_tokens_per_session = 9;
  defaults.requests_per_second = 1;
  tenant::TenantGuard guard{tenant::TenantPolicy(defaults), census};
  CHECK(guard.AdmitNewSession("TENANT_A").error().code == ErrorCode::kTooManyRequests);
  CHECK(guard.AdmitNewSession("TENANT_B").ok());
  CHECK(guard.MaxTokensPerSession("TENANT_B") == 9u);
  CHECK(guard.AdmitRequest("TENANT_B").ok());
  CHECK(guard.AdmitRequest("TENANT_B").error().code == ErrorCode::kTooManyRequests);
}
