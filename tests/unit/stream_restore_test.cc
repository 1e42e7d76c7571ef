// Streaming demask: however a text is cut into chunks, releasing chunk by
// chunk (passing the carry along) gives exactly the whole text's demask.
#include <doctest/doctest.h>

#include <cctype>
#include <random>
#include <set>

#include "../support/text_chunks.h"
#include "endpoints/stream_splitter.h"
#include "restore_fixture.h"
#include "vault/token_mentions.h"
#include "wire/utf8.h"

using namespace privacy;
using privacy::testing::RandomChunks;
using privacy::testing::RestoreFixture;

namespace {

const std::vector<vault::ValueToMask> kValues = {{"PERSON", "Zoë Ölund"},
                                                 {"EMAIL", "maria@example.com"},
                                                 {"LOCATION", "São Paulo"},
                                                 {"US_SSN", "078-05-1120"},
                                                 {"ABCDEFGHIJKLMNOPQR", "sixteen-letter prefix"}};

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// What texts are made of: the session's tokens exact and mangled, text that
// only looks like them, multi-byte characters, and bytes the token grammar
// cares about.
std::vector<std::string> Pieces(RestoreFixture& f) {
  std::vector<std::string> pieces = {" ",
                                     " ",
                                     "  ",
                                     "[",
                                     "[",
                                     "]",
                                     "]",
                                     "_",
                                     "a",
                                     "F",
                                     "7",
                                     "P",
                                     "\n",
                                     ".",
                                     ",",
                                     "é",
                                     "Ö",
                                     "日本",
                                     "😀",
                                     "。",
                                     "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
                                     "abc_def",
                                     "0123456789abcdef"};
  for (const auto& [value, token] : f.token_of) {
    const std::string core = token.substr(1, token.size() - 2);
    const std::string other = f.Lookalike(token);
    for (const std::string& piece :
         {token, token, Lower(token), core, Lower(core), "[ " + core + " ]", "[  " + core + "  ]",
          "[" + core + " ]", "[   " + core + "   ]", "[" + core, core + "]", "X" + core, core + "1",
          core + "g", "_" + core, core + "_", other, other.substr(1, other.size() - 2)}) {
      pieces.push_back(piece);
    }
  }
  return pieces;
}

std::string RandomText(std::mt19937& rng, const std::vector<std::string>& pieces) {
  std::string text;
  for (size_t n = 5 + rng() % 30; n > 0; --n) text += pieces[rng() % pieces.size()];
  return text;
}

// What a streaming client ends up with.
struct Streamed {
  std::string text;
  std::set<std::string> unknown;
  size_t restored = 0;
};

// Sends `chunks` as a stream; the last request is `final`, carrying the last
// chunk or (when `empty_final`) nothing but the carry. Checks every reply.
Streamed DemaskInChunks(RestoreFixture& f, const std::vector<std::string>& chunks,
                        bool empty_final) {
  Streamed out;
  std::string carry;
  for (size_t i = 0; i <= chunks.size(); ++i) {
    const bool last = empty_final ? i == chunks.size() : i + 1 == chunks.size();
    auto reply = f.Demask(i < chunks.size() ? chunks[i] : "", carry, last);
    REQUIRE(reply.ok());
    REQUIRE(wire::IsValidUtf8(reply->original_text()));
    REQUIRE(reply->carry().size() < vault::kMaxMentionLength);
    out.text += reply->original_text();
    out.unknown.insert(reply->unknown().begin(), reply->unknown().end());
    out.restored += f.audit.entity_count();
    carry = reply->carry();
    if (last) {
      REQUIRE(carry.empty());
      break;
    }
  }
  return out;
}

std::string Joined(const std::vector<std::string>& chunks) {
  std::string out;
  for (const auto& c : chunks) out += c + "|";
  return out;
}

// Checks that streaming `chunks` gives the whole demask of their concatenation.
void CheckStreamedEqualsWhole(RestoreFixture& f, const std::vector<std::string>& chunks,
                              bool empty_final) {
  std::string text;
  for (const auto& c : chunks) text += c;
  auto whole = f.Demask(text);
  REQUIRE(whole.ok());
  const size_t whole_restored = f.audit.entity_count();
  const std::set<std::string> whole_unknown(whole->unknown().begin(), whole->unknown().end());
  Streamed streamed = DemaskInChunks(f, chunks, empty_final);
  INFO("chunks: ", Joined(chunks));
  REQUIRE(streamed.text == whole->original_text());
  REQUIRE(streamed.unknown == whole_unknown);
  REQUIRE(streamed.restored == whole_restored);
}

}  // namespace

