// Editing JSON string values in place: only string values change, every
// other byte stays; escapes are decoded for the editor and edits are escaped.
#include "endpoints/json_string_rewriter.h"

#include <doctest/doctest.h>

using namespace privacy;
using endpoints::RewriteJsonStringValues;
using endpoints::TextEdit;

namespace {

// Replaces each "x" of a decoded value by `replacement`, and records the
// values it saw.
struct XEditor {
  explicit XEditor(std::string replacement) : replacement(std::move(replacement)) {}

  std::string replacement;
  std::vector<std::string> seen;

  std::vector<TextEdit> operator()(std::string_view value) {
    seen.emplace_back(value);
    std::vector<TextEdit> edits;
    for (size_t pos = value.find('x'); pos != std::string_view::npos;
         pos = value.find('x', pos + 1)) {
      edits.push_back({pos, pos + 1, replacement});
    }
    return edits;
  }
};

std::string Rewrite(std::string_view json, XEditor* editor) {
  auto out = RewriteJsonStringValues(json, std::ref(*editor));
  REQUIRE_MESSAGE(out.ok(), out.error().message);
  return *out;
}

}  // namespace

TEST_CASE("only string values are edited; keys, numbers and layout stay") {
  XEditor editor("Y");
  const std::string json =
      " {\"x\" : \"axb\" ,\"n\":[ -0.5E-2 ,1e9,\"xx\",{\"x\":{\"x\":[\"x\"]}} ],\"t\":true,\r\n"
      "\t\"f\":false,\"z\":null, \"e\":\"\" }\n";
  CHECK(Rewrite(json, &editor) ==
        " {\"x\" : \"aYb\" ,\"n\":[ -0.5E-2 ,1e9,\"YY\",{\"x\":{\"x\":[\"Y\"]}} ],\"t\":true,\r\n"
        "\t\"f\":false,\"z\":null, \"e\":\"\" }\n");
  CHECK(editor.seen == std::vector<std::string>{"axb", "xx", "x", ""});
}

TEST_CASE("the editor sees decoded values; edits replace the escapes they cover") {
  XEditor editor("\"Y\"\n");
  const std::string json =
      R"(["\u0078 \"\\\/\b\f\n\r\t", "\u00e9x", "\ud83d\ude00x", "\ud800x", "\uDC00\u0041x"])";
  const std::string edited = R"(\"Y\"\n)";
  CHECK(Rewrite(json, &editor) == "[\"" + edited + R"( \"\\\/\b\f\n\r\t", "\u00e9)" + edited +
                                      R"(", "\ud83d\ude00)" + edited + R"(", "\ud800)" + edited +
                                      R"(", "\uDC00\u0041)" + edited + "\"]");
  const std::string replacement_character = "\xEF\xBF\xBD";
  CHECK(editor.seen == std::vector<std::string>{"x \"\\/\b\f\n\r\t", "éx", "😀x",
                                                replacement_character + "x",
                                                replacement_character + "Ax"});
}

TEST_CASE("raw UTF-8 passes through untouched") {
  XEditor editor("Y");
  CHECK(Rewrite("{\"ключ\":\"日本x😀\"}", &editor) == "{\"ключ\":\"日本Y😀\"}");
}

TEST_CASE("errors name the byte offset and nothing else") {
  XEditor editor("Y");
  auto out = RewriteJsonStringValues("{\"secret value\": 1,}", std::ref(editor));
  REQUIRE_FALSE(out.ok());
  CHECK(out.error().code == ErrorCode::kBadRequest);
  CHECK(out.error().message == "json is not valid JSON: expected a string key at byte 19");
  CHECK(editor.seen.empty());
}
