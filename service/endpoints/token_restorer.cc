#include "endpoints/token_restorer.h"

#include "vault/token_mentions.h"

namespace privacy::endpoints {

TokenRestorer::TokenRestorer(const vault::SessionView& session) : session_(&session) {}

std::vector<TextEdit> TokenRestorer::EditsFor(std::string_view text, size_t end) {
  std::vector<TextEdit> edits;
  for (auto& mention : vault::FindTokenMentions(text)) {
    if (mention.end > end) break;
    if (const vault::TokenEntryView* entry = session_->FindByToken(mention.token)) {
      edits.push_back({mention.start, mention.end, std::string(entry->value())});
      ++restored_;
    } else if (mention.exact && unknown_seen_.insert(mention.token).second) {
      unknown_.push_back(std::move(mention.token));
    }
  }
  return edits;
}

std::string TokenRestorer::Restore(std::string_view text, size_t end) {
  return ApplyEdits(text.substr(0, end), EditsFor(text, end));
}

}  // namespace privacy::endpoints
