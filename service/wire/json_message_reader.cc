#include "wire/json_message_reader.h"

#include <google/protobuf/descriptor.h>

#include <charconv>
#include <cstdint>
#include <limits>
#include <string>
#include <unordered_set>

#include "detect/scan/json_escape.h"
#include "wire/plain_proto3.h"

namespace privacy::wire {

namespace {

using google::protobuf::Descriptor;
using google::protobuf::FieldDescriptor;
using google::protobuf::Message;
using google::protobuf::Reflection;

// JsonStringToMessage stops at this nesting; deeper input is left to it.
constexpr int kMaxDepth = 100;

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// A message type this reader fills exactly as protobuf would: plain proto3
// with at most 64 fields (one bit each in the fields-seen mask).
bool IsReadable(const Descriptor* type) {
  return IsPlainProto3(type) && type->field_count() <= 64;
}

// A JSON number as written: its text and whether it has no fraction or
// exponent.
struct NumberToken {
  std::string_view text;
  bool integral = true;
};

// One recursive-descent pass over the document; every method returns false
// as soon as the input leaves the subset it decides.
class Reader {
 public:
  explicit Reader(std::string_view json) : p_(json.data()), end_(json.data() + json.size()) {}

  bool Document(Message* message) {
    SkipWhitespace();
    if (!Object(message, 0)) return false;
    SkipWhitespace();
    return p_ == end_;
  }

 private:
  void SkipWhitespace() {
    while (p_ != end_ && (*p_ == ' ' || *p_ == '\n' || *p_ == '\r' || *p_ == '\t')) ++p_;
  }

  bool Consume(char c) {
    SkipWhitespace();
    if (p_ == end_ || *p_ != c) return false;
    ++p_;
    return true;
  }

  bool Literal(std::string_view word) {
    if (static_cast<size_t>(end_ - p_) < word.size() ||
        std::string_view(p_, word.size()) != word) {
      return false;
    }
    p_ += word.size();
    return true;
  }

  // At a value: true when it is `null`, which is consumed.
  bool Null() {
    SkipWhitespace();
    return p_ != end_ && *p_ == 'n' && Literal("null");
  }

  bool Object(Message* message, int depth) {
    const Descriptor* type = message->GetDescriptor();
    if (depth > kMaxDepth || !IsReadable(type) || !Consume('{')) return false;
    const Reflection* reflection = message->GetReflection();
    uint64_t seen = 0;
    std::string key;
    if (Consume('}')) return true;
    do {
      SkipWhitespace();
      if (!String(&key) || !Consume(':')) return false;
      const FieldDescriptor* field = FindField(type, key);
      if (field == nullptr || field->real_containing_oneof() != nullptr) return false;
      const uint64_t bit = uint64_t{1} << field->index();
      if (seen & bit) return false;
      seen |= bit;
      if (Null()) {
        if (!field->is_repeated() && field->cpp_type() == FieldDescriptor::CPPTYPE_MESSAGE) {
          return false;
        }
        continue;
      }
      if (!FieldValue(message, reflection, field, depth)) return false;
    } while (Consume(','));
    return Consume('}');
  }

  // The field a key names: by JSON name first, then by proto name, as
  // protobuf looks it up.
  static const FieldDescriptor* FindField(const Descriptor* type, std::string_view key) {
    const FieldDescriptor* by_name = nullptr;
    for (int i = 0; i < type->field_count(); ++i) {
      const FieldDescriptor* field = type->field(i);
      if (field->json_name() == key) return field;
      if (by_name == nullptr && field->name() == key) by_name = field;
    }
    return by_name;
  }

  bool FieldValue(Message* message, const Reflection* reflection, const FieldDescriptor* field,
                  int depth) {
    if (field->is_map()) return Map(message, reflection, field, depth);
    if (!field->is_repeated()) return Value(message, reflection, field, depth, false);
    if (!Consume('[')) return false;
    if (Consume(']')) return true;
    do {
      SkipWhitespace();
      if (p_ == end_ || *p_ == '[' || *p_ == 'n') return false;
      if (!Value(message, reflection, field, depth, true)) return false;
    } while (Consume(','));
    return Consume(']');
  }

