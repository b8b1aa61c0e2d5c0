#pragma once
// The partnergraph command line: a table of subcommands and one error funnel mapping problems
// to documented exit codes (0 ok, 1 a --fail-on finding, 2 bad usage or input, 3 a bug).

#include <functional>
#include <iosfwd>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace CLI {
class App;
}

namespace pg {

inline constexpr int kExitOk = 0;
inline constexpr int kExitFindings = 1;
inline constexpr int kExitBadInput = 2;
inline constexpr int kExitInternal = 3;  ///< an exception nobody expected: a bug to report

/// Where a command writes: tests pass string streams, main passes standard output (through a
/// DescriptorBuffer that notices a failed write) and std::cerr.
struct CliIo {
  std::ostream& out;
  std::ostream& err;
};

/// One subcommand: `setup` adds it to the app and binds its run to `*exit_code`.
struct Command {
  std::string_view name;
  std::string_view summary;
  std::function<void(CLI::App& app, CliIo& io, int* exit_code)> setup;
};

std::span<const Command> AllCommands();

/// Runs the CLI on `args` (without the program name) and returns the exit code; no exception
/// escapes (see RunGuarded).
int RunCli(const std::vector<std::string>& args, CliIo io);

}  // namespace pg
