// A stand-in for an external NER model (a GLiNER or spaCy worker) in
// integration tests: answers NerRequest (proto/privacy/v1/ner.proto) on a
// subject over its own NATS connection.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <string>
#include <vector>

#include "privacy/v1/ner.pb.h"
#include "support/nats_client.h"

namespace privacy::testing {

// How the responder answers.
enum class NerBehavior {
  kTagNames,         // every occurrence of its names as PERSON, byte offsets
  kTagNamesInJson,   // as kTagNames, in the Protobuf JSON mapping
  kSlow,             // as kTagNames, after a delay
  kOutOfRange,       // an entity ending beyond the text
  kInsideCodePoint,  // an entity starting inside a multi-byte UTF-8 sequence
  kUndecodable,      // bytes that are no NerReply
  kErrorReply,       // an ADR-32 error reply (code 500)
};

// Subscribes on construction, unsubscribes on destruction (interrupting a
// delayed answer). Safe for concurrent use.
class NerResponder {
 public:
  NerResponder(const std::string& url, const std::string& subject,
               std::vector<std::string> names, double score);
  ~NerResponder();
  NerResponder(const NerResponder&) = delete;
  NerResponder& operator=(const NerResponder&) = delete;

  void SetBehavior(NerBehavior behavior,
                   std::chrono::milliseconds delay = std::chrono::milliseconds(0));

  // Requests received so far, and the last one.
  int requests() const { return requests_.load(); }
  v1::NerRequest last_request() const;

 private:
  static void OnMessage(natsConnection* conn, natsSubscription* sub, natsMsg* msg,
                        void* closure);
  void Answer(natsMsg* msg);
  // The reply body for `request` under `behavior`.
  std::string ReplyFor(const v1::NerRequest& request, NerBehavior behavior) const;

  NatsClient client_;
  const std::vector<std::string> names_;
  const double score_;
  std::atomic<int> requests_{0};
  mutable std::mutex mutex_;
  std::condition_variable stopping_cv_;
  bool stopping_ = false;
  NerBehavior behavior_ = NerBehavior::kTagNames;
  std::chrono::milliseconds delay_{0};
  v1::NerRequest last_request_;
  nats::SubscriptionPtr subscription_;
};

}  // namespace privacy::testing
