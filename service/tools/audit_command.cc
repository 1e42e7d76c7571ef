#include "tools/audit_command.h"

#include <boost/asio/io_context.hpp>
#include <boost/asio/signal_set.hpp>

#include <csignal>
#include <iostream>
#include <memory>

#include "cli/connect_flags.h"
#include "nats/audit_reader.h"
#include "nats/connection.h"

namespace privacy::tools {

namespace {

// Reply subjects of the audit commands: the shipped audit-reader user may
// subscribe to these only, not to the service account's _INBOX.>.
constexpr char kAuditInboxPrefix[] = "_AUDIT_INBOX";

// Settings of one `audit tail` run.
struct AuditTailOptions {
  std::shared_ptr<const cli::ConnectFlags> connect_flags;
  nats::AuditReaderOptions reader;
  bool follow = false;
  int64_t count = 0;  // 0: no limit
  int64_t wait_ms = 1000;
};

constexpr int kBatch = 64;  // messages per fetch

// SIGINT and SIGTERM, caught (whichever thread receives them) and noticed
// between batches.
class StopSignals {
 public:
  StopSignals() : signals_(context_, SIGINT, SIGTERM) {
    signals_.async_wait([this](const boost::system::error_code& error, int) {
      if (!error) requested_ = true;
    });
  }
  bool Requested() {
    context_.poll();
    return requested_;
  }

 private:
  boost::asio::io_context context_;
  boost::asio::signal_set signals_;
  bool requested_ = false;
};

// Settings of one `audit create-consumer` run.
struct CreateConsumerOptions {
  std::shared_ptr<const cli::ConnectFlags> connect_flags;
  nats::AuditReaderOptions reader;
};

// A connection named `name` as `flags` say; null, with the reason on
// stderr, when they do not resolve or NATS cannot be reached. `logger` must
// outlive it.
std::unique_ptr<nats::Connection> ConnectNamed(const cli::ConnectFlags& flags, const char* name,
                                               Logger* logger) {
  auto options = flags.Resolve();
  if (!options) {
    std::cerr << options.error().message << "\n";
    return nullptr;
  }
  options->name = name;
  auto conn = nats::Connect(*options, logger);
  if (!conn) {
    std::cerr << conn.error().message << "\n";
    return nullptr;
  }
  return std::move(*conn);
}

int RunCreateConsumer(CreateConsumerOptions options) {
  Logger logger(LogLevel::kError);
  auto conn =
      ConnectNamed(*options.connect_flags, "privacy-filter-audit-create-consumer", &logger);
  if (!conn) return 1;
  jsOptions js_options;
  jsOptions_Init(&js_options);
  js_options.Wait = options.reader.ack_timeout_ms;
  jsCtx* raw_js = nullptr;
  if (natsConnection_JetStream(&raw_js, conn->get(), &js_options) != NATS_OK) {
    std::cerr << "cannot open JetStream\n";
    return 1;
  }
  nats::JetStreamPtr js(raw_js);
  auto created = nats::EnsureAuditConsumer(js.get(), options.reader);
  if (!created) {
    std::cerr << created.error().message << "\n";
    return 1;
  }
  std::cerr << "consumer " << options.reader.durable << (*created ? " created" : " exists")
            << "\n";
  return 0;
}

// The flags naming the consumer, shared by both commands.
void AddConsumerOptions(CLI::App* command, nats::AuditReaderOptions* reader) {
  command->add_option("--stream", reader->stream, "JetStream stream of audit events")
      ->envname("AUDIT_STREAM_NAME")
      ->capture_default_str();
  command
      ->add_option("--durable", reader->durable,
                   "durable consumer name; a later run with the same name goes on where this "
                   "one stopped")
      ->check([](const std::string& name) {
        return name.empty() || name.find_first_of(".*> \t") != std::string::npos
                   ? std::string("a consumer name may not be empty nor hold . * > or blanks")
                   : std::string();
      })
      ->capture_default_str();
  command->add_flag("--from-start", reader->from_start,
                    "a new consumer starts at the first stored event (default: the next new "
                    "one)");
}

int RunAuditTail(AuditTailOptions options) {
  StopSignals stop;
  Logger logger(LogLevel::kError);
  auto conn = ConnectNamed(*options.connect_flags, "privacy-filter-audit-tail", &logger);
  if (!conn) return 1;
  auto reader = nats::AuditReader::Open(conn->get(), options.reader);
  if (!reader) {
    std::cerr << reader.error().message << "\n";
    return 1;
  }
  if (!(*reader)->created() && options.reader.from_start) {
    std::cerr << "consumer " << options.reader.durable
              << " exists: going on where it stopped (--from-start applies to a new one)\n";
  }
  int64_t left = options.count;
  for (;;) {
    // With a count, one message at a time: how many events the next one
    // holds is not known before it is read, and a message is never split.
    int batch = options.count > 0 ? 1 : kBatch;
    auto handled = (*reader)->ReadBatch(batch, std::chrono::milliseconds(options.wait_ms),
                                        [](std::string_view event) {
                                          std::cout << event << "\n" << std::flush;
                                        });
    if (!handled) {
      std::cerr << handled.error().message << "\n";
      return 1;
    }
    if (options.count > 0 && (left -= *handled) <= 0) break;
    if (*handled == 0 && !options.follow) break;
    if (stop.Requested()) break;
  }
  return 0;
}

}  // namespace

void AddAuditCommand(CLI::App* app, std::function<int()>* run) {
  auto options = std::make_shared<AuditTailOptions>();
  auto* audit = app->add_subcommand("audit", "read the audit stream");
  audit->require_subcommand(1);
  auto* tail = audit->add_subcommand(
      "tail",
      "print audit events as JSON lines through a durable consumer, acknowledging each message "
      "once its events are printed");
  nats::ConnectOptions reader_defaults;
  reader_defaults.inbox_prefix = kAuditInboxPrefix;
  options->connect_flags = std::make_shared<cli::ConnectFlags>(tail, reader_defaults);
  AddConsumerOptions(tail, &options->reader);
  tail->add_flag("--follow", options->follow,
                 "keep waiting for new events until interrupted (SIGINT/SIGTERM)");
  tail->add_option("--count", options->count,
                   "stop after the message that brings the events printed to this many; a "
                   "message is never split (0: no limit)")
      ->check(CLI::NonNegativeNumber)
      ->capture_default_str();
  tail->add_option("--timeout-ms", options->wait_ms,
                   "longest wait for events in one fetch; without --follow, the run ends "
                   "when none came in it")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  tail->callback([=] { *run = [=] { return RunAuditTail(*options); }; });

  auto create = std::make_shared<CreateConsumerOptions>();
  auto* create_command = audit->add_subcommand(
      "create-consumer",
      "create the durable pull consumer `audit tail` reads through, for a reader that may not "
      "create consumers itself (run it as privacy-service)");
  create->connect_flags = std::make_shared<cli::ConnectFlags>(create_command);
  AddConsumerOptions(create_command, &create->reader);
  create_command->callback([=] { *run = [=] { return RunCreateConsumer(*create); }; });
}

}  // namespace privacy::tools
