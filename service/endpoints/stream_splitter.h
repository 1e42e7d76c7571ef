// Streaming demask without server state: a client sends a model's output in
// chunks of any size, passing back the tail held from the previous chunk
// (the carry). This decides how much of carry + chunk can be released.
#pragma once

#include <cstddef>
#include <string_view>

namespace privacy::endpoints {

// The length of the prefix of `text` (a carry followed by a chunk) whose
// token mentions cannot change whatever text follows. The rest is the new
// carry: shorter than vault::kMaxMentionLength, and starting at a '[' or an
// ASCII letter, digit or '_', so a release never splits a UTF-8 character.
// Restoring each released prefix (with the bytes after it as context) and
// finally the last carry gives the same text as restoring the whole stream
// at once, however it was cut into chunks.
size_t ReleasableLength(std::string_view text);

}  // namespace privacy::endpoints
