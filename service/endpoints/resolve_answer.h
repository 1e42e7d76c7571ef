// What privacy.resolve answers, kept as the entries of the session that
// resolved it (the answer holds the session): no value is copied and no
// protobuf map is built until the reply is encoded, once.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "privacy/v1/privacy.pb.h"
#include "vault/session_view.h"
#include "wire/codec.h"

namespace privacy::endpoints {

// The resolved tokens (each once), the tokens the session does not hold
// (in the order added) and the restored JSON document, if any. Not
// thread-safe; movable (the entries stay where they are).
class ResolveAnswer {
 public:
  // `expected` tokens are about to be resolved (room is made for them).
  explicit ResolveAnswer(vault::SessionView session, size_t expected = 0)
      : session_(std::move(session)) {
    resolved_.reserve(expected);
  }

  const vault::SessionView& session() const { return session_; }

  // Resolves `token` if the session holds it (true); a token resolved
  // before is kept once.
  bool Resolve(std::string_view token);
  void AddUnknown(std::string token) { unknown_.push_back(std::move(token)); }
  // Adds those of `tokens` that unknown() does not list yet.
  void AddUnknownOnce(const std::vector<std::string>& tokens);
  void set_json(std::string json) { json_ = std::move(json); }

  // Distinct tokens resolved.
  size_t resolved_size() const { return resolved_.size(); }
  const std::vector<std::string>& unknown() const { return unknown_; }
  int unknown_size() const { return static_cast<int>(unknown_.size()); }

  // The reply as a message (the `resolved` map, `unknown`, `json`).
  v1::ResolveReply ToMessage() const;

  // The reply's bytes in `encoding`, written here from the entries: the
  // map's entries in the order resolved (a protobuf map's order is its
  // own, different from one map to the next), the rest as Encode() of
  // ToMessage() writes it.
  std::string Encode(wire::Encoding encoding) const;

 private:
  std::string EncodeJson() const;

  vault::SessionView session_;
  // Entries of session_, each once, in the order first resolved; past a
  // few, also in resolved_set_ to find repeats.
  std::vector<const vault::TokenEntryView*> resolved_;
  std::unordered_set<const vault::TokenEntryView*> resolved_set_;
  std::vector<std::string> unknown_;
  std::optional<std::string> json_;
};

}  // namespace privacy::endpoints
