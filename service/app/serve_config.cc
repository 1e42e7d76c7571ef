#include "app/serve_config.h"

namespace privacy::app {

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

}  // namespace

void AddConnectOptions(CLI::App* app, nats::ConnectOptions* o) {
  app->add_option("--nats-url", o->url, "NATS server URL(s), comma-separated")
      ->envname("NATS_URL")
      ->capture_default_str();
  app->add_option("--nats-user", o->user, "NATS user name")->envname("NATS_USER");
  app->add_option("--nats-password", o->password, "NATS password")->envname("NATS_PASSWORD");
  app->add_option("--nats-token", o->token, "NATS authentication token")->envname("NATS_TOKEN");
  app->add_option("--nats-creds", o->credentials_file, "NATS credentials (.creds) file")
      ->envname("NATS_CREDS");
  app->add_option("--nats-nkey-seed", o->nkey_seed_file, "file holding an NKey seed")
      ->envname("NATS_NKEY_SEED_FILE");
  app->add_option("--tls-ca", o->tls_ca_file, "CA certificate file for TLS")
      ->envname("NATS_TLS_CA");
  app->add_option("--tls-cert", o->tls_cert_file, "client certificate file for TLS")
      ->envname("NATS_TLS_CERT");
  app->add_option("--tls-key", o->tls_key_file, "client key file for TLS")
      ->envname("NATS_TLS_KEY");
  app->add_option("--tls-server-name", o->tls_server_name, "expected server name in TLS")
      ->envname("NATS_TLS_SERVER_NAME");
}

void AddServeOptions(CLI::App* app, ServeConfig* c) {
  AddConnectOptions(app, &c->connect);
  app->add_option("--bucket", c->bucket.bucket, "JetStream KV bucket of the sessions")
      ->envname("NATS_BUCKET_NAME")
      ->capture_default_str();
  AddSeconds(app, "--session-ttl", &c->vault.default_ttl, "session lifetime in seconds")
      ->envname("SESSION_TTL_SECONDS");
  AddSeconds(app, "--max-ttl", &c->vault.max_ttl,
             "largest ttl_seconds a request may ask for; also the bucket's max age")
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
  AddSeconds(app, "--audit-max-age", &c->audit.max_age, "how long audit events are kept")
      ->envname("AUDIT_MAX_AGE_SECONDS");
  app->add_option("--queue-group", c->queue_group, "queue group shared by all workers")
      ->envname("QUEUE_GROUP")
      ->capture_default_str();
  app->add_option("--handler-threads", c->handler_threads, "requests handled in parallel")
      ->envname("HANDLER_THREADS")
      ->check(CLI::Range(1, 1024))
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
  app->add_option("--phone-regions", c->detection.detector.phone_regions,
                  "regions tried for phone numbers without a country code")
      ->envname("PHONE_REGIONS")
      ->delimiter(',');
  app->add_option("--gazetteer", c->detection.detector.gazetteer_file,
                  "names gazetteer of PERSON/LOCATION/ORGANIZATION (default: names.gaz next "
                  "to the executable or in ../share/privacy-filter)")
      ->envname("GAZETTEER_FILE")
      ->check(CLI::ExistingFile);
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
  if (c->vault.default_ttl > c->vault.max_ttl) {
    return "--session-ttl (" + std::to_string(c->vault.default_ttl.count()) +
           ") exceeds --max-ttl (" + std::to_string(c->vault.max_ttl.count()) + ")";
  }
  c->bucket.max_age = c->vault.max_ttl;
  c->audit.replicas = c->bucket.replicas;
  c->audit.memory_storage = c->bucket.memory_storage;
  c->audit.publish_timeout_ms = c->bucket.request_timeout_ms;
  return {};
}

}  // namespace privacy::app
