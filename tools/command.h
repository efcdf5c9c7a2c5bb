// How the hearsay command line is put together: each tools/cmd_*.cc file adds
// its subcommands to a CommandSet, main() parses the arguments and runs the
// one that was chosen. Library errors arrive as Status values; here, at the
// edge, they become messages on stderr and exit codes:
//   0 every input was read; 1 some input was skipped; 2 usage error.
#ifndef HEARSAY_TOOLS_COMMAND_H_
#define HEARSAY_TOOLS_COMMAND_H_

#include <CLI/CLI.hpp>
#include <functional>
#include <map>
#include <memory>
#include <string>

namespace hearsay::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitSkipped = 1;
inline constexpr int kExitUsage = 2;

class CommandSet {
 public:
  explicit CommandSet(CLI::App* root) : root_(root) {}

  // A group such as "eval" or "train" whose subcommands are the real work.
  // Calling it twice with the same name returns the same group.
  CLI::App* Group(const std::string& name, const std::string& description);

  // Adds a subcommand under `parent` (nullptr: the root). `run` is called
  // after parsing when this subcommand was chosen; it returns the exit code.
  CLI::App* Add(CLI::App* parent, const std::string& name,
                const std::string& description, std::function<int()> run);

  // Runs the chosen subcommand; kExitUsage when none was chosen.
  int RunChosen() const;

 private:
  CLI::App* root_;
  std::map<std::string, CLI::App*> groups_;
  std::vector<std::pair<CLI::App*, std::function<int()>>> commands_;
};

// One function per tools/cmd_*.cc file; main() calls each.
void AddSegmentCommands(CommandSet& set);  // segment, eval segment
void AddNlpCommands(CommandSet& set);      // parse, train, eval ud, eval ner
void AddLedgerCommands(CommandSet& set);  // ingest, claims, claim, sources, ...
void AddStanceCommands(CommandSet& set);  // stance, train stance, eval fnc1
void AddExtractCommands(CommandSet& set);  // extract

}  // namespace hearsay::cli

#endif  // HEARSAY_TOOLS_COMMAND_H_
