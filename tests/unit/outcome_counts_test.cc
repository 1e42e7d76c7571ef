#include <doctest/doctest.h>

#include "endpoints/outcome_counts.h"

using namespace privacy;
using endpoints::OutcomeCounts;

namespace {

v1::AuditEvent MaskEvent(std::initializer_list<std::pair<const char*, uint32_t>> types) {
  v1::AuditEvent event;
  for (const auto& [type, count] : types) (*event.mutable_entity_types())[type] = count;
  return event;
}

v1::AuditEvent RestoreEvent(uint32_t unknown) {
  v1::AuditEvent event;
  event.set_entity_count(2);
  event.set_unknown_count(unknown);
  return event;
}

}  // namespace

TEST_CASE("a fresh count: every reason and outcome at zero, no entities") {
  OutcomeCounts counts;
  const std::string refused =
      R"("refused":{"bad_request":0,"too_large":0,"over_quota":0,"unavailable":0})";
  CHECK(counts.DataJson("mask") == "{\"entities\":{}," + refused + "}");
  CHECK(counts.DataJson("resolve") ==
        R"({"outcomes":{"resolved":0,"unknown":0,"not_found":0},)" + refused + "}");
  CHECK(counts.DataJson("delete") == "{" + refused + "}");
  CHECK(counts.DataJson("$SRV.PING") == "{}");
}

TEST_CASE("masked entities add up per type; failed masks add none") {
  OutcomeCounts counts;
  counts.Record("mask", MaskEvent({{"EMAIL", 2}, {"PERSON", 1}}), std::nullopt);
  counts.Record("mask", MaskEvent({{"EMAIL", 1}}), std::nullopt);
  counts.Record("mask", MaskEvent({{"EMAIL", 5}}), Error{ErrorCode::kTooLarge, "too large"});
  counts.Record("detect", MaskEvent({{"EMAIL", 7}}), std::nullopt);
  CHECK(counts.DataJson("mask") ==
        R"({"entities":{"EMAIL":3,"PERSON":1},)"
        R"("refused":{"bad_request":0,"too_large":1,"over_quota":0,"unavailable":0}})");
}

TEST_CASE("resolve and demask count requests by outcome; 404 is no refusal") {
  OutcomeCounts counts;
  counts.Record("resolve", RestoreEvent(0), std::nullopt);
  counts.Record("resolve", RestoreEvent(0), std::nullopt);
  counts.Record("resolve", RestoreEvent(3), std::nullopt);
  counts.Record("resolve", RestoreEvent(0), Error{ErrorCode::kNotFound, "no session"});
  counts.Record("resolve", RestoreEvent(0), Error{ErrorCode::kBadRequest, "bad"});
  counts.Record("resolve", RestoreEvent(0), Error{ErrorCode::kInternal, "oops"});
  counts.Record("demask", RestoreEvent(1), std::nullopt);
  counts.Record("demask", RestoreEvent(0), Error{ErrorCode::kTooManyRequests, "rate"});
  counts.Record("demask", RestoreEvent(0), Error{ErrorCode::kUnavailable, "later"});
  CHECK(counts.DataJson("resolve") ==
        R"({"outcomes":{"resolved":2,"unknown":1,"not_found":1},)"
        R"("refused":{"bad_request":1,"too_large":0,"over_quota":0,"unavailable":0}})");
  CHECK(counts.DataJson("demask") ==
        R"({"outcomes":{"resolved":0,"unknown":1,"not_found":0},)"
        R"("refused":{"bad_request":0,"too_large":0,"over_quota":1,"unavailable":1}})");
}

TEST_CASE("refusal reasons are the error codes' names") {
  CHECK(std::string(endpoints::RefusalReason(ErrorCode::kBadRequest)) == "bad_request");
  CHECK(std::string(endpoints::RefusalReason(ErrorCode::kTooManyRequests)) == "over_quota");
  CHECK(endpoints::RefusalReason(ErrorCode::kNotFound) == nullptr);
  CHECK(endpoints::RefusalReason(ErrorCode::kInternal) == nullptr);
}
