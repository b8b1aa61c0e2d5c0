#pragma once
// What every subcommand shares: loading the inputs with diagnostics printed, the common
// options (--format, --as-of, --quiet), and writing output files atomically.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "graph/diagnostics.h"
#include "graph/partnership_graph.h"
#include "io/atomic_file.h"
#include "io/load_options.h"
#include "tools/cli.h"

namespace CLI {
class App;
}

namespace pg {

struct PassInfo;

enum class OutputFormat { kTable, kJson };

struct CommonOptions {
  std::vector<std::string> inputs;
  std::string format = "table";
  std::string as_of;
  bool quiet = false;
  bool progress = false;  ///< progress lines on stderr for slow phases even off a terminal
  bool timings = false;   ///< `phase=... seconds=... maxrss_kb=...` lines on stderr
  std::vector<std::string> fx;  ///< --fx EUR=1.08,GBP=1.27
  std::string type_map;         ///< --type-map FILE
};

class PhaseClock;
struct PhaseClockOptions;

/// What --timings, --progress and --quiet ask of a command's PhaseClock; `command` names it in
/// --timings lines (empty: not named).
PhaseClockOptions ClockOptions(const CommonOptions& options, std::string_view command = {});
/// Progress is shown with --progress or on a terminal (and never with --quiet: see PhaseClock).
bool ShowProgress(const CommonOptions& options, const CliIo& io);

/// Adds `--fx` and `--type-map`: how to read the inputs (every command that loads them has these).
void AddReadingOptions(CLI::App& command, CommonOptions* options);

/// Adds `PATH...`, `--format`, `--as-of`, `--quiet`, `--progress`, `--timings` to a subcommand.
void AddCommonOptions(CLI::App& command, CommonOptions* options, bool with_format = true);

/// Prints diagnostics to `io.err` (at most `limit`, then a count of the rest).
void PrintDiagnostics(const Diagnostics& diagnostics, CliIo& io, std::size_t limit = 25);

/// The load options the common flags and PARTNERGRAPH_LIMITS ask for; nullopt (with a message)
/// when the limits are bad.
std::optional<LoadOptions> LoadOptionsFor(const CommonOptions& options, CliIo& io);

/// Loads the inputs; on error prints the diagnostics and returns nullopt (exit 2). Warnings are
/// printed unless quiet.
/// With `clock`, the load is timed as phase "load" (progress shown while it runs; the phase
/// ends before diagnostics are printed).
std::optional<PartnershipGraph> LoadForCommand(const CommonOptions& options, CliIo& io,
                                               PhaseClock* clock = nullptr);

/// The environment variable that overrides the clock's today (YYYY-MM-DD), for reproducible runs.
inline constexpr const char* kTodayVariable = "PARTNERGRAPH_TODAY";

/// Parses --format; prints a message and returns false when it is bad.
bool ParseFormat(const CommonOptions& options, CliIo& io, OutputFormat* format);
/// The view's date, the one rule for every command: --as-of DATE is that date; `--as-of all` is
/// no date (every edge, whatever its dates); no --as-of is today: $PARTNERGRAPH_TODAY when set,
/// else the clock (UTC). Prints a message naming the flag or the variable and returns false when
/// the text is not a date.
bool ParseAsOf(const CommonOptions& options, CliIo& io, Date* as_of);

/// Looks up a node named on the command line; prints "unknown node ... did you mean" if absent.
std::optional<VertexId> FindNodeOrExplain(const PartnershipGraph& graph, const std::string& name, CliIo& io);

/// Resolves pass names (from --pass or --highlight; empty means all); prints "unknown pass ...
/// did you mean" and returns false if one is unknown.
bool SelectPasses(const std::vector<std::string>& names, CliIo& io, std::vector<const PassInfo*>* selected);

}  // namespace pg
