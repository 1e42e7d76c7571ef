#include "nats/message_releaser.h"

namespace privacy::nats {

MessageReleaser::MessageReleaser(size_t batch) : batch_(batch) { held_.reserve(batch_); }

MessageReleaser::~MessageReleaser() {
  for (natsMsg* msg : held_) natsMsg_Destroy(msg);
}

void MessageReleaser::Release(natsMsg* msg) {
  if (msg == nullptr) return;
  std::vector<natsMsg*> full;
  {
    std::lock_guard lock(mutex_);
    held_.push_back(msg);
    if (held_.size() < batch_) return;
    full.swap(held_);
    held_.reserve(batch_);
  }
  for (natsMsg* held : full) natsMsg_Destroy(held);
}

}  // namespace privacy::nats
