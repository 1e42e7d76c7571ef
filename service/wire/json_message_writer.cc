#include "wire/json_message_writer.h"

#include <google/protobuf/descriptor.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <string_view>
#include <vector>

#include "wire/plain_proto3.h"
#include "wire/utf8.h"

namespace privacy::wire {

namespace {

using google::protobuf::Descriptor;
using google::protobuf::FieldDescriptor;
using google::protobuf::Message;
using google::protobuf::Reflection;

// Code points above U+007F that protobuf's JSON escaper writes as \u
// escapes (format and invisible characters), as inclusive ranges.
constexpr uint32_t kEscapedRanges[][2] = {
    {0x80, 0x9F},       {0xAD, 0xAD},       {0x600, 0x603},     {0x6DD, 0x6DD},
    {0x70F, 0x70F},     {0x17B4, 0x17B5},   {0x200B, 0x200F},   {0x2028, 0x202E},
    {0x2060, 0x2064},   {0x206A, 0x206F},   {0xFEFF, 0xFEFF},   {0xFFF9, 0xFFFB},
    {0x1D173, 0x1D17A}, {0xE0001, 0xE0001}, {0xE0020, 0xE007F}};

bool IsEscapedNonAscii(uint32_t code) {
  for (const auto& range : kEscapedRanges) {
    if (code < range[0]) return false;
    if (code <= range[1]) return true;
  }
  return false;
}

void AppendUnicodeEscape(std::string* out, uint32_t unit) {
  static constexpr char kHex[] = "0123456789abcdef";
  char buf[6] = {'\\', 'u', kHex[unit >> 12 & 0xF], kHex[unit >> 8 & 0xF],
                 kHex[unit >> 4 & 0xF], kHex[unit & 0xF]};
  out->append(buf, sizeof buf);
}

// Appends `s` quoted and escaped as protobuf's JsonEscaping does; false on
// invalid UTF-8.
bool AppendString(std::string* out, std::string_view s) {
  out->push_back('"');
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const auto* end = p + s.size();
  while (p != end) {
    const unsigned char* run = p;
    while (p != end && *p >= 0x20 && *p < 0x7F && *p != '"' && *p != '\\' && *p != '<' &&
           *p != '>') {
      ++p;
    }
    out->append(reinterpret_cast<const char*>(run), p - run);
    if (p == end) break;
    const unsigned char c = *p;
    if (c < 0x80) {
      switch (c) {
        case '"': out->append("\\\""); break;
        case '\\': out->append("\\\\"); break;
        case '\b': out->append("\\b"); break;
        case '\f': out->append("\\f"); break;
        case '\n': out->append("\\n"); break;
        case '\r': out->append("\\r"); break;
        case '\t': out->append("\\t"); break;
        default: AppendUnicodeEscape(out, c);
      }
      ++p;
      continue;
    }
    uint32_t code;
    const int length = DecodeUtf8(p, end, &code);
    if (length == 0) return false;
    if (!IsEscapedNonAscii(code)) {
      out->append(reinterpret_cast<const char*>(p), length);
    } else if (code < 0x10000) {
      AppendUnicodeEscape(out, code);
    } else {
      AppendUnicodeEscape(out, 0xD800 + ((code - 0x10000) >> 10));
      AppendUnicodeEscape(out, 0xDC00 + ((code - 0x10000) & 0x3FF));
    }
    p += length;
  }
  out->push_back('"');
  return true;
}

template <typename T>
void AppendInteger(std::string* out, T value, bool quoted) {
  char buf[24];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, value);
  if (quoted) out->push_back('"');
  out->append(buf, end - buf);
  if (quoted) out->push_back('"');
}

// SimpleDtoa: the shortest of %.15g and %.17g that reads back exactly.
void AppendDouble(std::string* out, double value) {
  if (std::isnan(value)) {
    out->append("\"NaN\"");
    return;
  }
  if (std::isinf(value)) {
    out->append(value > 0 ? "\"Infinity\"" : "\"-Infinity\"");
    return;
  }
  char buf[32];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, value, std::chars_format::general, 15);
  double back = 0;
  std::from_chars(buf, end, back);
  if (back != value) {
    end = std::to_chars(buf, buf + sizeof buf, value, std::chars_format::general, 17).ptr;
  }
  out->append(buf, end - buf);
}

// Writes one message; every method returns false on what it does not
// reproduce.
class Writer {
 public:
  Writer(std::string* out, JsonDefaults defaults) : out_(out), defaults_(defaults) {}

  bool Object(const Message& message) {
    const Descriptor* type = message.GetDescriptor();
    if (!IsPlainProto3(type)) return false;
    const Reflection* reflection = message.GetReflection();
    out_->push_back('{');
    bool first = true;
    std::vector<const FieldDescriptor*> oneof_fields;
    for (int i = 0; i < type->field_count(); ++i) {
      const FieldDescriptor* field = type->field(i);
      if (field->containing_oneof() != nullptr) {
        if (reflection->HasField(message, field)) oneof_fields.push_back(field);
        continue;
      }
      if (field->cpp_type() == FieldDescriptor::CPPTYPE_MESSAGE && !field->is_repeated() &&
          !reflection->HasField(message, field)) {
        continue;
      }
      // Proto3 scalars without presence "have" a value when it is not the
      // default.
      if (defaults_ == JsonDefaults::kOmit &&
          (field->is_repeated() ? reflection->FieldSize(message, field) == 0
                                : !reflection->HasField(message, field))) {
        continue;
      }
      if (!Field(message, reflection, field, &first)) return false;
    }
    std::sort(oneof_fields.begin(), oneof_fields.end(),
              [](const FieldDescriptor* a, const FieldDescriptor* b) {
                return a->number() < b->number();
              });
    for (const FieldDescriptor* field : oneof_fields) {
      if (!Field(message, reflection, field, &first)) return false;
    }
    out_->push_back('}');
    return true;
  }

