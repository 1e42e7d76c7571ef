#include "detect/evaluation/evaluation.h"

#include <algorithm>
#include <cstdio>

namespace privacy::detect {
namespace {

double Ratio(size_t num, size_t den) {
  return den == 0 ? 0.0 : static_cast<double>(num) / static_cast<double>(den);
}

bool Overlaps(uint32_t a_start, uint32_t a_end, uint32_t b_start, uint32_t b_end) {
  return std::max(a_start, b_start) < std::min(a_end, b_end);
}

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// Counts the words of each scored gold span that no prediction covers whole.
void CountLeaks(const LabelledText& gold, const std::vector<Finding>& predicted,
                const std::set<std::string>& types, EvaluationReport* report) {
  const std::string_view text = gold.text;
  for (const LabelledSpan& span : gold.spans) {
    if (!types.empty() && types.count(span.type) == 0) continue;
    TokenLeak& leak = report->leaks[span.type];
    size_t pos = span.start;
    while (pos < span.end) {
      while (pos < span.end && IsSpace(text[pos])) ++pos;
      const size_t word_start = pos;
      while (pos < span.end && !IsSpace(text[pos])) ++pos;
      if (pos == word_start) break;
      ++leak.gold_tokens;
      const bool covered = std::any_of(predicted.begin(), predicted.end(), [&](const Finding& f) {
        return f.start <= word_start && f.end >= pos;
      });
      if (!covered) ++leak.leaked_tokens;
    }
  }
}

}  // namespace

// Scores one text: each prediction takes the best still-unmatched gold span.
void ScoreRecord(const LabelledText& gold, const std::vector<Finding>& predicted,
                 const std::set<std::string>& types, EvaluationReport* report) {
  auto scored = [&](const std::string& type) { return types.empty() || types.count(type) > 0; };
  std::vector<bool> used(gold.spans.size(), false);
  for (const Finding& p : predicted) {
    if (!scored(p.type)) continue;
    size_t best = gold.spans.size();
    uint32_t best_overlap = 0;
    for (size_t i = 0; i < gold.spans.size(); ++i) {
      const LabelledSpan& g = gold.spans[i];
      if (used[i] || g.type != p.type || !SpansMatch(g.start, g.end, p.start, p.end)) continue;
      const uint32_t overlap = std::min(g.end, p.end) - std::max(g.start, p.start);
      if (overlap > best_overlap) {
        best = i;
        best_overlap = overlap;
      }
    }
    TypeScore& score = report->per_type[p.type];
    if (best < gold.spans.size()) {
      used[best] = true;
      ++score.true_positives;
    } else if (std::none_of(gold.ignore.begin(), gold.ignore.end(), [&](const LabelledSpan& g) {
                 return Overlaps(g.start, g.end, p.start, p.end);
               })) {
      ++score.false_positives;
      report->mistakes.push_back({false, p.type, gold.text.substr(p.start, p.end - p.start)});
    }
  }
  for (size_t i = 0; i < gold.spans.size(); ++i) {
    const LabelledSpan& g = gold.spans[i];
    if (used[i] || !scored(g.type)) continue;
    ++report->per_type[g.type].false_negatives;
    report->mistakes.push_back({true, g.type, gold.text.substr(g.start, g.end - g.start)});
  }
  CountLeaks(gold, predicted, types, report);
}

bool SpansMatch(uint32_t a_start, uint32_t a_end, uint32_t b_start, uint32_t b_end) {
  const uint32_t lo = std::max(a_start, b_start);
  const uint32_t hi = std::min(a_end, b_end);
  if (hi <= lo) return false;
  const uint32_t longer = std::max(a_end - a_start, b_end - b_start);
  return 2 * (hi - lo) >= longer;
}

double TokenLeak::LeakRate() const { return Ratio(leaked_tokens, gold_tokens); }

double TypeScore::Precision() const {
  return Ratio(true_positives, true_positives + false_positives);
}

double TypeScore::Recall() const {
  return Ratio(true_positives, true_positives + false_negatives);
}

double TypeScore::F1() const {
  return Ratio(2 * true_positives, 2 * true_positives + false_positives + false_negatives);
}

EvaluationReport Evaluate(const Detector& detector, const std::vector<LabelledText>& corpus,
                          const std::set<std::string>& types,
                          const std::function<void(size_t, size_t)>& on_record) {
  EvaluationReport report;
  for (const std::string& type : types) report.per_type[type];
  for (const LabelledText& record : corpus) {
    ScoreRecord(record, detector.Detect(record.text, {}), types, &report);
    ++report.texts;
    if (on_record) on_record(report.texts, corpus.size());
  }
  FinishReport(&report);
  return report;
}

void FinishReport(EvaluationReport* report_pointer) {
  EvaluationReport& report = *report_pointer;
  report.micro = {};
  report.leak = {};
  for (const auto& [type, leak] : report.leaks) {
    report.leak.gold_tokens += leak.gold_tokens;
    report.leak.leaked_tokens += leak.leaked_tokens;
  }
  double f1_sum = 0.0;
  for (const auto& [type, score] : report.per_type) {
    report.micro.true_positives += score.true_positives;
    report.micro.false_positives += score.false_positives;
    report.micro.false_negatives += score.false_negatives;
    f1_sum += score.F1();
  }
  report.macro_f1 = report.per_type.empty() ? 0.0 : f1_sum / report.per_type.size();
}

bool EvaluateFile(const Detector& detector, const std::string& path,
                  const std::set<std::string>& types, EvaluationReport* report,
                  std::string* error) {
  std::vector<LabelledText> corpus;
  if (!ReadLabelledCorpus(path, &corpus, error)) return false;
  *report = Evaluate(detector, corpus, types);
  return true;
}

std::string FormatReport(const EvaluationReport& report) {
  std::string out;
  char line[160];
  std::snprintf(line, sizeof line, "%-16s %6s %6s %6s %7s %7s %7s %8s\n", "type", "tp", "fp",
                "fn", "prec", "recall", "f1", "leaked");
  out += line;
  auto row = [&](const std::string& name, const TypeScore& s, const TokenLeak* leak) {
    std::snprintf(line, sizeof line, "%-16s %6zu %6zu %6zu %7.3f %7.3f %7.3f", name.c_str(),
                  s.true_positives, s.false_positives, s.false_negatives, s.Precision(),
                  s.Recall(), s.F1());
    out += line;
    if (leak != nullptr && leak->gold_tokens > 0) {
      std::snprintf(line, sizeof line, " %8.3f", leak->LeakRate());
      out += line;
    }
    out += "\n";
  };
  for (const auto& [type, score] : report.per_type) {
    const auto leak = report.leaks.find(type);
    row(type, score, leak == report.leaks.end() ? nullptr : &leak->second);
  }
  row("micro", report.micro, &report.leak);
  std::snprintf(line, sizeof line, "%-16s %35.3f\n", "macro f1", report.macro_f1);
  out += line;
  std::snprintf(line, sizeof line,
                "leaked tokens    %zu of %zu words of gold spans (%.3f; token recall %.3f)\ntexts: %zu\n",
                report.leak.leaked_tokens, report.leak.gold_tokens, report.leak.LeakRate(),
                1.0 - report.leak.LeakRate(), report.texts);
  out += line;
  return out;
}

std::string FormatMistakes(const EvaluationReport& report) {
  std::string out;
  for (const EvaluationMistake& m : report.mistakes) {
    out += m.missed ? "- " : "+ ";
    out += m.type + " " + m.value + "\n";
  }
  return out;
}

}  // namespace privacy::detect
