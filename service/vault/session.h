// A session's token map in memory, to add tokens to it: the stored record
// plus indexes by token and by value. (A session only read is a
// SessionView.)
#pragma once

#include <google/protobuf/arena.h>

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "privacy/v1/session.pb.h"

namespace privacy::vault {

// Holds one session's tokens. Not thread-safe, not even its const methods
// (they build the indexes on first use): each request works on its own
// copy loaded from the store. The record lives in a protobuf arena of the
// session's own, freed at once with it, so that parsing a session costs a
// few allocations instead of several per entry. A small session is searched
// entry by entry, a larger one through indexes, so that a read of a small
// session (most are) allocates nothing beyond its record.
class Session {
 public:
  // A session holding a copy of `record`.
  explicit Session(const v1::SessionRecord& record);

  // The session serialized in `bytes`; nullopt when they are no record.
  static std::optional<Session> Parse(std::string_view bytes);

  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;
  Session(Session&& other) noexcept;
  Session& operator=(Session&& other) noexcept;
  ~Session();

  // The token standing for `value`; a new random token, unique within the
  // session, when the session has not seen `value` before.
  const std::string& TokenFor(std::string_view type, std::string_view value);

  // The entry behind `token`, or nullptr.
  const v1::TokenEntry* FindByToken(std::string_view token) const;

  size_t token_count() const { return static_cast<size_t>(record_->entries_size()); }
  const v1::SessionRecord& record() const { return *record_; }
  v1::SessionRecord& mutable_record() { return *record_; }

 private:
  // The arena and its first block, sized for a record of `bytes` bytes.
  struct Storage;
  explicit Session(size_t bytes);

  std::string MintUniqueToken(std::string_view type) const;
  // The index of the first entry whose token (or value) is `text`; -1 when none.
  int IndexOfToken(std::string_view token) const;
  int IndexOfValue(std::string_view value) const;

  std::unique_ptr<Storage> storage_;
  v1::SessionRecord* record_;  // on storage_'s arena
  // Views into record_'s entries, the first `*_indexed_` of them, brought
  // up to date when a lookup needs them.
  mutable std::unordered_map<std::string_view, int> index_by_token_;
  mutable std::unordered_map<std::string_view, int> index_by_value_;
  mutable int tokens_indexed_ = 0;
  mutable int values_indexed_ = 0;
};

}  // namespace privacy::vault
