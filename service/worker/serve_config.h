// Settings of `privacy-filter serve`, from CLI11 flags and environment
// variables (flags win).
#pragma once

#include <CLI/CLI.hpp>

#include <memory>
#include <string>
#include <vector>

#include "cli/connect_flags.h"
#include "worker/detector_factory.h"
#include "worker/encryption_keys.h"
#include "endpoints/privacy_endpoints.h"
#include "nats/audit_log.h"
#include "nats/connection.h"
#include "nats/expiry_queue.h"
#include "nats/kv_session_store.h"
#include "nats/request_admission.h"
#include "nats/session_change_feed.h"
#include "tenant/tenant_limits.h"
#include "vault/session_vault.h"
#include "wire/subjects.h"

namespace privacy::worker {

// The external named-entity recognizer (a model answering ner.proto over
// NATS); off when `subject` is empty.
struct NerSettings {
  std::string subject;
  int64_t timeout_ms = 250;
  std::vector<std::string> types = {"PERSON", "LOCATION", "ORGANIZATION"};
};

// Everything a worker needs to start.
struct ServeConfig {
  // The connection flags as given; ValidateServeConfig resolves them (and
  // the nats context they name) into `connect`.
  std::shared_ptr<const cli::ConnectFlags> connect_flags;
  nats::ConnectOptions connect;
  nats::KvBucketOptions bucket;
  nats::AuditStreamOptions audit;
  nats::ExpiryQueueOptions expiry;
  vault::VaultOptions vault;
  endpoints::EndpointLimits limits;
  DetectionSettings detection;
  EncryptionSettings encryption;
  // Quotas of every account, and a file of per-account overrides.
  tenant::TenantLimits tenant_limits;
  std::string tenant_limits_file;
  // Bytes each worker's session index takes at most: the encrypted sessions
  // it keeps to answer reads locally, with their keys and bookkeeping.
  size_t session_cache_bytes = 4 << 20;
  // How often each worker asks for the session bucket's changes.
  int64_t feed_interval_ms = nats::kDefaultFeedInterval.count();
  // How long the cache answers reads after the change feed last showed it
  // current; also how long a delete waits before it answers.
  int64_t cache_lease_ms = 300;
  // Bounds on the requests a worker holds: bytes, and wait before work.
  nats::AdmissionLimits admission;
  NerSettings ner;
  std::string queue_group = std::string(wire::kServiceName);
  // Subscriptions (each with its own delivery thread) per endpoint.
  int subscriptions_per_endpoint = 2;
  std::string log_level = "info";
  int64_t drain_timeout_ms = 30000;
  // A file the worker writes its id into while it serves, so that
  // `privacy-filter health --worker-file` in the same container finds it.
  std::string id_file;
};

// Adds every `serve` flag to `app`.
void AddServeOptions(CLI::App* app, ServeConfig* config);

// Resolves the connection flags, and checks settings that only make sense
// together (e.g. default TTL within the maximum); returns an empty string
// when consistent, else the problem.
std::string ValidateServeConfig(ServeConfig* config);

}  // namespace privacy::worker
