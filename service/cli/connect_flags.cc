#include "cli/connect_flags.h"

#include "cli/nats_context.h"

namespace privacy::cli {

namespace {

// Every connection flag: its name, environment variable, help text, the
// setting it holds and the `nats` context key of that setting.
struct FlagSpec {
  const char* flag;
  const char* env;
  const char* help;
  std::string nats::ConnectOptions::*setting;
  const char* context_key;
};

using O = nats::ConnectOptions;
constexpr FlagSpec kFlags[] = {
    {"--nats-url", "NATS_URL", "NATS server URL(s), comma-separated", &O::url, "url"},
    {"--nats-user", "NATS_USER", "NATS user name", &O::user, "user"},
    {"--nats-password", "NATS_PASSWORD", "NATS password", &O::password, "password"},
    {"--nats-token", "NATS_TOKEN", "NATS authentication token", &O::token, "token"},
    {"--nats-creds", "NATS_CREDS", "NATS credentials (.creds) file", &O::credentials_file,
     "creds"},
    {"--nats-nkey-seed", "NATS_NKEY_SEED_FILE", "file holding an NKey seed", &O::nkey_seed_file,
     "nkey"},
    {"--tls-ca", "NATS_TLS_CA", "CA certificate file for TLS", &O::tls_ca_file, "ca"},
    {"--tls-cert", "NATS_TLS_CERT", "client certificate file for TLS", &O::tls_cert_file,
     "cert"},
    {"--tls-key", "NATS_TLS_KEY", "client key file for TLS", &O::tls_key_file, "key"},
    {"--tls-server-name", "NATS_TLS_SERVER_NAME", "expected server name in TLS",
     &O::tls_server_name, nullptr},
    {"--inbox-prefix", "NATS_INBOX_PREFIX", "prefix of reply subjects instead of _INBOX",
     &O::inbox_prefix, "inbox_prefix"},
};

}  // namespace

ConnectFlags::ConnectFlags(CLI::App* app, nats::ConnectOptions defaults)
    : given_(std::move(defaults)) {
  for (const FlagSpec& spec : kFlags) {
    CLI::Option* option =
        app->add_option(spec.flag, given_.*spec.setting, spec.help)->envname(spec.env);
    if (!(given_.*spec.setting).empty()) option->capture_default_str();
    bound_.push_back({option, spec.context_key, spec.setting});
  }
  app->add_option("--context", context_,
                  "`nats` CLI context to connect with (~/.config/nats/context/NAME.json); "
                  "flags win over it; default: the selected one when no URL is given")
      ->envname("NATS_CONTEXT");
}

Result<nats::ConnectOptions> ConnectFlags::Resolve() const {
  nats::ConnectOptions options = given_;
  std::string name = context_;
  const bool url_given = bound_.front().option->count() > 0;
  if (name.empty() && !url_given) name = SelectedNatsContext().value_or("");
  if (name.empty()) return options;
  auto context = LoadNatsContext(name);
  if (!context) return context.error();
  for (const Bound& bound : bound_) {
    if (bound.context_key == nullptr || bound.option->count() > 0) continue;
    auto it = context->settings.find(bound.context_key);
    if (it != context->settings.end()) options.*bound.setting = it->second;
  }
  return options;
}

}  // namespace privacy::cli
