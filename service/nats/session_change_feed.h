// Follows the session bucket: the revision and expiry of every write and
// deletion made by any worker reach this worker's SessionIndex (which drops
// bytes a newer revision replaced and recounts the account), in stream
// order, a batch at a time; once it has applied every change the bucket's
// leader had, the index's lease is renewed.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>

#include "common/logger.h"
#include "common/status.h"
#include "nats/handles.h"
#include "nats/message_releaser.h"
#include "vault/cache_lease.h"
#include "vault/leader_catch_up.h"
#include "vault/session_index.h"

namespace privacy::nats {

// The description of every worker's change feed consumer.
inline constexpr const char* kSessionFeedDescription = "privacy-filter worker: session changes";

// How often a worker asks for the bucket's changes. Other workers' writes
// reach it about this late; the lease must be longer for the index's byte
// cache to answer reads.
inline constexpr std::chrono::milliseconds kDefaultFeedInterval{100};

// A headers-only pull consumer of this worker (every session's latest
// message, then every new one), asked once per interval for what changed
// without waiting. A push consumer would cost every session write a
// delivery next to its acknowledgement, which nats-server 2.9 makes slower
// (measured: JetStream publish p50 130 -> 300 µs, p99 0.2 -> 2 ms). The
// pull requests are sent and answered on a subscription of our own (not
// nats.c's fetch), so every change that arrives is applied, whichever
// request it answers. With each pull request goes a stream info request,
// answered by the stream's leader: every change acknowledged before it was
// sent has a sequence no higher than the leader's last one, so once the
// index has applied that far (LeaderCatchUp) the lease is confirmed as of
// the sending, even when the consumer reads from a follower that lags. An
// answer naming no leader (a replica's own state, while the stream has
// none) confirms nothing. A status other than "no (more) messages" (the
// consumer is gone) has the consumer checked at once. A consumer the server lost
// is made again, starting after the last change this feed applied (every
// earlier one is in the index already; one applied twice, e.g. still in
// flight from the lost consumer, is harmless), so a rebuilt feed does not
// replay the bucket; until the new one delivers, the index does not catch
// up with the leader and the lease is not renewed. So is a consumer no
// server answers for (its one replica was on a node that stopped: nats-server
// 2.9.10 keeps it, unreachable, until that node returns): at once when a
// pull request finds no responder, else once requests went unanswered for
// kConsumerSilentLimit. Stops when destroyed.
class SessionChangeFeed {
 public:
  static Result<std::unique_ptr<SessionChangeFeed>> Start(
      natsConnection* conn, jsCtx* js, const std::string& bucket,
      std::chrono::milliseconds interval, std::shared_ptr<vault::SessionIndex> index,
      std::shared_ptr<vault::CacheLease> lease, Logger* logger);
  ~SessionChangeFeed();
  SessionChangeFeed(const SessionChangeFeed&) = delete;
  SessionChangeFeed& operator=(const SessionChangeFeed&) = delete;

 private:
  SessionChangeFeed(natsConnection* conn, jsCtx* js, const std::string& bucket,
                    std::chrono::milliseconds interval, std::shared_ptr<vault::SessionIndex> index,
                    std::shared_ptr<vault::CacheLease> lease, Logger* logger);
  // Makes the consumer; its first answers start from the bucket's start,
  // or for a consumer made again, after the last change applied.
  Status CreateConsumer();
  void PollLoop();
  // Acknowledges what arrived since the last call, then asks for more.
  void Poll();
  // Makes the consumer again when the server no longer has it. Both return
  // how long until the next check.
  std::chrono::seconds CheckConsumer();
  // Why the consumer is to be made again now although the server may still
  // list it (no server answers for it); empty when it answers. Under mutex_.
  std::string UnreachableReason(std::chrono::steady_clock::time_point now) const;
  // Makes the consumer again, after the last change applied; without one
  // (NATS cannot make it now) the next check tries again.
  std::chrono::seconds MakeConsumerAgain();
  // Logs when the lease runs out and when it is renewed again.
  void ReportLease();
  static void OnMessage(natsConnection* conn, natsSubscription* sub, natsMsg* msg, void* closure);
  // The server's status `code` ending the answer to pull request
  // `number_text`.
  void OnStatus(std::string_view number_text, std::string_view code);
  // The leader's `reply` to the stream info request of poll `number_text`.
  void OnStreamInfo(std::string_view number_text, std::string_view reply);
  // Applies the change in `msg` to the index; returns its stream sequence
  // (0 when it has none).
  uint64_t Apply(natsMsg* msg);

  natsConnection* conn_;
  jsCtx* js_;
  const std::string stream_;
  const std::string subject_prefix_;
  const std::chrono::milliseconds interval_;
  std::shared_ptr<vault::SessionIndex> index_;
  std::shared_ptr<vault::CacheLease> lease_;
  Logger* logger_;
  // Replies to the stream info request of poll n come on inbox_.<prefix>n.
  static constexpr std::string_view kStreamInfoReply = "s";

  std::string inbox_;  // pull requests are answered on inbox_.<poll number>
  MessageReleaser released_;  // outlives the subscription whose messages it holds
  SubscriptionPtr subscription_;

  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::string consumer_;      // its name; empty while there is none
  std::string ack_subject_;   // of the latest change: acknowledges it and all before
  uint64_t last_applied_ = 0;  // stream sequence of the latest change applied
  uint64_t start_sequence_ = 0;  // where the current consumer started
  uint64_t replay_until_ = 0;  // the bucket's last sequence when the first consumer was made
  int changes_in_batch_ = 0;  // changes answering the latest request so far
  bool check_consumer_now_ = false;
  // The first pull request sent to the current consumer, and when the first
  // request since its latest answer was sent (unset while it answers).
  uint64_t first_request_ = 1;
  std::optional<std::chrono::steady_clock::time_point> unanswered_since_;
  bool no_responders_ = false;  // a pull request to the current consumer found none
  bool lease_current_ = false;  // as last reported
  uint64_t next_request_ = 1;
  // Stream info requests not answered yet, by poll number: when each was
  // sent. Those older than the lease are forgotten (they could confirm
  // nothing).
  std::map<uint64_t, vault::CacheLease::Clock::time_point> asked_;
  vault::LeaderCatchUp catch_up_;
  std::thread poller_;
};

}  // namespace privacy::nats
