// Follows the session bucket: the revision and expiry of every write and
// deletion made by any worker reach this worker's SessionCache (which drops
// bytes a newer revision replaced) and its expiry deadlines, in stream
// order, a batch at a time.
#pragma once

#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "common/logger.h"
#include "common/status.h"
#include "nats/handles.h"
#include "nats/message_releaser.h"
#include "vault/expiry_deadlines.h"
#include "vault/session_cache.h"

namespace privacy::nats {

// How often a worker asks for the bucket's changes. Other workers' writes
// reach it at most about this late: until then a session another worker
// deleted can still be read here.
inline constexpr std::chrono::milliseconds kDefaultFeedInterval{100};

// A headers-only pull consumer of this worker (every session's latest
// message, then every new one), asked once per interval for what changed
// without waiting. A push consumer would cost every session write a
// delivery next to its acknowledgement, which nats-server 2.9 makes slower
// (measured: JetStream publish p50 130 -> 300 µs, p99 0.2 -> 2 ms). The
// pull requests are sent and answered on a subscription of our own (not
// nats.c's fetch), so every change that arrives is applied, whichever
// request it answers. A consumer the server lost is made again from the
// start: applying a change twice is harmless. Stops when destroyed.
class SessionChangeFeed {
 public:
  static Result<std::unique_ptr<SessionChangeFeed>> Start(
      natsConnection* conn, jsCtx* js, const std::string& bucket,
      std::chrono::milliseconds interval, std::shared_ptr<vault::SessionCache> cache,
      std::shared_ptr<vault::ExpiryDeadlines> deadlines, Logger* logger);
  ~SessionChangeFeed();
  SessionChangeFeed(const SessionChangeFeed&) = delete;
  SessionChangeFeed& operator=(const SessionChangeFeed&) = delete;

 private:
  SessionChangeFeed(natsConnection* conn, jsCtx* js, const std::string& bucket,
                    std::chrono::milliseconds interval, std::shared_ptr<vault::SessionCache> cache,
                    std::shared_ptr<vault::ExpiryDeadlines> deadlines, Logger* logger);
  // Makes the consumer; its first answers start from the bucket's start.
  Status CreateConsumer();
  void PollLoop();
  // Acknowledges what arrived since the last call, then asks for more.
  void Poll();
  // Makes the consumer again when the server no longer has it.
  void CheckConsumer();
  static void OnMessage(natsConnection* conn, natsSubscription* sub, natsMsg* msg, void* closure);
  void Apply(natsMsg* msg);

  natsConnection* conn_;
  jsCtx* js_;
  const std::string stream_;
  const std::string subject_prefix_;
  const std::chrono::milliseconds interval_;
  std::shared_ptr<vault::SessionCache> cache_;
  std::shared_ptr<vault::ExpiryDeadlines> deadlines_;
  Logger* logger_;
  std::string inbox_;
  MessageReleaser released_;  // outlives the subscription whose messages it holds
  SubscriptionPtr subscription_;

  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::string consumer_;      // its name; empty while there is none
  std::string ack_subject_;   // of the latest change: acknowledges it and all before
  int changes_in_batch_ = 0;  // changes answering the latest request so far
  std::thread poller_;
};

}  // namespace privacy::nats
