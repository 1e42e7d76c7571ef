// tagger-train: trains the entity tagger's model (names.tagger) from
// labelled corpora, calibrates it on their dev parts, reports on their test
// parts, and writes those test parts for `privacy-filter eval`.
//
//   tagger-train --gazetteer names.gaz --output names.tagger
//       --heldout-dir DIR gum=PATH[:REPEAT] btc=PATH synthetic=PATH:1:train ...
#include <CLI/CLI.hpp>

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <limits>
#include <stdexcept>

#include "detect/evaluation/evaluation.h"
#include "detect/names/gazetteer.h"
#include "detect/scan/overlap_resolver.h"
#include "detect/tagger/entity_tagger.h"
#include "detect/tagger/sequence_decoder.h"
#include "detect/tagger/token_features.h"
#include "tools/tagger_train/perceptron_trainer.h"
#include "tools/tagger_train/training_corpus.h"

namespace privacy::tools {
namespace {

using detect::kTagCount;
using detect::TagMask;
using detect::TagPosition;

// "name=path[:repeat[:train]]"
CorpusSource ParseSource(const std::string& arg) {
  const size_t equals = arg.find('=');
  if (equals == std::string::npos) throw std::runtime_error("corpus must be NAME=PATH: " + arg);
  CorpusSource source;
  source.name = arg.substr(0, equals);
  std::string rest = arg.substr(equals + 1);
  if (rest.size() > 6 && rest.ends_with(":train")) {
    source.train_only = true;
    rest.resize(rest.size() - 6);
  }
  const size_t colon = rest.rfind(':');
  if (colon != std::string::npos && colon + 1 < rest.size() &&
      rest.find_first_not_of("0123456789.", colon + 1) == std::string::npos) {
    source.repeat = std::stod(rest.substr(colon + 1));
    rest.resize(colon);
  }
  source.path = rest;
  return source;
}

// The tags each token may take under the record's labels.
// A gold span over a token the tagger leaves Outside cannot be tagged: its
// other tokens may then take any tag.
std::vector<TagMask> AllowedTags(const detect::LabelledText& record,
                                 const std::vector<detect::WordToken>& tokens,
                                 const std::vector<uint8_t>& outside) {
  std::vector<TagMask> allowed(tokens.size(), detect::kOutsideOnly);
  std::vector<bool> labelled(tokens.size(), false);
  for (const detect::LabelledSpan& span : record.spans) {
    const int type = detect::TaggedTypeIndex(span.type);
    if (type < 0) continue;
    size_t first = tokens.size(), last = 0;
    for (size_t i = 0; i < tokens.size(); ++i) {
      if (tokens[i].start < span.end && tokens[i].end > span.start && !labelled[i]) {
        first = std::min(first, i);
        last = i;
      }
    }
    if (first == tokens.size()) continue;
    bool reachable = true;
    for (size_t i = first; i <= last; ++i) reachable = reachable && !outside[i];
    for (size_t i = first; i <= last && !reachable; ++i) {
      allowed[i] = outside[i] ? detect::kOutsideOnly : detect::kAnyTag;
      labelled[i] = true;
    }
    for (size_t i = first; i <= last && reachable; ++i) {
      const TagPosition position = first == last ? TagPosition::kUnit
                                   : i == first  ? TagPosition::kBegin
                                   : i == last   ? TagPosition::kLast
                                                 : TagPosition::kInside;
      allowed[i] = TagMask(1u << detect::MakeTag(type, position));
      labelled[i] = true;
    }
  }
  for (const detect::LabelledSpan& span : record.ignore) {
    for (size_t i = 0; i < tokens.size(); ++i) {
      if (!labelled[i] && !outside[i] && tokens[i].start < span.end && tokens[i].end > span.start) {
        allowed[i] = detect::kAnyTag;
      }
    }
  }
  return allowed;
}

TrainingSequence MakeSequence(const detect::FeatureExtractor& extractor,
                              const detect::LabelledText& record, uint32_t slot_bits) {
  detect::TokenFeatures features;
  extractor.Extract(record.text, {}, &features);
  TrainingSequence sequence;
  sequence.allowed = AllowedTags(record, features.tokens, features.outside);
  sequence.outside = features.outside;
  for (uint8_t outside : features.outside) {
    sequence.open_tags.push_back(outside ? detect::kOutsideOnly : detect::kAnyTag);
  }
  sequence.vectors = features.vectors;
  std::vector<uint64_t> hashes;
  sequence.offsets.assign(1, 0);
  for (size_t i = 0; i < features.size(); ++i) {
    hashes.clear();
    features.AppendAllHashes(i, &hashes);
    for (uint64_t h : hashes) sequence.slots.push_back(static_cast<uint32_t>(h >> (64 - slot_bits)));
    sequence.offsets.push_back(static_cast<uint32_t>(sequence.slots.size()));
  }
  return sequence;
}

// splitmix64: a deterministic random sequence, the same on every platform.
class Random {
 public:
  explicit Random(uint64_t seed) : state_(seed) {}
  uint64_t Next() {
    uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }

