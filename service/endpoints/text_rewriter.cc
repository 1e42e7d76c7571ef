#include "endpoints/text_rewriter.h"

#include "vault/token_format.h"

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

std::string RestoreTokens(std::string_view text, const vault::Session& session,
                          size_t* restored) {
  std::string out;
  out.reserve(text.size());
  size_t cursor = 0;
  *restored = 0;
  for (const auto& span : vault::FindTokenShapes(text)) {
    const v1::TokenEntry* entry = session.FindByToken(text.substr(span.start, span.end - span.start));
    if (entry == nullptr) continue;
    out.append(text.substr(cursor, span.start - cursor));
    out.append(entry->value());
    cursor = span.end;
    ++*restored;
  }
  out.append(text.substr(cursor));
  return out;
}

}  // namespace privacy::endpoints
