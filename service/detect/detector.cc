// The detector: runs all recognizers over one Hyperscan pass and resolves
// their candidates into findings.
#include "detect/detector.h"

#include <algorithm>

#include "detect/external/external_merge.h"
#include "detect/lists/allow_list.h"
#include "detect/lists/deny_values.h"
#include "detect/names/acronym_definitions.h"
#include "detect/names/repeated_mentions.h"
#include "detect/recognizer_registry.h"
#include "detect/recognizers/custom_recognizer_file.h"
#include "detect/recognizers/pattern_recognizer.h"
#include "detect/scan/overlap_resolver.h"
#include "detect/scan/pattern_scanner.h"
#include "detect/tagger/entity_tags.h"
#include "detect/tagger/thai_word_breaker.h"
#include "detect/tagger/word_tokens.h"

namespace privacy::detect {
namespace {

// A recognizer, the database holding its patterns and the ids of its
// patterns in that database.
struct Slot {
  std::unique_ptr<Recognizer> recognizer;
  std::vector<std::string> types;
  size_t database = 0;
  uint32_t first_pattern = 0;
  uint32_t pattern_count = 0;
};

// A recognizer and where its patterns are compiled.
struct ConfiguredRecognizer {
  std::unique_ptr<Recognizer> recognizer;
  ScanDatabase database = ScanDatabase::kShared;
};

// The configured recognizers in the order they run: custom recognizers and
// deny values first (their strong candidates claim text), then the registry.
std::vector<ConfiguredRecognizer> ConfiguredRecognizers(const DetectorConfig& config) {
  std::vector<ConfiguredRecognizer> recognizers;
  if (!config.custom_recognizers_file.empty()) {
    for (PatternSpec& spec : LoadCustomRecognizers(config.custom_recognizers_file)) {
      recognizers.push_back({std::make_unique<PatternRecognizer>(std::move(spec))});
    }
  }
  for (auto& r : MakeDenyValueRecognizers(config.deny_values)) {
    recognizers.push_back({std::move(r)});
  }
  for (const RecognizerEntry& entry : BuiltinRecognizers()) {
    recognizers.push_back({entry.make(config), entry.database});
  }
  return recognizers;
}

// Builds the slots and fills `patterns` with the patterns of each database;
// database 0 is the shared one.
std::vector<Slot> BuildSlots(const DetectorConfig& config,
                             std::vector<std::vector<ScanPattern>>* patterns) {
  patterns->assign(1, {});
  std::vector<Slot> slots;
  for (ConfiguredRecognizer& configured : ConfiguredRecognizers(config)) {
    Slot slot;
    slot.recognizer = std::move(configured.recognizer);
    slot.types = slot.recognizer->Types();
    if (configured.database == ScanDatabase::kOwn) {
      slot.database = patterns->size();
      patterns->emplace_back();
    }
    std::vector<ScanPattern>& into = (*patterns)[slot.database];
    std::vector<ScanPattern> own = slot.recognizer->Patterns();
    slot.first_pattern = static_cast<uint32_t>(into.size());
    slot.pattern_count = static_cast<uint32_t>(own.size());
    into.insert(into.end(), own.begin(), own.end());
    slots.push_back(std::move(slot));
  }
  return slots;
}

// The Detector built from the recognizer registry.
class RegistryDetector : public Detector {
 public:
  explicit RegistryDetector(const DetectorConfig& config) : config_(config), allow_(config) {
    std::vector<std::vector<ScanPattern>> patterns;
    slots_ = BuildSlots(config, &patterns);
    for (const std::vector<ScanPattern>& database : patterns) {
      scanners_.push_back(std::make_unique<PatternScanner>(database));
    }
    for (const Slot& slot : slots_) {
      for (const std::string& type : slot.types) {
        if (std::find(types_.begin(), types_.end(), type) == types_.end()) types_.push_back(type);
        const std::optional<double> recommended = slot.recognizer->RecommendedMinScore(type);
        if (recommended && !recommended_min_scores_.count(type)) {
          recommended_min_scores_[type] = *recommended;
        }
      }
    }
  }