  bool Map(Message* message, const Reflection* reflection, const FieldDescriptor* field,
           int depth) {
    const FieldDescriptor* key_field = field->message_type()->map_key();
    const FieldDescriptor* value_field = field->message_type()->map_value();
    if (!Consume('{')) return false;
    if (Consume('}')) return true;
    std::unordered_set<std::string> keys;
    std::string key;
    do {
      SkipWhitespace();
      if (!String(&key) || !Consume(':') || Null()) return false;
      if (!keys.insert(key).second) return false;
      Message* entry = reflection->AddMessage(message, field);
      if (!MapKey(entry, key_field, key) ||
          !Value(entry, entry->GetReflection(), value_field, depth + 1, false)) {
        return false;
      }
    } while (Consume(','));
    return Consume('}');
  }

  static bool MapKey(Message* entry, const FieldDescriptor* field, const std::string& key) {
    const Reflection* reflection = entry->GetReflection();
    switch (field->cpp_type()) {
      case FieldDescriptor::CPPTYPE_STRING:
        reflection->SetString(entry, field, key);
        return true;
      case FieldDescriptor::CPPTYPE_BOOL:
        if (key != "true" && key != "false") return false;
        reflection->SetBool(entry, field, key == "true");
        return true;
      default:
        return IntegerFromDigits(entry, reflection, field, key, false);
    }
  }

  // A value of `field`: its value when singular, one more element when
  // `repeated`.
  bool Value(Message* message, const Reflection* reflection, const FieldDescriptor* field,
              int depth, bool repeated) {
    SkipWhitespace();
    switch (field->cpp_type()) {
      case FieldDescriptor::CPPTYPE_MESSAGE:
        return Object(repeated ? reflection->AddMessage(message, field)
                               : reflection->MutableMessage(message, field),
                      depth + 1);
      case FieldDescriptor::CPPTYPE_STRING: {
        std::string value;
        if (field->type() != FieldDescriptor::TYPE_STRING || !String(&value)) return false;
        if (repeated) reflection->AddString(message, field, std::move(value));
        else reflection->SetString(message, field, std::move(value));
        return true;
      }
      case FieldDescriptor::CPPTYPE_BOOL: {
        bool value = p_ != end_ && *p_ == 't';
        if (!Literal(value ? "true" : "false")) return false;
        if (repeated) reflection->AddBool(message, field, value);
        else reflection->SetBool(message, field, value);
        return true;
      }
      case FieldDescriptor::CPPTYPE_DOUBLE: {
        double value;
        if (!Double(&value)) return false;
        if (repeated) reflection->AddDouble(message, field, value);
        else reflection->SetDouble(message, field, value);
        return true;
      }
      default:
        return Integer(message, reflection, field, repeated);
    }
  }

  // An integer field's value: a number without fraction or exponent, or a
  // string of decimal digits with an optional minus sign.
  bool Integer(Message* message, const Reflection* reflection, const FieldDescriptor* field,
               bool repeated) {
    if (p_ != end_ && *p_ == '"') {
      std::string text;
      if (!String(&text)) return false;
      return IntegerFromDigits(message, reflection, field, text, repeated);
    }
    NumberToken number;
    if (!Number(&number) || !number.integral) return false;
    return IntegerFromDigits(message, reflection, field, number.text, repeated);
  }

  static bool IntegerFromDigits(Message* message, const Reflection* reflection,
                                const FieldDescriptor* field, std::string_view text,
                                bool repeated) {
    if (text.empty()) return false;
    const bool negative = text.front() == '-';
    std::string_view digits = negative ? text.substr(1) : text;
    if (digits.empty()) return false;
    for (char c : digits) {
      if (!IsDigit(c)) return false;
    }
    const char* first = text.data();
    const char* last = text.data() + text.size();
    switch (field->cpp_type()) {
      case FieldDescriptor::CPPTYPE_INT32:
      case FieldDescriptor::CPPTYPE_INT64: {
        int64_t value;
        auto [ptr, ec] = std::from_chars(first, last, value);
        if (ec != std::errc() || ptr != last) return false;
        if (field->cpp_type() == FieldDescriptor::CPPTYPE_INT32) {
          if (value < std::numeric_limits<int32_t>::min() ||
              value > std::numeric_limits<int32_t>::max()) {
            return false;
          }
          if (repeated) reflection->AddInt32(message, field, static_cast<int32_t>(value));
          else reflection->SetInt32(message, field, static_cast<int32_t>(value));
        } else if (repeated) {
          reflection->AddInt64(message, field, value);
        } else {
          reflection->SetInt64(message, field, value);
        }
        return true;
      }
      case FieldDescriptor::CPPTYPE_UINT32:
      case FieldDescriptor::CPPTYPE_UINT64: {
        // "-0" is zero as a number but rejected as a string; both are left
        // to protobuf.
        if (negative) return false;
        uint64_t value;
        auto [ptr, ec] = std::from_chars(first, last, value);
        if (ec != std::errc() || ptr != last) return false;
        if (field->cpp_type() == FieldDescriptor::CPPTYPE_UINT32) {
          if (value > std::numeric_limits<uint32_t>::max()) return false;
          if (repeated) reflection->AddUInt32(message, field, static_cast<uint32_t>(value));
          else reflection->SetUInt32(message, field, static_cast<uint32_t>(value));
        } else if (repeated) {
          reflection->AddUInt64(message, field, value);
        } else {
          reflection->SetUInt64(message, field, value);
        }
        return true;
      }
      default:
        return false;  // enum, float
    }
  }

