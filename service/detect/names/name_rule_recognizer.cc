// PERSON, LOCATION, ORGANIZATION found by rules: gazetteers, capitals and
// context cues, without a model (the fallback of the entity tagger,
// selected with DetectorConfig::name_detector). One recognizer for the
// three kinds, because they compete for the same words ("Jordan", "Paris",
// "Cleveland Clinic"); each proposes its own scored span and the overlap
// resolver keeps the best.
#include "detect/names/name_rule_recognizer.h"

#include <algorithm>
#include <array>
#include <utility>

#include "detect/names/gazetteer.h"
#include "detect/names/name_chunks.h"
#include "detect/names/name_context.h"
#include "detect/names/name_evidence.h"
#include "detect/scan/claimed_spans.h"

namespace privacy::detect {
namespace {

constexpr std::string_view kPersonType = "PERSON";
constexpr std::string_view kLocationType = "LOCATION";
constexpr std::string_view kOrganizationType = "ORGANIZATION";

// Pattern ids, in the order of Patterns().
enum : uint32_t { kCapitalPattern, kPersonTrigger, kLocationTrigger, kOrganizationTrigger };

// Base scores of names written in lower case after a trigger phrase.
constexpr double kLowerCaseBase = 0.45;

std::string_view TypeOf(NameKind kind) {
  return kind == NameKind::kPerson     ? kPersonType
         : kind == NameKind::kLocation ? kLocationType
                                       : kOrganizationType;
}

// The rule-based recognizer of the three kinds of names.
class NameRecognizer : public Recognizer {
 public:
  explicit NameRecognizer(std::shared_ptr<const Gazetteer> gazetteer)
      : gazetteer_holder_(std::move(gazetteer)), gazetteer_(*gazetteer_holder_) {}

  std::vector<std::string> Types() const override {
    return {std::string(kPersonType), std::string(kLocationType), std::string(kOrganizationType)};
  }

  std::vector<ScanPattern> Patterns() const override {
    // Upper-case letters: ASCII, Latin-1, Latin Extended-A (both cases;
    // ReadChunk tells them apart), Greek, Cyrillic.
    ScanPattern capitals{
        "[A-Z]|\\xC3[\\x80-\\x9E]|[\\xC4\\xC5][\\x80-\\xBF]|\\xCE[\\x86-\\xAB]|\\xD0[\\x80-\\xAF]",
        false, false};
    // Trigger hits are used by their end only, so no start is tracked.
    return {capitals,
            {LowerCaseTriggerExpression(NameKind::kPerson), true, false},
            {LowerCaseTriggerExpression(NameKind::kLocation), true, false},
            {LowerCaseTriggerExpression(NameKind::kOrganization), true, false}};
  }

  void Recognize(const RecognizeInput& input, std::vector<Candidate>* out) const override {
    const ClaimedSpans claimed(input.earlier);
    size_t resume = 0;
    for (const PatternMatch& match : input.matches) {
      if (match.pattern == kCapitalPattern) {
        const size_t start = static_cast<unsigned char>(input.text[match.end - 1]) < 0x80
                                 ? match.end - 1
                                 : match.end - 2;
        if (start < resume) continue;
        NameChunk chunk;
        resume = ReadChunk(gazetteer_, input.text, start, &chunk);
        if (chunk.size > 0 && !claimed.Overlaps(chunk.start(), chunk.end())) {
          ProposeChunk(input.text, chunk, out);
        }
      } else if (!claimed.Overlaps(match.end, match.end + 1)) {
        ProposeLowerCase(input.text, match, out);
      }
    }
  }

 private:
  // True when some word of the chunk could be part of a name at all; an
  // everyday word that is also a company word ("Research") is not enough.
  static bool MayName(const NameChunk& chunk) {
    if (chunk.size > 1) return true;  // "First National Bank": only English words
    uint32_t flags = chunk[0].flags;
    if (flags & kCommonWord) flags &= ~kOrganization;
    return (flags & ~kNoNameFlags) != 0 || chunk[0].flags == 0;
  }

  void Propose(std::string_view text, NameKind kind, uint32_t start, uint32_t end, double base,
               std::vector<Candidate>* out) const {
    const NameCues cues = ReadCues(gazetteer_, text, start, end);
    const double score = ScoreWithCues(kind, base, cues);
    if (score > 0.0) out->push_back({TypeOf(kind), start, end, score});
  }

  void ProposeChunk(std::string_view text, const NameChunk& chunk,
                    std::vector<Candidate>* out) const {
    if (!MayName(chunk)) return;
    const std::array<std::pair<NameKind, std::optional<NameGuess>>, 3> guesses = {{
        {NameKind::kPerson, GuessPerson(text, chunk)},
        {NameKind::kLocation, GuessLocation(gazetteer_, text, chunk)},
        {NameKind::kOrganization, GuessOrganization(gazetteer_, text, chunk)},
    }};
    for (const auto& [kind, guess] : guesses) {
      if (guess) Propose(text, kind, chunk[guess->first].start, chunk[guess->last].end, guess->base, out);
    }
  }

  // A name in lower case right after a trigger phrase ("my name is maria",
  // "flight to paris"): only words the gazetteer knows for that kind and
  // that are not common English words.
  void ProposeLowerCase(std::string_view text, const PatternMatch& match,
                        std::vector<Candidate>* out) const {
    NameWord first;
    if (!ReadWord(gazetteer_, text, match.end, &first) || first.capitalised) return;
    const auto next_word = [&](const NameWord& word, NameWord* next) {
      return word.end + 1 < text.size() && text[word.end] == ' ' &&
             ReadWord(gazetteer_, text, word.end + 1, next) && !next->capitalised;
    };
    const bool common = (first.flags & kCommonWord) != 0;
    if (match.pattern == kPersonTrigger) {
      if (!(first.flags & kFirstName) || common) return;
      NameWord second;
      uint32_t end = first.end;
      if (next_word(first, &second) && (second.flags & (kSurname | kNameWord)) &&
          !(second.flags & kWordFlags)) {
        end = second.end;
      }
      Propose(text, NameKind::kPerson, first.start, end, kLowerCaseBase, out);
    } else if (match.pattern == kLocationTrigger) {
      NameKey key;
      NameWord word = first;
      uint32_t end = 0;
      for (int words = 0; words < 4; ++words) {
        key.AddWord(text.substr(word.start, word.end - word.start));
        const uint32_t flags = words == 0 ? first.flags : gazetteer_.Flags(key);
        const bool place = (flags & (kCountry | kRegion)) || CityTier(flags) >= 5;
        if (place && !(words == 0 && common)) end = word.end;
        NameWord next;
        if (!(flags & kPrefix) || !next_word(word, &next)) break;
        word = next;
      }
      if (end > 0) Propose(text, NameKind::kLocation, first.start, end, kLowerCaseBase, out);
    } else if (match.pattern == kOrganizationTrigger) {
      if ((first.flags & kOrganization) && !common) {
        Propose(text, NameKind::kOrganization, first.start, first.end, kLowerCaseBase, out);
      }
    }
  }

  std::shared_ptr<const Gazetteer> gazetteer_holder_;
  const Gazetteer& gazetteer_;
};

}  // namespace

std::unique_ptr<Recognizer> MakeNameRuleRecognizer(std::shared_ptr<const Gazetteer> gazetteer) {
  return std::make_unique<NameRecognizer>(std::move(gazetteer));
}

}  // namespace privacy::detect