  std::vector<Finding> Detect(std::string_view text,
                              const DetectOptions& options) const override {
    // A linear search: the list is short, and a hash set would cost
    // allocations on every call.
    const std::vector<std::string>& only = options.only_types;
    auto type_wanted = [&](std::string_view type) {
      return only.empty() || std::find(only.begin(), only.end(), type) != only.end();
    };

    std::vector<bool> slot_wanted(slots_.size(), false);
    std::vector<bool> database_wanted(scanners_.size(), false);
    bool any = false;
    for (size_t i = 0; i < slots_.size(); ++i) {
      slot_wanted[i] = std::any_of(slots_[i].types.begin(), slots_[i].types.end(), type_wanted);
      any = any || slot_wanted[i];
      if (slot_wanted[i] && slots_[i].pattern_count > 0) database_wanted[slots_[i].database] = true;
    }
    any = any || !options.deny_values.empty() ||
          (options.external && !options.external->findings.empty());
    if (!any || text.empty()) return {};

    std::vector<std::vector<ScanHit>> hits(scanners_.size());
    for (size_t d = 0; d < scanners_.size(); ++d) {
      if (database_wanted[d]) hits[d] = scanners_[d]->Scan(text);
    }
    // The words of the text, split once for the recognizers of names and
    // the steps after the resolver that read names in the whole text (a
    // name is only found when names are wanted).
    std::vector<WordToken> words;
    const bool names_wanted =
        std::any_of(std::begin(kTaggedTypes), std::end(kTaggedTypes), type_wanted);
    if (names_wanted) {
      TokenizeWords(text, &words);
      thai_words_.Split(text, &words);
    }
    std::vector<Candidate> candidates;
    FindCallDenyValues(text, options.deny_values, &candidates);
    std::vector<size_t> next_hit(scanners_.size(), 0);
    std::vector<PatternMatch> own;
    std::vector<Candidate> produced;
    for (size_t i = 0; i < slots_.size(); ++i) {
      const Slot& slot = slots_[i];
      const std::vector<ScanHit>& database_hits = hits[slot.database];
      size_t& next = next_hit[slot.database];
      own.clear();
      while (next < database_hits.size() &&
             database_hits[next].id < slot.first_pattern + slot.pattern_count) {
        const ScanHit& h = database_hits[next++];
        own.push_back({h.id - slot.first_pattern, h.start, h.end});
      }
      if (!slot_wanted[i] || (own.empty() && slot.pattern_count > 0)) continue;
      produced.clear();
      slot.recognizer->Recognize({text, own, candidates, names_wanted ? &words : nullptr},
                                 &produced);
      candidates.insert(candidates.end(), produced.begin(), produced.end());
    }

    auto unwanted = [&](const Candidate& c) {
      return !type_wanted(c.type) || c.score < MinScore(c.type, true);
    };
    std::erase_if(candidates, unwanted);
    if (options.external) {
      // The model's scores are its own: its types get no recommendation
      // meant for the built-in recognizers' scores.
      const std::vector<std::string>& model_types = options.external->types;
      MergeExternalFindings(*options.external, &candidates);
      std::erase_if(candidates, [&](const Candidate& c) {
        const bool from_model = std::find(model_types.begin(), model_types.end(), c.type) !=
                                model_types.end();
        return !type_wanted(c.type) || c.score < MinScore(c.type, !from_model);
      });
    }
    std::vector<Finding> findings = ResolveOverlaps(std::move(candidates));
    if (std::any_of(findings.begin(), findings.end(),
                    [](const Finding& f) { return TaggedTypeIndex(f.type) >= 0; })) {
      ApplyAcronymDefinitions(text, words, &findings);
      AddRepeatedMentions(text, words, &findings);
    }
    if (!allow_.empty() || !options.allow_values.empty()) {
      std::erase_if(findings, [&](const Finding& f) {
        return allow_.Allows(text.substr(f.start, f.end - f.start), options);
      });
    }
    return findings;
  }

  bool IsKnownType(std::string_view type) const override {
    return std::find(types_.begin(), types_.end(), type) != types_.end();
  }

  std::vector<std::string> KnownTypes() const override { return types_; }

 private:
  // The minimum score of `type` (see DetectorConfig::default_min_score);
  // the recognizers' recommendation counts only for their own findings.
  double MinScore(std::string_view type, bool built_in) const {
    constexpr double kUsualMinScore = 0.5;
    const std::string key(type);
    if (auto it = config_.min_scores.find(key); it != config_.min_scores.end()) return it->second;
    if (config_.default_min_score) return *config_.default_min_score;
    auto it = recommended_min_scores_.find(key);
    return built_in && it != recommended_min_scores_.end() ? it->second : kUsualMinScore;
  }

  DetectorConfig config_;
  AllowList allow_;
  std::vector<Slot> slots_;
  std::vector<std::unique_ptr<PatternScanner>> scanners_;  // [0]: the shared database
  std::vector<std::string> types_;
  std::map<std::string, double> recommended_min_scores_;  // by type, from the recognizers
  // Splits Thai into its words for the recognizers of names and the steps
  // that read names in the whole text.
  ThaiWordBreaker thai_words_;
};

}  // namespace

std::unique_ptr<Detector> CreateDetector(const DetectorConfig& config) {
  return std::make_unique<RegistryDetector>(config);
}

}  // namespace privacy::detect