  // A double field's value: a number, or the string "NaN", "Infinity" or
  // "-Infinity".
  bool Double(double* value) {
    if (p_ != end_ && *p_ == '"') {
      std::string text;
      if (!String(&text)) return false;
      if (text == "NaN") *value = std::numeric_limits<double>::quiet_NaN();
      else if (text == "Infinity") *value = std::numeric_limits<double>::infinity();
      else if (text == "-Infinity") *value = -std::numeric_limits<double>::infinity();
      else return false;
      return true;
    }
    NumberToken number;
    if (!Number(&number)) return false;
    const char* last = number.text.data() + number.text.size();
    auto [ptr, ec] = std::from_chars(number.text.data(), last, *value);
    if (ec != std::errc() || ptr != last) return false;
    // Protobuf reads an integer as an integer first: "-0" is +0.
    if (number.integral && *value == 0) *value = 0;
    return true;
  }

  // An RFC 8259 number.
  bool Number(NumberToken* number) {
    const char* start = p_;
    if (p_ != end_ && *p_ == '-') ++p_;
    if (p_ == end_ || !IsDigit(*p_)) return false;
    if (*p_ == '0') {
      ++p_;
    } else {
      while (p_ != end_ && IsDigit(*p_)) ++p_;
    }
    number->integral = true;
    if (p_ != end_ && *p_ == '.') {
      number->integral = false;
      ++p_;
      if (p_ == end_ || !IsDigit(*p_)) return false;
      while (p_ != end_ && IsDigit(*p_)) ++p_;
    }
    if (p_ != end_ && (*p_ == 'e' || *p_ == 'E')) {
      number->integral = false;
      ++p_;
      if (p_ != end_ && (*p_ == '+' || *p_ == '-')) ++p_;
      if (p_ == end_ || !IsDigit(*p_)) return false;
      while (p_ != end_ && IsDigit(*p_)) ++p_;
    }
    // A digit right after a leading zero ("01") is not JSON.
    if (p_ != end_ && IsDigit(*p_)) return false;
    number->text = std::string_view(start, p_ - start);
    return true;
  }

  // An RFC 8259 string into `out`; no raw control characters, only the
  // standard escapes, surrogates only in pairs.
  bool String(std::string* out) {
    out->clear();
    if (p_ == end_ || *p_ != '"') return false;
    ++p_;
    for (;;) {
      const char* run = p_;
      while (p_ != end_ && *p_ != '"' && *p_ != '\\' && static_cast<unsigned char>(*p_) >= 0x20) {
        ++p_;
      }
      out->append(run, p_ - run);
      if (p_ == end_ || static_cast<unsigned char>(*p_) < 0x20) return false;
      if (*p_ == '"') {
        ++p_;
        return true;
      }
      if (!Escape(out)) return false;
    }
  }

  // The escape at p_ (its backslash), decoded into `out`.
  bool Escape(std::string* out) {
    const std::string_view rest(p_, static_cast<size_t>(end_ - p_));
    size_t after = 1;
    if (detect::DecodeJsonEscape(rest, &after, out) != nullptr) return false;
    p_ += after;
    return true;
  }

  const char* p_;
  const char* end_;
};

}  // namespace

bool ReadJsonMessage(std::string_view json, Message* message) {
  message->Clear();
  return Reader(json).Document(message);
}

}  // namespace privacy::wire
