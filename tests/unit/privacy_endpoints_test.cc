#include <doctest/doctest.h>

#include <atomic>
#include <map>

#include "endpoints/privacy_endpoints.h"
#include "awaited_calls.h"
#include "in_memory_session_store.h"
#include "vault/storage_key.h"

using namespace privacy;

namespace {

// Finds fixed literals, so endpoint tests do not depend on recognizers.
class LiteralDetector : public detect::Detector {
 public:
  std::vector<detect::Finding> Detect(std::string_view text,
                                      const detect::DetectOptions& options) const override {
    std::vector<detect::Finding> out;
    for (const auto& [literal, type] : kLiterals) {
      if (!options.only_types.empty() &&
          std::find(options.only_types.begin(), options.only_types.end(), type) ==
              options.only_types.end()) {
        continue;
      }
      for (size_t pos = text.find(literal); pos != std::string_view::npos;
           pos = text.find(literal, pos + 1)) {
        out.push_back({type, static_cast<uint32_t>(pos),
                       static_cast<uint32_t>(pos + literal.size()), 0.9});
      }
    }
    std::sort(out.begin(), out.end(), [](auto& a, auto& b) { return a.start < b.start; });
    return out;
  }
  bool IsKnownType(std::string_view type) const override {
    return type == "EMAIL" || type == "PERSON";
  }
  std::vector<std::string> KnownTypes() const override { return {"EMAIL", "PERSON"}; }

 private:
  static inline const std::vector<std::pair<std::string, std::string>> kLiterals = {
      {"maria@example.com", "EMAIL"}, {"Maria Gonzalez", "PERSON"}, {"Zoë Ölund", "PERSON"}};
};

// A LiteralDetector that counts its runs.
class CountingDetector : public LiteralDetector {
 public:
  std::vector<detect::Finding> Detect(std::string_view text,
                                      const detect::DetectOptions& options) const override {
    ++runs;
    return LiteralDetector::Detect(text, options);
  }
  mutable std::atomic<int> runs{0};
};

// A census whose counts the test sets, per account key.
class SetCensus : public vault::SessionCensus {
 public:
  std::map<std::string, uint64_t, std::less<>> counts;
  uint64_t LiveSessions(std::string_view account_key) const override {
    auto it = counts.find(account_key);
    return it == counts.end() ? 0 : it->second;
  }
};

struct EndpointsFixture {
  std::shared_ptr<vault::SessionVault> vault = std::make_shared<vault::SessionVault>(
      std::make_shared<testing::InMemorySessionStore>(), vault::VaultOptions{});
  endpoints::PrivacyEndpoints endpoints{std::make_shared<LiteralDetector>(), vault,
                                        endpoints::EndpointLimits{128, 3}};
  endpoints::Caller caller;
  v1::AuditEvent audit;
};

}  // namespace

TEST_CASE("mask, resolve, demask and delete round trip") {
  EndpointsFixture f;
  v1::MaskRequest mask;
  mask.set_text("Zoë Ölund and Maria Gonzalez: maria@example.com, Maria Gonzalez");
  auto masked = testing::MaskAndWait(f.endpoints, mask, f.caller, &f.audit);
  REQUIRE(masked.ok());
  CHECK(masked->entity_count() == 4);
  REQUIRE(masked->entities_size() == 4);
  CHECK(masked->entities(1).token() == masked->entities(3).token());
  CHECK(masked->entities(0).start() == 0);
  CHECK(masked->entities(0).end() == std::string("Zoë Ölund").size());
  CHECK(masked->masked_text().find("Maria") == std::string::npos);
  CHECK(masked->masked_text() == masked->entities(0).token() + " and " +
                                     masked->entities(1).token() + ": " +
                                     masked->entities(2).token() + ", " +
                                     masked->entities(3).token());
  CHECK(f.audit.entity_count() == 4);
  CHECK(f.audit.entity_types().at("PERSON") == 3);
  CHECK(f.audit.session_id() == masked->session_id());

  v1::ResolveRequest resolve;
  resolve.set_session_id(masked->session_id());
  resolve.add_tokens(masked->entities(2).token());
  resolve.add_tokens("[EMAIL_ffff]");
  auto resolved = testing::Audited(resolve, f.endpoints.Resolve(resolve, f.caller), &f.audit);
  REQUIRE(resolved.ok());
  CHECK(resolved->resolved().at(masked->entities(2).token()) == "maria@example.com");
  REQUIRE(resolved->unknown_size() == 1);
  CHECK(resolved->unknown(0) == "[EMAIL_ffff]");

  v1::DemaskRequest demask;
  demask.set_session_id(masked->session_id());
  demask.set_masked_text(masked->masked_text() + " [PERSON_0000]");
  auto restored = testing::Audited(demask, f.endpoints.Demask(demask, f.caller), &f.audit);
  REQUIRE(restored.ok());
  CHECK(restored->original_text() == mask.text() + " [PERSON_0000]");

  v1::DeleteRequest erase;
  erase.set_session_id(masked->session_id());
  auto deleted = testing::DeleteAndWait(f.endpoints, erase, f.caller);
  REQUIRE(deleted.ok());
  CHECK(deleted->deleted());
  CHECK(f.endpoints.Resolve(resolve, f.caller).error().code == ErrorCode::kNotFound);
}

