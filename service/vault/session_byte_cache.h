// The stored (encrypted) bytes of the sessions this worker wrote or read,
// held under a byte budget: the byte cache kept by the session index.
#pragma once

#include <cstddef>
#include <list>
#include <memory>
#include <string>
#include <string_view>

namespace privacy::vault {

// Holds session bytes up to a budget, dropping the least recently used
// first. The bytes of a session live in a slot of its index entry; the
// cache keeps their order and their total. A slot must be emptied (Drop)
// before its entry goes away. Not synchronized: its owner's lock guards it.
class SessionByteCache {
 public:
  struct Held;
  // Where an index entry keeps its session's bytes; null when not held.
  using Slot = std::unique_ptr<Held>;

  explicit SessionByteCache(size_t byte_budget);

  // Holds `bytes` in the empty `*slot` as the most recently used, then drops
  // other bytes down to the budget. Bytes larger than the budget are not
  // held.
  void Hold(Slot* slot, std::string_view bytes);
  // Empties `*slot`, if it holds bytes.
  void Drop(Slot* slot);
  // The bytes `*slot` holds (it must hold some), now the most recently used.
  const std::string& Use(Slot* slot);

  size_t held_bytes() const { return held_bytes_; }

 private:
  void DropToBudget();

  const size_t byte_budget_;
  size_t held_bytes_ = 0;
  std::list<Slot*> recency_;  // slots holding bytes, most recently used first
};

// The bytes of one session, and their place in the recency order.
struct SessionByteCache::Held {
  std::string bytes;
  std::list<Slot*>::iterator recency;
};

}  // namespace privacy::vault
