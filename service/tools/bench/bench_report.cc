#include "tools/bench/bench_report.h"

#include <cstdio>
#include <optional>

#include "common/json_text.h"

namespace privacy::tools {

namespace {

std::string Fixed(double value, int decimals) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
  return buffer;
}

double Micros(int64_t nanoseconds) { return static_cast<double>(nanoseconds) / 1000.0; }

// The echo phase's figures, when the run had one.
const LoadResult* Baseline(const BenchRun& run) {
  for (const auto& figures : run.phases) {
    if (figures.phase == "echo") return &figures.result;
  }
  return nullptr;
}

// A phase's throughput and p99 relative to the baseline's.
struct Ratios {
  double rps = 0;
  double p99 = 0;
};

std::optional<Ratios> RatiosTo(const LoadResult* baseline, const LoadResult& result) {
  if (baseline == nullptr || baseline->requests_per_second() <= 0 ||
      baseline->latency.p99_ns <= 0) {
    return std::nullopt;
  }
  return Ratios{result.requests_per_second() / baseline->requests_per_second(),
                static_cast<double>(result.latency.p99_ns) /
                    static_cast<double>(baseline->latency.p99_ns)};
}

std::string Padded(std::string text, size_t width) {
  if (text.size() < width) text.insert(0, width - text.size(), ' ');
  return text;
}

}  // namespace

uint64_t BenchRun::TotalErrors() const {
  uint64_t errors = 0;
  for (const auto& figures : phases) errors += figures.result.errors;
  return errors;
}

std::string FormatTable(const BenchRun& run) {
  std::string out = "privacy-filter bench: " + std::to_string(run.requesters) + " requesters, " +
                    Fixed(run.duration_seconds, 1) + " s per phase after " +
                    Fixed(run.warmup_seconds, 1) + " s warm-up, " + run.encoding + ", " +
                    std::to_string(run.text_bytes) + "-byte text\n";
  out += "phase         requests/s  x echo  p50 us  p90 us  p99 us  max us  p99 x echo  errors\n";
  const LoadResult* baseline = Baseline(run);
  for (const auto& figures : run.phases) {
    const LoadResult& r = figures.result;
    auto ratios = RatiosTo(baseline, r);
    std::string line = figures.phase;
    line.resize(12, ' ');
    line += Padded(Fixed(r.requests_per_second(), 0), 12);
    line += Padded(ratios ? Fixed(ratios->rps, 3) : "-", 8);
    line += Padded(Fixed(Micros(r.latency.p50_ns), 0), 8);
    line += Padded(Fixed(Micros(r.latency.p90_ns), 0), 8);
    line += Padded(Fixed(Micros(r.latency.p99_ns), 0), 8);
    line += Padded(Fixed(Micros(r.latency.max_ns), 0), 8);
    line += Padded(ratios ? Fixed(ratios->p99, 2) : "-", 12);
    line += Padded(std::to_string(r.errors), 8);
    out += line + "\n";
    if (r.errors > 0) out += "  first error: " + r.first_error + "\n";
  }
  return out;
}

std::string FormatJson(const BenchRun& run) {
  std::string out = "{\"requesters\":" + std::to_string(run.requesters) +
                    ",\"duration_s\":" + Fixed(run.duration_seconds, 3) +
                    ",\"warmup_s\":" + Fixed(run.warmup_seconds, 3) + ",\"encoding\":";
  AppendJsonString(&out, run.encoding);
  out += ",\"text_bytes\":" + std::to_string(run.text_bytes) +
         ",\"errors\":" + std::to_string(run.TotalErrors()) + ",\"phases\":[\n";
  const LoadResult* baseline = Baseline(run);
  for (size_t i = 0; i < run.phases.size(); ++i) {
    const PhaseFigures& figures = run.phases[i];
    const LoadResult& r = figures.result;
    auto ratios = RatiosTo(baseline, r);
    out += "{\"phase\":";
    AppendJsonString(&out, figures.phase);
    out += ",\"subject\":";
    AppendJsonString(&out, figures.subject);
    out += ",\"requests\":" + std::to_string(r.answered) +
           ",\"seconds\":" + Fixed(r.window_seconds, 3) +
           ",\"rps\":" + Fixed(r.requests_per_second(), 1) +
           ",\"p50_us\":" + Fixed(Micros(r.latency.p50_ns), 1) +
           ",\"p90_us\":" + Fixed(Micros(r.latency.p90_ns), 1) +
           ",\"p99_us\":" + Fixed(Micros(r.latency.p99_ns), 1) +
           ",\"max_us\":" + Fixed(Micros(r.latency.max_ns), 1) +
           ",\"rps_ratio\":" + (ratios ? Fixed(ratios->rps, 3) : "null") +
           ",\"p99_ratio\":" + (ratios ? Fixed(ratios->p99, 3) : "null") +
           ",\"errors\":" + std::to_string(r.errors) + ",\"first_error\":";
    AppendJsonString(&out, r.first_error);
    out += i + 1 < run.phases.size() ? "},\n" : "}\n";
  }
  out += "]}\n";
  return out;
}

}  // namespace privacy::tools
