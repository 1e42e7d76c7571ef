#include "endpoints/resolve_answer.h"

#include <google/protobuf/io/coded_stream.h>

#include <algorithm>
#include <cstdint>

#include "wire/json_message_writer.h"

namespace privacy::endpoints {

namespace {

// Field tags of ResolveReply and of its map's entries (wire type 2: length
// delimited).
constexpr char kResolvedTag = (1 << 3) | 2;
constexpr char kUnknownTag = (2 << 3) | 2;
constexpr char kJsonTag = (3 << 3) | 2;
constexpr char kEntryKeyTag = (1 << 3) | 2;
constexpr char kEntryValueTag = (2 << 3) | 2;

// Answers up to this many resolved tokens find repeats by a scan.
constexpr size_t kScanUpTo = 32;

using google::protobuf::io::CodedOutputStream;

void AppendVarint(size_t value, std::string* out) {
  uint8_t bytes[10];
  const uint8_t* end = CodedOutputStream::WriteVarint64ToArray(value, bytes);
  out->append(reinterpret_cast<const char*>(bytes), static_cast<size_t>(end - bytes));
}

// The size of a length-delimited field holding `bytes` bytes, tag included.
size_t FieldSize(size_t bytes) { return 1 + CodedOutputStream::VarintSize64(bytes) + bytes; }

void AppendField(char tag, std::string_view bytes, std::string* out) {
  out->push_back(tag);
  AppendVarint(bytes.size(), out);
  out->append(bytes);
}

size_t EntrySize(const vault::TokenEntryView& entry) {
  return FieldSize(entry.token().size()) + FieldSize(entry.value().size());
}

}  // namespace

bool ResolveAnswer::Resolve(std::string_view token) {
  const vault::TokenEntryView* entry = session_.FindByToken(token);
  if (entry == nullptr) return false;
  // A session holds each token once, so one entry is one token.
  if (resolved_.size() < kScanUpTo) {
    if (std::find(resolved_.begin(), resolved_.end(), entry) != resolved_.end()) return true;
  } else {
    if (resolved_set_.empty()) resolved_set_.insert(resolved_.begin(), resolved_.end());
    if (!resolved_set_.insert(entry).second) return true;
  }
  resolved_.push_back(entry);
  return true;
}

void ResolveAnswer::AddUnknownOnce(const std::vector<std::string>& tokens) {
  if (tokens.empty()) return;
  std::unordered_set<std::string> listed(unknown_.begin(), unknown_.end());
  for (const auto& token : tokens) {
    if (listed.insert(token).second) unknown_.push_back(token);
  }
}

v1::ResolveReply ResolveAnswer::ToMessage() const {
  v1::ResolveReply reply;
  auto& resolved = *reply.mutable_resolved();
  for (const vault::TokenEntryView* entry : resolved_) {
    resolved[std::string(entry->token())] = entry->value();
  }
  for (const auto& token : unknown_) reply.add_unknown(token);
  if (json_) reply.set_json(*json_);
  return reply;
}

std::string ResolveAnswer::EncodeJson() const {
  std::string out;
  out.reserve(64 + 48 * resolved_.size() + 16 * unknown_.size() + (json_ ? json_->size() : 0));
  bool utf8 = true;
  out.append("{\"resolved\":{");
  for (size_t i = 0; i < resolved_.size(); ++i) {
    if (i > 0) out.push_back(',');
    utf8 = wire::AppendProtobufJsonString(&out, resolved_[i]->token()) && utf8;
    out.push_back(':');
    utf8 = wire::AppendProtobufJsonString(&out, resolved_[i]->value()) && utf8;
  }
  out.append("},\"unknown\":[");
  for (size_t i = 0; i < unknown_.size(); ++i) {
    if (i > 0) out.push_back(',');
    utf8 = wire::AppendProtobufJsonString(&out, unknown_[i]) && utf8;
  }
  out.push_back(']');
  if (json_) {
    out.append(",\"json\":");
    utf8 = wire::AppendProtobufJsonString(&out, *json_) && utf8;
  }
  out.push_back('}');
  // Strings that are not UTF-8 are written as protobuf's own printer writes
  // them.
  if (!utf8) return wire::Encode(wire::Encoding::kJson, ToMessage());
  return out;
}

std::string ResolveAnswer::Encode(wire::Encoding encoding) const {
  if (encoding == wire::Encoding::kJson) return EncodeJson();
  size_t size = 0;
  for (const vault::TokenEntryView* entry : resolved_) size += FieldSize(EntrySize(*entry));
  for (const auto& token : unknown_) size += FieldSize(token.size());
  if (json_) size += FieldSize(json_->size());
  std::string out;
  out.reserve(size);
  for (const vault::TokenEntryView* entry : resolved_) {
    out.push_back(kResolvedTag);
    AppendVarint(EntrySize(*entry), &out);
    AppendField(kEntryKeyTag, entry->token(), &out);
    AppendField(kEntryValueTag, entry->value(), &out);
  }
  for (const auto& token : unknown_) AppendField(kUnknownTag, token, &out);
  if (json_) AppendField(kJsonTag, *json_, &out);
  return out;
}

}  // namespace privacy::endpoints
