#include "vault/session.h"

#include <algorithm>
#include <utility>

#include "vault/random.h"
#include "vault/token_format.h"

namespace privacy::vault {

namespace {
// Suffix length grows with the session so random suffixes stay collision-rare.
size_t SuffixBytesFor(size_t token_count) { return token_count < 2048 ? 2 : 4; }

// Sessions of up to this many entries are searched entry by entry.
constexpr int kScanUpTo = 16;

// The index of the first of `record`'s entries whose `field` is `text`, by
// a scan of small records and through `index` (views of the first
// `*indexed` entries, brought up to date) for larger ones; -1 when none.
template <typename Field>
int IndexOf(const v1::SessionRecord& record, std::string_view text, Field field,
            std::unordered_map<std::string_view, int>* index, int* indexed) {
  const int size = record.entries_size();
  if (size <= kScanUpTo) {
    for (int i = 0; i < size; ++i) {
      if (field(record.entries(i)) == text) return i;
    }
    return -1;
  }
  // Adding to a RepeatedPtrField never moves existing elements, so the
  // views the index holds stay valid as the record grows.
  for (; *indexed < size; ++*indexed) index->emplace(field(record.entries(*indexed)), *indexed);
  auto it = index->find(text);
  return it == index->end() ? -1 : it->second;
}

std::string_view TokenOf(const v1::TokenEntry& entry) { return entry.token(); }
std::string_view ValueOf(const v1::TokenEntry& entry) { return entry.value(); }

// The arena's first block: enough for a typical record of `bytes` bytes
// parsed (its entries, their strings and the arena's bookkeeping take ~8
// times the encoded size), bounded; a larger record adds blocks.
size_t FirstBlockSize(size_t bytes) {
  return std::clamp<size_t>(256 + 8 * bytes, 512, 16 * 1024);
}
}  // namespace

struct Session::Storage {
  explicit Storage(size_t block_size)
      : first_block(new char[block_size]), arena(first_block.get(), block_size) {}
  std::unique_ptr<char[]> first_block;  // outlives the arena, which uses it
  google::protobuf::Arena arena;
};

Session::Session(size_t bytes)
    : storage_(std::make_unique<Storage>(FirstBlockSize(bytes))),
      record_(google::protobuf::Arena::CreateMessage<v1::SessionRecord>(&storage_->arena)) {}

Session::Session(const v1::SessionRecord& record) : Session(record.ByteSizeLong()) {
  record_->CopyFrom(record);
}

std::optional<Session> Session::Parse(std::string_view bytes) {
  Session session(bytes.size());
  if (!session.record_->ParseFromArray(bytes.data(), static_cast<int>(bytes.size()))) {
    return std::nullopt;
  }
  return session;
}

Session::Session(Session&& other) noexcept
    : storage_(std::move(other.storage_)),
      record_(std::exchange(other.record_, nullptr)),
      index_by_token_(std::move(other.index_by_token_)),
      index_by_value_(std::move(other.index_by_value_)),
      tokens_indexed_(std::exchange(other.tokens_indexed_, 0)),
      values_indexed_(std::exchange(other.values_indexed_, 0)) {}

Session& Session::operator=(Session&& other) noexcept {
  if (this != &other) {
    index_by_token_ = std::move(other.index_by_token_);
    index_by_value_ = std::move(other.index_by_value_);
    tokens_indexed_ = std::exchange(other.tokens_indexed_, 0);
    values_indexed_ = std::exchange(other.values_indexed_, 0);
    record_ = std::exchange(other.record_, nullptr);
    storage_ = std::move(other.storage_);
  }
  return *this;
}

// The arena frees the record and everything in it.
Session::~Session() = default;

const std::string& Session::TokenFor(std::string_view type, std::string_view value) {
  if (int i = IndexOfValue(value); i >= 0) return record_->entries(i).token();
  std::string token = MintUniqueToken(type);
  v1::TokenEntry* entry = record_->add_entries();
  entry->set_token(std::move(token));
  entry->set_type(std::string(type));
  entry->set_value(std::string(value));
  return entry->token();
}

const v1::TokenEntry* Session::FindByToken(std::string_view token) const {
  int i = IndexOfToken(token);
  return i < 0 ? nullptr : &record_->entries(i);
}

int Session::IndexOfToken(std::string_view token) const {
  return IndexOf(*record_, token, TokenOf, &index_by_token_, &tokens_indexed_);
}

int Session::IndexOfValue(std::string_view value) const {
  return IndexOf(*record_, value, ValueOf, &index_by_value_, &values_indexed_);
}

std::string Session::MintUniqueToken(std::string_view type) const {
  std::string prefix = TokenPrefixFor(type);
  for (;;) {
    std::string token = FormatToken(prefix, RandomHex(SuffixBytesFor(token_count())));
    if (IndexOfToken(token) < 0) return token;
  }
}

}  // namespace privacy::vault
