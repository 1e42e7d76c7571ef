// Tenant isolation through NATS accounts, with the shipped
// deploy/nats-accounts.conf: sessions belong to the account that created
// them (from the server-set Nats-Request-Info header), tenants cannot reach
// the audit subjects, and per-account quotas hold.
#include <doctest/doctest.h>

#include <atomic>
#include <fstream>
#include <thread>

#include "integration/test_values.h"
#include "support/accounts_config.h"
#include "support/audit_events.h"
#include "support/nats_server.h"
#include "support/readiness.h"
#include "support/temp_dir.h"
#include "support/worker_process.h"

using namespace privacy::testing;
namespace v1 = privacy::v1;

namespace {

// The shipped accounts configuration, with workers given `worker_args`, and
// clients of the service's own account and of both tenants.
struct TenantDeployment {
  explicit TenantDeployment(std::vector<std::string> worker_args = {})
      : server(AccountsServerOptions()),
        service(server.url(), {"privacy-service", "service-secret"}),
        tenant_a(server.url(), {"tenant-a", "a-secret"}),
        tenant_b(server.url(), {"tenant-b", "b-secret"}) {
    std::vector<std::string> args = {"--nats-user", "privacy-service", "--nats-password",
                                     "service-secret"};
    args.insert(args.end(), worker_args.begin(), worker_args.end());
    worker = std::make_unique<WorkerProcess>(server.url(), args);
    WaitUntilReady(tenant_a, worker.get());
    WaitUntilReady(tenant_b, worker.get());
  }

  NatsServer server;
  NatsClient service;
  NatsClient tenant_a;
  NatsClient tenant_b;
  std::unique_ptr<WorkerProcess> worker;
};

int ErrorCode(const Reply& reply) { return ReadError(reply, Encoding::kProtobuf).header_code; }

}  // namespace

TEST_SUITE("tenants") {
  TEST_CASE("another account can neither resolve, demask, extend nor delete a session") {
    TenantDeployment d;
    auto m = Call<v1::MaskReply>(d.tenant_a, kMask, MaskReq("mail " + kEmail.value));
    const std::string token = m.entities(0).token();
    const std::string id = m.session_id();

    for (NatsClient* other : {&d.tenant_b, &d.service}) {
      CheckErrorReply(Send(*other, kResolve, ResolveReq(id, {token})), Encoding::kProtobuf, 404,
                      {kEmail.value});
      CheckErrorReply(Send(*other, kDemask, DemaskReq(id, "hi " + token)), Encoding::kProtobuf,
                      404, {kEmail.value});
      CheckErrorReply(Send(*other, kMask, MaskReq("call " + kPhone.value, id)),
                      Encoding::kProtobuf, 404, {kEmail.value});
      CheckErrorReply(Send(*other, kDelete, DeleteReq(id)), Encoding::kProtobuf, 404);
    }

    // The owner keeps full access, and the session did not grow.
    auto r = Call<v1::ResolveReply>(d.tenant_a, kResolve, ResolveReq(id, {token}));
    CHECK(r.resolved().at(token) == kEmail.value);
    auto restored = Call<v1::DemaskReply>(d.tenant_a, kDemask, DemaskReq(id, "hi " + token));
    CHECK(restored.original_text() == "hi " + kEmail.value);
    CHECK(Call<v1::DeleteReply>(d.tenant_a, kDelete, DeleteReq(id)).deleted());

    // A forged Nats-Request-Info from a tenant is replaced by the server.
    auto b_session = Call<v1::MaskReply>(d.tenant_b, kMask, MaskReq("mail " + kEmail.value));
    Reply forged = d.tenant_a.Request(
        kResolve, Encode(ResolveReq(b_session.session_id(), {b_session.entities(0).token()}),
                         Encoding::kProtobuf),
        {{"Nats-Request-Info", R"({"acc":"TENANT_B"})"}});
    CHECK(ErrorCode(forged) == 404);
  }

  TEST_CASE("tenants can neither write nor read audit events") {
    TenantDeployment d;
    Call<v1::MaskReply>(d.tenant_a, kMask, MaskReq("mail " + kEmail.value));
    REQUIRE(PollUntil([&] { return CountAuditEvents(d.service) == 1; }, std::chrono::seconds(10)));

    std::atomic<int> seen{0};
    natsSubscription* raw = nullptr;
    REQUIRE(natsConnection_Subscribe(
                &raw, d.tenant_b.connection(), "privacy.events.>",
                [](natsConnection*, natsSubscription*, natsMsg* msg, void* counter) {
                  ++*static_cast<std::atomic<int>*>(counter);
                  natsMsg_Destroy(msg);
                },
                &seen) == NATS_OK);
    privacy::nats::SubscriptionPtr spy(raw);
    natsConnection_Flush(d.tenant_b.connection());

    for (const char* subject : {"privacy.events.mask", "privacy.events.delete"}) {
      natsConnection_PublishString(d.tenant_a.connection(), subject, R"({"kind":"mask"})");
    }
    natsConnection_Flush(d.tenant_a.connection());
    auto second = Call<v1::MaskReply>(d.tenant_a, kMask, MaskReq("call " + kPhone.value));
    REQUIRE(PollUntil([&] { return CountAuditEvents(d.service) >= 2; }, std::chrono::seconds(10)));
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    CHECK(CountAuditEvents(d.service) == 2);  // only the two masks
    CHECK(seen.load() == 0);
    for (const AuditRecord& record : ReadAuditEvents(d.service)) {
      CAPTURE(record.line);
      CHECK(record.decode_error.empty());
      CHECK(record.line.find(R"("account":"TENANT_A")") != std::string::npos);
    }
  }

  TEST_CASE("per-account quotas: sessions, tokens per session, request rate") {
    TempDir dir("privacy-it-tenants");
    std::string limits = (dir.path() / "limits.conf").string();
    std::ofstream(limits) << "TENANT_A max_sessions=2 max_tokens_per_session=2\n"
                             "TENANT_B requests_per_second=3\n";
    TenantDeployment d({"--tenant-limits", limits});

    auto first = Call<v1::MaskReply>(d.tenant_a, kMask, MaskReq("mail " + kEmail.value));
    auto second = Call<v1::MaskReply>(d.tenant_a, kMask, MaskReq("call " + kPhone.value));
    // The census follows the bucket asynchronously (within milliseconds).
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    CheckErrorReply(Send(d.tenant_a, kMask, MaskReq("x " + kIp.value)), Encoding::kProtobuf, 429,
                    {kIp.value});
    // Other accounts are not affected; a deleted session frees its place.
    Call<v1::MaskReply>(d.service, kMask, MaskReq("x " + kIp.value));
    CHECK(Call<v1::DeleteReply>(d.tenant_a, kDelete, DeleteReq(first.session_id())).deleted());
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    CHECK(ErrorCode(Send(d.tenant_a, kMask, MaskReq("x " + kIp.value))) == 0);

    // Two tokens per session for TENANT_A.
    CheckErrorReply(Send(d.tenant_a, kMask, MaskReq(kFiveValueText, second.session_id())),
                    Encoding::kProtobuf, 413, {kEmail.value});

    // TENANT_B: three requests per second per worker, a burst of three.
    int refused = 0;
    for (int i = 0; i < 10; ++i) {
      if (ErrorCode(Send(d.tenant_b, kDetect, DetectReq("hello"))) == 429) ++refused;
    }
    CHECK(refused >= 6);
    CHECK(ErrorCode(Send(d.tenant_a, kDetect, DetectReq("hello"))) == 0);
  }
}
