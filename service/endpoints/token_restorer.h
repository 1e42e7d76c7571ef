// Putting a session's values back where a model wrote its tokens.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "endpoints/text_edit.h"
#include "vault/session_view.h"

namespace privacy::endpoints {

// Restores the tokens of one session in texts: finds token mentions, exact or
// mangled (vault/token_mentions.h), and replaces those that name a token of
// the session by its value; anything else stays as it is. Counts the restored
// tokens and collects, once each, the exactly shaped tokens the session does
// not hold. Not thread-safe: one per request; `session` must outlive it.
class TokenRestorer {
 public:
  explicit TokenRestorer(const vault::SessionView& session);

  // Edits restoring the mentions that lie within the first `end` bytes of
  // `text`; the bytes after `end` are only context.
  std::vector<TextEdit> EditsFor(std::string_view text, size_t end);
  std::vector<TextEdit> EditsFor(std::string_view text) { return EditsFor(text, text.size()); }

  // The first `end` bytes of `text` with the session's tokens restored.
  std::string Restore(std::string_view text, size_t end);

  size_t restored() const { return restored_; }
  // Exactly shaped tokens the session does not hold, each once, in order of
  // first appearance.
  const std::vector<std::string>& unknown() const { return unknown_; }

 private:
  const vault::SessionView* session_;
  size_t restored_ = 0;
  std::vector<std::string> unknown_;
  std::unordered_set<std::string> unknown_seen_;
};

}  // namespace privacy::endpoints
