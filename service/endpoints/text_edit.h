// Replacements of byte ranges in a text.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace privacy::endpoints {

// Bytes [start, end) of a text become `replacement`.
struct TextEdit {
  size_t start = 0;
  size_t end = 0;
  std::string replacement;
};

// `text` with `edits` applied. Edits must be sorted, must not overlap and
// must lie within `text`.
std::string ApplyEdits(std::string_view text, const std::vector<TextEdit>& edits);

}  // namespace privacy::endpoints
