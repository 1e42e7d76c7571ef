// Counts every account's live sessions from the session bucket itself: an
// ordered, headers-only JetStream consumer that sees each session write,
// deletion and purge from any worker, with the expiry time each write
// carries.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

#include "common/logger.h"
#include "common/status.h"
#include "nats/handles.h"
#include "tenant/session_census.h"

namespace privacy::nats {

// Safe for concurrent use. Counts follow other workers' writes within the
// time a message takes to reach this worker; sessions past their expiry
// time no longer count even though nats-server 2.9 removes them silently.
class KvSessionCensus : public tenant::SessionCensus {
 public:
  // Starts following bucket `bucket` through `js`.
  static Result<std::unique_ptr<KvSessionCensus>> Start(jsCtx* js, const std::string& bucket,
                                                        Logger* logger);
  ~KvSessionCensus() override;

  uint64_t LiveSessions(std::string_view account_key) const override;

 private:
  KvSessionCensus(std::string subject_prefix, Logger* logger);
  static void OnMessage(natsConnection* conn, natsSubscription* sub, natsMsg* msg, void* closure);
  void Record(std::string_view key, natsMsg* msg);

  std::string subject_prefix_;
  Logger* logger_;
  SubscriptionPtr subscription_;
  mutable std::mutex mutex_;
  // account key -> session id -> expiry (Unix ms)
  mutable std::unordered_map<std::string, std::unordered_map<std::string, int64_t>> sessions_;
};

}  // namespace privacy::nats
