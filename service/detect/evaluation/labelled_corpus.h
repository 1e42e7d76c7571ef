// Reading of labelled JSONL corpora ({"text": ..., "spans": [...]}).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace privacy::detect {

// A gold span: type name and UTF-8 byte range [start, end).
struct LabelledSpan {
  std::string type;
  uint32_t start = 0;
  uint32_t end = 0;
};

// One corpus record: a text, its gold spans, and the spans whose label is
// doubtful: a prediction overlapping one of those is neither right nor wrong.
struct LabelledText {
  std::string text;
  std::vector<LabelledSpan> spans;
  std::vector<LabelledSpan> ignore;
  std::string doc;  // the source document, where the corpus names it
};

// Parses one JSONL record ("text", "spans", and optional "ignore" and
// "doc"). Unknown keys are ignored; string escapes
// (including \uXXXX surrogate pairs) are decoded to UTF-8. Returns false and
// sets `error` when the line is not a valid record or a span lies outside
// the text.
bool ParseLabelledLine(std::string_view line, LabelledText* out, std::string* error);

// Reads every non-blank line of the file at `path`. Returns false and sets
// `error` (with the line number) on the first failure.
bool ReadLabelledCorpus(const std::string& path, std::vector<LabelledText>* out,
                        std::string* error);

}  // namespace privacy::detect
