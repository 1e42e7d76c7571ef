#include "tools/keygen_command.h"

#include <iostream>

#include "crypto/master_key.h"

namespace privacy::tools {

void AddKeygenCommand(CLI::App* app, std::function<int()>* run) {
  auto* keygen = app->add_subcommand(
      "keygen", "print a new encryption master key (base64 of 32 random bytes) for "
                "ENCRYPTION_MASTER_KEY or a key file");
  keygen->callback([run] {
    *run = [] {
      std::cout << crypto::MasterKey::Generate().ToBase64() << "\n";
      return 0;
    };
  });
}

}  // namespace privacy::tools
