#include "tools/tagger_train/training_corpus.h"

#include <algorithm>
#include <fstream>
#include <stdexcept>
#include <string_view>

#include "common/json_text.h"
#include "detect/names/name_words.h"
#include "detect/tagger/entity_tags.h"

namespace privacy::tools {
namespace {

using detect::LabelledSpan;
using detect::LabelledText;

constexpr size_t kRecordsPerGroup = 25;

uint64_t HashString(std::string_view s) {
  uint64_t h = 0xcbf29ce484222325ULL;
  for (unsigned char c : s) {
    h ^= c;
    h *= 0x100000001b3ULL;
  }
  h ^= h >> 31;
  h *= 0x9E3779B97F4A7C15ULL;
  return h ^ (h >> 29);
}

Split SplitOf(const std::string& group) {
  const uint64_t bucket = HashString(group) % 20;
  return bucket < 2 ? Split::kTest : bucket < 4 ? Split::kDev : Split::kTrain;
}

bool IsWordChar(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
         c == '_' || c >= 0x80;
}

// Removes the space the tokenized sources put after "@" and "#" ("@ name"),
// moving span offsets with the text.
void RejoinHandles(LabelledText* record) {
  const std::string& in = record->text;
  std::string out;
  out.reserve(in.size());
  std::vector<uint32_t> moved(in.size() + 1);  // old offset -> new offset
  for (size_t i = 0; i < in.size(); ++i) {
    moved[i] = static_cast<uint32_t>(out.size());
    out.push_back(in[i]);
    const bool opens_handle = (in[i] == '@' || in[i] == '#') &&
                              (i == 0 || in[i - 1] == ' ') && i + 2 < in.size() &&
                              in[i + 1] == ' ' &&
                              IsWordChar(static_cast<unsigned char>(in[i + 2]));
    if (opens_handle) {
      ++i;
      moved[i] = static_cast<uint32_t>(out.size());
    }
  }
  moved[in.size()] = static_cast<uint32_t>(out.size());
  for (std::vector<LabelledSpan>* spans : {&record->spans, &record->ignore}) {
    for (LabelledSpan& span : *spans) {
      span.start = moved[span.start];
      span.end = moved[span.end];
    }
  }
  record->text = std::move(out);
}

// A label on a handle or hashtag. The corpora disagree (the Broad Twitter
// Corpus labels handles, WNUT-17 does not); the tagger is taught that a
// handle is not a written name, so these labels are dropped.
bool IsHandle(const LabelledText& record, const LabelledSpan& span) {
  const std::string_view text = record.text;
  return span.start < text.size() && (text[span.start] == '@' || text[span.start] == '#');
}

// The defined terms of loan agreements that the SEC corpus labels as
// persons and organizations.
bool IsDefinedTerm(std::string_view value) {
  std::string lower(value);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  static const std::string_view kTerms[] = {
      "borrower", "borrowers", "lender",  "lenders",   "bank",      "banks",
      "agent",    "guarantor", "company", "purchaser", "seller",    "holder",
      "holders",  "parent",    "trustee", "issuer",    "guarantors", "obligor",
  };
  return std::find(std::begin(kTerms), std::end(kTerms), lower) != std::end(kTerms);
}

// A person's span starts at the name, after any title or role ("President
// Obama" gives "Obama"), as GUM and our synthetic messages mark it; the
// tweet corpora include the title.
void DropLeadingTitles(LabelledText* record) {
  const std::string_view text = record->text;
  for (LabelledSpan& span : record->spans) {
    if (span.type != "PERSON") continue;
    while (true) {
      const std::string_view value = text.substr(span.start, span.end - span.start);
      const size_t space = value.find(' ');
      if (space == std::string_view::npos) break;
      const std::string_view first = value.substr(0, space);
      if (!detect::IsHonorific(first) && !detect::IsRoleWord(first)) break;
      span.start += static_cast<uint32_t>(space + 1);
    }
  }
}

void Clean(const std::string& source, LabelledText* record) {
  DropLeadingTitles(record);
  if (source == "btc" || source == "wnut") RejoinHandles(record);
  std::vector<LabelledSpan> kept;
  for (const LabelledSpan& span : record->spans) {
    if (detect::TaggedTypeIndex(span.type) < 0) continue;
    const std::string_view value =
        std::string_view(record->text).substr(span.start, span.end - span.start);
    if (IsHandle(*record, span)) continue;
    // A nationality ("Syrian", "French") is no place, organization or
    // person; one corpus labels some as LOCATION, the others leave them out.
    if ((source == "sec" && IsDefinedTerm(value)) || detect::IsDemonym(value)) {
      record->ignore.push_back(span);
    } else {
      kept.push_back(span);
    }
  }
  record->spans = std::move(kept);
}

void AppendSpans(std::string* out, const std::vector<LabelledSpan>& spans) {
  out->push_back('[');
  for (size_t i = 0; i < spans.size(); ++i) {
    if (i > 0) out->append(", ");
    out->append("{\"type\": ");
    AppendJsonString(out, spans[i].type);
    out->append(", \"start\": " + std::to_string(spans[i].start) +
                ", \"end\": " + std::to_string(spans[i].end) + "}");
  }
  out->push_back(']');
}

}  // namespace

std::vector<CorpusRecord> ReadTrainingCorpora(const std::vector<CorpusSource>& sources) {
  std::vector<CorpusRecord> records;
  for (size_t s = 0; s < sources.size(); ++s) {
    std::vector<LabelledText> texts;
    std::string error;
    if (!detect::ReadLabelledCorpus(sources[s].path, &texts, &error)) {
      throw std::runtime_error(error);
    }
    for (size_t i = 0; i < texts.size(); ++i) {
      CorpusRecord record;
      const std::string group = sources[s].name + "/" +
                                (texts[i].doc.empty() ? std::to_string(i / kRecordsPerGroup)
                                                      : texts[i].doc);
      record.split = sources[s].train_only ? Split::kTrain : SplitOf(group);
      record.source = s;
      record.text = std::move(texts[i]);
      Clean(sources[s].name, &record.text);
      records.push_back(std::move(record));
    }
  }
  return records;
}

void WriteSplit(const std::vector<CorpusRecord>& records, size_t source, Split split,
                const std::string& path) {
  std::ofstream out(path, std::ios::trunc);
  for (const CorpusRecord& record : records) {
    if (record.source != source || record.split != split) continue;
    std::string line = "{\"text\": ";
    AppendJsonString(&line, record.text.text);
    line.append(", \"spans\": ");
    AppendSpans(&line, record.text.spans);
    line.append(", \"ignore\": ");
    AppendSpans(&line, record.text.ignore);
    line.append("}\n");
    out << line;
  }
  if (!out) throw std::runtime_error("cannot write " + path);
}

}  // namespace privacy::tools
