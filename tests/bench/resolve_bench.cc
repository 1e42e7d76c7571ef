// What a worker does for a privacy.resolve answered from its byte cache,
// without NATS: open the sealed session (decrypt and parse), resolve the
// tokens, encode the reply, and build the audit event's JSON line; each step
// alone and the whole request. The session is the bench's default prompt's
// (seven values).
#include <benchmark/benchmark.h>

#include <memory>
#include <string>
#include <vector>

#include "../unit/in_memory_session_store.h"
#include "../unit/no_findings_detector.h"
#include "crypto/session_cipher.h"
#include "endpoints/outcome_audit.h"
#include "endpoints/privacy_endpoints.h"
#include "vault/encrypting_session_store.h"
#include "wire/audit_event_json.h"
#include "wire/codec.h"

namespace {

using namespace privacy;

// Endpoints over an encrypting in-memory vault holding one session.
struct Fixture {
  Fixture() {
    auto cipher = std::make_shared<crypto::SessionCipher>(crypto::MasterKey::Generate(),
                                                          std::nullopt, crypto::CipherOptions{});
    auto store = std::make_shared<vault::EncryptingSessionStore>(
        std::make_shared<testing::InMemorySessionStore>(), cipher);
    vault = std::make_shared<vault::SessionVault>(store, vault::VaultOptions{});
    endpoints = std::make_unique<endpoints::PrivacyEndpoints>(std::make_shared<testing::NoFindingsDetector>(),
                                                              vault, endpoints::EndpointLimits{});
    std::vector<vault::ValueToMask> values = {{"PERSON", "Maria Gonzalez"},
                                              {"LOCATION", "Madrid"},
                                              {"DATE", "2024-03-15"},
                                              {"EMAIL", "maria.gonzalez@example.com"},
                                              {"PHONE", "+1 415 555 0132"},
                                              {"CREDIT_CARD", "4111 1111 1111 1111"},
                                              {"IBAN", "DE89 3704 0044 0532 0130 00"}};
    vault->TokenizeAsync(*vault->AdmitTokenize("", "", {}), values,
                         [this](Result<vault::TokenizeResult> done) { tokenized = *done; });
    request.set_session_id(tokenized.session_id);
    for (const auto& token : tokenized.tokens) request.add_tokens(token);
    request_bytes = wire::Encode(wire::Encoding::kProtobuf, request);
  }
  std::shared_ptr<vault::SessionVault> vault;
  std::unique_ptr<endpoints::PrivacyEndpoints> endpoints;
  vault::TokenizeResult tokenized;
  v1::ResolveRequest request;
  std::string request_bytes;
};

Fixture& Shared() {
  static Fixture fixture;
  return fixture;
}

void BM_OpenSession(benchmark::State& state) {
  Fixture& f = Shared();
  const std::vector<std::string> needed(f.tokenized.tokens.begin(), f.tokenized.tokens.end());
  for (auto _ : state) {
    auto session = f.vault->OpenAtOnce("", f.tokenized.session_id, needed);
    benchmark::DoNotOptimize(session);
  }
}

void BM_ResolveAtOnce(benchmark::State& state) {
  Fixture& f = Shared();
  for (auto _ : state) {
    auto reply = f.endpoints->ResolveAtOnce(f.request, endpoints::Caller{});
    benchmark::DoNotOptimize(reply);
  }
}

void BM_AuditEventLine(benchmark::State& state) {
  Fixture& f = Shared();
  auto outcome = *f.endpoints->ResolveAtOnce(f.request, endpoints::Caller{});
  for (auto _ : state) {
    v1::AuditEvent event;
    event.set_kind("resolve");
    event.set_request_id("123456");
    event.set_worker_id("9f86d081884c7d65");
    event.set_account("");
    event.set_timestamp_ms(1'700'000'000'000);
    event.set_trace_id("");
    endpoints::RecordOutcome(f.tokenized.session_id, outcome, &event);
    event.set_duration_us(42);
    std::string line = wire::AuditEventJson(event);
    benchmark::DoNotOptimize(line.data());
  }
}

// The JSON line of a resolve's audit event alone.
void BM_AuditEventJson(benchmark::State& state) {
  Fixture& f = Shared();
  auto outcome = *f.endpoints->ResolveAtOnce(f.request, endpoints::Caller{});
  v1::AuditEvent event;
  event.set_kind("resolve");
  event.set_request_id("123456");
  event.set_worker_id("9f86d081884c7d65");
  event.set_timestamp_ms(1'700'000'000'000);
  endpoints::RecordOutcome(f.tokenized.session_id, outcome, &event);
  event.set_duration_us(42);
  for (auto _ : state) {
    std::string line = wire::AuditEventJson(event);
    benchmark::DoNotOptimize(line.data());
  }
}

// Request bytes to reply bytes, as the delivery thread does it.
void BM_ResolveRequestToReply(benchmark::State& state) {
  Fixture& f = Shared();
  for (auto _ : state) {
    v1::ResolveRequest request;
    bool decoded = wire::Decode(wire::Encoding::kProtobuf, f.request_bytes, &request).ok();
    auto outcome = f.endpoints->ResolveAtOnce(request, endpoints::Caller{});
    std::string reply = (*outcome)->reply.Encode(wire::Encoding::kProtobuf);
    benchmark::DoNotOptimize(decoded);
    benchmark::DoNotOptimize(reply.data());
  }
}

BENCHMARK(BM_OpenSession);
BENCHMARK(BM_ResolveAtOnce);
BENCHMARK(BM_AuditEventLine);
BENCHMARK(BM_AuditEventJson);
BENCHMARK(BM_ResolveRequestToReply);

}  // namespace

BENCHMARK_MAIN();
