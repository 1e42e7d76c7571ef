// The NATS connection flags, with their environment variables, that every
// subcommand talking to NATS takes (serve, mask, detect, resolve, demask,
// delete, bench, health, audit tail), and the `nats` CLI context they may
// name: one definition for all.
#pragma once

#include <CLI/CLI.hpp>

#include <string>
#include <vector>

#include "common/status.h"
#include "nats/connection.h"

namespace privacy::cli {

// Registers the flags on one subcommand and, once it is parsed, resolves
// them: a flag (or its environment variable) wins over the context, and the
// context over the defaults. The context is --context NAME (NATS_CONTEXT),
// else, when neither --context nor a URL is given, the one the `nats` CLI
// has selected, if any. Not copyable: the flags write into it. Resolve() is
// safe to call from any thread once parsing is done.
class ConnectFlags {
 public:
  // `defaults`: the settings when neither a flag, its variable nor the
  // context gives one (e.g. a command's own inbox prefix).
  explicit ConnectFlags(CLI::App* app, nats::ConnectOptions defaults = {});
  ConnectFlags(const ConnectFlags&) = delete;
  ConnectFlags& operator=(const ConnectFlags&) = delete;

  // The connection options; fails with a message naming the context file
  // when a context is wanted and its file is missing or malformed.
  Result<nats::ConnectOptions> Resolve() const;

 private:
  // A flag and the context key that fills the same setting when the flag
  // is not given (nullptr: no context key).
  struct Bound {
    CLI::Option* option;
    const char* context_key;
    std::string nats::ConnectOptions::*setting;
  };

  nats::ConnectOptions given_;
  std::string context_;
  std::vector<Bound> bound_;
};

}  // namespace privacy::cli
