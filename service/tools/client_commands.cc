#include "tools/client_commands.h"

#include <fstream>
#include <iostream>
#include <iterator>
#include <memory>
#include <optional>

#include "cli/connect_flags.h"
#include "nats/connection.h"
#include "nats/request_client.h"
#include "privacy/v1/privacy.pb.h"
#include "wire/codec.h"
#include "wire/subjects.h"

namespace privacy::tools {

namespace {

// Options of one client subcommand.
struct ClientOptions {
  std::shared_ptr<const cli::ConnectFlags> connect_flags;
  int64_t timeout_ms = 5000;
};

// Sends `request` as JSON on `subject`, prints the reply; exit code 0 on
// success, 2 on an error reply, 1 when NATS could not be reached.
int SendAndPrint(const ClientOptions& options, const std::string& subject,
                 const google::protobuf::Message& request) {
  auto connect = options.connect_flags->Resolve();
  if (!connect) {
    std::cerr << connect.error().message << "\n";
    return 1;
  }
  Logger logger(LogLevel::kError);
  auto conn = nats::Connect(*connect, &logger);
  if (!conn) {
    std::cerr << conn.error().message << "\n";
    return 1;
  }
  nats::Reply reply =
      nats::Request((*conn)->get(), subject, wire::Encode(wire::Encoding::kJson, request),
                    {{"Content-Type", "application/json"}},
                    std::chrono::milliseconds(options.timeout_ms));
  if (!reply.ok()) {
    std::cerr << subject << ": " << natsStatus_GetText(reply.status) << "\n";
    return 1;
  }
  if (reply.ServiceError()) {
    std::cerr << reply.data << "\n";
    return 2;
  }
  std::cout << reply.data << "\n";
  return 0;
}

// The --text value, or standard input when it was not given (so personal
// data need not appear in process arguments).
std::string TextOrStdin(const std::optional<std::string>& text) {
  if (text) return *text;
  return std::string(std::istreambuf_iterator<char>(std::cin), {});
}

// The contents of file `path`, or standard input when `path` is "-".
std::optional<std::string> FileOrStdin(const std::string& path) {
  if (path == "-") return TextOrStdin(std::nullopt);
  std::ifstream file(path, std::ios::binary);
  if (!file) return std::nullopt;
  return std::string(std::istreambuf_iterator<char>(file), {});
}

}  // namespace

void AddClientCommands(CLI::App* app, std::function<int()>* run) {
  // Each subcommand's options; only the one parsed is used.
  auto add_common = [](CLI::App* cmd) {
    auto options = std::make_shared<ClientOptions>();
    options->connect_flags = std::make_shared<cli::ConnectFlags>(cmd);
    cmd->add_option("--timeout-ms", options->timeout_ms, "request timeout")->capture_default_str();
    return options;
  };

  auto* mask = app->add_subcommand("mask", "mask personal data in a text (text from stdin unless --text)");
  auto mask_options = add_common(mask);
  auto mask_text = std::make_shared<std::optional<std::string>>();
  auto mask_req = std::make_shared<v1::MaskRequest>();
  auto mask_types = std::make_shared<std::vector<std::string>>();
  auto mask_ttl = std::make_shared<std::optional<uint32_t>>();
  mask->add_option("--text", *mask_text, "text to mask");
  mask->add_option("--session-id", *mask_req->mutable_session_id(), "extend this session");
  mask->add_option("--types", *mask_types, "entity types to mask")->delimiter(',');
  mask->add_option("--ttl", *mask_ttl, "session lifetime in seconds");
  mask->callback([=] {
    *run = [=] {
      mask_req->set_text(TextOrStdin(*mask_text));
      for (const auto& t : *mask_types) mask_req->add_entities_to_mask(t);
      if (*mask_ttl) mask_req->set_ttl_seconds(**mask_ttl);
      return SendAndPrint(*mask_options, std::string(wire::kMaskEndpoint.subject), *mask_req);
    };
  });

  auto* detect = app->add_subcommand("detect", "list personal data in a text, no session");
  auto detect_options = add_common(detect);
  auto detect_text = std::make_shared<std::optional<std::string>>();
  auto detect_types = std::make_shared<std::vector<std::string>>();
  detect->add_option("--text", *detect_text, "text to scan");
  detect->add_option("--types", *detect_types, "entity types to find")->delimiter(',');
  detect->callback([=] {
    *run = [=] {
      v1::DetectRequest request;
      request.set_text(TextOrStdin(*detect_text));
      for (const auto& t : *detect_types) request.add_entities_to_mask(t);
      return SendAndPrint(*detect_options, std::string(wire::kDetectEndpoint.subject), request);
    };
  });

  auto* resolve = app->add_subcommand(
      "resolve", "original values of tokens, and of tokens inside a JSON document (--json)");
  auto resolve_options = add_common(resolve);
  auto resolve_req = std::make_shared<v1::ResolveRequest>();
  auto resolve_json = std::make_shared<std::optional<std::string>>();
  resolve->add_option("session_id", *resolve_req->mutable_session_id())->required();
  resolve->add_option("--json", *resolve_json,
                      "FILE or - (standard input): a JSON document, e.g. tool-call arguments; "
                      "the reply's json is it with the tokens in its string values restored");
  // Tokens are taken as extra arguments: a CLI11 option would read
  // "[EMAIL_1a2b]" as a list literal and strip its brackets.
  resolve->allow_extras();
  resolve->footer("TOKENS: one or more tokens after the session id");
  resolve->callback([=] {
    *run = [=] {
      for (const auto& t : resolve->remaining()) resolve_req->add_tokens(t);
      if (*resolve_json) {
        auto document = FileOrStdin(**resolve_json);
        if (!document) {
          std::cerr << "cannot read " << **resolve_json << "\n";
          return 1;
        }
        resolve_req->set_json(*document);
      }
      return SendAndPrint(*resolve_options, std::string(wire::kResolveEndpoint.subject), *resolve_req);
    };
  });

  auto* demask = app->add_subcommand("demask", "restore tokens in a text (stdin unless --text)");
  auto demask_options = add_common(demask);
  auto demask_req = std::make_shared<v1::DemaskRequest>();
  auto demask_text = std::make_shared<std::optional<std::string>>();
  demask->add_option("session_id", *demask_req->mutable_session_id())->required();
  demask->add_option("--text", *demask_text, "masked text");
  demask->callback([=] {
    *run = [=] {
      demask_req->set_masked_text(TextOrStdin(*demask_text));
      return SendAndPrint(*demask_options, std::string(wire::kDemaskEndpoint.subject), *demask_req);
    };
  });

  auto* erase = app->add_subcommand("delete", "erase a session");
  auto erase_options = add_common(erase);
  auto delete_req = std::make_shared<v1::DeleteRequest>();
  erase->add_option("session_id", *delete_req->mutable_session_id())->required();
  erase->callback([=] {
    *run = [=] { return SendAndPrint(*erase_options, std::string(wire::kDeleteEndpoint.subject), *delete_req); };
  });
}

}  // namespace privacy::tools
