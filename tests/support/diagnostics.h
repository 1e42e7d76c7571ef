// Process logs shown when a test case fails.
#pragma once

#include <functional>
#include <string>

namespace privacy::testing {

// Registry of log sources (live test environments). When a test case fails,
// the test runner prints their log tails, plus the final logs of
// environments that were torn down during that test case.
class Diagnostics {
 public:
  using Source = std::function<std::string()>;

  static void Register(const void* owner, Source source);
  // Unregisters `owner`, keeping its last words for the current test case.
  static void Unregister(const void* owner);
  // Everything known: live sources and logs kept since the last Reset().
  static std::string Collect();
  // Called at the start of each test case.
  static void Reset();
};

}  // namespace privacy::testing
