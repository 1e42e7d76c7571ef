// Detection throughput on generated prose, chat and log text, each next to a
// memchr baseline over the same bytes.
#include <benchmark/benchmark.h>

#include <cstdint>
#include <cstring>
#include <string>
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

const Detector& SharedDetector() {
  static const std::unique_ptr<Detector> detector = CreateDetector({});
  return *detector;
}

void RunDetect(benchmark::State& state, const std::string& text) {
  const Detector& detector = SharedDetector();
  size_t findings = 0;
  for (auto _ : state) {
    auto result = detector.Detect(text, DetectOptions{});
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

void BM_Detect_SparseProse(benchmark::State& s) { RunDetect(s, Prose()); }
void BM_Memchr_SparseProse(benchmark::State& s) { RunMemchr(s, Prose()); }
void BM_Detect_DenseChat(benchmark::State& s) { RunDetect(s, Chat()); }
void BM_Memchr_DenseChat(benchmark::State& s) { RunMemchr(s, Chat()); }
void BM_Detect_LogFile(benchmark::State& s) { RunDetect(s, Log()); }
void BM_Memchr_LogFile(benchmark::State& s) { RunMemchr(s, Log()); }

BENCHMARK(BM_Detect_SparseProse);
BENCHMARK(BM_Memchr_SparseProse);
BENCHMARK(BM_Detect_DenseChat);
BENCHMARK(BM_Memchr_DenseChat);
BENCHMARK(BM_Detect_LogFile);
BENCHMARK(BM_Memchr_LogFile);

}  // namespace

BENCHMARK_MAIN();
