// PERSON, LOCATION and ORGANIZATION: the gazetteer file, key folding, chunk
// reading, each kind's recognition and its accuracy on labelled sentences.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>

#include "detect/evaluation/evaluation.h"
#include "detect/names/gazetteer.h"
#include "detect/names/name_chunks.h"
#include "detect/names/name_key.h"
#include "detect_test_util.h"

using namespace privacy::detect;
using namespace privacy::detect::testing;

namespace {

const Gazetteer& SharedGazetteer() {
  static const Gazetteer gazetteer = Gazetteer::Load(DefaultGazetteerPath());
  return gazetteer;
}

uint32_t FlagsOf(std::string_view name) {
  NameKey key;
  size_t start = 0;
  while (start < name.size()) {
    size_t end = name.find(' ', start);
    if (end == std::string_view::npos) end = name.size();
    key.AddWord(name.substr(start, end - start));
    start = end + 1;
  }
  return SharedGazetteer().Flags(key);
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

// The message of Gazetteer::Load on a file holding `bytes`.
std::string LoadError(const std::string& bytes) {
  const std::filesystem::path path =
      std::filesystem::temp_directory_path() / "privacy_detect_names_test.gaz";
  {
    std::ofstream out(path, std::ios::binary);
    out << bytes;
  }
  std::string message;
  try {
    Gazetteer::Load(path.string());
  } catch (const std::runtime_error& e) {
    message = e.what();
  }
  std::filesystem::remove(path);
  return message;
}

void PutU64(std::string* bytes, size_t at, uint64_t value) {
  for (int i = 0; i < 8; ++i) (*bytes)[at + i] = static_cast<char>(value >> (8 * i));
}

uint64_t Fnv1a(std::string_view data) {
  uint64_t h = 0xcbf29ce484222325ULL;
  for (char c : data) {
    h ^= static_cast<unsigned char>(c);
    h *= 0x100000001b3ULL;
  }
  return h;
}

// The words of the chunk starting at the first capital of `text`.
Strings ChunkWords(std::string_view text, bool* titled = nullptr, bool* sentence_start = nullptr) {
  NameChunk chunk;
  size_t pos = 0;
  while (pos < text.size() && !(text[pos] >= 'A' && text[pos] <= 'Z')) ++pos;
  ReadChunk(SharedGazetteer(), text, pos, &chunk);
  Strings words;
  for (size_t i = 0; i < chunk.size; ++i) {
    words.emplace_back(text.substr(chunk[i].start, chunk[i].end - chunk[i].start));
  }
  if (titled != nullptr) *titled = chunk.titled;
  if (sentence_start != nullptr) *sentence_start = chunk.sentence_start;
  return words;
}

const std::set<std::string> kNameTypes = {"PERSON", "LOCATION", "ORGANIZATION"};

}  // namespace

TEST_SUITE_BEGIN("detect");

TEST_CASE("detect names: key folding ignores case and Latin diacritics") {
  CHECK(FoldWord("Łódź") == "lodz");
  CHECK(FoldWord("Straße") == "strasse");
  CHECK(FoldWord("São") == "sao");
  CHECK(FoldWord("Ærø") == "aero");
  CHECK(FoldWord("ΑΘΗΝΑ") == "αθηνα");
  CHECK(FoldWord("МОСКВА") == "москва");
  CHECK(FoldWord("O’Brien") == "o'brien");
  NameKey a, b;
  a.AddWord("Sao");
  a.AddWord("Paulo");
  b.AddWord("SÃO");
  b.AddWord("paulo");
  CHECK(a.Hash() == b.Hash());
  CHECK(a.Hash() < (uint64_t{1} << 40));
}

TEST_CASE("detect names: the shipped gazetteer knows names, places and words") {
  CHECK(SharedGazetteer().size() > 100000);
  CHECK((FlagsOf("Maria") & kFirstName));
  CHECK((FlagsOf("Gonzalez") & kSurname));
  CHECK((FlagsOf("São Paulo") & kCity));
  CHECK((FlagsOf("Sao Paulo") & kCity));
  CHECK((FlagsOf("São") & kPrefix));
  CHECK(CityTier(FlagsOf("São Paulo")) >= 10);
  CHECK((FlagsOf("Zürich") & kCity));
  CHECK((FlagsOf("Germany") & kCountry));
  CHECK((FlagsOf("Bavaria") & kRegion));
  CHECK((FlagsOf("NYC") & kLocationAbbreviation));
  CHECK((FlagsOf("UNICEF") & kOrganization));
  CHECK((FlagsOf("may") & kCommonWord));
  CHECK((FlagsOf("claimant") & kDictionaryWord));
  CHECK_FALSE((FlagsOf("claimant") & kCommonWord));
  CHECK(FlagsOf("Xqzvbnm") == 0);
}

TEST_CASE("detect names: gazetteer files are checked and errors name the file") {
  const std::string good = ReadFile(DefaultGazetteerPath());
  REQUIRE(good.size() > 24);

  CHECK(LoadError("").find("bad magic") != std::string::npos);
  CHECK(LoadError("PFNAMES9" + good.substr(8)).find("bad magic") != std::string::npos);
  std::string version = good;
  version[8] = 7;
  CHECK(LoadError(version).find("format version 7, expected 1") != std::string::npos);
  CHECK(LoadError(good.substr(0, good.size() - 3)).find("truncated") != std::string::npos);
  std::string flipped = good;
  flipped[good.size() / 2] ^= 0x10;
  CHECK(LoadError(flipped).find("checksum mismatch") != std::string::npos);
  std::string unsorted = good;  // swap two entries, with a matching checksum
  std::swap_ranges(unsorted.begin() + 24, unsorted.begin() + 32, unsorted.begin() + 32);
  PutU64(&unsorted, 16, Fnv1a(std::string_view(unsorted).substr(24)));
  CHECK(LoadError(unsorted).find("not sorted") != std::string::npos);

  const std::string missing = "/nonexistent/names.gaz";
  CHECK_THROWS_WITH_AS(Gazetteer::Load(missing),
                       "gazetteer /nonexistent/names.gaz: cannot open (set its path with "
                       "--gazetteer)",
                       std::runtime_error);
  DetectorConfig config;
  config.gazetteer_file = missing;
  CHECK_THROWS_AS(CreateDetector(config), std::runtime_error);
}

TEST_CASE("detect names: words and chunks") {
  NameWord word;
  const Gazetteer& g = SharedGazetteer();
  CHECK_FALSE(ReadWord(g, "maria.gonzalez@example.com", 0, &word));
  CHECK_FALSE(ReadWord(g, "GB90 HUUS", 0, &word));
  CHECK_FALSE(ReadWord(g, "see Node.js", 4, &word));
  CHECK_FALSE(ReadWord(g, "x_Maria", 2, &word));
  REQUIRE(ReadWord(g, "Maria's car", 0, &word));
  CHECK(word.end == 5);
  REQUIRE(ReadWord(g, "O'Brien", 0, &word));
  CHECK(word.end == 7);
  REQUIRE(ReadWord(g, "Élodie", 0, &word));
  CHECK(word.capitalised);
  CHECK(word.end == 7);
  REQUIRE(ReadWord(g, "NASA", 0, &word));
  CHECK(word.all_caps);

  bool titled = false;
  bool sentence_start = false;
  CHECK(ChunkWords("Prof. Felix Sharma of Cleveland Clinic", &titled, &sentence_start) ==
        Strings{"Felix", "Sharma"});
  CHECK(titled);
  CHECK(ChunkWords("flight to Rio de Janeiro, then", nullptr, &sentence_start) ==
        Strings{"Rio", "de", "Janeiro"});
  CHECK_FALSE(sentence_start);
  CHECK(ChunkWords("the Bank of America branch") == Strings{"Bank", "of", "America"});
  CHECK(ChunkWords("John F. Kennedy airport") == Strings{"John", "F.", "Kennedy"});
  CHECK(ChunkWords("at St Mary's Hospital today") == Strings{"St", "Mary's", "Hospital"});
  CHECK(ChunkWords("I'm Tariq") == Strings{});
  CHECK(ChunkWords("Dear Maria") == Strings{});  // the greeting ends before the name
  CHECK(OpensSentence("Done. Anna", 6));
  CHECK(OpensSentence("\"Anna", 1));
  CHECK_FALSE(OpensSentence("call Anna", 5));
}

TEST_CASE("detect PERSON: names, honorifics, cues, accents") {
  CHECK(Found("Reserve a table for Leila Farouk at 8pm.", {"PERSON"}) ==
        Strings{"PERSON:Leila Farouk"});
  CHECK(Found("Prof. Felix Sharma approved it", {"PERSON"}) == Strings{"PERSON:Felix Sharma"});
  CHECK(Found("Dr. Ngata will call", {"PERSON"}) == Strings{"PERSON:Ngata"});
  CHECK(Found("Contractor Sarah Wong joins Monday", {"PERSON"}) == Strings{"PERSON:Sarah Wong"});
  CHECK(Found("Tell Chloé the news", {"PERSON"}) == Strings{"PERSON:Chloé"});
  CHECK(Found("Herr Jürgen Weiß aus Köln", {"PERSON"}) == Strings{"PERSON:Jürgen Weiß"});
  CHECK(Found("Ask Łukasz Wróbel.", {"PERSON"}) == Strings{"PERSON:Łukasz Wróbel"});
  CHECK(Found("{\"name\": \"Omar Martinez\"}", {"PERSON"}) == Strings{"PERSON:Omar Martinez"});
  CHECK(Found("my name is sofia hernandez", {"PERSON"}) == Strings{"PERSON:sofia hernandez"});
  CHECK(Found("That was Maria's idea", {"PERSON"}) == Strings{"PERSON:Maria"});
}

TEST_CASE("detect PERSON: common words and sentence starts need evidence") {
  CHECK(Found("May I ask a question?", {"PERSON"}).empty());
  CHECK(Found("Will you send the slides?", {"PERSON"}).empty());
  CHECK(Found("Bill the client for eight hours.", {"PERSON"}).empty());
  CHECK(Found("We will mark the list as done.", {"PERSON"}).empty());
  CHECK(Found("Summarize the call in three bullets.", {"PERSON"}).empty());
  CHECK(Found("Translate it into Spanish and German.", {"PERSON"}).empty());
  CHECK(Found("Hi, this is mark, the order is late", {"PERSON"}).empty());
  CHECK(Found("My manager Bill says hi", {"PERSON"}) == Strings{"PERSON:Bill"});
  CHECK(Found("Please remind Will Turner about it", {"PERSON"}) == Strings{"PERSON:Will Turner"});
}

TEST_CASE("detect LOCATION: places, multi-word names, abbreviations, ambiguity") {
  CHECK(Found("Table for two in LA tonight", {"LOCATION"}) == Strings{"LOCATION:LA"});
  CHECK(Found("la casa", {"LOCATION"}).empty());
  CHECK(Found("I relocated to São Paulo, Brazil", {"LOCATION"}) ==
        Strings{"LOCATION:São Paulo", "LOCATION:Brazil"});
  CHECK(Found("We met in New York City last year", {"LOCATION"}) ==
        Strings{"LOCATION:New York City"});
  CHECK(Found("ich bin aus Rio de Janeiro", {"LOCATION"}) == Strings{"LOCATION:Rio de Janeiro"});
  CHECK(Found("Quarterly dues from our Egypt office", {"LOCATION"}) == Strings{"LOCATION:Egypt"});
  CHECK(Found("i live in berlin now", {"LOCATION"}) == Strings{"LOCATION:berlin"});
  // Ambiguous words: a cue decides.
  CHECK(Found("We are opening a store in Jordan.", {"LOCATION", "PERSON"}) ==
        Strings{"LOCATION:Jordan"});
  CHECK(Found("Tell Jordan the plan.", {"LOCATION", "PERSON"}) == Strings{"PERSON:Jordan"});
  CHECK(Found("The weather is nice and reading is fun.", {"LOCATION"}).empty());
  CHECK(Found("Paris Hilton was there", {"LOCATION", "PERSON"}) == Strings{"PERSON:Paris Hilton"});
}

TEST_CASE("detect ORGANIZATION: suffixes, known names, cues") {
  CHECK(Found("Elena (Fabrikam Inc) called", {"ORGANIZATION"}) ==
        Strings{"ORGANIZATION:Fabrikam Inc"});
  CHECK(Found("treated at Cleveland Clinic.", {"ORGANIZATION", "LOCATION"}) ==
        Strings{"ORGANIZATION:Cleveland Clinic"});
  CHECK(Found("She moved to Deutsche Bank", {"ORGANIZATION"}) ==
        Strings{"ORGANIZATION:Deutsche Bank"});
  CHECK(Found("a degree from the University of Toronto", {"ORGANIZATION"}) ==
        Strings{"ORGANIZATION:University of Toronto"});
  CHECK(Found("Prof. Sakura Berg of UNICEF", {"ORGANIZATION"}) == Strings{"ORGANIZATION:UNICEF"});
  CHECK(Found("treated at Initech.", {"ORGANIZATION"}) == Strings{"ORGANIZATION:Initech"});
  CHECK(Found("Anja Schulz from Siemens", {"ORGANIZATION"}) == Strings{"ORGANIZATION:Siemens"});
  CHECK(Found("i work at vodafone now", {"ORGANIZATION"}) == Strings{"ORGANIZATION:vodafone"});
  // Not organizations: products with numbers, identifiers, plain words.
  CHECK(Found("My Mastercard 5561 6751 3613 4128 expired", {"ORGANIZATION"}).empty());
  CHECK(Found("NHS number 943 476 5919", {"ORGANIZATION"}).empty());
  CHECK(Found("I had an apple for lunch.", {"ORGANIZATION"}).empty());
  CHECK(Found("Printer with MAC 7E:CB:C8:FE:29:55", {"ORGANIZATION"}).empty());
}

TEST_CASE("detect names: requested types and structured spans") {
  const std::string text = "Mail anna.schmidt@example.org, Anna Schmidt from Berlin at Siemens";
  CHECK(Found(text) == Strings{"EMAIL:anna.schmidt@example.org", "PERSON:Anna Schmidt",
                               "LOCATION:Berlin", "ORGANIZATION:Siemens"});
  CHECK(Found(text, {"PERSON"}) == Strings{"PERSON:Anna Schmidt"});
  CHECK(Found(text, {"EMAIL"}) == Strings{"EMAIL:anna.schmidt@example.org"});
}

TEST_CASE("detect names: accuracy on the project's labelled sentences") {
  EvaluationReport report;
  std::string error;
  REQUIRE_MESSAGE(EvaluateFile(SharedDetector(), std::string(TEST_DATA_DIR) + "/detect/names.jsonl",
                               kNameTypes, &report, &error),
                  error);
  MESSAGE(FormatReport(report));
  CHECK(report.per_type.at("PERSON").F1() >= 0.9);
  CHECK(report.per_type.at("LOCATION").F1() >= 0.9);
  CHECK(report.per_type.at("ORGANIZATION").F1() >= 0.75);
}

TEST_CASE("detect names: accuracy on the development corpus") {
  EvaluationReport report;
  std::string error;
  if (!EvaluateFile(SharedDetector(), EVAL_DEV_CORPUS, kNameTypes, &report, &error)) {
    MESSAGE("skipping: " << error);
    return;
  }
  MESSAGE(FormatReport(report));
  CHECK(report.per_type.at("PERSON").F1() >= 0.9);
  CHECK(report.per_type.at("LOCATION").F1() >= 0.9);
  CHECK(report.per_type.at("ORGANIZATION").F1() >= 0.75);
}

TEST_SUITE_END();
