#include "tools/eval_command.h"

#include <iostream>
#include <memory>
#include <set>

#include "cli/detector_options.h"
#include "common/progress_line.h"
#include "detect/evaluation/evaluation.h"
#include "detect/evaluation/labelled_corpus.h"

namespace privacy::tools {

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
  cli::AddDetectorOptions(eval, &options->detector);
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
      ProgressLine progress = ProgressLine::OnTerminal();
      const detect::EvaluationReport report =
          detect::Evaluate(*detector, corpus, types, [&progress](size_t done, size_t total) {
            if (!progress.Due()) return;
            progress.Show("eval: " + std::to_string(done) + " of " + std::to_string(total) +
                          " texts (" + std::to_string(done * 100 / total) + "%)");
          });
      progress.Finish();
      if (options->print_mistakes) std::cout << detect::FormatMistakes(report);
      std::cout << detect::FormatReport(report);
      return 0;
    };
  });
}

}  // namespace privacy::tools
