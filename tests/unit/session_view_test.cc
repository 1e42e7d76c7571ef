#include <doctest/doctest.h>
#include <google/protobuf/stubs/logging.h>

#include <optional>
#include <random>
#include <string>
#include <vector>

#include "privacy/v1/session.pb.h"
#include "vault/session.h"
#include "vault/session_view.h"

using namespace privacy;

namespace {

// A record of `count` entries, with values long and short.
v1::SessionRecord RecordOf(int count) {
  vault::Session session{v1::SessionRecord()};
  session.mutable_record().set_account(count % 2 ? "TENANT_A" : "");
  session.mutable_record().set_created_at_ms(1'700'000'000'000);
  session.mutable_record().set_expires_at_ms(1'700'000'900'000 + count);
  for (int i = 0; i < count; ++i) {
    session.TokenFor(i % 3 ? "EMAIL" : "PHONE",
                     i % 2 ? std::to_string(i) : "person" + std::to_string(i) + "@example.com");
  }
  return session.record();
}

// The view reads `bytes` as protobuf's parser does: both refuse them, or
// both read the same session.
void CheckSameAsProtobuf(const std::string& bytes) {
  v1::SessionRecord record;
  const bool parsed = record.ParseFromString(bytes);
  std::optional<vault::SessionView> view = vault::SessionView::Parse(bytes);
  REQUIRE(view.has_value() == parsed);
  if (!parsed) return;
  CHECK(view->account() == record.account());
  CHECK(view->created_at_ms() == record.created_at_ms());
  CHECK(view->expires_at_ms() == record.expires_at_ms());
  REQUIRE(view->token_count() == static_cast<size_t>(record.entries_size()));
  for (const auto& entry : record.entries()) {
    const vault::TokenEntryView* found = view->FindByToken(entry.token());
    REQUIRE(found != nullptr);
    // The first entry of a token, as the session's own lookup finds it.
    for (const auto& first : record.entries()) {
      if (first.token() != entry.token()) continue;
      CHECK(found->type() == first.type());
      CHECK(found->value() == first.value());
      break;
    }
  }
}

}  // namespace

TEST_CASE("a session view reads what the session wrote, small or large") {
  for (int count : {0, 1, 7, 16, 17, 200}) {
    CAPTURE(count);
    const v1::SessionRecord record = RecordOf(count);
    const std::string bytes = record.SerializeAsString();
    CheckSameAsProtobuf(bytes);
    std::optional<vault::SessionView> view = vault::SessionView::Parse(bytes);
    REQUIRE(view.has_value());
    // Moved, its entries stay valid.
    const vault::TokenEntryView* first =
        count > 0 ? view->FindByToken(record.entries(0).token()) : nullptr;
    vault::SessionView moved = std::move(*view);
    view.reset();
    if (count > 0) {
      CHECK(moved.FindByToken(record.entries(0).token()) == first);
      CHECK(first->value() == record.entries(0).value());
    }
    CHECK(moved.FindByToken("[EMAIL_none]") == nullptr);
  }
}

TEST_CASE("a session view skips fields it does not know and keeps a repeated field's last value") {
  v1::SessionRecord record = RecordOf(3);
  std::string bytes = record.SerializeAsString();
  // Unknown fields of every wire type, a group among them, and a known
  // field with another wire type (unknown to protobuf too).
  bytes += std::string("\x28\x96\x01", 3);                 // field 5, varint
  bytes += std::string("\x31") + std::string(8, '\x01');   // field 6, fixed64
  bytes += std::string("\x3a\x03xyz", 5);                  // field 7, bytes
  bytes += std::string("\x45") + std::string(4, '\x02');   // field 8, fixed32
  bytes += std::string("\x4b\x08\x01\x4c", 4);             // field 9, a group holding a varint
  bytes += std::string("\x10\x07", 2);                     // created_at_ms again: 7
  bytes += std::string("\x0d\x00\x00\x00\x00", 5);         // entries as fixed32: unknown
  CheckSameAsProtobuf(bytes);
  CHECK(vault::SessionView::Parse(bytes)->created_at_ms() == 7);
}

TEST_CASE("a session view refuses what protobuf's parser refuses") {
  // Protobuf logs every string that is not UTF-8.
  google::protobuf::LogSilencer quiet;
  const std::string bytes = RecordOf(3).SerializeAsString();
  CheckSameAsProtobuf(bytes.substr(0, bytes.size() - 1));  // cut short
  CheckSameAsProtobuf(std::string("\x22\x02\xc3\x28", 4));  // account not UTF-8
  CheckSameAsProtobuf(std::string("\x0a\x04\x1a\x02\xed\xa0", 6));  // value: a surrogate
  CheckSameAsProtobuf(std::string("\x4c", 1));              // end of a group never started
  CheckSameAsProtobuf(std::string("\x4b\x54", 2));          // a group ended by another field's end
  CheckSameAsProtobuf(std::string("\x00", 1));              // tag 0

  // Every byte of a record changed, one at a time, to a few values.
  std::mt19937 random(17);
  for (size_t at = 0; at < bytes.size(); ++at) {
    for (int trial = 0; trial < 4; ++trial) {
      CAPTURE(at);
      std::string changed = bytes;
      changed[at] = static_cast<char>(random());
      CheckSameAsProtobuf(changed);
    }
  }
}