TEST_CASE("streamed demask equals whole demask over random texts and chunkings") {
  RestoreFixture f(kValues);
  const auto pieces = Pieces(f);
  std::mt19937 rng(8);
  size_t restored_somewhere = 0;
  for (int t = 0; t < 300; ++t) {
    const std::string text = RandomText(rng, pieces);
    auto whole = f.Demask(text);
    REQUIRE(whole.ok());
    restored_somewhere += f.audit.entity_count();
    for (int c = 0; c < 20; ++c) {
      CheckStreamedEqualsWhole(f, RandomChunks(rng, text), c % 2 == 0);
    }
  }
  // The texts do exercise restoring.
  CHECK(restored_somewhere > 300);
}

TEST_CASE("streamed demask equals whole demask for every two cut points of tricky texts") {
  RestoreFixture f(kValues);
  const std::string person = f.Token("Zoë Ölund");
  const std::string core = person.substr(1, person.size() - 2);
  const std::string longest = f.Token("sixteen-letter prefix");
  const std::string longest_core = longest.substr(1, longest.size() - 2);
  const std::vector<std::string> texts = {
      std::string(40, 'A') + core + " " + core,  // a long word swallows a core
      "hello_world" + core + "." + core,
      "x[ " + core + " ] and [  " + Lower(core) + "  ]!",
      core + "1 " + core + "g " + core + "_ _" + core,
      "é" + core + "ü 日本[" + core + "]😀" + Lower(person),
      "Y" + longest_core + " " + longest_core + " [ " + longest_core + "  ]",
      "MY_" + core + " [" + core + "   ] [" + core,
      f.Lookalike(person) + person + "[[" + person + "]]",
  };
  for (const auto& text : texts) {
    CAPTURE(text);
    for (size_t i = 0; i <= text.size(); ++i) {
      if (!wire::IsValidUtf8(text.substr(0, i))) continue;
      for (size_t j = i; j <= text.size(); ++j) {
        if (!wire::IsValidUtf8(text.substr(i, j - i))) continue;
        CheckStreamedEqualsWhole(f, {text.substr(0, i), text.substr(i, j - i), text.substr(j)},
                                 (i + j) % 2 == 0);
      }
    }
  }
}

TEST_CASE("a stream holds back only what may be a token") {
  RestoreFixture f(kValues);
  const std::string person = f.Token("Zoë Ölund");
  const std::string core = person.substr(1, person.size() - 2);

  auto reply = f.Demask("Hello " + person.substr(0, 5), "", false);
  REQUIRE(reply.ok());
  CHECK(reply->original_text() == "Hello ");
  CHECK(reply->carry() == person.substr(0, 5));

  reply = f.Demask(person.substr(5) + ", how", reply->carry(), false);
  REQUIRE(reply.ok());
  CHECK(reply->original_text() == "Zoë Ölund, ");
  CHECK(reply->carry() == "how");

  reply = f.Demask(" are you? [ " + core + " ", reply->carry(), false);
  REQUIRE(reply.ok());
  CHECK(reply->original_text() == "how are you? ");
  CHECK(reply->carry() == "[ " + core + " ");

  reply = f.Demask("]", reply->carry(), true);
  REQUIRE(reply.ok());
  CHECK(reply->original_text() == "Zoë Ölund");
  CHECK(reply->carry().empty());

  // Without `final` the whole text is released, carry included.
  reply = f.Demask(" there", "[PER");
  REQUIRE(reply.ok());
  CHECK(reply->original_text() == "[PER there");
  CHECK(reply->carry().empty());
}

TEST_CASE("what a stream holds back") {
  using endpoints::ReleasableLength;
  CHECK(ReleasableLength("") == 0);
  CHECK(ReleasableLength("Hello, ") == 7);
  CHECK(ReleasableLength("Hello PERS") == 6);
  CHECK(ReleasableLength("Hello [ PERSON_7") == 6);
  CHECK(ReleasableLength("Hello [  ") == 6);
  CHECK(ReleasableLength("Hello [   ") == 10);  // too much padding for a mention
  CHECK(ReleasableLength("a [ PERSON_7f3a  ") == 2);
  CHECK(ReleasableLength("a [ PERSON_7f3a   ") == 18);
  CHECK(ReleasableLength("a PERSON_7f3a  ") == 15);
  CHECK(ReleasableLength("a PERSON_7f3a") == 2);
  CHECK(ReleasableLength("a hello_world") == 2);  // no core, but the next chunk continues it
  // A word too long to be a core: what is held back must not begin one.
  const std::string word = "YYYYYYYYYYABCDEFGHIJKLMNOP_00c0ffee";
  const std::string carry = word.substr(ReleasableLength(word));
  CHECK_FALSE(carry.empty());
  CHECK(carry.size() < vault::kMaxMentionLength);
  CHECK_FALSE(vault::CouldBeginTokenCore(carry));
}
