#include "detect/tagger/rule_evidence.h"

#include <algorithm>

#include "detect/names/name_rule_recognizer.h"

namespace privacy::detect {
namespace {

// Spreads the rules' candidates over the tokens they cover.
std::vector<RuleVotes> VotesOf(const std::vector<Candidate>& candidates,
                               const std::vector<WordToken>& tokens) {
  std::vector<RuleVotes> votes(tokens.size());
  std::vector<double> best(tokens.size(), -1.0);
  for (const Candidate& c : candidates) {
    const int type = TaggedTypeIndex(c.type);
    if (type < 0) continue;
    auto first = std::lower_bound(tokens.begin(), tokens.end(), c.start,
                                  [](const WordToken& t, uint32_t at) { return t.end <= at; });
    auto last = first;
    while (last != tokens.end() && last->start < c.end) ++last;
    if (first == last) continue;
    const uint8_t bucket = static_cast<uint8_t>(std::clamp(c.score * 10.0, 0.0, 10.0));
    for (auto it = first; it != last; ++it) {
      const size_t j = static_cast<size_t>(it - tokens.begin());
      const TagPosition position = last - first == 1 ? TagPosition::kUnit
                                   : it == first     ? TagPosition::kBegin
                                   : it + 1 == last  ? TagPosition::kLast
                                                     : TagPosition::kInside;
      RuleVotes& v = votes[j];
      if (v.position[type] < 0 || bucket > v.score_bucket[type]) {
        v.position[type] = static_cast<int8_t>(position);
        v.score_bucket[type] = bucket;
      }
      if (c.score > best[j]) {
        best[j] = c.score;
        v.best_type = type;
      }
    }
  }
  return votes;
}

}  // namespace

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

std::vector<RuleVotes> RuleEvidence::Votes(std::string_view text, std::span<const Candidate> claimed,
                                           const std::vector<WordToken>& tokens) const {
  std::vector<Candidate> candidates;
  Find(text, claimed, &candidates);
  return VotesOf(candidates, tokens);
}

}  // namespace privacy::detect
