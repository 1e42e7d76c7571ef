#include "detect/names/name_context.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <vector>

#include "detect/names/name_chunks.h"

namespace privacy::detect {
namespace {

// A phrase of lower-case words and what it says about the name next to it.
// `trigger` phrases also announce names written in lower case.
struct Cue {
  std::string_view phrase;
  NameKind kind;
  double weight;
  bool trigger = false;
};

constexpr NameKind P = NameKind::kPerson;
constexpr NameKind L = NameKind::kLocation;
constexpr NameKind O = NameKind::kOrganization;
constexpr double kStrong = 0.35;
constexpr double kMedium = 0.25;
constexpr double kWeak = 0.15;
constexpr double kPreposition = 0.2;  // "in", "to", "from" before a known place

// Cues in the words before a name.
const std::vector<Cue>& CuesBefore() {
  static const std::vector<Cue> kCues = [] {
    std::vector<Cue> cues = {
        // A person introduces or is addressed.
        {"my name is", P, kStrong, true}, {"my name's", P, kStrong, true},
        {"name is", P, kStrong, true}, {"i am", P, kMedium, true}, {"i'm", P, kMedium, true},
        {"call me", P, kStrong, true}, {"this is", P, kWeak, true},
        {"ich bin", P, kStrong, true}, {"ich heiße", P, kStrong, true},
        {"mein name ist", P, kStrong, true}, {"je m'appelle", P, kStrong, true},
        {"je suis", P, kMedium, true}, {"me llamo", P, kStrong, true},
        {"mi nombre es", P, kStrong, true}, {"mi chiamo", P, kStrong, true},
        {"me chamo", P, kStrong, true}, {"meu nome é", P, kStrong, true},
        {"soy", P, kMedium}, {"sono", P, kMedium}, {"dear", P, kStrong, true},
        {"hi", P, kMedium, true}, {"hello", P, kMedium, true}, {"hey", P, kMedium, true},
        {"thanks", P, kMedium}, {"thank you", P, kMedium}, {"regards", P, kMedium},
        {"cheers", P, kMedium}, {"sincerely", P, kMedium}, {"signed", P, kMedium},
        {"named", P, kStrong}, {"called", P, kWeak}, {"née", P, kStrong},
        // Someone to reach or who did something.
        {"tell", P, kMedium}, {"ask", P, kMedium}, {"call", P, kMedium},
        {"phone", P, kMedium}, {"email", P, kMedium}, {"e-mail", P, kMedium},
        {"text", P, kMedium}, {"message", P, kMedium}, {"ping", P, kMedium},
        {"contact", P, kMedium}, {"meet", P, kMedium}, {"meeting with", P, kMedium},
        {"met", P, kMedium}, {"talk to", P, kMedium}, {"speak to", P, kMedium},
        {"speak with", P, kMedium}, {"spoke with", P, kMedium}, {"spoke to", P, kMedium},
        {"remind", P, kMedium}, {"invite", P, kMedium}, {"thank", P, kMedium},
        {"cc", P, kMedium}, {"attn", P, kStrong}, {"assigned to", P, kMedium},
        {"reported by", P, kMedium}, {"approved by", P, kMedium}, {"signed by", P, kMedium},
        {"written by", P, kMedium}, {"sent by", P, kMedium}, {"between", P, kMedium},
        {"with", P, kWeak}, {"for", P, kWeak}, {"by", P, kWeak}, {"and", P, kWeak},
        {"married", P, kMedium}, {"son of", P, kMedium}, {"daughter of", P, kMedium},
        // Roles and relations.
        {"patient", P, kStrong}, {"claimant", P, kStrong}, {"beneficiary", P, kStrong},
        {"contractor", P, kStrong}, {"employee", P, kStrong}, {"colleague", P, kStrong},
        {"manager", P, kMedium}, {"customer", P, kMedium}, {"client", P, kMedium},
        {"driver", P, kMedium}, {"guest", P, kStrong}, {"passenger", P, kStrong},
        {"tenant", P, kStrong}, {"user", P, kMedium}, {"candidate", P, kStrong},
        {"applicant", P, kStrong}, {"nurse", P, kStrong}, {"doctor", P, kStrong},
        {"agent", P, kMedium}, {"friend", P, kStrong}, {"wife", P, kStrong},
        {"husband", P, kStrong}, {"son", P, kStrong}, {"daughter", P, kStrong},
        {"mother", P, kStrong}, {"father", P, kStrong}, {"mom", P, kStrong},
        {"dad", P, kStrong}, {"brother", P, kStrong}, {"sister", P, kStrong},
        {"boss", P, kStrong}, {"coworker", P, kStrong}, {"co-worker", P, kStrong},
        {"teammate", P, kStrong}, {"intern", P, kMedium}, {"student", P, kMedium},
        {"teacher", P, kStrong}, {"professor", P, kStrong}, {"author", P, kMedium},
        {"owner", P, kMedium}, {"holder", P, kMedium}, {"cardholder", P, kStrong},
        {"recipient", P, kStrong}, {"sender", P, kMedium}, {"uncle", P, kStrong},
        {"aunt", P, kStrong}, {"cousin", P, kStrong}, {"grandma", P, kStrong},
        {"grandpa", P, kStrong}, {"ceo", P, kMedium}, {"director", P, kMedium},
        {"engineer", P, kMedium}, {"lawyer", P, kStrong}, {"attorney", P, kStrong},
        {"surgeon", P, kStrong}, {"dentist", P, kStrong}, {"physician", P, kStrong},
        {"therapist", P, kStrong}, {"landlord", P, kStrong}, {"neighbour", P, kStrong},
        {"neighbor", P, kStrong}, {"roommate", P, kStrong}, {"partner", P, kWeak},
        {"herr", P, kStrong}, {"frau", P, kStrong},
        // Places.
        {"live in", L, kStrong, true}, {"lives in", L, kStrong, true},
        {"living in", L, kStrong, true}, {"lived in", L, kStrong, true},
        {"based in", L, kStrong, true}, {"moved to", L, kStrong, true},
        {"moving to", L, kStrong, true}, {"move to", L, kStrong, true},
        {"relocated to", L, kStrong, true}, {"relocating to", L, kStrong, true},
        {"relocate to", L, kStrong, true}, {"flight to", L, kStrong, true},
        {"flights to", L, kStrong, true}, {"flight from", L, kStrong, true},
        {"fly to", L, kStrong, true}, {"flying to", L, kStrong, true},
        {"flew to", L, kStrong, true}, {"fly from", L, kStrong, true},
        {"flying from", L, kStrong, true}, {"trip to", L, kStrong, true},
        {"travel to", L, kStrong, true}, {"traveling to", L, kStrong, true},
        {"travelling to", L, kStrong, true}, {"visit", L, kMedium}, {"visiting", L, kMedium},
        {"visited", L, kMedium}, {"born in", L, kStrong, true},
        {"located in", L, kStrong, true}, {"hotel in", L, kStrong, true},
        {"office in", L, kStrong, true}, {"i'm from", L, kStrong, true},
        {"i am from", L, kStrong, true}, {"come from", L, kStrong, true},
        {"comes from", L, kStrong, true}, {"coming from", L, kStrong, true},
        {"grew up in", L, kStrong, true}, {"stay in", L, kStrong, true},
        {"staying in", L, kStrong, true}, {"arrive in", L, kStrong, true},
        {"arriving in", L, kStrong, true}, {"arrived in", L, kStrong, true},
        {"departing from", L, kStrong, true}, {"return to", L, kMedium},
        {"returning to", L, kMedium}, {"heading to", L, kStrong, true},
        {"headed to", L, kStrong, true}, {"going to", L, kMedium},
        {"train to", L, kStrong, true}, {"drive to", L, kStrong, true},
        {"tickets to", L, kStrong, true}, {"ticket to", L, kStrong, true},
        {"wohne in", L, kStrong, true}, {"wohnt in", L, kStrong, true},
        {"aus", L, kMedium}, {"nach", L, kMedium}, {"habite à", L, kStrong, true},
        {"vivo en", L, kStrong, true}, {"soy de", L, kStrong, true},
        {"vengo de", L, kStrong, true}, {"abito a", L, kStrong, true},
        {"city of", L, kStrong}, {"town of", L, kStrong}, {"state of", L, kStrong},
        {"province of", L, kStrong}, {"capital of", L, kStrong}, {"in", L, kPreposition},
        {"from", L, kPreposition}, {"to", L, kPreposition}, {"near", L, kMedium},
        {"around", L, kWeak}, {"from", O, kWeak},
        {"across", L, kWeak}, {"outside", L, kMedium}, {"throughout", L, kWeak},
        {"via", L, kWeak}, {"towards", L, kWeak}, {"downtown", L, kMedium},
        {"à", L, kWeak}, {"en", L, kWeak}, {"nearby", L, kMedium},
        // Organizations.
        {"works at", O, kStrong, true}, {"work at", O, kStrong, true},
        {"working at", O, kStrong, true}, {"worked at", O, kStrong, true},
        {"works for", O, kStrong, true}, {"work for", O, kStrong, true},
        {"working for", O, kStrong, true}, {"worked for", O, kStrong, true},
        {"employed by", O, kStrong, true}, {"employed at", O, kStrong, true},
        {"employer", O, kStrong}, {"job at", O, kStrong, true},
        {"intern at", O, kStrong, true}, {"internship at", O, kStrong, true},
        {"joined", O, kMedium}, {"joining", O, kMedium}, {"treated at", O, kStrong},
        {"admitted to", O, kMedium}, {"account at", O, kStrong}, {"account with", O, kStrong},
        {"customer of", O, kStrong}, {"client of", O, kStrong}, {"shares of", O, kStrong},
        {"arbeite bei", O, kStrong, true}, {"arbeitet bei", O, kStrong, true},
        {"trabajo en", O, kStrong, true}, {"travaille chez", O, kStrong, true},
        {"chez", O, kMedium}, {"bei", O, kWeak}, {"at", O, kWeak}, {"at", L, kWeak},
        {"of", O, kWeak}, {"can", O, kWeak}, {"insurer", O, kStrong},
        {"bank", O, kMedium}, {"hired by", O, kStrong}, {"acquired by", O, kStrong},
        {"offer from", O, kStrong}, {"interview at", O, kStrong, true},
        {"interview with", O, kMedium}, {"contract with", O, kMedium},
        {"subscription to", O, kMedium}, {"order from", O, kMedium},
        // "my Mastercard", "her Tesla": a possessed brand is a product.
        {"my", O, -kWeak}, {"your", O, -kWeak}, {"our", O, -kWeak},
        {"his", O, -kWeak}, {"her", O, -kWeak}, {"their", O, -kWeak},
    };
    std::sort(cues.begin(), cues.end(),
              [](const Cue& a, const Cue& b) { return a.phrase < b.phrase; });
    return cues;
  }();
  return kCues;
}

// Cues in the word right after a name.
const std::vector<Cue>& CuesAfter() {
  static const std::vector<Cue> kCues = [] {
    std::vector<Cue> cues = {
        {"office", L, kMedium},   {"team", L, kMedium},      {"branch", L, kMedium},
        {"airport", L, kMedium},  {"area", L, kMedium},      {"headquarters", L, kWeak},
        {"hq", L, kWeak},         {"site", L, kMedium},      {"campus", L, kMedium},
        {"data", L, kWeak},       {"datacenter", L, kMedium}, {"region", L, kMedium},
        {"station", L, kWeak},    {"store", L, kWeak},       {"factory", L, kMedium},
        {"plant", L, kWeak},      {"warehouse", L, kMedium}, {"expansion", L, kMedium},
        {"city", L, kMedium},     {"trip", L, kMedium},      {"flight", L, kWeak},
        {"said", P, kMedium},     {"says", P, kMedium},      {"wrote", P, kMedium},
        {"writes", P, kMedium},   {"asked", P, kMedium},     {"asks", P, kMedium},
        {"called", P, kWeak},     {"told", P, kMedium},      {"replied", P, kMedium},
        {"mentioned", P, kMedium}, {"left", P, kWeak},       {"thinks", P, kMedium},
        {"booked", P, kMedium},   {"moved", P, kMedium},     {"emailed", P, kMedium},
        {"texted", P, kMedium},   {"phoned", P, kMedium},    {"agreed", P, kMedium},
        {"confirmed", P, kWeak},  {"requested", P, kMedium}, {"complained", P, kMedium},
        {"feels", P, kMedium},    {"lives", P, kMedium},     {"works", P, kMedium},
        {"wants", P, kMedium},    {"needs", P, kWeak},       {"who", P, kMedium},
        {"herself", P, kStrong},  {"himself", P, kStrong},   {"shares", O, kWeak},
        {"stock", O, kMedium},    {"announced", O, kWeak},   {"acquired", O, kWeak},
        {"reissue", O, kWeak},    {"customer", O, kWeak},    {"account", O, kWeak},
        // "NHS number", "Visa card": the name qualifies an identifier or product.
        {"number", O, -kStrong},  {"no", O, -kStrong},       {"id", O, -kStrong},
        {"code", O, -kStrong},    {"form", O, -kStrong},     {"card", O, -kStrong},
    };
    std::sort(cues.begin(), cues.end(),
              [](const Cue& a, const Cue& b) { return a.phrase < b.phrase; });
    return cues;
  }();
  return kCues;
}

// Keys of "key: value" pairs and JSON members whose value is a name.
NameCues KeyCues(std::string_view key) {
  static const std::array<std::pair<std::string_view, NameKind>, 43> kKeys = {{
      {"from", P},         {"to", P},           {"cc", P},
      {"name", P},         {"fullname", P},     {"full_name", P},    {"first_name", P},
      {"firstname", P},    {"last_name", P},    {"lastname", P},     {"surname", P},
      {"customer", P},     {"patient", P},      {"contact", P},      {"employee", P},
      {"author", P},       {"owner", P},        {"passenger", P},    {"guest", P},
      {"recipient", P},    {"beneficiary", P},  {"cardholder", P},   {"attn", P},
      {"city", L},         {"country", L},      {"location", L},     {"town", L},
      {"region", L},       {"state", L},        {"place", L},        {"destination", L},
      {"origin", L},       {"birthplace", L},   {"hometown", L},     {"address", L},
      {"company", O},      {"organization", O}, {"organisation", O}, {"employer", O},
      {"bank", O},         {"hospital", O},     {"university", O},   {"insurer", O},
  }};
  NameCues cues;
  for (const auto& [name, kind] : kKeys) {
    const bool ends_with = key.size() > name.size() &&
                           key.compare(key.size() - name.size(), name.size(), name) == 0 &&
                           (key[key.size() - name.size() - 1] == '_' ||
                            key[key.size() - name.size() - 1] == '.');
    if (key == name || ends_with) {
      (kind == P ? cues.person : kind == L ? cues.location : cues.organization) = kStrong;
      break;
    }
  }
  return cues;
}

char Lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool IsCueByte(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '\'' || c == '-' || c >= 0x80;
}

// Up to three lower-cased words right before a position in the same
// clause, in text order and joined by single spaces, or the key when the
// position follows "key:" / "key": / key=. Fixed storage: no allocation.
class WordsBefore {
 public:
  WordsBefore(std::string_view text, size_t pos);

