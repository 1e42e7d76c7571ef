#include "worker/serve_config.h"

#include "cli/detector_options.h"
#include "vault/token_format.h"

namespace privacy::worker {

namespace {

// Binds a flag holding whole seconds to a std::chrono::seconds field.
CLI::Option* AddSeconds(CLI::App* app, const std::string& name, std::chrono::seconds* target,
                        const std::string& description) {
  return app
      ->add_option_function<int64_t>(
          name, [target](int64_t seconds) { *target = std::chrono::seconds(seconds); },
          description + " (default " + std::to_string(target->count()) + ")")
      ->check(CLI::PositiveNumber);
}

// A subject a request can be sent to: dot-separated non-empty tokens, no
// wildcards, no blanks.
bool IsPublishSubject(std::string_view subject) {
  if (subject.empty() || subject.front() == '.' || subject.back() == '.' ||
      subject.find("..") != std::string_view::npos) {
    return false;
  }
  return subject.find_first_of("*> \t\r\n") == std::string_view::npos;
}

std::string CheckNerSettings(const NerSettings& ner) {
  if (!IsPublishSubject(ner.subject)) return "--ner-subject must be a subject without wildcards";
  if (ner.types.empty()) return "--ner-types must name at least one type";
  for (const std::string& type : ner.types) {
    if (!vault::IsEntityTypeName(type)) return "--ner-types entries must match [A-Z0-9_]{1,32}";
  }
  return {};
}

// How long an expired session may stay in the bucket after the longest
// lifetime: workers erase it once its expire event is published; the
// bucket's max age only catches what they could not (e.g. none was running).
constexpr std::chrono::hours kExpiredSessionGrace{1};

}  // namespace

void AddServeOptions(CLI::App* app, ServeConfig* c) {
  c->connect_flags = std::make_shared<cli::ConnectFlags>(app);
  app->add_option("--bucket", c->bucket.bucket, "JetStream KV bucket of the sessions")
      ->envname("NATS_BUCKET_NAME")
      ->capture_default_str();
  AddSeconds(app, "--session-ttl", &c->vault.default_ttl, "session lifetime in seconds")
      ->envname("SESSION_TTL_SECONDS");
  AddSeconds(app, "--max-ttl", &c->vault.max_ttl,
             "largest ttl_seconds a request may ask for; the bucket's max age is one hour more")
      ->envname("MAX_SESSION_TTL_SECONDS");
  app->add_option("--replicas", c->bucket.replicas,
                  "replicas of the KV bucket and audit stream when the service creates them")
      ->envname("NATS_REPLICAS")
      ->check(CLI::Range(1, 5))
      ->capture_default_str();
  app->add_flag("--memory-storage", c->bucket.memory_storage,
                "keep sessions and audit events in memory instead of files")
      ->envname("NATS_MEMORY_STORAGE");
  app->add_option("--audit-stream", c->audit.stream, "JetStream stream of audit events")
      ->envname("AUDIT_STREAM_NAME")
      ->capture_default_str();
  app->add_option("--expiry-stream", c->expiry.stream,
                  "JetStream work-queue stream of session expiry checks")
      ->envname("EXPIRY_STREAM_NAME")
      ->capture_default_str();
  app->add_option_function<int64_t>(
         "--expiry-slot-ms",
         [c](int64_t ms) { c->expiry.slot = std::chrono::milliseconds(ms); },
         "length of the expiry queue's time slots: an expire event comes 0 to this long after "
         "the expiry; longer slots cost the JetStream API less (default 1000)")
      ->envname("EXPIRY_SLOT_MS")
      ->check(CLI::Range(int64_t{100}, int64_t{3600000}));
  AddSeconds(app, "--audit-max-age", &c->audit.max_age, "how long audit events are kept")
      ->envname("AUDIT_MAX_AGE_SECONDS");
  app->add_option("--audit-batch-events", c->audit.batch_events,
                  "audit events of one kind gathered into one stream message at most "
                  "(1: one message per event)")
      ->envname("AUDIT_BATCH_EVENTS")
      ->check(CLI::Range(size_t{1}, size_t{100000}))
      ->capture_default_str();
  app->add_option_function<int64_t>(
         "--audit-batch-delay-ms",
         [c](int64_t ms) { c->audit.batch_delay = std::chrono::milliseconds(ms); },
         "how long an audit event waits for others of its kind before its message is "
         "published (default " +
             std::to_string(c->audit.batch_delay.count()) + ")")
      ->envname("AUDIT_BATCH_DELAY_MS")
      ->check(CLI::Range(0, 60000));
  app->add_option("--audit-retry-buffer", c->audit.retry_buffer_events,
                  "audit events kept in memory for another attempt while the audit stream "
                  "does not acknowledge them; beyond it events are dropped and counted")
      ->envname("AUDIT_RETRY_BUFFER")
      ->capture_default_str();
  app->add_option("--queue-group", c->queue_group, "queue group shared by all workers")
      ->envname("QUEUE_GROUP")
      ->capture_default_str();
  app->add_option("--subscriptions-per-endpoint", c->subscriptions_per_endpoint,
                  "queue subscriptions per endpoint, each delivering on its own thread; "
                  "waits for JetStream never hold one")
      ->envname("SUBSCRIPTIONS_PER_ENDPOINT")
      ->check(CLI::Range(1, 64))
      ->capture_default_str();
  app->add_option("--max-text-bytes", c->limits.max_text_bytes, "largest text accepted")
      ->envname("MAX_TEXT_BYTES")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  app->add_option("--max-tokens-per-session", c->vault.max_tokens_per_session,
                  "most tokens one session may hold")
      ->envname("MAX_TOKENS_PER_SESSION")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  cli::AddDetectorOptions(app, &c->detection.detector);
  app->add_option("--custom-recognizers", c->detection.detector.custom_recognizers_file,
                  "file of custom recognizers (reloaded on SIGHUP)")
      ->envname("CUSTOM_RECOGNIZERS_FILE")
      ->check(CLI::ExistingFile);
  app->add_option("--allow-list", c->detection.allow_list_file,
                  "file of values never masked, one per line (reloaded on SIGHUP)")
      ->envname("ALLOW_LIST_FILE")
      ->check(CLI::ExistingFile);
  app->add_option("--deny-list", c->detection.deny_list_file,
                  "file of \"TYPE value\" lines always masked (reloaded on SIGHUP)")
      ->envname("DENY_LIST_FILE")
      ->check(CLI::ExistingFile);
  app->add_option("--encryption-key-file", c->encryption.key_file,
                  "file holding the base64 master key (else ENCRYPTION_MASTER_KEY)")
      ->envname("ENCRYPTION_MASTER_KEY_FILE");
  app->add_option("--previous-encryption-key-file", c->encryption.previous_key_file,
                  "file holding the previous master key, still accepted for reading "
                  "(else ENCRYPTION_MASTER_KEY_PREVIOUS)")
      ->envname("ENCRYPTION_MASTER_KEY_PREVIOUS_FILE");
  app->add_option_function<int64_t>(
         "--key-period-hours",
         [c](int64_t hours) { c->encryption.period = std::chrono::hours(hours); },
         "hours per data-key period; sessions stay readable for one period after it ends "
         "(default 24)")
      ->envname("ENCRYPTION_KEY_PERIOD_HOURS")
      ->check(CLI::PositiveNumber);
  app->add_option("--tenant-max-sessions", c->tenant_limits.max_sessions,
                  "live sessions one NATS account may hold (0: unlimited)")
      ->envname("TENANT_MAX_SESSIONS")
      ->capture_default_str();
  app->add_option("--tenant-max-tokens-per-session", c->tenant_limits.max_tokens_per_session,
                  "tokens one session of an account may hold (0: only --max-tokens-per-session)")
      ->envname("TENANT_MAX_TOKENS_PER_SESSION")
      ->capture_default_str();
  app->add_option("--tenant-requests-per-second", c->tenant_limits.requests_per_second,
                  "requests per second one account may make to one worker (0: unlimited)")
      ->envname("TENANT_REQUESTS_PER_SECOND")
      ->capture_default_str();
  app->add_option("--tenant-limits", c->tenant_limits_file,
                  "file of per-account limits: ACCOUNT max_sessions=N "
                  "max_tokens_per_session=N requests_per_second=R per line")
      ->envname("TENANT_LIMITS_FILE");
  app->add_option_function<size_t>(
         "--session-cache-mb", [c](size_t mb) { c->session_cache_bytes = mb << 20; },
         "MiB a worker's session index takes at most: the (encrypted) sessions it keeps to "
         "answer reads without a JetStream round trip, with their bookkeeping (default 4)")
      ->envname("SESSION_CACHE_MB");
  app->add_option("--session-feed-interval-ms", c->feed_interval_ms,
                  "how often a worker asks for the session bucket's changes")
      ->envname("SESSION_FEED_INTERVAL_MS")
      ->check(CLI::Range(int64_t{1}, int64_t{60000}))
      ->capture_default_str();
  app->add_option_function<size_t>(
         "--max-held-request-mb",
         [c](size_t mb) { c->admission.max_held_bytes = mb << 20; },
         "MiB of requests a worker holds unanswered at most; a request beyond it is answered "
         "503 at once (default 64)")
      ->envname("MAX_HELD_REQUEST_MB")
      ->check(CLI::Range(size_t{1}, size_t{65536}));
  app->add_option_function<int64_t>(
         "--max-queue-wait-ms",
         [c](int64_t ms) { c->admission.max_queue_wait = std::chrono::milliseconds(ms); },
         "longest a request may wait for a thread; one that waited longer is answered 503 "
         "without being worked on (default 2000)")
      ->envname("MAX_QUEUE_WAIT_MS")
      ->check(CLI::Range(int64_t{1}, int64_t{600000}));
  app->add_option("--drain-timeout-ms", c->drain_timeout_ms,
                  "longest graceful stop (SIGTERM, SIGINT, lame duck): answering the requests "
                  "in flight, flushing audit events and closing end by then, whatever NATS "
                  "does")
      ->envname("DRAIN_TIMEOUT_MS")
      ->check(CLI::Range(int64_t{100}, int64_t{600000}))
      ->capture_default_str();
  app->add_option("--session-cache-lease-ms", c->cache_lease_ms,
                  "how long a worker answers reads from its cache after its change feed "
                  "last showed the cache current (then it reads the bucket); a delete "
                  "answers this long after it is stored. Keep it above the feed interval")
      ->envname("SESSION_CACHE_LEASE_MS")
      ->check(CLI::Range(int64_t{1}, int64_t{60000}))
      ->capture_default_str();
  app->add_option("--ner-subject", c->ner.subject,
                  "subject of an external NER model (proto/privacy/v1/ner.proto); "
                  "empty: built-in recognizers only")
      ->envname("NER_SUBJECT");
  app->add_option("--ner-timeout-ms", c->ner.timeout_ms,
                  "longest wait for the NER model before falling back to the built-in "
                  "recognizers")
      ->envname("NER_TIMEOUT_MS")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  app->add_option("--ner-types", c->ner.types, "entity types asked of the NER model")
      ->envname("NER_TYPES")
      ->delimiter(',')
      ->capture_default_str();
  app->add_option("--id-file", c->id_file,
                  "file to hold the worker id while it serves (for `health --worker-file`)")
      ->envname("WORKER_ID_FILE");
  app->add_option("--log-level", c->log_level, "debug, info, warn or error")
      ->envname("LOG_LEVEL")
      ->check(CLI::IsMember({"debug", "info", "warn", "error"}))
      ->capture_default_str();
  app->add_option("--nats-timeout-ms", c->bucket.request_timeout_ms,
                  "longest wait for a JetStream reply")
      ->envname("NATS_TIMEOUT_MS")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
}

std::string ValidateServeConfig(ServeConfig* c) {
  if (c->connect_flags) {
    auto connect = c->connect_flags->Resolve();
    if (!connect) return connect.error().message;
    c->connect = *connect;
  }
  if (c->vault.default_ttl > c->vault.max_ttl) {
    return "--session-ttl (" + std::to_string(c->vault.default_ttl.count()) +
           ") exceeds --max-ttl (" + std::to_string(c->vault.max_ttl.count()) + ")";
  }
  if (c->vault.max_ttl > c->encryption.period) {
    return "--max-ttl (" + std::to_string(c->vault.max_ttl.count()) +
           " s) exceeds the encryption key period (--key-period-hours): sessions must expire "
           "before their key period is retired";
  }
  if (!c->ner.subject.empty()) {
    if (std::string problem = CheckNerSettings(c->ner); !problem.empty()) return problem;
  }
  c->bucket.max_age = c->vault.max_ttl + kExpiredSessionGrace;
  c->audit.replicas = c->bucket.replicas;
  c->audit.memory_storage = c->bucket.memory_storage;
  c->audit.publish_timeout_ms = c->bucket.request_timeout_ms;
  c->expiry.max_age = c->bucket.max_age;
  c->expiry.replicas = c->bucket.replicas;
  c->expiry.memory_storage = c->bucket.memory_storage;
  c->expiry.request_timeout_ms = c->bucket.request_timeout_ms;
  return {};
}

}  // namespace privacy::worker
