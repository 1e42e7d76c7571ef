// A session read without copying it: views of the entries of a serialized
// SessionRecord, over the bytes the view holds. How sessions are read to
// restore values (resolve, demask); a session that changes is a Session.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace privacy::vault {

// One token entry of a session, as views into its SessionView's bytes.
class TokenEntryView {
 public:
  std::string_view token() const { return token_; }
  std::string_view type() const { return type_; }
  std::string_view value() const { return value_; }

 private:
  friend class SessionView;
  std::string_view token_;
  std::string_view type_;
  std::string_view value_;
};

// Holds the bytes of one session and views of its entries. Not thread-safe,
// not even its const methods (they build the index on first use): each
// request reads its own. Movable; the entries stay where they are. A small
// session is searched entry by entry, a larger one through an index.
class SessionView {
 public:
  // The session serialized in `bytes` (a SessionRecord); nullopt when they
  // are not one, as protobuf's parser decides for what we write: malformed
  // wire data, or a string that is not UTF-8. Fields it does not know are
  // skipped; a field repeated keeps its last value.
  static std::optional<SessionView> Parse(std::string bytes);

  SessionView(SessionView&&) noexcept = default;
  SessionView& operator=(SessionView&&) noexcept = default;
  SessionView(const SessionView&) = delete;
  SessionView& operator=(const SessionView&) = delete;

  std::string_view account() const { return account_; }
  int64_t created_at_ms() const { return created_at_ms_; }
  int64_t expires_at_ms() const { return expires_at_ms_; }
  size_t token_count() const { return entries_.size(); }

  // The entry behind `token`, or nullptr; valid as long as the view.
  const TokenEntryView* FindByToken(std::string_view token) const;

 private:
  SessionView() = default;

  // On the heap, so that the views stay put when the SessionView moves.
  std::unique_ptr<const std::string> bytes_;
  std::string_view account_;
  int64_t created_at_ms_ = 0;
  int64_t expires_at_ms_ = 0;
  std::vector<TokenEntryView> entries_;
  // Token -> entry, built at the first lookup of a larger session.
  mutable std::unordered_map<std::string_view, size_t> index_;
};

}  // namespace privacy::vault
