#include "tools/analyze_command.h"

#include <memory>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "analysis/pass_registry.h"
#include "graph/value_parser.h"
#include "tools/finding_cut.h"
#include "tools/findings_format.h"
#include "tools/phase_clock.h"

namespace pg {

void SetupAnalyze(CLI::App& app, CliIo& io, int* exit_code) {
  auto options = std::make_shared<AnalyzeOptions>();
  CLI::App* command = app.add_subcommand("analyze", "run the analysis passes and report findings");
  command->footer(
      "Examples:\n"
      "  partnergraph analyze examples/ai-cloud-2026\n"
      "  partnergraph analyze deals.xlsx --pass dual-backing --format json | jq '.findings[].message'\n"
      "  partnergraph analyze nodes.csv edges.csv --fail-on warning   # exit 1 if anything is found\n"
      "  partnergraph analyze big/nodes.csv big/edges.csv --format json --timings > out.json\n"
      "  partnergraph analyze deals.xlsx --pass exclusivity --top 0 --detail full --format json\n"
      "Output is bounded: each pass shows its --top findings (most severe first, in the pass's order),\n"
      "the table ends each pass with \"+N more\", and the JSON's \"passes\" object gives per pass\n"
      "how many were found, cut by --top, left out by --min-severity and shown. --top 0 keeps all.");
  AddCommonOptions(*command, &options->common);
  command->add_option("-p,--pass", options->passes, "passes to run, comma-separated (default: all; see `passes`)")
      ->delimiter(',')
      ->type_name("NAME,...");
  command->add_option("--fail-on", options->fail_on, "exit 1 when a finding of this severity or worse is reported")
      ->check(CLI::IsMember({"info", "warning", "critical"}))
      ->type_name("SEVERITY");
  command->add_option("--min-amount", options->min_amount,
                      "ignore investments with a known amount below this (1B, $500M, 500e6); deals without a "
                      "figure are kept")
      ->type_name("USD");
  command->add_flag("--why", options->why, "list the evidence (edges, sources, file and line) under each finding");
  command->add_option("--top", options->top, "at most this many findings per pass, most severe first (0: all)")
      ->type_name("N")
      ->capture_default_str();
  command->add_option("--min-severity", options->min_severity, "leave out findings below this severity")
      ->check(CLI::IsMember({"info", "warning", "critical"}))
      ->type_name("SEVERITY")
      ->capture_default_str();
  command->add_option("--detail", options->detail,
                      "top: each exclusivity lists its 5 best blocked channels and counts the rest; full: all of "
                      "them, with their evidence")
      ->check(CLI::IsMember({"top", "full"}))
      ->capture_default_str();
  command->add_flag("--exact", options->exact,
                    "brokerage: exact betweenness even on big graphs (default: sampled sources past about a "
                    "second of work)");
  command->callback([options, &io, exit_code] { *exit_code = RunAnalyze(*options, io); });
}

namespace {

/// `--min-amount` as an amount in the data is written (`1B`, `$500M`); false with a message.
bool ParseMinAmount(const std::string& text, CliIo& io, double* amount) {
  if (text.empty()) return true;
  std::string error;
  const std::optional<double> value = ParseAmount(text, &error);
  if (!value) {
    io.err << "error: --min-amount: " << error << '\n';
    return false;
  }
  *amount = *value;
  return true;
}

}  // namespace

int RunAnalyze(const AnalyzeOptions& options, CliIo& io) {
  OutputFormat format;
  Date as_of;
  std::vector<const PassInfo*> passes;
  double min_amount = 0;
  if (!ParseFormat(options.common, io, &format) || !ParseAsOf(options.common, io, &as_of) ||
      !SelectPasses(options.passes, io, &passes) || !ParseMinAmount(options.min_amount, io, &min_amount)) {
    return kExitBadInput;
  }
  PhaseClock clock(io, ClockOptions(options.common, "analyze"), ShowProgress(options.common, io));
  std::optional<PartnershipGraph> graph = LoadForCommand(options.common, io, &clock);
  if (!graph) return kExitBadInput;

  clock.Begin("view", "indexing rivals, ownership and claims");
  const GraphView view(*graph, ViewOptions{as_of});
  clock.End();
  PassOptions pass_options;
  pass_options.min_amount_usd = min_amount;
  pass_options.full_detail = options.detail == "full";
  pass_options.exact = options.exact;
  CutOptions cut;
  cut.top = options.top;
  cut.min_severity = *ParseFindingSeverity(options.min_severity);
  CutFindings findings;
  for (std::size_t i = 0; i < passes.size(); ++i) {
    const PassInfo* pass = passes[i];
    clock.Begin(pass->name, fmt::format("running {} (pass {} of {})", pass->name, i + 1, passes.size()));
    findings.Add(pass->name, pass->run(view, pass_options), cut);
    clock.End();
  }

  const std::size_t found = findings.Found();
  clock.Begin("output", fmt::format("writing {} findings", findings.shown.size()));
  if (format == OutputFormat::kJson) {
    WriteFindingsJson(*graph, findings.shown, io.out, &findings.passes, as_of);
  } else {
    io.out << fmt::format("{} nodes, {} edges, {} metrics{}; {} finding{}{}\n", graph->NodeCount(),
                          graph->EdgeCount(), graph->Metrics().size(),
                          as_of.Known() ? fmt::format(" (as of {})", as_of.ToString()) : "", found,
                          found == 1 ? "" : "s",
                          findings.shown.size() < found ? fmt::format(", {} shown", findings.shown.size()) : "");
    PrintFindingsTable(*graph, findings.shown, options.why, io.out, &findings.passes, as_of);
  }
  io.out.flush();
  clock.End();
  if (!options.fail_on.empty() && findings.AnyAtLeast(*ParseFindingSeverity(options.fail_on))) return kExitFindings;
  return kExitOk;
}

}  // namespace pg
