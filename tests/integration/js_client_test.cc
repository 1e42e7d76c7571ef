// The lifecycle through the official NATS JavaScript client (tests/js).
#include <doctest/doctest.h>

#include <filesystem>

#include "support/child_process.h"
#include "support/service_env.h"
#include "support/temp_dir.h"

using namespace privacy::testing;

namespace {

// tests/js of this source tree, from this file's path.
std::filesystem::path JsDir() {
  return std::filesystem::path(__FILE__).parent_path().parent_path() / "js";
}

}  // namespace

TEST_CASE("lifecycle through the NATS JavaScript client (node tests/js/lifecycle.mjs)") {
  const auto js_dir = JsDir();
  REQUIRE_MESSAGE(std::filesystem::exists(js_dir / "lifecycle.mjs"), "missing ", js_dir / "lifecycle.mjs");
  REQUIRE_MESSAGE(std::filesystem::exists(js_dir / "node_modules" / "nats"),
                  "the NATS JavaScript client is not installed: run `npm ci --prefix tests/js` "
                  "(expected ", (js_dir / "node_modules" / "nats").string(), ")");

  ServiceEnv env({"js-client"});
  TempDir tmp("privacy-it-node");
  ChildProcess node({.argv = {"node", (js_dir / "lifecycle.mjs").string()},
                     .log_file = tmp.path() / "node.log",
                     .env = {{"NATS_URL", env.server().url()}}});
  auto status = node.WaitFor(std::chrono::seconds(60));
  INFO("node output:\n", node.Log());
  REQUIRE_MESSAGE(status.has_value(), "node did not finish within 60 s");
  CHECK(*status == 0);
  CHECK(node.Log().find("js lifecycle: OK") != std::string::npos);
}
