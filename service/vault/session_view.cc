#include "vault/session_view.h"

#include "wire/utf8.h"

namespace privacy::vault {

namespace {

// Sessions of up to this many entries are searched entry by entry.
constexpr size_t kScanUpTo = 16;

// Protobuf wire types.
constexpr uint32_t kVarint = 0;
constexpr uint32_t kFixed64 = 1;
constexpr uint32_t kLengthDelimited = 2;
constexpr uint32_t kStartGroup = 3;
constexpr uint32_t kEndGroup = 4;
constexpr uint32_t kFixed32 = 5;
// Groups nested deeper are refused (protobuf's own limit is 100).
constexpr int kMaxGroupDepth = 64;

// Reads protobuf wire data field by field; every read fails (false) on
// data that is cut short or malformed.
class WireReader {
 public:
  explicit WireReader(std::string_view data) : data_(data) {}

  bool done() const { return at_ == data_.size(); }

  bool Varint(uint64_t* value) {
    *value = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (at_ == data_.size()) return false;
      const auto byte = static_cast<uint8_t>(data_[at_++]);
      *value |= static_cast<uint64_t>(byte & 0x7f) << shift;
      if ((byte & 0x80) == 0) return true;
    }
    return false;  // more than ten bytes
  }

  // The next field's number and wire type.
  bool Tag(uint32_t* field, uint32_t* wire_type) {
    uint64_t tag = 0;
    if (!Varint(&tag) || tag > UINT32_MAX || (tag >> 3) == 0) return false;
    *field = static_cast<uint32_t>(tag >> 3);
    *wire_type = static_cast<uint32_t>(tag & 7);
    return true;
  }

  bool Bytes(std::string_view* bytes) {
    uint64_t length = 0;
    if (!Varint(&length) || length > data_.size() - at_) return false;
    *bytes = data_.substr(at_, length);
    at_ += length;
    return true;
  }

  // Skips the value of field `field` of `wire_type`: a group (which proto3
  // never writes, but protobuf's parser keeps as an unknown field) up to its
  // end, nested at most kMaxGroupDepth deep.
  bool Skip(uint32_t field, uint32_t wire_type, int depth = 0) {
    uint64_t ignored = 0;
    std::string_view bytes;
    switch (wire_type) {
      case kVarint: return Varint(&ignored);
      case kFixed64: return Advance(8);
      case kLengthDelimited: return Bytes(&bytes);
      case kFixed32: return Advance(4);
      case kStartGroup:
        if (depth >= kMaxGroupDepth) return false;
        for (;;) {
          uint32_t inner = 0;
          uint32_t inner_type = 0;
          if (!Tag(&inner, &inner_type)) return false;
          if (inner_type == kEndGroup) return inner == field;
          if (!Skip(inner, inner_type, depth + 1)) return false;
        }
      default: return false;  // an end of group without its start, or no wire type
    }
  }

 private:
  bool Advance(size_t bytes) {
    if (bytes > data_.size() - at_) return false;
    at_ += bytes;
    return true;
  }

  std::string_view data_;
  size_t at_ = 0;
};

// A proto3 string field: UTF-8 or the message is refused, as protobuf does.
bool StringField(WireReader* reader, std::string_view* out) {
  return reader->Bytes(out) && wire::IsValidUtf8(*out);
}

// One TokenEntry: token = 1, type = 2, value = 3.
bool ParseEntry(std::string_view data, std::string_view* token, std::string_view* type,
                std::string_view* value) {
  WireReader reader(data);
  while (!reader.done()) {
    uint32_t field = 0;
    uint32_t wire_type = 0;
    if (!reader.Tag(&field, &wire_type)) return false;
    std::string_view* target = field == 1   ? token
                               : field == 2 ? type
                               : field == 3 ? value
                                            : nullptr;
    if (target != nullptr && wire_type == kLengthDelimited) {
      if (!StringField(&reader, target)) return false;
    } else if (!reader.Skip(field, wire_type)) {
      return false;
    }
  }
  return true;
}

}  // namespace

std::optional<SessionView> SessionView::Parse(std::string bytes) {
  SessionView view;
  view.bytes_ = std::make_unique<const std::string>(std::move(bytes));
  // An entry takes some 30 bytes: one allocation for most sessions.
  view.entries_.reserve(view.bytes_->size() / 24 + 1);
  // SessionRecord: entries = 1, created_at_ms = 2, expires_at_ms = 3,
  // account = 4.
  WireReader reader(*view.bytes_);
  while (!reader.done()) {
    uint32_t field = 0;
    uint32_t wire_type = 0;
    if (!reader.Tag(&field, &wire_type)) return std::nullopt;
    uint64_t number = 0;
    std::string_view bytes;
    if (field == 1 && wire_type == kLengthDelimited) {
      TokenEntryView entry;
      if (!reader.Bytes(&bytes) ||
          !ParseEntry(bytes, &entry.token_, &entry.type_, &entry.value_)) {
        return std::nullopt;
      }
      view.entries_.push_back(entry);
    } else if ((field == 2 || field == 3) && wire_type == kVarint) {
      if (!reader.Varint(&number)) return std::nullopt;
      (field == 2 ? view.created_at_ms_ : view.expires_at_ms_) = static_cast<int64_t>(number);
    } else if (field == 4 && wire_type == kLengthDelimited) {
      if (!StringField(&reader, &view.account_)) return std::nullopt;
    } else if (!reader.Skip(field, wire_type)) {
      return std::nullopt;
    }
  }
  return view;
}

const TokenEntryView* SessionView::FindByToken(std::string_view token) const {
  if (entries_.size() <= kScanUpTo) {
    for (const auto& entry : entries_) {
      if (entry.token_ == token) return &entry;
    }
    return nullptr;
  }
  if (index_.empty()) {
    // The first entry of a token wins, as a scan would find it.
    for (size_t i = 0; i < entries_.size(); ++i) index_.emplace(entries_[i].token_, i);
  }
  auto it = index_.find(token);
  return it == index_.end() ? nullptr : &entries_[it->second];
}

}  // namespace privacy::vault
