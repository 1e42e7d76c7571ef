// JsonObject: members in order, escaping, raw JSON values.
#include <doctest/doctest.h>

#include "common/json_text.h"

using privacy::JsonObject;

TEST_CASE("JsonObject writes members in order with commas and escapes") {
  CHECK(JsonObject().Close() == "{}");
  CHECK(JsonObject()
            .String("name", "a \"quoted\"\nline")
            .Number("n", -42)
            .Bool("ok", true)
            .Raw("list", "[1,2]")
            .Close() == R"({"name":"a \"quoted\"\nline","n":-42,"ok":true,"list":[1,2]})");
  CHECK(JsonObject().Raw("inner", JsonObject().Bool("x", false).Close()).Close() ==
        R"({"inner":{"x":false}})");
}
