// Detection throughput on generated prose, chat, log text and text full of
// distinct phone numbers, each next to a memchr baseline over the same bytes,
// with the structured types only and with PERSON, LOCATION and ORGANIZATION
// (found by the entity tagger, and by the rules it replaced).
#include <benchmark/benchmark.h>

#include <cstdint>
#include <cstring>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "detect/detector.h"

namespace {

using privacy::detect::CreateDetector;
using privacy::detect::DetectOptions;
using privacy::detect::Detector;

// Deterministic pseudo-random numbers (64-bit LCG).
class Lcg {
 public:
  explicit Lcg(uint64_t seed) : state_(seed) {}
  uint32_t Next(uint32_t bound) {
    state_ = state_ * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<uint32_t>((state_ >> 33) % bound);
  }

 private:
  uint64_t state_;
};

const std::vector<std::string>& Words() {
  static const std::vector<std::string> kWords = {
      "the", "of", "and", "to", "in", "a", "is", "that", "for", "it", "as", "was", "with",
      "be", "by", "on", "not", "he", "this", "are", "or", "his", "from", "at", "which",
      "but", "have", "an", "had", "they", "you", "were", "their", "one", "all", "we",
      "can", "her", "has", "there", "been", "if", "more", "when", "will", "would", "who",
      "so", "no", "report", "market", "people", "government", "system", "program",
      "question", "during", "without", "again", "development", "between", "important",
      "children", "however", "company", "number", "because", "through", "example",
      "information", "committee", "although", "research", "evidence", "community"};
  return kWords;
}

const std::vector<std::string>& PiiValues() {
  static const std::vector<std::string> kValues = {
      "anna.schmidt@example.org", "+44 20 7946 0286", "4111 1111 1111 1111",
      "DE89 3704 0044 0532 0130 00", "192.168.10.24", "https://portal.example.com/u/5512",
      "12 March 2024", "(415) 555-0144", "536-22-8726", "00:1A:2B:3C:4D:5E"};
  return kValues;
}

// English-like prose with one PII value roughly every 2 KB.
std::string SparseProse(size_t bytes) {
  Lcg rng(42);
  std::string text;
  size_t next_pii = 2048;
  while (text.size() < bytes) {
    const size_t sentence = 8 + rng.Next(14);
    for (size_t i = 0; i < sentence; ++i) {
      std::string word = Words()[rng.Next(static_cast<uint32_t>(Words().size()))];
      if (i == 0) word[0] = static_cast<char>(word[0] - 'a' + 'A');
      text += word;
      text += i + 1 == sentence ? ". " : (rng.Next(9) == 0 ? ", " : " ");
    }
    if (text.size() >= next_pii) {
      text += "Contact " + PiiValues()[rng.Next(static_cast<uint32_t>(PiiValues().size()))] + ". ";
      next_pii += 2048;
    }
    if (rng.Next(7) == 0) text += "\n\n";
  }
  return text;
}

// Short chat messages, most carrying one or two PII values.
std::string DenseChat(size_t bytes) {
  Lcg rng(7);
  static const std::vector<std::string> kOpeners = {
      "hey, you can reach me at ", "my card is ", "pls send it to ", "new IBAN: ",
      "server ip is ", "born on ", "ok, call ", "link: ", "ssn ", "device "};
  std::string text;
  while (text.size() < bytes) {
    text += "[user" + std::to_string(rng.Next(50)) + "] ";
    text += kOpeners[rng.Next(static_cast<uint32_t>(kOpeners.size()))];
    text += PiiValues()[rng.Next(static_cast<uint32_t>(PiiValues().size()))];
    if (rng.Next(2) == 0) {
      text += " or " + PiiValues()[rng.Next(static_cast<uint32_t>(PiiValues().size()))];
    }
    text += " thanks!\n";
  }
  return text;
}

// Application log lines with timestamps, ids, IPs and occasional e-mails.
std::string LogFile(size_t bytes) {
  Lcg rng(99);
  static const std::vector<std::string> kLevels = {"INFO", "INFO", "INFO", "WARN", "DEBUG",
                                                   "ERROR"};
  std::string text;
  char line[256];
  while (text.size() < bytes) {
    const uint32_t sec = rng.Next(86400);
    std::snprintf(line, sizeof line,
                  "2024-05-%02u %02u:%02u:%02u.%03u %s [worker-%u] GET /api/v1/items/%u "
                  "status=%u latency=%ums ip=10.%u.%u.%u",
                  1 + rng.Next(28), sec / 3600, (sec / 60) % 60, sec % 60, rng.Next(1000),
                  kLevels[rng.Next(static_cast<uint32_t>(kLevels.size()))].c_str(),
                  rng.Next(16), rng.Next(100000), rng.Next(5) == 0 ? 404u : 200u,
                  rng.Next(900), rng.Next(256), rng.Next(256), rng.Next(256));
    text += line;
    if (rng.Next(20) == 0) text += " user=j.doe" + std::to_string(rng.Next(999)) + "@example.com";
    text += "\n";
  }
  return text;
}

// Chat lines each carrying a different phone number, written the way people
// of several countries write them, so that every number goes through
// libphonenumber (no per-call memo hit).
std::string DistinctPhones(size_t bytes) {
  Lcg rng(2024);
  auto digits = [&](size_t n) {
    std::string d;
    for (size_t i = 0; i < n; ++i) d += static_cast<char>('0' + rng.Next(10));
    return d;
  };
  static const std::vector<std::string> kAreaCodes = {"212", "415", "617", "312", "206", "303"};
  std::string text;
  while (text.size() < bytes) {
    std::string number;
    switch (rng.Next(5)) {
      case 0:
        number = "(" + kAreaCodes[rng.Next(static_cast<uint32_t>(kAreaCodes.size()))] + ") " +
                 std::to_string(2 + rng.Next(8)) + digits(2) + "-" + digits(4);
        break;
      case 1:
        number = "+44 20 7946 " + digits(4);
        break;
      case 2:
        number = "+49 30 " + std::to_string(1 + rng.Next(9)) + digits(7);
        break;
      case 3:
        number = "+33 6 " + digits(2) + " " + digits(2) + " " + digits(2) + " " + digits(2);
        break;
      default:
        number = "+91 98" + digits(3) + " " + digits(5);
        break;
    }
    text += "[user" + std::to_string(rng.Next(50)) + "] you can call me on " + number +
            " after six\n";
  }
  return text;
}

// Which types a benchmark asks for, and how names are found: the entity
// tagger (the default) or the rules it replaced (the baseline).
enum class Types { kStructured, kWithNames, kWithNameRules };

const Detector& SharedDetector() {
  static const std::unique_ptr<Detector> detector = CreateDetector({});
  return *detector;
}

const Detector& RulesDetector() {
  static const std::unique_ptr<Detector> detector = [] {
    privacy::detect::DetectorConfig config;
    config.name_detector = privacy::detect::DetectorConfig::NameDetector::kRules;
    return CreateDetector(config);
  }();
  return *detector;
}

// Every known type except the names, as a request leaving them out would ask.
DetectOptions OptionsFor(Types types) {
  DetectOptions options;
  if (types == Types::kStructured) {
    for (const std::string& type : SharedDetector().KnownTypes()) {
      if (type != "PERSON" && type != "LOCATION" && type != "ORGANIZATION") {
        options.only_types.push_back(type);
      }
    }
  }
  return options;
}

void RunDetect(benchmark::State& state, const std::string& text, Types types) {
  const Detector& detector = types == Types::kWithNameRules ? RulesDetector() : SharedDetector();
  const DetectOptions options = OptionsFor(types);
  size_t findings = 0;
  for (auto _ : state) {
    auto result = detector.Detect(text, options);
    findings = result.size();
    benchmark::DoNotOptimize(result.data());
  }
  state.counters["findings"] = static_cast<double>(findings);
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}

// Baseline: a memchr scan counting '@' bytes over the same input.
void RunMemchr(benchmark::State& state, const std::string& text) {
  for (auto _ : state) {
    size_t count = 0;
    const char* p = text.data();
    const char* end = p + text.size();
    while ((p = static_cast<const char*>(std::memchr(p, '@', static_cast<size_t>(end - p)))) !=
           nullptr) {
      ++count;
      ++p;
    }
    benchmark::DoNotOptimize(count);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}

const std::string& Prose() {
  static const std::string text = SparseProse(256 * 1024);
  return text;
}
const std::string& Chat() {
  static const std::string text = DenseChat(64 * 1024);
  return text;
}
const std::string& Log() {
  static const std::string text = LogFile(1024 * 1024);
  return text;
}
const std::string& Phones() {
  static const std::string text = DistinctPhones(64 * 1024);
  return text;
}

// The prompt `privacy-filter bench` masks by default: one short request
// with a name, a place, a date, an e-mail address, a phone, a card, an IBAN.
const std::string& Prompt() {
  static const std::string text =
      "Hi, this is Maria Gonzalez. Please move my flight to Madrid to 2024-03-15 and send the "
      "confirmation to maria.gonzalez@example.com or text me on +1 415 555 0132. Charge the "
      "change fee to my card 4111 1111 1111 1111; if that fails, debit my account "
      "DE89 3704 0044 0532 0130 00. Thanks!";
  return text;
}

}  // namespace

// Each input: the memchr baseline, then detection of the structured types,
// then detection with the names as well (tagger, then rules).
int main(int argc, char** argv) {
  using Input = const std::string& (*)();
  const std::pair<const char*, Input> inputs[] = {
      {"SparseProse", Prose}, {"DenseChat", Chat}, {"LogFile", Log}, {"DistinctPhones", Phones},
      {"Prompt", Prompt}};
  for (const auto& [name, input] : inputs) {
    const std::string suffix = std::string("/") + name;
    benchmark::RegisterBenchmark(("BM_Memchr" + suffix).c_str(),
                                 [input](benchmark::State& s) { RunMemchr(s, input()); });
    for (const auto& [config, types] : {std::pair{"_Structured", Types::kStructured},
                                        std::pair{"_WithNames", Types::kWithNames},
                                        std::pair{"_WithNameRules", Types::kWithNameRules}}) {
      benchmark::RegisterBenchmark(("BM_Detect" + suffix + config).c_str(),
                                   [input, types](benchmark::State& s) {
                                     RunDetect(s, input(), types);
                                   });
    }
  }
  benchmark::Initialize(&argc, argv);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
