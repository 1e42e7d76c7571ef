// Writing JSON string literals (quotes and escapes) for hand-built JSON.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace privacy {

// Appends `s` to `out` as a quoted, escaped JSON string.
void AppendJsonString(std::string* out, std::string_view s);

// Appends `s` to `out` escaped for the inside of a JSON string, no quotes.
void AppendJsonEscaped(std::string* out, std::string_view s);

// Builds the text of one JSON object, member by member, in the order added.
// Keys are written as given (escaped); no check for repeated keys.
class JsonObject {
 public:
  JsonObject& String(std::string_view key, std::string_view value);
  JsonObject& Number(std::string_view key, int64_t value);
  JsonObject& Bool(std::string_view key, bool value);
  // `json` is already JSON text (an object, an array, null, ...).
  JsonObject& Raw(std::string_view key, std::string_view json);

  // The object's text, "{...}".
  std::string Close() const { return text_ + "}"; }

 private:
  void Key(std::string_view key);

  std::string text_ = "{";
};

}  // namespace privacy