TEST_CASE("entities_to_mask restricts types, by our names or Presidio's, and rejects unknown ones without echo") {
  for (const char* email : {"EMAIL", "EMAIL_ADDRESS"}) {
    CAPTURE(email);
    EndpointsFixture f;
    v1::MaskRequest mask;
    mask.set_text("Maria Gonzalez maria@example.com");
    mask.add_entities_to_mask(email);
    auto masked = testing::MaskAndWait(f.endpoints, mask, f.caller, &f.audit);
    REQUIRE(masked.ok());
    REQUIRE(masked->entities_size() == 1);
    CHECK(masked->entities(0).type() == "EMAIL");  // replies keep our names
    CHECK(f.audit.entity_types().at("EMAIL") == 1);
    CHECK(masked->masked_text().starts_with("Maria Gonzalez [EMAIL_"));

    v1::DetectRequest detect;
    detect.set_text(mask.text());
    detect.add_entities_to_mask(email);
    auto detected = f.endpoints.Detect(detect);
    REQUIRE(detected.ok());
    REQUIRE(detected->entities_size() == 1);
    CHECK(detected->entities(0).type() == "EMAIL");

    mask.add_entities_to_mask("Maria Gonzalez");
    auto rejected = testing::MaskAndWait(f.endpoints, mask, f.caller, &f.audit);
    REQUIRE_FALSE(rejected.ok());
    CHECK(rejected.error().code == ErrorCode::kBadRequest);
    CHECK(rejected.error().message.find("Maria") == std::string::npos);
  }
}

TEST_CASE("limits and bad input") {
  EndpointsFixture f;
  v1::MaskRequest mask;
  mask.set_text(std::string(129, 'a'));
  CHECK(testing::MaskAndWait(f.endpoints, mask, f.caller, &f.audit).error().code == ErrorCode::kTooLarge);
  mask.set_text("bad \xc3\x28 utf8");
  CHECK(testing::MaskAndWait(f.endpoints, mask, f.caller, &f.audit).error().code == ErrorCode::kBadRequest);

  v1::ResolveRequest resolve;
  resolve.set_session_id("Maria Gonzalez");
  auto malformed = testing::Audited(resolve, f.endpoints.Resolve(resolve, f.caller), &f.audit);
  CHECK(malformed.error().code == ErrorCode::kBadRequest);
  CHECK(f.audit.session_id().empty());
  for (int i = 0; i < 4; ++i) resolve.add_tokens("[EMAIL_abcd]");
  CHECK(f.endpoints.Resolve(resolve, f.caller).error().code == ErrorCode::kTooLarge);

  v1::DetectRequest detect;
  detect.set_text("maria@example.com");
  auto found = f.endpoints.Detect(detect);
  REQUIRE(found.ok());
  REQUIRE(found->entities_size() == 1);
  CHECK(found->entities(0).type() == "EMAIL");
}

TEST_CASE("a mask opening a new session runs without waiting; one naming a session may read it") {
  EndpointsFixture f;
  v1::MaskRequest mask;
  mask.set_text("maria@example.com");
  CHECK(f.endpoints.MasksAtOnce(mask));
  mask.set_session_id("s-0123456789abcdef0123456789abcdef");
  CHECK_FALSE(f.endpoints.MasksAtOnce(mask));
}

TEST_CASE("a mask that a limit refuses never runs detection") {
  auto detector = std::make_shared<CountingDetector>();
  auto census = std::make_shared<SetCensus>();
  tenant::TenantLimits limits;
  limits.max_sessions = 1;
  auto vault = std::make_shared<vault::SessionVault>(
      std::make_shared<testing::InMemorySessionStore>(), vault::VaultOptions{});
  endpoints::PrivacyEndpoints endpoints{
      detector, vault, endpoints::EndpointLimits{128, 3},
      endpoints::PrivacyEndpoints::Extensions{
          std::make_shared<tenant::TenantGuard>(tenant::TenantPolicy(limits), census), nullptr}};
  endpoints::Caller caller;
  v1::AuditEvent audit;
  v1::MaskRequest first;
  first.set_text("maria@example.com");
  auto created = testing::MaskAndWait(endpoints, first, caller, &audit);
  REQUIRE(created.ok());
  CHECK(detector->runs == 1);
  census->counts[vault::AccountKey("")] = 1;

  auto refused = [&](v1::MaskRequest request) {
    v1::AuditEvent event;
    auto reply = testing::MaskAndWait(endpoints, request, caller, &event);
    REQUIRE_FALSE(reply.ok());
    return reply.error().code;
  };
  v1::MaskRequest mask;
  mask.set_text("write to maria@example.com");
  mask.set_session_id(created->session_id());
  SUBCASE("ttl out of bounds") {
    mask.set_ttl_seconds(0);
    CHECK(refused(mask) == ErrorCode::kBadRequest);
    mask.set_ttl_seconds(86401);
    CHECK(refused(mask) == ErrorCode::kBadRequest);
  }
  SUBCASE("malformed session id") {
    mask.set_session_id("Maria Gonzalez");
    CHECK(refused(mask) == ErrorCode::kBadRequest);
  }
  SUBCASE("session quota used up") {
    mask.clear_session_id();
    CHECK(refused(mask) == ErrorCode::kTooManyRequests);
  }
  SUBCASE("text limits, types and lists") {
    v1::MaskRequest bad = mask;
    bad.set_text(std::string(129, 'a'));
    CHECK(refused(bad) == ErrorCode::kTooLarge);
    bad.set_text("bad \xc3\x28 utf8");
    CHECK(refused(bad) == ErrorCode::kBadRequest);
    bad = mask;
    bad.add_entities_to_mask("SHOE_SIZE");
    CHECK(refused(bad) == ErrorCode::kBadRequest);
    bad = mask;
    bad.add_allow_values("");
    CHECK(refused(bad) == ErrorCode::kBadRequest);
  }
  CHECK(detector->runs == 1);

  // The same mask within every limit runs detection.
  v1::MaskRequest good = mask;
  good.set_session_id(created->session_id());
  good.set_ttl_seconds(60);
  CHECK(testing::MaskAndWait(endpoints, good, caller, &audit).ok());
  CHECK(detector->runs == 2);
}
