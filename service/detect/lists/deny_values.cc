#include "detect/lists/deny_values.h"

#include <map>

#include "detect/recognizers/pattern_recognizer.h"
#include "detect/scan/literal_pattern.h"
#include "detect/scan/text_boundary.h"

namespace privacy::detect {

std::vector<std::unique_ptr<Recognizer>> MakeDenyValueRecognizers(
    const std::vector<DenyValue>& values) {
  std::map<std::string, PatternSpec> by_type;
  for (const DenyValue& v : values) {
    if (v.value.empty()) continue;
    PatternSpec& spec = by_type[v.type];
    spec.type = v.type;
    spec.denied = true;
    spec.rules.emplace_back(LiteralExpression(v.value), kDenyScore, "", v.ignore_case);
  }
  std::vector<std::unique_ptr<Recognizer>> recognizers;
  for (auto& [type, spec] : by_type) {
    recognizers.push_back(std::make_unique<PatternRecognizer>(std::move(spec)));
  }
  return recognizers;
}

void FindCallDenyValues(std::string_view text,
                        const std::vector<std::pair<std::string, std::string>>& values,
                        std::vector<Candidate>* out) {
  for (const auto& [value, type] : values) {
    if (value.empty()) continue;
    for (size_t pos = text.find(value); pos != std::string_view::npos;
         pos = text.find(value, pos + 1)) {
      const size_t end = pos + value.size();
      if (WordCharBefore(text, pos) || WordCharAfter(text, end)) continue;
      out->push_back({type, static_cast<uint32_t>(pos), static_cast<uint32_t>(end), kDenyScore,
                      true});
    }
  }
}

}  // namespace privacy::detect
