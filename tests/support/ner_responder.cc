#include "support/ner_responder.h"

#include <algorithm>

#include "support/privacy_wire.h"

namespace privacy::testing {

NerResponder::NerResponder(const std::string& url, const std::string& subject,
                           std::vector<std::string> names, double score)
    : client_(url), names_(std::move(names)), score_(score) {
  natsSubscription* raw = nullptr;
  ThrowIfNotOk(natsConnection_Subscribe(&raw, client_.connection(), subject.c_str(), &OnMessage,
                                        this),
               "subscribing the NER responder");
  subscription_.reset(raw);
  ThrowIfNotOk(natsConnection_Flush(client_.connection()), "flushing the NER subscription");
}

NerResponder::~NerResponder() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  stopping_cv_.notify_all();
  if (natsSubscription_Drain(subscription_.get()) == NATS_OK) {
    natsSubscription_WaitForDrainCompletion(subscription_.get(), 5000);
  }
}

void NerResponder::SetBehavior(NerBehavior behavior, std::chrono::milliseconds delay) {
  std::lock_guard lock(mutex_);
  behavior_ = behavior;
  delay_ = delay;
}

v1::NerRequest NerResponder::last_request() const {
  std::lock_guard lock(mutex_);
  return last_request_;
}

void NerResponder::OnMessage(natsConnection*, natsSubscription*, natsMsg* msg, void* closure) {
  nats::MsgPtr owned(msg);
  static_cast<NerResponder*>(closure)->Answer(owned.get());
}

void NerResponder::Answer(natsMsg* msg) {
  v1::NerRequest request;
  if (!request.ParseFromArray(natsMsg_GetData(msg), natsMsg_GetDataLength(msg))) return;
  requests_++;
  NerBehavior behavior;
  {
    std::unique_lock lock(mutex_);
    last_request_ = request;
    behavior = behavior_;
    if (behavior == NerBehavior::kSlow &&
        stopping_cv_.wait_for(lock, delay_, [this] { return stopping_; })) {
      return;
    }
  }
  natsMsg* raw = nullptr;
  std::string body = ReplyFor(request, behavior);
  if (natsMsg_Create(&raw, natsMsg_GetReply(msg), nullptr, body.data(),
                     static_cast<int>(body.size())) != NATS_OK) {
    return;
  }
  nats::MsgPtr reply(raw);
  if (behavior == NerBehavior::kErrorReply) {
    natsMsgHeader_Set(reply.get(), "Nats-Service-Error", "model failed");
    natsMsgHeader_Set(reply.get(), "Nats-Service-Error-Code", "500");
  }
  natsConnection_PublishMsg(client_.connection(), reply.get());
}

std::string NerResponder::ReplyFor(const v1::NerRequest& request, NerBehavior behavior) const {
  const std::string& text = request.text();
  v1::NerReply reply;
  auto add = [&](size_t start, size_t end) {
    v1::NerEntity* e = reply.add_entities();
    e->set_type("PERSON");
    e->set_start(static_cast<uint32_t>(start));
    e->set_end(static_cast<uint32_t>(end));
    e->set_score(score_);
  };
  const auto& types = request.entity_types();
  if (std::find(types.begin(), types.end(), "PERSON") != types.end()) {
    for (const std::string& name : names_) {
      for (size_t at = text.find(name); at != std::string::npos; at = text.find(name, at + 1)) {
        add(at, at + name.size());
      }
    }
  }
  switch (behavior) {
    case NerBehavior::kOutOfRange:
      add(0, text.size() + 7);
      break;
    case NerBehavior::kInsideCodePoint: {
      auto continuation = std::find_if(text.begin(), text.end(), [](char c) {
        return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
      });
      size_t start = static_cast<size_t>(continuation - text.begin());
      add(start, std::min(start + 4, text.size()));
      break;
    }
    case NerBehavior::kUndecodable:
      return "\xff\xff\xff not a NerReply";
    case NerBehavior::kTagNamesInJson:
      return Encode(reply, Encoding::kJson);
    default:
      break;
  }
  return reply.SerializeAsString();
}

}  // namespace privacy::testing
