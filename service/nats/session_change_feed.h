// Follows the session bucket: the revision and expiry of every write,
// deletion and purge made by any worker reach this worker's SessionCache
// (which drops bytes a newer revision replaced) and its expiry deadlines, in
// stream order.
#pragma once

#include <memory>
#include <string>

#include "common/logger.h"
#include "common/status.h"
#include "nats/handles.h"
#include "vault/expiry_deadlines.h"
#include "vault/session_cache.h"

namespace privacy::nats {

// An ordered, headers-only JetStream consumer (the latest message per
// session first, then every new one). Stops following when destroyed.
class SessionChangeFeed {
 public:
  static Result<std::unique_ptr<SessionChangeFeed>> Start(
      jsCtx* js, const std::string& bucket, std::shared_ptr<vault::SessionCache> cache,
      std::shared_ptr<vault::ExpiryDeadlines> deadlines, Logger* logger);
  ~SessionChangeFeed();
  SessionChangeFeed(const SessionChangeFeed&) = delete;
  SessionChangeFeed& operator=(const SessionChangeFeed&) = delete;

 private:
  SessionChangeFeed(std::string subject_prefix, std::shared_ptr<vault::SessionCache> cache,
                    std::shared_ptr<vault::ExpiryDeadlines> deadlines, Logger* logger);
  static void OnMessage(natsConnection* conn, natsSubscription* sub, natsMsg* msg, void* closure);

  std::string subject_prefix_;
  std::shared_ptr<vault::SessionCache> cache_;
  std::shared_ptr<vault::ExpiryDeadlines> deadlines_;
  Logger* logger_;
  SubscriptionPtr subscription_;
};

}  // namespace privacy::nats
