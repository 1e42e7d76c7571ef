#include "detect/tagger/rule_evidence.h"

#include "detect/names/name_rule_recognizer.h"

namespace privacy::detect {

RuleEvidence::RuleEvidence(std::shared_ptr<const Gazetteer> gazetteer)
    : rules_(MakeNameRuleRecognizer(std::move(gazetteer))),
      scanner_(std::make_unique<PatternScanner>(rules_->Patterns())) {}

void RuleEvidence::Find(std::string_view text, std::span<const Candidate> claimed,
                        std::vector<Candidate>* out) const {
  const std::vector<ScanHit> hits = scanner_->Scan(text);
  if (hits.empty()) return;
  std::vector<PatternMatch> matches;
  matches.reserve(hits.size());
  for (const ScanHit& hit : hits) matches.push_back({hit.id, hit.start, hit.end});
  rules_->Recognize({text, matches, claimed}, out);
}

}  // namespace privacy::detect
