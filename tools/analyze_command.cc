#include "tools/analyze_command.h"

#include <memory>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "analysis/pass_registry.h"
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
      "  partnergraph analyze big/nodes.csv big/edges.csv --format json --timings > out.json");
  AddCommonOptions(*command, &options->common);
  command->add_option("-p,--pass", options->passes, "passes to run, comma-separated (default: all; see `passes`)")
      ->delimiter(',')
      ->type_name("NAME,...");
  command->add_option("--fail-on", options->fail_on, "exit 1 when a finding of this severity or worse is reported")
      ->check(CLI::IsMember({"info", "warning", "critical"}))
      ->type_name("SEVERITY");
  command->add_option("--min-amount", options->min_amount, "ignore investments below this many USD")
      ->type_name("USD");
  command->add_flag("--why", options->why, "list the evidence (edges, sources, file and line) under each finding");
  command->callback([options, &io, exit_code] { *exit_code = RunAnalyze(*options, io); });
}

int RunAnalyze(const AnalyzeOptions& options, CliIo& io) {
  OutputFormat format;
  Date as_of;
  std::vector<const PassInfo*> passes;
  if (!ParseFormat(options.common, io, &format) || !ParseAsOf(options.common, io, &as_of) ||
      !SelectPasses(options.passes, io, &passes)) {
    return kExitBadInput;
  }
  PhaseClockOptions clock_options;
  clock_options.timings = options.common.timings;
  clock_options.quiet = options.common.quiet;
  PhaseClock clock(io, clock_options, options.common.progress || ErrIsTerminal(io));
  std::optional<PartnershipGraph> graph = LoadForCommand(options.common, io, &clock);
  if (!graph) return kExitBadInput;

  clock.Begin("view", "indexing rivals, ownership and claims");
  const GraphView view(*graph, ViewOptions{as_of});
  clock.End();
  PassOptions pass_options;
  pass_options.min_amount_usd = options.min_amount;
  Findings findings;
  for (const PassInfo* pass : passes) {
    clock.Begin(pass->name, fmt::format("running {}", pass->name));
    Findings found = pass->run(view, pass_options);
    findings.insert(findings.end(), std::make_move_iterator(found.begin()), std::make_move_iterator(found.end()));
    clock.End();
  }

  clock.Begin("output", fmt::format("writing {} findings", findings.size()));
  if (format == OutputFormat::kJson) {
    WriteFindingsJson(*graph, findings, io.out);
  } else {
    io.out << fmt::format("{} nodes, {} edges, {} metrics{}; {} finding{}\n", graph->NodeCount(),
                          graph->EdgeCount(), graph->Metrics().size(),
                          as_of.Known() ? fmt::format(" (as of {})", as_of.ToString()) : "", findings.size(),
                          findings.size() == 1 ? "" : "s");
    PrintFindingsTable(*graph, findings, options.why, io.out);
  }
  io.out.flush();
  clock.End();
  if (!options.fail_on.empty()) {
    const FindingSeverity threshold = *ParseFindingSeverity(options.fail_on);
    for (const Finding& finding : findings) {
      if (finding.severity >= threshold) return kExitFindings;
    }
  }
  return kExitOk;
}

}  // namespace pg
