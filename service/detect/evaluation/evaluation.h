// Accuracy evaluation of a Detector against a labelled corpus.
#pragma once

#include <functional>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "detect/detector.h"
#include "detect/evaluation/labelled_corpus.h"

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

// Words of gold spans and how many of them no prediction covers: what
// would reach the reader in clear.
struct TokenLeak {
  size_t gold_tokens = 0;
  size_t leaked_tokens = 0;

  double LeakRate() const;
};

// A gold span no prediction matched ("missed"), or a prediction no gold or
// ignore span accounts for (not "missed"): its type and its text.
struct EvaluationMistake {
  bool missed = false;
  std::string type;
  std::string value;
};

// Per-type scores plus macro F1 (mean of per-type F1) and micro scores
// (from the summed counts), and per-type and overall token leaks.
struct EvaluationReport {
  std::map<std::string, TypeScore> per_type;
  TypeScore micro;
  double macro_f1 = 0.0;
  std::map<std::string, TokenLeak> leaks;
  TokenLeak leak;
  size_t texts = 0;
  std::vector<EvaluationMistake> mistakes;  // in corpus order
};

// Runs `detector` on every text and scores its findings. A prediction is a
// true positive when it has a gold span's type and their overlap covers at
// least half of the longer span; each gold span matches at most one
// prediction. A prediction that matches no gold span but overlaps one of
// the record's "ignore" spans is neither right nor wrong. When `types` is
// non-empty, only those types are scored (gold spans and predictions of
// other types are ignored); otherwise every type seen in gold or
// predictions is. Token leaks: each space-separated word of a scored gold
// span leaks unless a prediction of any type covers it whole.
// `on_record`, when given, is called after each record with the number of
// records scored so far and the corpus size (for a progress display).
EvaluationReport Evaluate(const Detector& detector, const std::vector<LabelledText>& corpus,
                          const std::set<std::string>& types = {},
                          const std::function<void(size_t, size_t)>& on_record = {});

// True when two spans match under the scoring rule of Evaluate: their
// overlap covers at least half of the longer one.
bool SpansMatch(uint32_t a_start, uint32_t a_end, uint32_t b_start, uint32_t b_end);

// Adds the scores of `predicted` on one record to `report` (as Evaluate
// does for each text; macro and micro figures are left to FinishReport).
void ScoreRecord(const LabelledText& gold, const std::vector<Finding>& predicted,
                 const std::set<std::string>& types, EvaluationReport* report);

// Fills the micro and macro figures and the overall leak from the per-type ones.
void FinishReport(EvaluationReport* report);

// Reads the JSONL corpus at `path` and evaluates it as above. Returns false
// and sets `error` if the corpus cannot be read.
bool EvaluateFile(const Detector& detector, const std::string& path,
                  const std::set<std::string>& types, EvaluationReport* report,
                  std::string* error);

// A fixed-width text table: one row per type (TP, FP, FN, P, R, F1, share
// of gold words leaked), then micro and macro lines.
std::string FormatReport(const EvaluationReport& report);

// One line per mistake, in corpus order: "- TYPE value" for a miss,
// "+ TYPE value" for a false positive.
std::string FormatMistakes(const EvaluationReport& report);

}  // namespace privacy::detect
