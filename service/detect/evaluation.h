// Accuracy evaluation of a Detector against a labelled corpus.
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include "detect/detector.h"
#include "detect/labelled_corpus.h"

namespace privacy::detect {

// Match counts of one type and the measures derived from them.
struct TypeScore {
  size_t true_positives = 0;
  size_t false_positives = 0;
  size_t false_negatives = 0;

  double Precision() const;
  double Recall() const;
  double F1() const;
};

// Per-type scores plus macro F1 (mean of per-type F1) and micro scores
// (from the summed counts).
struct EvaluationReport {
  std::map<std::string, TypeScore> per_type;
  TypeScore micro;
  double macro_f1 = 0.0;
  size_t texts = 0;
};

// Runs `detector` on every text and scores its findings. A prediction is a
// true positive when it has a gold span's type and their overlap covers at
// least half of the longer span; each gold span matches at most one
// prediction. When `types` is non-empty, only those types are scored (gold
// spans and predictions of other types are ignored); otherwise every type
// seen in gold or predictions is.
EvaluationReport Evaluate(const Detector& detector, const std::vector<LabelledText>& corpus,
                          const std::set<std::string>& types = {});

// Reads the JSONL corpus at `path` and evaluates it as above. Returns false
// and sets `error` if the corpus cannot be read.
bool EvaluateFile(const Detector& detector, const std::string& path,
                  const std::set<std::string>& types, EvaluationReport* report,
                  std::string* error);

// A fixed-width text table: one row per type (TP, FP, FN, P, R, F1), then
// micro and macro lines.
std::string FormatReport(const EvaluationReport& report);

}  // namespace privacy::detect
