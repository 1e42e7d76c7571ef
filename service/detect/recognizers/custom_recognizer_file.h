// Custom recognizers read from a configuration file.
//
// The file is line oriented. Each section defines one pattern recognizer:
//
//   # comment (lines starting with '#' or ';'; blank lines are ignored)
//   [recognizer EMPLOYEE_ID]       type name: A-Z, 0-9 and '_' only
//   pattern = EMP-\d{6}            Hyperscan syntax; repeatable
//   validator = luhn               optional; a name from the validator table
//   words = alpha, beta gamma      optional, repeatable; literal words/phrases
//   words_file = names.txt         optional, repeatable; one word or phrase a
//                                  line, relative to this file's directory
//   ignore_case = true             optional (default false); patterns and words
//   context = employee, staff      optional; words that raise the score nearby
//   score = 0.6                    optional (default 0.6), in [0, 1]
//   context_boost = 0.35           optional (default 0.35), in [0, 1]
//
// Keys and values are trimmed; a value runs to the end of the line, so
// patterns may contain '=' and '#'. Hits must sit on word boundaries; the
// validator judges pattern hits, not words. A section needs at least one
// pattern, words or words_file line. Patterns are compiled into the
// detector's single Hyperscan database.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "detect/recognizers/pattern_recognizer.h"

namespace privacy::detect {

// Parses the text of a custom recognizers file. `origin` names the file in
// error messages and `base_dir` resolves relative words_file paths. Throws
// std::runtime_error "origin:line: problem" on the first error: unknown key,
// unknown validator, a pattern Hyperscan rejects (with its message), a bad
// type name or number, a section without patterns or words, an unreadable
// words file.
std::vector<PatternSpec> ParseCustomRecognizers(std::string_view content,
                                                const std::string& origin,
                                                const std::string& base_dir);

// Reads and parses the file at `path`; throws std::runtime_error as above,
// or naming the file when it cannot be read.
std::vector<PatternSpec> LoadCustomRecognizers(const std::string& path);

}  // namespace privacy::detect
