// doctest main of the integration suite, plus a listener that prints the
// logs of nats-server and workers when a test case fails and stops the
// shared environments at the end of the run.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include <iostream>

#include "support/diagnostics.h"
#include "support/service_env.h"

namespace {

// Test-run listener: failure diagnostics and shared-environment shutdown.
struct EnvironmentListener : doctest::IReporter {
  explicit EnvironmentListener(const doctest::ContextOptions&) {}

  void report_query(const doctest::QueryData&) override {}
  void test_run_start() override {}
  void test_run_end(const doctest::TestRunStats&) override {
    privacy::testing::ShutdownSharedEnvs();
  }
  void test_case_start(const doctest::TestCaseData&) override {
    privacy::testing::Diagnostics::Reset();
  }
  void test_case_reenter(const doctest::TestCaseData&) override {}
  void test_case_end(const doctest::CurrentTestCaseStats& stats) override {
    if (stats.failure_flags != 0) {
      std::cerr << "\n----- process logs at failure -----\n"
                << privacy::testing::Diagnostics::Collect()
                << "----- end of process logs -----\n";
    }
  }
  void test_case_exception(const doctest::TestCaseException&) override {}
  void subcase_start(const doctest::SubcaseSignature&) override {}
  void subcase_end() override {}
  void log_assert(const doctest::AssertData&) override {}
  void log_message(const doctest::MessageData&) override {}
  void test_case_skipped(const doctest::TestCaseData&) override {}
};

}  // namespace

REGISTER_LISTENER("environment", 1, EnvironmentListener);
