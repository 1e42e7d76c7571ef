#include "support/diagnostics.h"

#include <map>
#include <mutex>
#include <vector>

namespace privacy::testing {
namespace {

struct State {
  std::mutex mu;
  std::map<const void*, Diagnostics::Source> live;
  std::vector<std::string> retired;
};

State& GetState() {
  static State* state = new State();  // leaked: usable during static destruction
  return *state;
}

}  // namespace

void Diagnostics::Register(const void* owner, Source source) {
  State& s = GetState();
  std::lock_guard lock(s.mu);
  s.live[owner] = std::move(source);
}

void Diagnostics::Unregister(const void* owner) {
  State& s = GetState();
  Source source;
  {
    std::lock_guard lock(s.mu);
    auto it = s.live.find(owner);
    if (it == s.live.end()) return;
    source = std::move(it->second);
    s.live.erase(it);
  }
  std::string text = source();
  std::lock_guard lock(s.mu);
  s.retired.push_back(std::move(text));
}

std::string Diagnostics::Collect() {
  State& s = GetState();
  std::vector<Source> sources;
  std::string out;
  {
    std::lock_guard lock(s.mu);
    for (const auto& [owner, src] : s.live) sources.push_back(src);
    for (const auto& text : s.retired) out += text;
  }
  for (const auto& src : sources) out += src();
  return out;
}

void Diagnostics::Reset() {
  State& s = GetState();
  std::lock_guard lock(s.mu);
  s.retired.clear();
}

}  // namespace privacy::testing