 private:
  bool Field(const Message& message, const Reflection* reflection, const FieldDescriptor* field,
             bool* first) {
    if (!*first) out_->push_back(',');
    *first = false;
    out_->push_back('"');
    out_->append(field->name());
    out_->append("\":");
    if (field->is_map()) return Map(message, reflection, field);
    if (!field->is_repeated()) return Value(message, reflection, field, -1);
    out_->push_back('[');
    const int size = reflection->FieldSize(message, field);
    for (int i = 0; i < size; ++i) {
      if (i > 0) out_->push_back(',');
      if (!Value(message, reflection, field, i)) return false;
    }
    out_->push_back(']');
    return true;
  }

  bool Map(const Message& message, const Reflection* reflection, const FieldDescriptor* field) {
    const FieldDescriptor* key_field = field->message_type()->map_key();
    const FieldDescriptor* value_field = field->message_type()->map_value();
    out_->push_back('{');
    const int size = reflection->FieldSize(message, field);
    for (int i = 0; i < size; ++i) {
      if (i > 0) out_->push_back(',');
      const Message& entry = reflection->GetRepeatedMessage(message, field, i);
      const Reflection* entry_reflection = entry.GetReflection();
      if (key_field->cpp_type() == FieldDescriptor::CPPTYPE_STRING) {
        if (!AppendString(out_, entry_reflection->GetString(entry, key_field))) return false;
      } else {
        // Integer and bool keys are quoted like strings.
        std::string key;
        Writer key_writer(&key, defaults_);
        if (!key_writer.Value(entry, entry_reflection, key_field, -1)) return false;
        if (key.front() != '"') out_->push_back('"');
        out_->append(key);
        if (key.back() != '"') out_->push_back('"');
      }
      out_->push_back(':');
      if (!Value(entry, entry_reflection, value_field, -1)) return false;
    }
    out_->push_back('}');
    return true;
  }

  // The value of a singular field (`index` -1) or of one element.
  bool Value(const Message& message, const Reflection* reflection, const FieldDescriptor* field,
             int index) {
    const bool repeated = index >= 0;
    switch (field->cpp_type()) {
      case FieldDescriptor::CPPTYPE_MESSAGE:
        return Object(repeated ? reflection->GetRepeatedMessage(message, field, index)
                               : reflection->GetMessage(message, field));
      case FieldDescriptor::CPPTYPE_STRING: {
        if (field->type() != FieldDescriptor::TYPE_STRING) return false;
        std::string scratch;
        const std::string& value =
            repeated ? reflection->GetRepeatedStringReference(message, field, index, &scratch)
                     : reflection->GetStringReference(message, field, &scratch);
        return AppendString(out_, value);
      }
      case FieldDescriptor::CPPTYPE_BOOL: {
        bool value = repeated ? reflection->GetRepeatedBool(message, field, index)
                              : reflection->GetBool(message, field);
        out_->append(value ? "true" : "false");
        return true;
      }
      case FieldDescriptor::CPPTYPE_INT32:
        AppendInteger(out_, repeated ? reflection->GetRepeatedInt32(message, field, index)
                                     : reflection->GetInt32(message, field),
                      false);
        return true;
      case FieldDescriptor::CPPTYPE_UINT32:
        AppendInteger(out_, repeated ? reflection->GetRepeatedUInt32(message, field, index)
                                     : reflection->GetUInt32(message, field),
                      false);
        return true;
      case FieldDescriptor::CPPTYPE_INT64:
        AppendInteger(out_, repeated ? reflection->GetRepeatedInt64(message, field, index)
                                     : reflection->GetInt64(message, field),
                      true);
        return true;
      case FieldDescriptor::CPPTYPE_UINT64:
        AppendInteger(out_, repeated ? reflection->GetRepeatedUInt64(message, field, index)
                                     : reflection->GetUInt64(message, field),
                      true);
        return true;
      case FieldDescriptor::CPPTYPE_DOUBLE:
        AppendDouble(out_, repeated ? reflection->GetRepeatedDouble(message, field, index)
                                    : reflection->GetDouble(message, field));
        return true;
      default:
        return false;  // enum, float
    }
  }

  std::string* out_;
  JsonDefaults defaults_;
};

}  // namespace

bool WriteJsonMessage(const Message& message, std::string* out, JsonDefaults defaults) {
  return Writer(out, defaults).Object(message);
}

bool AppendProtobufJsonString(std::string* out, std::string_view s) { return AppendString(out, s); }

}  // namespace privacy::wire
