#include "tools/cli.h"

#include <ostream>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "graph/text.h"
#include "tools/analyze_command.h"
#include "tools/centrality_command.h"
#include "tools/common_command.h"
#include "tools/exposure_command.h"
#include "tools/last_resort.h"
#include "tools/neighbors_command.h"
#include "tools/paths_command.h"
#include "tools/convert_command.h"
#include "tools/diff_command.h"
#include "tools/passes_command.h"
#include "tools/render_command.h"
#include "tools/report_command.h"
#include "tools/validate_command.h"
#include "tools/whatif_command.h"

namespace pg {
namespace {

const Command kCommands[] = {
    {"analyze", "run the analysis passes and report findings", SetupAnalyze},
    {"validate", "check inputs and report every problem with file, line and column", SetupValidate},
    {"render", "draw the graph as SVG, PNG, PDF or DOT, findings highlighted", SetupRender},
    {"report", "one self-contained HTML file: findings, evidence and the diagram, offline", SetupReport},
    {"diff", "what changed between two dates: edges that began or ended, findings that appeared", SetupDiff},
    {"whatif", "which findings appear, disappear or change if deals are dropped or added", SetupWhatIf},
    {"convert", "write the model as a CSV folder, JSON or XLSX, losslessly", SetupConvert},
    {"passes", "list the analysis passes", SetupPasses},
    {"exposure", "one company's exposure to parties that also serve its rivals", SetupExposure},
    {"common", "what two nodes share, and the edges on each side", SetupCommon},
    {"paths", "simple paths between two nodes, with edge types", SetupPaths},
    {"neighbors", "the nodes around one node, with edge types and directions", SetupNeighbors},
    {"centrality", "betweenness centrality of every node, the top N (exact or sampled)", SetupCentrality},
};

constexpr std::string_view kDescription =
    "partnergraph: who is on both sides of the fight?\n"
    "Loads partnership data (companies, investors, clouds, platforms, chipmakers; invests,\n"
    "distributes, exclusive, supplies_compute, owns, competes edges) from CSV, XLSX or JSON,\n"
    "finds channel exposure (investors backing rivals, channels carrying rivals) and draws it.";

constexpr std::string_view kFooter =
    "Start here:\n"
    "  partnergraph validate examples/ai-cloud-2026      # check the data\n"
    "  partnergraph analyze  examples/ai-cloud-2026      # every pass, as a table\n"
    "  partnergraph analyze  examples/ai-cloud-2026 --format json | jq .\n"
    "  partnergraph exposure Anthropic examples/ai-cloud-2026        # who else do its backers serve?\n"
    "  partnergraph common   OpenAI Anthropic examples/ai-cloud-2026 # what two rivals share, and why\n"
    "  partnergraph paths    Amazon OpenAI examples/ai-cloud-2026\n"
    "  partnergraph render   examples/ai-cloud-2026 -o map.svg --highlight dual-backing\n"
    "  partnergraph diff     examples/ai-cloud-2026 --from 2026-01 --to 2026-04\n"
    "  partnergraph whatif   examples/ai-cloud-2026 --drop \"Amazon->OpenAI:invests\"\n"
    "Run `partnergraph COMMAND --help` for a command's options.\n"
    "Exit status: 0 ok, 1 a finding matched --fail-on, 2 bad usage or input (or output that\n"
    "could not be written), 3 an internal error (a bug; please report it).";

int RunCommandLine(const std::vector<std::string>& args, CliIo io) {
  CLI::App app{std::string(kDescription), "partnergraph"};
  app.footer(std::string(kFooter));
  app.set_version_flag("--version", "partnergraph 0.1.0");
  app.require_subcommand(1);
  int exit_code = kExitOk;
  for (const Command& command : kCommands) command.setup(app, io, &exit_code);

  if (!args.empty() && !args[0].empty() && args[0][0] != '-') {
    bool known = false;
    std::vector<std::string_view> names;
    for (const Command& command : kCommands) {
      names.push_back(command.name);
      known = known || command.name == args[0];
    }
    if (!known) {
      const std::string_view suggestion = ClosestMatch(args[0], names);
      io.err << fmt::format("error: unknown command \"{}\"{}; run `partnergraph --help`\n", args[0],
                            suggestion.empty() ? "" : fmt::format(" (did you mean \"{}\"?)", suggestion));
      return kExitBadInput;
    }
  }
  std::vector<std::string> reversed(args.rbegin(), args.rend());  // CLI11 takes them reversed
  try {
    app.parse(reversed);
  } catch (const CLI::CallForHelp& help) {
    io.out << app.help();
    return kExitOk;
  } catch (const CLI::CallForAllHelp&) {
    io.out << app.help("", CLI::AppFormatMode::All);
    return kExitOk;
  } catch (const CLI::CallForVersion&) {
    io.out << "partnergraph 0.1.0\n";
    return kExitOk;
  } catch (const CLI::ParseError& error) {
    if (error.get_exit_code() == 0) {
      io.out << error.what() << '\n';
      return kExitOk;
    }
    io.err << "error: " << error.what() << '\n';
    io.err << "run `partnergraph --help` or `partnergraph COMMAND --help` for usage\n";
    return kExitBadInput;
  }
  return exit_code;
}

// The subcommand being run, for the last-resort messages.
std::string_view CommandName(const std::vector<std::string>& args) {
  for (const Command& command : kCommands) {
    if (!args.empty() && command.name == args[0]) return command.name;
  }
  return "partnergraph";
}

}  // namespace

std::span<const Command> AllCommands() { return kCommands; }

int RunCli(const std::vector<std::string>& args, CliIo io) {
  return RunGuarded(CommandName(args), io.err, [&] { return RunCommandLine(args, io); });
}

}  // namespace pg
