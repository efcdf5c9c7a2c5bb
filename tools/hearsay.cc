// hearsay: the command line. See `hearsay --help`.
#include <cstdio>
#include <exception>

#include "command.h"
#include "version.h"

namespace hearsay::cli {

CLI::App* CommandSet::Group(const std::string& name,
                            const std::string& description) {
  auto it = groups_.find(name);
  if (it != groups_.end()) return it->second;
  CLI::App* g = root_->add_subcommand(name, description);
  g->require_subcommand(1);
  groups_[name] = g;
  return g;
}

CLI::App* CommandSet::Add(CLI::App* parent, const std::string& name,
                          const std::string& description,
                          std::function<int()> run) {
  CLI::App* app = (parent ? parent : root_)->add_subcommand(name, description);
  commands_.emplace_back(app, std::move(run));
  return app;
}

int CommandSet::RunChosen() const {
  for (const auto& [app, run] : commands_) {
    if (app->parsed()) return run();
  }
  return kExitUsage;
}

}  // namespace hearsay::cli

int main(int argc, char** argv) {
  CLI::App app{
      "hearsay reads news and keeps a ledger of claims: who reported what, "
      "on whose word, who denied or confirmed it, and how it ended."};
  app.set_version_flag("--version", std::string("hearsay ") + HEARSAY_VERSION);
  app.require_subcommand(1);
  app.fallthrough();
  hearsay::cli::CommandSet set(&app);
  hearsay::cli::AddSegmentCommands(set);
  hearsay::cli::AddNlpCommands(set);
  hearsay::cli::AddLedgerCommands(set);
  hearsay::cli::AddStanceCommands(set);
  hearsay::cli::AddExtractCommands(set);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? 0 : hearsay::cli::kExitUsage;
  }
  try {
    return set.RunChosen();
  } catch (const std::exception& e) {
    std::fprintf(stderr, "hearsay: %s\n", e.what());
    return hearsay::cli::kExitUsage;
  }
}