  // The last `n` words (1 <= n <= count()), e.g. "flight to".
  std::string_view Last(size_t n) const {
    return std::string_view(buffer_.data() + starts_[count_ - n], length_ - starts_[count_ - n]);
  }
  size_t count() const { return count_; }
  std::string_view key() const { return key_ ? std::string_view(buffer_.data(), length_) : ""; }

 private:
  static constexpr size_t kCapacity = 64;
  std::array<char, kCapacity> buffer_{};
  std::array<size_t, 3> starts_{};
  size_t length_ = 0;
  size_t count_ = 0;
  bool key_ = false;
};

WordsBefore::WordsBefore(std::string_view text, size_t pos) {
  size_t i = pos;
  auto skip = [&](const char* chars) {
    while (i > 0 && std::strchr(chars, text[i - 1]) != nullptr) --i;
  };
  auto word_byte = [&](size_t k) {
    return IsCueByte(static_cast<unsigned char>(text[k])) || (key_ && text[k] == '_');
  };
  skip(" \t\"'(");
  if (i > 0 && (text[i - 1] == ':' || text[i - 1] == '=')) {
    --i;
    skip(" \t\"'");
    key_ = true;
  } else if (i > 0 && text[i - 1] == ',') {
    --i;
    skip(" \t");
  }
  // Find where the words begin, then copy them forwards, lower-cased.
  std::array<std::pair<size_t, size_t>, 3> spans{};
  size_t n = 0;
  while (n < (key_ ? 1u : 3u) && i > 0) {
    const size_t end = i;
    while (i > 0 && word_byte(i - 1)) --i;
    if (i == end) break;
    spans[n++] = {i, end};
    if (i == 0 || text[i - 1] != ' ') break;
    --i;
  }
  for (size_t w = n; w-- > 0;) {
    const auto [start, end] = spans[w];
    if (length_ + (end - start) + 1 > kCapacity) break;
    if (count_ > 0) buffer_[length_++] = ' ';
    starts_[count_++] = length_;
    for (size_t k = start; k < end; ++k) {
      if (text.compare(k, 3, "\xE2\x80\x99") == 0) {  // ’ reads as '
        buffer_[length_++] = '\'';
        k += 2;
      } else {
        buffer_[length_++] = Lower(text[k]);
      }
    }
  }
  if (key_ && count_ == 0) key_ = false;
}

void Raise(NameKind kind, double weight, NameCues* cues) {
  double& slot = kind == P ? cues->person : kind == L ? cues->location : cues->organization;
  slot = (weight < 0 || slot < 0) ? std::min(slot, weight) : std::max(slot, weight);
}

// Raises `cues` by the table's entries for `phrase`; false when it has none.
bool ApplyPhrase(const std::vector<Cue>& table, std::string_view phrase, NameCues* cues) {
  auto range = std::equal_range(table.begin(), table.end(), Cue{phrase, P, 0},
                                [](const Cue& a, const Cue& b) { return a.phrase < b.phrase; });
  for (auto it = range.first; it != range.second; ++it) Raise(it->kind, it->weight, cues);
  return range.first != range.second;
}

// True when `word` surely names a place: a country, region or large city
// that is no first name, or a place abbreviation in capitals.
bool IsSurelyPlace(const NameWord& word) {
  if ((word.flags & kLocationAbbreviation) && word.all_caps) return true;
  const bool place = (word.flags & (kCountry | kRegion)) || CityTier(word.flags) >= 7;
  return word.capitalised && place && !(word.flags & (kFirstName | kCommonWord));
}

void ReadCuesAfter(const Gazetteer& gazetteer, std::string_view text, size_t end, NameCues* cues) {
  // "Da Nang, Vietnam", "France and Belgium": listed with a place.
  for (std::string_view joint : {", ", " and ", " or ", " & "}) {
    NameWord next;
    if (text.compare(end, joint.size(), joint) == 0 &&
        ReadWord(gazetteer, text, end + joint.size(), &next) && IsSurelyPlace(next)) {
      Raise(L, kMedium, cues);
      return;
    }
  }
  if (end + 1 >= text.size() || text[end] != ' ') return;
  if (text[end + 1] == '(') {  // "Anna (Novartis)": an affiliation follows a person
    Raise(P, kWeak, cues);
    return;
  }
  if (text[end + 1] >= '0' && text[end + 1] <= '9') {  // "Mastercard 5561...", "iPhone 15"
    Raise(O, -kStrong, cues);
    return;
  }
  size_t word_end = end + 1;
  while (word_end < text.size() && IsCueByte(static_cast<unsigned char>(text[word_end])) &&
         text[word_end] != '\'') {
    ++word_end;
  }
  std::array<char, 16> word{};
  if (word_end - end - 1 > word.size()) return;
  for (size_t k = end + 1; k < word_end; ++k) word[k - end - 1] = Lower(text[k]);
  ApplyPhrase(CuesAfter(), std::string_view(word.data(), word_end - end - 1), cues);
}

std::string EscapeForHyperscan(std::string_view phrase) {
  std::string out;
  for (char c : phrase) {
    if (c == '\'') {
      out += "(?:'|\\xE2\\x80\\x99)";
    } else if (c == ' ') {
      out += "\\s+";
    } else {
      out.push_back(c);
    }
  }
  return out;
}

}  // namespace

double NameCues::For(NameKind kind) const {
  return kind == P ? person : kind == L ? location : organization;
}

// True when the word before " and " / ", " ending at `pos` surely names a place.
bool FollowsPlace(const Gazetteer& gazetteer, std::string_view text, size_t pos) {
  for (std::string_view joint : {", ", " and ", " or ", " & "}) {
    if (pos < joint.size() || text.compare(pos - joint.size(), joint.size(), joint) != 0) continue;
    size_t start = pos - joint.size();
    while (start > 0 && IsCueByte(static_cast<unsigned char>(text[start - 1])) && text[start - 1] != '\'') {
      --start;
    }
    NameWord before;
    return start < pos - joint.size() && ReadWord(gazetteer, text, start, &before) &&
           before.end == pos - joint.size() && IsSurelyPlace(before);
  }
  return false;
}

NameCues ReadCues(const Gazetteer& gazetteer, std::string_view text, size_t start, size_t end) {
  NameCues cues;
  const WordsBefore before(text, start);
  if (!before.key().empty()) {
    cues = KeyCues(before.key());
  } else {
    // The longest phrase speaks: "treated at", not "at".
    for (size_t n = before.count(); n >= 1; --n) {
      if (ApplyPhrase(CuesBefore(), before.Last(n), &cues)) break;
    }
  }
  if (FollowsPlace(gazetteer, text, start)) Raise(L, kMedium, &cues);
  ReadCuesAfter(gazetteer, text, end, &cues);
  return cues;
}

double ScoreWithCues(NameKind kind, double base, const NameCues& cues) {
  double other = 0.0;
  for (NameKind k : {P, L, O}) {
    if (k != kind && cues.For(k) >= kMedium) other = std::max(other, cues.For(k));
  }
  return std::clamp(base + cues.For(kind) - other / 2, 0.0, 0.95);
}

std::string LowerCaseTriggerExpression(NameKind kind) {
  std::string alternatives;
  for (const Cue& cue : CuesBefore()) {
    if (!cue.trigger || cue.kind != kind) continue;
    if (!alternatives.empty()) alternatives += '|';
    alternatives += EscapeForHyperscan(cue.phrase);
  }
  return "\\b(?:" + alternatives + ")\\s+";
}

}  // namespace privacy::detect
