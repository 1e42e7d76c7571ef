// Publishes to JetStream streams, and sends JetStream API requests, without
// waiting for each reply: every message carries its own reply subject under
// one inbox subscription, and its completion runs when the stream's
// acknowledgement (or the API's reply), an error or the deadline arrives.
// Many writes and reads are in flight at once on one connection.
#pragma once

#include <nats/nats.h>

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <initializer_list>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <unordered_map>
#include <utility>

#include "common/logger.h"
#include "common/status.h"
#include "nats/handles.h"
#include "nats/message_releaser.h"

namespace privacy::nats {

struct JetStreamPublisherOptions {
  // How long a publish waits for its acknowledgement (a request for its
  // reply) before failing (503).
  std::chrono::milliseconds timeout{5000};
  // Publishes and requests in flight at most; beyond, they fail at once
  // with 503.
  size_t max_pending = 8192;
};

// Safe for concurrent use. Completions run on the inbox subscription's
// thread (acknowledgements), the deadline thread (timeouts) or the caller's
// thread (immediate failures); they must not block for long.
class JetStreamPublisher {
 public:
  // The stream sequence of the stored message, or the error.
  using Done = std::function<void(Result<uint64_t>)>;
  // The reply to a request (owned by the publisher, valid during the call
  // only), or the error.
  using ReplyDone = std::function<void(Result<natsMsg*>)>;

  static Result<std::unique_ptr<JetStreamPublisher>> Start(natsConnection* conn,
                                                           JetStreamPublisherOptions options,
                                                           Logger* logger);
  // Fails every publish still waiting (503).
  ~JetStreamPublisher();
  JetStreamPublisher(const JetStreamPublisher&) = delete;
  JetStreamPublisher& operator=(const JetStreamPublisher&) = delete;

  // Message headers: name and value.
  using Headers = std::initializer_list<std::pair<const char*, std::string_view>>;

  // Sends `data` with `headers` to `subject` and calls `done` once with the
  // outcome.
  void Publish(const std::string& subject, std::string_view data, Headers headers, Done done);

  // Sends the JetStream API request `data` to `subject` and calls `done`
  // once with the reply, or with 503 when none comes in time, NATS is away
  // or nothing answers the subject.
  void Request(const std::string& subject, std::string_view data, ReplyDone done);

  // Waits up to `timeout` until no publish is in flight and every
  // completion has returned.
  Status Flush(std::chrono::milliseconds timeout);

 private:
  // A publish (`done` set) or a request (`reply_done` set) in flight.
  struct Pending {
    Done done;
    ReplyDone reply_done;
    std::chrono::steady_clock::time_point deadline;
  };

  JetStreamPublisher(natsConnection* conn, JetStreamPublisherOptions options, Logger* logger);
  // Sends `data` to `subject` with a reply subject of its own, for
  // `pending`'s completion.
  void Send(const std::string& subject, std::string_view data, Headers headers, Pending pending);
  static void OnReply(natsConnection* conn, natsSubscription* sub, natsMsg* msg, void* closure);
  // Runs the completion of `id` with `reply` (its acknowledgement for a
  // publish), unless it already ran.
  void Complete(uint64_t id, Result<natsMsg*> reply);
  // Runs `pending`'s completion with `error`.
  static void Fail(Pending& pending, Error error);
  // Called under mutex_ after a completion returned.
  void CompletionReturned(size_t count);
  void ExpireLoop();

  natsConnection* conn_;
  JetStreamPublisherOptions options_;
  Logger* logger_;
  std::string inbox_prefix_;
  MessageReleaser released_;  // outlives the subscription whose messages it holds
  SubscriptionPtr subscription_;

  std::mutex mutex_;
  std::condition_variable stop_;     // wakes the expirer to stop
  std::condition_variable drained_;  // no write is in flight any more
  std::unordered_map<uint64_t, Pending> pending_;
  size_t completing_ = 0;  // completions taken out of pending_, still running
  uint64_t next_id_ = 1;
  bool stopping_ = false;
  std::thread expirer_;
};

}  // namespace privacy::nats
