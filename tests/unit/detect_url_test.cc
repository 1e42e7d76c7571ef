// URLs written without a scheme, and the dotted words that are not URLs.
#include <doctest/doctest.h>

#include <string>

#include "detect/urls/schemeless_url.h"
#include "detect/urls/top_level_domains.h"
#include "detect_test_util.h"

using namespace privacy::detect;
using privacy::detect::testing::Found;
using privacy::detect::testing::Strings;

TEST_SUITE_BEGIN("detect");

TEST_CASE("detect top-level domains: from the Public Suffix List") {
  for (const char* tld : {"com", "org", "de", "uk", "io", "museum", "zw"}) {
    CAPTURE(tld);
    CHECK(IsTopLevelDomain(tld));
  }
  for (const char* word : {"js", "txt", "cpp", "g", "", "COM", "exe"}) {
    CAPTURE(word);
    CHECK_FALSE(IsTopLevelDomain(word));
  }
}

TEST_CASE("detect URL without scheme: the validator") {
  CHECK(SchemelessUrl("example.com/users/42") == "example.com/users/42");
  CHECK(SchemelessUrl("www.example.org/profile).") == "www.example.org/profile");
  CHECK(SchemelessUrl("..example.co.uk/a") == "example.co.uk/a");
  CHECK(SchemelessUrl("münchen.de/karte”") == "münchen.de/karte");
  CHECK(SchemelessUrl("node.js/express").empty());
  CHECK(SchemelessUrl("ASP.NET/MVC").empty());            // capital top-level domain
  CHECK(SchemelessUrl("/Applications/x.app/y").empty());  // a path
  CHECK(SchemelessUrl("src/github.com/x").empty());
  CHECK(SchemelessUrl("-good.com/x") == "good.com/x");
  CHECK(SchemelessUrl("bad-.com/x").empty());
}

TEST_CASE("detect URL: bare domains with a path, and www hosts") {
  CHECK(Found("see www.example.org/profile for details") == Strings{"URL:www.example.org/profile"});
  CHECK(Found("my page is example.com/users/42, thanks") == Strings{"URL:example.com/users/42"});
  CHECK(Found("code at github.com/acme/tools.") == Strings{"URL:github.com/acme/tools"});
  CHECK(Found("(shop.example.de/angebote?x=1)") == Strings{"URL:shop.example.de/angebote?x=1"});
  CHECK(Found("https://portal.example.com/u/5512 and www.example.net") ==
        Strings{"URL:https://portal.example.com/u/5512", "URL:www.example.net"});
}

TEST_CASE("detect URL: a long path with many slashes is one URL") {
  std::string path;
  for (int i = 0; i < 300; ++i) path += "ab/";
  const std::string text = "junk/example.com/x, see example.org/" + path + " for it";
  CHECK(Found(text, {"URL"}) == Strings{"URL:example.org/" + path});
}

TEST_CASE("detect URL: dotted words that are not URLs") {
  CHECK(Found("Use node.js/express, e.g. with file.txt and version 1.2.3.").empty());
  // "U.S." and "Canada" are places, but no URL.
  CHECK(Found("It ends here.Then it goes on. i.e./etc., U.S./Canada", {"URL"}).empty());
  CHECK(Found("We use ASP.NET/MVC and open /usr/share/doc/x.dat/y").empty());
  CHECK(Found("example.com without a path, www.example.invalidtld/x").empty());
}
