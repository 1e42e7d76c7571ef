// Reading the connection contexts of the `nats` command line tool:
// <config>/nats/context/NAME.json, and the selected one's name in
// <config>/nats/context.txt, where <config> is $XDG_CONFIG_HOME or
// ~/.config.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>

#include "common/status.h"

namespace privacy::cli {

// The settings of one context that privacy-filter uses, by the context
// file's key (url, user, password, token, creds, nkey, cert, key, ca,
// inbox_prefix); keys absent or empty in the file are left out. A leading
// "~/" of a file path is expanded to the home directory.
struct NatsContext {
  std::filesystem::path file;
  std::map<std::string, std::string> settings;
};

// The directory holding the `nats` CLI's configuration.
std::filesystem::path NatsConfigDir();

// Reads context `name`. Fails, naming the file, when the name is not a
// plain file name, the file is missing or unreadable, or it is not a JSON
// object whose keys above hold strings.
Result<NatsContext> LoadNatsContext(const std::string& name);

// The context the `nats` CLI has selected (`nats context select`), if any.
std::optional<std::string> SelectedNatsContext();

}  // namespace privacy::cli
