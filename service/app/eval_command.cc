#include "app/eval_command.h"

#include <iostream>
#include <memory>
#include <set>

#include "app/detector_options.h"
#include "common/progress_line.h"
#include "detect/evaluation/evaluation.h"
#include "detect/evaluation/labelled_corpus.h"

namespace privacy::app {

namespace {

// detect::Evaluate, record by record, with a progress line on a terminal.
detect::EvaluationReport EvaluateShowingProgress(const detect::Detector& detector,
                                                 const std::vector<detect::LabelledText>& corpus,
                                                 const std::set<std::string>& types) {
  ProgressLine progress = ProgressLine::OnTerminal();
  detect::EvaluationReport report;
  for (const std::string& type : types) report.per_type[type];
  for (const detect::LabelledText& record : corpus) {
    detect::ScoreRecord(record, detector.Detect(record.text, {}), types, &report);
    ++report.texts;
    if (progress.Due()) {
      progress.Show("eval: " + std::to_string(report.texts) + " of " +
                    std::to_string(corpus.size()) + " texts (" +
                    std::to_string(report.texts * 100 / corpus.size()) + "%)");
    }
  }
  detect::FinishReport(&report);
  return report;
}

}  // namespace

void AddEvalCommand(CLI::App* app, std::function<int()>* run) {
  struct EvalOptions {
    std::string corpus;
    std::vector<std::string> types;
    bool print_mistakes = false;
    detect::DetectorConfig detector;
  };
  auto options = std::make_shared<EvalOptions>();
  auto* eval = app->add_subcommand(
      "eval", "precision, recall and F1 per type on a labelled JSONL corpus");
  eval->add_option("corpus", options->corpus, "JSONL file: {\"text\":..,\"spans\":[..]} per line")
      ->required()
      ->check(CLI::ExistingFile);
  eval->add_option("--types", options->types, "score only these types")->delimiter(',');
  eval->add_flag("--mistakes", options->print_mistakes,
                 "also list each miss (-) and false positive (+) with its text");
  AddDetectorOptions(eval, &options->detector);
  eval->callback([options, run] {
    *run = [options] {
      std::unique_ptr<detect::Detector> detector;
      try {
        detector = detect::CreateDetector(options->detector);
      } catch (const std::exception& e) {
        std::cerr << "eval: " << e.what() << "\n";
        return 1;
      }
      std::set<std::string> types(options->types.begin(), options->types.end());
      std::vector<detect::LabelledText> corpus;
      std::string error;
      if (!detect::ReadLabelledCorpus(options->corpus, &corpus, &error)) {
        std::cerr << "eval: " << error << "\n";
        return 1;
      }
      const detect::EvaluationReport report = EvaluateShowingProgress(*detector, corpus, types);
      if (options->print_mistakes) std::cout << detect::FormatMistakes(report);
      std::cout << detect::FormatReport(report);
      return 0;
    };
  });
}

}  // namespace privacy::app
