#include "endpoints/text_edit.h"

namespace privacy::endpoints {

std::string ApplyEdits(std::string_view text, const std::vector<TextEdit>& edits) {
  std::string out;
  out.reserve(text.size());
  size_t cursor = 0;
  for (const auto& edit : edits) {
    out.append(text.substr(cursor, edit.start - cursor));
    out.append(edit.replacement);
    cursor = edit.end;
  }
  out.append(text.substr(cursor));
  return out;
}

}  // namespace privacy::endpoints
