#include "endpoints/text_rewriter.h"

namespace privacy::endpoints {

std::string ReplaceFindings(std::string_view text,
                            const std::vector<detect::Finding>& findings,
                            const std::vector<std::string>& tokens) {
  std::string out;
  out.reserve(text.size() + findings.size() * 8);
  size_t cursor = 0;
  for (size_t i = 0; i < findings.size(); ++i) {
    out.append(text.substr(cursor, findings[i].start - cursor));
    out.append(tokens[i]);
    cursor = findings[i].end;
  }
  out.append(text.substr(cursor));
  return out;
}

}  // namespace privacy::endpoints
