#include "worker/worker.h"

#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/signal_set.hpp>

#include <malloc.h>

#include <csignal>
#include <functional>
#include <thread>

#include "worker/privacy_service.h"
#include "worker/stop_deadline.h"
#include "cli/worker_id_file.h"
#include "nats/expiry_check_consumer.h"
#include "nats/expiry_queue.h"
#include "nats/session_change_feed.h"
#include "nats/nats_status.h"
#include "nats/ner_client.h"
#include "nats/request_server.h"
#include "nats/service_discovery.h"
#include "nats/worker_health.h"
#include "tenant/tenant_guard.h"
#include "vault/encrypting_session_store.h"
#include "vault/expiry_watcher.h"
#include "vault/random.h"
#include "vault/session_index.h"
#include "wire/subjects.h"

namespace privacy::worker {

namespace {

Result<nats::JetStreamPtr> OpenJetStream(natsConnection* conn, int64_t wait_ms) {
  jsOptions options;
  jsOptions_Init(&options);
  options.Wait = wait_ms;
  jsCtx* raw = nullptr;
  if (natsStatus s = natsConnection_JetStream(&raw, conn, &options); s != NATS_OK) {
    return nats::FromNatsStatus(s, "opening JetStream");
  }
  return nats::JetStreamPtr(raw);
}

// Builds a detector from the current configuration files and swaps it in;
// on a bad configuration the running detector stays.
void ReloadDetector(const DetectionSettings& settings, endpoints::PrivacyEndpoints* endpoints,
                    Logger* logger) {
  auto detector = BuildDetector(settings);
  if (!detector) {
    logger->Error("detector_reload_failed", {{"error", detector.error().message}});
    return;
  }
  endpoints->ReplaceDetector(std::move(*detector));
  logger->Info("detector_reloaded");
}

// The per-account quotas from the configuration.
Result<tenant::TenantPolicy> LoadTenantPolicy(const ServeConfig& config) {
  if (config.tenant_limits_file.empty()) return tenant::TenantPolicy(config.tenant_limits);
  return tenant::TenantPolicy::FromFile(config.tenant_limits_file, config.tenant_limits);
}

// The guard enforcing `policy`, or null when no account has any quota.
std::shared_ptr<tenant::TenantGuard> MakeTenantGuard(
    tenant::TenantPolicy policy, std::shared_ptr<const vault::SessionCensus> census) {
  if (policy.Unlimited()) return nullptr;
  return std::make_shared<tenant::TenantGuard>(std::move(policy), std::move(census));
}

// The model step when --ner-subject is set, asking over the worker's
// connection; null otherwise.
std::shared_ptr<const endpoints::ExternalRecognition> MakeExternalRecognition(
    const NerSettings& ner, natsConnection* nc, Logger* logger) {
  if (ner.subject.empty()) return nullptr;
  endpoints::ExternalRecognitionOptions options;
  options.types = ner.types;
  options.timeout = std::chrono::milliseconds(ner.timeout_ms);
  return std::make_shared<const endpoints::ExternalRecognition>(
      std::make_shared<nats::NatsNerClient>(nc, ner.subject), std::move(options), logger);
}

// The `data` of the detecting endpoints in $SRV.STATS: the worker's NER
// counters (shared by mask and detect, which share the model).
nats::ServiceDiscovery::EndpointData NerStatsData(
    std::shared_ptr<const endpoints::ExternalRecognition> external) {
  if (!external) return {};
  return [external](std::string_view endpoint) -> std::string {
    if (endpoint != "mask" && endpoint != "detect") return {};
    endpoints::ExternalRecognitionCounts c = external->counts();
    return "{\"ner\":{\"requests\":" + std::to_string(c.requests) +
           ",\"answered\":" + std::to_string(c.answered) +
           ",\"fallbacks\":" + std::to_string(c.fallbacks()) +
           ",\"timeouts\":" + std::to_string(c.timeouts) +
           ",\"unavailable\":" + std::to_string(c.unavailable) +
           ",\"errors\":" + std::to_string(c.errors) +
           ",\"rejected\":" + std::to_string(c.rejected) +
           ",\"skipped\":" + std::to_string(c.skipped) + "}}";
  };
}

// The detection step of the health endpoint: the worker's own detector
// must find the e-mail address in a fixed text (no session, no model).
nats::WorkerHealth::SelfCheck DetectorSelfCheck(
    std::shared_ptr<const endpoints::PrivacyEndpoints> endpoints) {
  return [endpoints]() -> Status {
    v1::DetectRequest request;
    request.set_text("health check: probe@example.com");
    request.add_entities_to_mask("EMAIL");
    auto reply = endpoints->Detect(request);
    if (!reply) return reply.error();
    if (reply->entities_size() != 1) {
      return MakeError(ErrorCode::kInternal, "detector self-check found no e-mail address");
    }
    return Status::Ok();
  };
}

// JetStream look-ups of one health check wait at most this long each, so
// that a probe with the default 2 s timeout gets an answer.
constexpr int64_t kHealthLookupTimeoutMs = 500;

int Fail(Logger& logger, const char* event, const Error& error) {
  logger.Error(event, {{"error", error.message}});
  return 1;
}

// The exit code of a stop that lost audit events.
constexpr int kExitAuditEventsLost = 3;

// What is left of a stop's budget for closing connections and the rest of
// the teardown once requests are answered and audit events flushed.
std::chrono::milliseconds TeardownReserve(std::chrono::milliseconds drain_timeout) {
  return std::min<std::chrono::milliseconds>(drain_timeout / 4, std::chrono::seconds(2));
}

// Runs the worker until it is told to stop, then stops it gracefully:
// every step of the stop ends by the deadline armed in `deadline`. Returns
// 0 after a stop, non-zero when the worker could not start. `*tally` gets
// the audit log's counts once it exists.
int ServeUntilStopped(ServeConfig config, const std::string& worker_id, Logger& logger,
                      StopDeadline& deadline, std::shared_ptr<const nats::AuditTally>* tally) {
  // Signals are caught from the start: a SIGTERM that arrives while the
  // worker is still subscribing waits for it instead of killing it.
  // Runs the signal handlers; stopped by SIGTERM, SIGINT or the server's
  // lame-duck notice, which all lead to the same graceful stop.
  boost::asio::io_context lifecycle;
  boost::asio::signal_set stop_signals(lifecycle, SIGINT, SIGTERM);
  boost::asio::signal_set reload_signals(lifecycle, SIGHUP);
  config.connect.name = "privacy-filter-" + worker_id;

  auto detector = BuildDetector(config.detection);
  if (!detector) return Fail(logger, "detector_failed", detector.error());
  auto cipher = LoadSessionCipher(config.encryption);
  if (!cipher) return Fail(logger, "encryption_keys_failed", cipher.error());
  auto tenant_policy = LoadTenantPolicy(config);
  if (!tenant_policy) return Fail(logger, "tenant_limits_failed", tenant_policy.error());

  std::string stop_reason;
  auto conn = nats::Connect(config.connect, &logger, [&lifecycle, &stop_reason] {
    boost::asio::post(lifecycle, [&lifecycle, &stop_reason] {
      stop_reason = "lame_duck";
      lifecycle.stop();
    });
  });
  if (!conn) return Fail(logger, "nats_connect_failed", conn.error());
  natsConnection* nc = (*conn)->get();
  auto js = OpenJetStream(nc, config.bucket.request_timeout_ms);
  if (!js) return Fail(logger, "jetstream_failed", js.error());
  nats::JetStreamPublisherOptions publisher_options;
  publisher_options.timeout = std::chrono::milliseconds(config.bucket.request_timeout_ms);
  auto publisher = nats::JetStreamPublisher::Start(nc, publisher_options, &logger);
  if (!publisher) return Fail(logger, "jetstream_failed", publisher.error());
  auto index = std::make_shared<vault::SessionIndex>(config.session_cache_bytes);
  auto lease =
      std::make_shared<vault::CacheLease>(std::chrono::milliseconds(config.cache_lease_ms));
  if (config.cache_lease_ms <= config.feed_interval_ms) {
    logger.Warn("session_cache_lease_too_short",
                {{"lease_ms", config.cache_lease_ms},
                 {"feed_interval_ms", config.feed_interval_ms}});
  }
  std::shared_ptr<nats::JetStreamPublisher> shared_publisher(std::move(*publisher));
  auto expiry_queue = nats::ExpiryQueue::Open(js->get(), config.expiry, shared_publisher, &logger);
  if (!expiry_queue) return Fail(logger, "expiry_queue_failed", expiry_queue.error());
  std::shared_ptr<nats::ExpiryQueue> shared_expiry_queue(std::move(*expiry_queue));
  auto store = nats::KvSessionStore::Open(js->get(), config.bucket, index, lease,
                                          shared_publisher, shared_expiry_queue, &logger);
  if (!store) return Fail(logger, "kv_bucket_failed", store.error());
  // The bucket's changes arrive in bursts (a batch per interval) on a
  // connection of their own: parsing them never queues ahead of requests.
  nats::ConnectOptions feed_connect = config.connect;
  feed_connect.name += "-feed";
  auto feed_conn = nats::Connect(feed_connect, &logger);
  if (!feed_conn) return Fail(logger, "nats_connect_failed", feed_conn.error());
  auto feed_js = OpenJetStream((*feed_conn)->get(), config.bucket.request_timeout_ms);
  if (!feed_js) return Fail(logger, "jetstream_failed", feed_js.error());
  auto feed = nats::SessionChangeFeed::Start(
      (*feed_conn)->get(), feed_js->get(), config.bucket.bucket,
      std::chrono::milliseconds(config.feed_interval_ms), index, lease, &logger);
  if (!feed) return Fail(logger, "kv_bucket_failed", feed.error());
  // Mask and detect requests (whole texts, up to --max-text-bytes each)
  // arrive on a connection of their own: a flood of them never queues ahead
  // of resolves in nats-server's writes to this worker.
  nats::ConnectOptions text_connect = config.connect;
  text_connect.name += "-texts";
  auto text_conn = nats::Connect(text_connect, &logger);
  if (!text_conn) return Fail(logger, "nats_connect_failed", text_conn.error());
  // Audit events travel on a connection of their own whose writes the
  // library batches: they are not on any request's critical path.
  nats::ConnectOptions audit_connect = config.connect;
  audit_connect.name += "-audit";
  audit_connect.send_asap = false;
  auto audit_conn = nats::Connect(audit_connect, &logger);
  if (!audit_conn) return Fail(logger, "nats_connect_failed", audit_conn.error());
  auto audit = nats::AuditLog::Open((*audit_conn)->get(), config.audit, &logger);
  if (!audit) return Fail(logger, "audit_stream_failed", audit.error());
  *tally = (*audit)->tally();
  auto tenants = MakeTenantGuard(std::move(*tenant_policy), index);

  auto encrypted_store = std::make_shared<vault::EncryptingSessionStore>(
      std::shared_ptr<vault::SessionStore>(std::move(*store)), *cipher);
  auto vault = std::make_shared<vault::SessionVault>(encrypted_store, config.vault);
  vault::ExpiryWatcherOptions expiry_options;
  expiry_options.worker_id = worker_id;
  vault::ExpiryWatcher expiry(
      encrypted_store, shared_expiry_queue,
      [log = audit->get()](const v1::AuditEvent& event, const std::string& msg_id,
                           std::function<void(Status)> done) {
        log->PublishConfirmed(event, msg_id, std::move(done));
      },
      expiry_options, &logger);
  auto external = MakeExternalRecognition(config.ner, nc, &logger);
  auto endpoints = std::make_shared<endpoints::PrivacyEndpoints>(
      *detector, vault, config.limits,
      endpoints::PrivacyEndpoints::Extensions{std::move(tenants), external});
  PrivacyService service(endpoints, audit->get(), &logger, worker_id);

  nats::RequestServer server(nc, &logger, config.admission, &PrivacyService::ErrorBody);
  nats::RequestServer discovery_server(nc, &logger);
  nats::ServiceDiscovery discovery(
      {std::string(wire::kServiceName), worker_id, PRIVACY_FILTER_VERSION,
       "Masks personal data in LLM prompts and restores it for tool calls"},
      &server,
      {NerStatsData(external),
       [&service](std::string_view endpoint) { return service.StatsData(endpoint); }});
  if (auto status = discovery.Register(&discovery_server); !status) {
    return Fail(logger, "subscribe_failed", status.error());
  }
  nats::WorkerHealth health(
      nc, js->get(), worker_id,
      {config.bucket.bucket, "KV_" + config.bucket.bucket,
       nats::KvSessionStore::ConfiguredSettings(config.bucket)},
      {config.audit.stream, config.audit.stream, nats::AuditLog::ConfiguredSettings(config.audit)},
      DetectorSelfCheck(endpoints), kHealthLookupTimeoutMs);
  if (auto status = health.Register(&discovery_server); !status) {
    return Fail(logger, "subscribe_failed", status.error());
  }
  // The request subjects last: once a worker takes requests, `nats micro`
  // and the health check find it too.
  if (auto status = service.Register(&server, config.queue_group,
                                     config.subscriptions_per_endpoint, (*text_conn)->get());
      !status) {
    return Fail(logger, "subscribe_failed", status.error());
  }
  natsConnection_Flush(nc);
  std::unique_ptr<cli::WorkerIdFile> id_file;
  if (!config.id_file.empty()) {
    auto written = cli::WorkerIdFile::Write(config.id_file, worker_id);
    if (!written) return Fail(logger, "worker_id_file_failed", written.error());
    id_file = std::move(*written);
  }

  auto expiry_checks = nats::ExpiryCheckConsumer::Start(
      nc, js->get(), shared_expiry_queue,
      [&expiry](const std::string& key, std::function<void(vault::ExpiryVerdict)> done) {
        expiry.Check(key, std::move(done));
      },
      {}, &logger);
  if (!expiry_checks) return Fail(logger, "expiry_queue_failed", expiry_checks.error());

  stop_signals.async_wait([&](const boost::system::error_code& error, int signal) {
    if (error) return;
    stop_reason = signal == SIGTERM ? "SIGTERM" : "SIGINT";
    lifecycle.stop();
  });
  std::function<void(const boost::system::error_code&, int)> on_reload =
      [&](const boost::system::error_code& error, int) {
        if (error) return;
        ReloadDetector(config.detection, endpoints.get(), &logger);
        reload_signals.async_wait(on_reload);
      };
  reload_signals.async_wait(on_reload);
  logger.Info("worker_ready", {{"worker_id", worker_id},
                               {"queue_group", config.queue_group},
                               {"subscriptions_per_endpoint", config.subscriptions_per_endpoint},
                               {"ner_subject", config.ner.subject}});
  lifecycle.run();

  // Graceful stop: no new requests, finish and answer the ones in flight,
  // stop confirming expiries, flush audit events, then close the
  // connections; all by the deadline, whatever NATS does.
  const auto drain_timeout = std::chrono::milliseconds(config.drain_timeout_ms);
  const auto stop_started = StopDeadline::Clock::now();
  deadline.Arm(stop_started + drain_timeout);
  const auto steps_end = stop_started + drain_timeout - TeardownReserve(drain_timeout);
  auto left = [&steps_end] {
    return std::max(std::chrono::milliseconds(1),
                    std::chrono::duration_cast<std::chrono::milliseconds>(
                        steps_end - StopDeadline::Clock::now()));
  };
  logger.Info("worker_stopping", {{"reason", stop_reason}, {"in_flight", server.in_flight()}});
  id_file.reset();
  discovery_server.Drain(left());
  server.Drain(left());
  (*expiry_checks)->Stop();
  expiry.Stop();
  if (auto flushed = (*audit)->Flush(left()); !flushed) {
    logger.Warn("audit_flush_incomplete", {{"error", flushed.error().message}});
  }
  natsConnection_FlushTimeout(nc, std::min<int64_t>(left().count(), 2000));
  return 0;
}

}  // namespace

int RunWorker(ServeConfig config) {
  // glibc gives every thread that allocates an arena of its own; a worker's
  // threads (one per subscription) share two, which bounds resident memory.
  mallopt(M_ARENA_MAX, 2);
  LogLevel level = LogLevel::kInfo;
  ParseLogLevel(config.log_level, &level);
  Logger logger(level);
  if (std::string problem = ValidateServeConfig(&config); !problem.empty()) {
    logger.Error("invalid_configuration", {{"error", problem}});
    return 1;
  }
  const std::string worker_id = vault::RandomHex(8);
  std::shared_ptr<const nats::AuditTally> tally;
  // The stop's last line: the audit events it could not get stored (a
  // count, never their content); the exit code says whether any were lost.
  auto last_line = [&](bool deadline_reached) {
    const uint64_t lost = tally ? tally->unstored() : 0;
    logger.Log(lost > 0 ? LogLevel::kWarn : LogLevel::kInfo, "worker_stopped",
               {{"worker_id", worker_id},
                {"audit_events_lost", lost},
                {"ended_by", deadline_reached ? "deadline" : "graceful_stop"}});
    return lost > 0 ? kExitAuditEventsLost : 0;
  };
  StopDeadline deadline([&last_line] { return last_line(true); });
  if (int failed = ServeUntilStopped(std::move(config), worker_id, logger, deadline, &tally);
      failed != 0) {
    return failed;
  }
  if (!deadline.Disarm()) {
    // The deadline is ending the process, with its own last line.
    for (;;) std::this_thread::sleep_for(std::chrono::hours(1));
  }
  return last_line(false);
}

}  // namespace privacy::worker
