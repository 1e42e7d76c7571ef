// Editing the string values of a JSON document in place, e.g. restoring
// tokens in a tool call's arguments. Only the edited ranges change: key
// order, whitespace, number spellings and escapes elsewhere stay byte for
// byte, since the document is never re-serialised.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "endpoints/text_edit.h"

namespace privacy::endpoints {

// Deepest nesting of objects and arrays accepted.
constexpr int kMaxJsonDepth = 128;

// The edits to make in one string value, given its decoded content (escapes
// resolved, UTF-8). Edits must be sorted, must not overlap and must start
// and end at character boundaries.
using StringValueEditor = std::function<std::vector<TextEdit>(std::string_view value)>;

// `json` with the edits `editor` returns applied inside every string value
// (object keys are left alone); replacements are escaped as JSON requires.
// 400 when `json` is not exactly one valid JSON value (RFC 8259) or nests
// deeper than kMaxJsonDepth; the message names the rule and the byte offset,
// never any content.
Result<std::string> RewriteJsonStringValues(std::string_view json, const StringValueEditor& editor);

}  // namespace privacy::endpoints