 private:
  uint64_t state_;
};

// One epoch's order: each sequence as often as its source's repeat says
// (a fractional part is a chance), shuffled.
std::vector<size_t> EpochOrder(const std::vector<double>& repeats, uint64_t seed) {
  Random random(seed);
  std::vector<size_t> order;
  for (size_t i = 0; i < repeats.size(); ++i) {
    const double whole = std::floor(repeats[i]);
    const double chance = static_cast<double>(random.Next() >> 11) / 9007199254740992.0;
    const int copies = static_cast<int>(whole) + (chance < repeats[i] - whole ? 1 : 0);
    for (int c = 0; c < copies; ++c) order.push_back(i);
  }
  for (size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[random.Next() % i]);
  return order;
}

// Tags one record with `tagger` and returns its findings above `threshold`,
// overlaps resolved as the detector resolves them.
std::vector<detect::Finding> Findings(const detect::EntityTagger& tagger, const std::string& text,
                                      double threshold) {
  std::vector<detect::TaggedEntity> entities;
  tagger.Tag(text, {}, &entities);
  std::vector<detect::Candidate> candidates;
  for (const detect::TaggedEntity& e : entities) {
    if (e.probability >= threshold) {
      candidates.push_back({detect::kTaggedTypes[e.type], e.start, e.end, e.probability});
    }
  }
  return detect::ResolveOverlaps(std::move(candidates));
}

// True when `f` matches a gold span as the evaluation counts it; sets
// `ignored` when it overlaps an ignore span.
bool SpanRight(const detect::LabelledText& gold, const detect::Finding& f, bool* ignored) {
  *ignored = false;
  for (const detect::LabelledSpan& g : gold.spans) {
    if (g.type == f.type && detect::SpansMatch(g.start, g.end, f.start, f.end)) return true;
  }
  for (const detect::LabelledSpan& g : gold.ignore) {
    if (std::max(g.start, f.start) < std::min(g.end, f.end)) *ignored = true;
  }
  return false;
}

int Run(int argc, char** argv) {
  CLI::App app{"Trains the entity tagger model"};
  std::string gazetteer_path, output, heldout_dir;
  int epochs = 12;
  uint32_t slot_bits = 22;
  // Rows whose largest weight is below 3 updates are left out: a 1 MB model
  // instead of 6 MB, with the same dev figures (small weights are noise).
  float min_weight = 3.0f;
  std::vector<std::string> corpora;
  app.add_option("--gazetteer", gazetteer_path, "names.gaz")->required();
  std::string clusters_path;
  app.add_option("--word-clusters", clusters_path, "word_clusters.bin")->required();
  std::string vectors_path;
  app.add_option("--word-vectors", vectors_path, "word_vectors.bin")->required();
  float vector_rate = 1.0f;
  app.add_option("--vector-rate", vector_rate, "step of the word vectors' weights");
  app.add_option("--output", output, "model file to write")->required();
  app.add_option("--heldout-dir", heldout_dir, "where to write the test parts as JSONL");
  app.add_option("--epochs", epochs, "passes over the training data");
  app.add_option("--slot-bits", slot_bits, "feature table size, log2");
  app.add_option("--min-weight", min_weight, "rows with smaller weights are left out");
  int runs = 8;
  app.add_option("--runs", runs, "perceptrons trained on differently shuffled data, then averaged");
  std::string show_errors;
  app.add_option("--show-errors", show_errors, "print the dev mistakes of this corpus");
  double threshold = 0.5;
  app.add_option("--threshold", threshold, "probability an entity needs in the reports");
  bool report_test = false;
  app.add_flag("--report-test", report_test, "also report on the test parts");
  app.add_option("corpora", corpora, "NAME=PATH[:REPEAT][:train]")->required();
  CLI11_PARSE(app, argc, argv);

  std::vector<CorpusSource> sources;
  for (const std::string& arg : corpora) sources.push_back(ParseSource(arg));
  const std::vector<CorpusRecord> records = ReadTrainingCorpora(sources);
  auto gazetteer = std::make_shared<const detect::Gazetteer>(detect::Gazetteer::Load(gazetteer_path));
  auto clusters =
      std::make_shared<const detect::WordClusters>(detect::WordClusters::Load(clusters_path));
  auto vectors =
      std::make_shared<const detect::WordVectors>(detect::WordVectors::Load(vectors_path));
  const detect::FeatureExtractor extractor(gazetteer, clusters, vectors);

  std::vector<TrainingSequence> sequences;
  std::vector<double> repeats;
  for (const CorpusRecord& record : records) {
    if (record.split != Split::kTrain || sources[record.source].repeat <= 0) continue;
    sequences.push_back(MakeSequence(extractor, record.text, slot_bits));
    repeats.push_back(sources[record.source].repeat);
  }
  std::fprintf(stderr, "%zu training sequences\n", sequences.size());

  // Several runs, each seeing the data in its own order, averaged: one
  // perceptron's weights depend on the order it saw the data in, and
  // borderline words flip from run to run; their mean is steadier.
  std::vector<detect::TaggerWeights> run_weights;
  for (int run = 0; run < runs; ++run) {
    PerceptronTrainer trainer(slot_bits, 1.0f / vectors->scale(), vector_rate);
    for (int epoch = 0; epoch < epochs; ++epoch) {
      const uint64_t seed =
          0x7A66E5ULL + static_cast<uint64_t>(epoch) + (static_cast<uint64_t>(run) << 32);
      const std::vector<size_t> order = EpochOrder(repeats, seed);
      const size_t errors = trainer.Epoch(sequences, order);
      std::fprintf(stderr, "run %d epoch %d: %zu sequences, %zu token errors\n", run + 1,
                   epoch + 1, order.size(), errors);
    }
    run_weights.push_back(trainer.Averaged(std::numeric_limits<float>::min()));
  }
  detect::TaggerWeights weights = MeanWeights(run_weights, min_weight);
  run_weights.clear();
  weights.feature_set_version = detect::FeatureExtractor::kFeatureSetVersion;
  weights.word_clusters_checksum = clusters->checksum();
  weights.word_vectors_checksum = vectors->checksum();
  // A provisional calibration, flat enough that entities well below an even
  // chance are still proposed (the margin floor) and become samples.
  for (detect::MarginCalibration& c : weights.calibration) {
    c = detect::LogisticCalibration(0.04f, 0.0f);
  }
  SaveTaggerWeights(weights, output);

  // Calibrate on the dev parts with the model as it will be loaded (without
  // a calibration yet: its probabilities are the logistic of the margin).
  // Each corpus weighs the same in the calibration, however many entities
  // its dev part holds: chat-like text must not be judged by tweets alone.
  std::vector<CalibrationSample> samples[detect::kTaggedTypeCount];
  std::vector<std::vector<size_t>> sample_source(detect::kTaggedTypeCount);
  std::vector<size_t> per_source(sources.size(), 0);
  {
    detect::EntityTagger uncalibrated(gazetteer, clusters, vectors,
                                      detect::TaggerModel::Load(output, weights.feature_set_version));
    for (const CorpusRecord& record : records) {
      if (record.split != Split::kDev) continue;
      std::vector<detect::TaggedEntity> entities;
      uncalibrated.Tag(record.text.text, {}, &entities);
      for (const detect::TaggedEntity& e : entities) {
        const float margin = e.margin;
        bool ignored = false;
        const bool right = SpanRight(record.text, {std::string(detect::kTaggedTypes[e.type]), e.start, e.end, 0}, &ignored);
        if (ignored && !right) continue;
        samples[e.type].push_back({margin, right, 1.0});
        sample_source[e.type].push_back(record.source);
        ++per_source[record.source];
      }
    }
  }
  const size_t used_sources = static_cast<size_t>(
      std::count_if(per_source.begin(), per_source.end(), [](size_t n) { return n > 0; }));
  for (int t = 0; t < detect::kTaggedTypeCount; ++t) {
    for (size_t k = 0; k < samples[t].size(); ++k) {
      const size_t n = per_source[sample_source[t][k]];
      samples[t][k].weight = 1000.0 / static_cast<double>(n * used_sources);
    }
    weights.calibration[t] = FitCalibration(samples[t]);
    const detect::MarginCalibration& c = weights.calibration[t];
    std::fprintf(stderr, "calibration %s (%zu dev entities):",
                 std::string(detect::kTaggedTypes[t]).c_str(), samples[t].size());
    for (int k = 0; k < detect::kCalibrationKnots; k += 4) {
      std::fprintf(stderr, " %.0f:%.2f", c.margins[k], c.probabilities[k]);
    }
    std::fprintf(stderr, "\n");
  }
  SaveTaggerWeights(weights, output);
  std::fprintf(stderr, "%zu feature rows written to %s (%ju bytes)\n", weights.slots.size(),
               output.c_str(), static_cast<uintmax_t>(std::filesystem::file_size(output)));

  // Report on every source's dev part (what choices may look at) and, when
  // asked, its test part (for reporting only).
  detect::EntityTagger tagger(gazetteer, clusters, vectors,
                              detect::TaggerModel::Load(output, weights.feature_set_version));
  std::vector<Split> reported = {Split::kDev};
  if (report_test) reported.push_back(Split::kTest);
  for (Split split : reported) {
    for (size_t s = 0; s < sources.size(); ++s) {
      if (sources[s].train_only) continue;
      detect::EvaluationReport report;
      for (const CorpusRecord& record : records) {
        if (record.source != s || record.split != split) continue;
        detect::ScoreRecord(record.text, Findings(tagger, record.text.text, threshold), {}, &report);
        ++report.texts;
      }
      detect::FinishReport(&report);
      if (split == Split::kDev && sources[s].name == show_errors) {
        std::fputs(detect::FormatMistakes(report).c_str(), stdout);
      }
      std::printf("%-10s %-4s  F1 PER %.3f LOC %.3f ORG %.3f  micro P %.3f R %.3f F1 %.3f  token recall %.3f\n",
                  sources[s].name.c_str(), split == Split::kDev ? "dev" : "test",
                  report.per_type["PERSON"].F1(), report.per_type["LOCATION"].F1(),
                  report.per_type["ORGANIZATION"].F1(), report.micro.Precision(),
                  report.micro.Recall(), report.micro.F1(), 1.0 - report.leak.LeakRate());
    }
  }
  if (!heldout_dir.empty()) {
    std::filesystem::create_directories(heldout_dir);
    for (size_t s = 0; s < sources.size(); ++s) {
      if (sources[s].train_only) continue;
      WriteSplit(records, s, Split::kTest, heldout_dir + "/" + sources[s].name + "_test.jsonl");
      WriteSplit(records, s, Split::kDev, heldout_dir + "/" + sources[s].name + "_dev.jsonl");
    }
  }
  return 0;
}

}  // namespace
}  // namespace privacy::tools

int main(int argc, char** argv) {
  try {
    return privacy::tools::Run(argc, argv);
  } catch (const std::exception& e) {
    std::cerr << "tagger-train: " << e.what() << "\n";
    return 1;
  }
}
