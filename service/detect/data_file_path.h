// Where the detection library's data files (the gazetteer, the tagger model)
// are found when no path is configured.
#pragma once

#include <string>
#include <string_view>

namespace privacy::detect {

// `file_name` next to the running executable if it exists there, else in
// ../share/privacy-filter/ relative to it if it exists there, else the path
// next to the executable (so that an error names where it was expected).
std::string DefaultDataFilePath(std::string_view file_name);

}  // namespace privacy::detect
