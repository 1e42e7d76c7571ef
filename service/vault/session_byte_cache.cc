#include "vault/session_byte_cache.h"

namespace privacy::vault {

SessionByteCache::SessionByteCache(size_t byte_budget) : byte_budget_(byte_budget) {}

void SessionByteCache::Hold(Slot* slot, std::string_view bytes) {
  if (bytes.size() > byte_budget_) return;
  recency_.push_front(slot);
  slot->reset(new Held{std::string(bytes), recency_.begin()});
  held_bytes_ += bytes.size();
  DropToBudget();
}

void SessionByteCache::Drop(Slot* slot) {
  if (!*slot) return;
  held_bytes_ -= (*slot)->bytes.size();
  recency_.erase((*slot)->recency);
  slot->reset();
}

const std::string& SessionByteCache::Use(Slot* slot) {
  recency_.splice(recency_.begin(), recency_, (*slot)->recency);
  return (*slot)->bytes;
}

void SessionByteCache::DropToBudget() {
  while (held_bytes_ > byte_budget_ && !recency_.empty()) Drop(recency_.back());
}

}  // namespace privacy::vault
