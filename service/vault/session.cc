#include "vault/session.h"

#include "vault/random.h"
#include "vault/token_format.h"

namespace privacy::vault {

namespace {
// Suffix length grows with the session so random suffixes stay collision-rare.
size_t SuffixBytesFor(size_t token_count) { return token_count < 2048 ? 2 : 4; }
}  // namespace

Session::Session(v1::SessionRecord record) : record_(std::move(record)) {
  // The record's strings are not moved again after this point (the record
  // only grows through TokenFor, which re-indexes), so views stay valid.
  for (int i = 0; i < record_.entries_size(); ++i) {
    index_by_token_.emplace(record_.entries(i).token(), i);
    index_by_value_.emplace(record_.entries(i).value(), i);
  }
}

const std::string& Session::TokenFor(std::string_view type, std::string_view value) {
  if (auto it = index_by_value_.find(value); it != index_by_value_.end()) {
    return record_.entries(it->second).token();
  }
  std::string token = MintUniqueToken(type);
  v1::TokenEntry* entry = record_.add_entries();
  entry->set_token(std::move(token));
  entry->set_type(std::string(type));
  entry->set_value(std::string(value));
  // Adding to a RepeatedPtrField never moves existing elements, so the
  // string_views held by the indexes remain valid.
  int index = record_.entries_size() - 1;
  index_by_token_.emplace(entry->token(), index);
  index_by_value_.emplace(entry->value(), index);
  return entry->token();
}

const v1::TokenEntry* Session::FindByToken(std::string_view token) const {
  auto it = index_by_token_.find(token);
  return it == index_by_token_.end() ? nullptr : &record_.entries(it->second);
}

std::string Session::MintUniqueToken(std::string_view type) const {
  std::string prefix = TokenPrefixFor(type);
  for (;;) {
    std::string token = FormatToken(prefix, RandomHex(SuffixBytesFor(token_count())));
    if (!index_by_token_.contains(token)) return token;
  }
}

}  // namespace privacy::vault
