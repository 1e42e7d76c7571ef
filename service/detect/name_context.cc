#include "detect/name_context.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <vector>

#include "detect/name_chunks.h"

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
        {"province of", L, kStrong}, {"capital of", L, kStrong}, {"in", L, kWeak},
        {"from", L, kWeak}, {"to", L, kWeak}, {"near", L, kMedium}, {"around", L, kWeak},
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
        {"my", O, -kStrong}, {"your", O, -kStrong}, {"our", O, -kStrong},
        {"his", O, -kStrong}, {"her", O, -kStrong}, {"their", O, -kStrong},
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

// Up to three lower-cased words right before `pos` in the same clause,
// nearest last, or the key when `pos` follows "key:" / "key":.
struct WordsBefore {
  std::array<std::string, 3> words;  // words[3 - count ..] are filled
  size_t count = 0;
  std::string key;
};

WordsBefore ReadWordsBefore(std::string_view text, size_t pos) {
  WordsBefore before;
  size_t i = pos;
  auto skip = [&](const char* chars) {
    while (i > 0 && std::strchr(chars, text[i - 1]) != nullptr) --i;
  };
  skip(" \t\"'(");
  if (i > 0 && (text[i - 1] == ':' || text[i - 1] == '=')) {
    --i;
    skip(" \t\"'");
    size_t key_end = i;
    while (i > 0 && (IsCueByte(static_cast<unsigned char>(text[i - 1])) || text[i - 1] == '_')) --i;
    for (size_t k = i; k < key_end; ++k) before.key.push_back(Lower(text[k]));
    return before;
  }
  if (i > 0 && text[i - 1] == ',') {
    --i;
    skip(" \t");
  }
  while (before.count < 3 && i > 0) {
    size_t word_end = i;
    while (i > 0 && IsCueByte(static_cast<unsigned char>(text[i - 1]))) --i;
    if (i == word_end) break;
    std::string& word = before.words[2 - before.count++];
    for (size_t k = i; k < word_end; ++k) word.push_back(Lower(text[k]));
    if (i == 0 || text[i - 1] != ' ') break;
    --i;
  }
  // The typographic apostrophe reads as the ASCII one.
  for (std::string& word : before.words) {
    for (size_t at; (at = word.find("\xE2\x80\x99")) != std::string::npos;) word.replace(at, 3, "'");
  }
  return before;
}

// Keeps the strongest cue for `kind`; a negative cue (evidence against)
// wins over positive ones.
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

void ReadCuesAfter(const Gazetteer& gazetteer, std::string_view text, size_t end, NameCues* cues) {
  if (end + 2 < text.size() && text[end] == ',' && text[end + 1] == ' ') {
    NameWord next;
    if (ReadWord(gazetteer, text, end + 2, &next) && next.capitalised) {
      const bool abbreviation = (next.flags & kLocationAbbreviation) && next.all_caps;
      if ((next.flags & (kCountry | kRegion)) || abbreviation) Raise(L, kMedium, cues);
    }
    return;
  }
  if (end + 1 >= text.size() || text[end] != ' ') return;
  if (text[end + 1] == '(') {  // "Anna (Novartis)": an affiliation follows a person
    Raise(P, kWeak, cues);
    return;
  }
  size_t word_end = end + 1;
  while (word_end < text.size() && IsCueByte(static_cast<unsigned char>(text[word_end])) &&
         text[word_end] != '\'') {
    ++word_end;
  }
  std::string word;
  for (size_t k = end + 1; k < word_end; ++k) word.push_back(Lower(text[k]));
  ApplyPhrase(CuesAfter(), word, cues);
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

NameCues ReadCues(const Gazetteer& gazetteer, std::string_view text, size_t start, size_t end) {
  NameCues cues;
  const WordsBefore before = ReadWordsBefore(text, start);
  if (!before.key.empty()) {
    cues = KeyCues(before.key);
  } else {
    // The longest phrase speaks: "treated at", not "at".
    for (size_t n = before.count; n >= 1; --n) {
      std::string phrase = before.words[3 - n];
      for (size_t k = n - 1; k >= 1; --k) phrase += " " + before.words[3 - k];
      if (ApplyPhrase(CuesBefore(), phrase, &cues)) break;
    }
  }
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
