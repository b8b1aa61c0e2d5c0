#include "tools/diff_command.h"

#include <memory>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "analysis/evidence.h"
#include "analysis/graph_diff.h"
#include "analysis/pass_registry.h"
#include "graph/value_parser.h"
#include "tools/findings_format.h"
#include "tools/phase_clock.h"

namespace pg {
namespace {

using nlohmann::json;

bool ParseDateOption(const std::string& name, const std::string& text, CliIo& io, Date* date) {
  std::string error;
  const std::optional<Date> parsed = ParseDate(text, &error);
  if (!parsed) {
    io.err << fmt::format("error: {}: {}\n", name, error);
    return false;
  }
  *date = *parsed;
  return true;
}



json DiffToJson(const PartnershipGraph& graph, const GraphDiff& diff) {
  auto edges = [&](const std::vector<EdgeId>& list) {
    json out = json::array();
    for (EdgeId e : list) {
      json edge = EdgeToJson(graph, e);
      edge["edge"] = e;
      out.push_back(std::move(edge));
    }
    return out;
  };
  auto findings = [&](const Findings& list) {
    json out = json::array();
    for (const Finding& finding : list) out.push_back(FindingToJson(graph, finding));
    return out;
  };
  json changed = json::array();
  for (const FindingChange& change : diff.changed) changed.push_back(FindingChangeToJson(change));
  return json{{"from", diff.from.ToString()},
              {"to", diff.to.ToString()},
              {"edges", {{"began", edges(diff.began)}, {"ended", edges(diff.ended)}}},
              {"findings",
               {{"appeared", findings(diff.appeared)}, {"disappeared", findings(diff.disappeared)}, {"changed", changed}}}};
}

void PrintDiffTable(const PartnershipGraph& graph, const GraphDiff& diff, std::ostream& out) {
  out << fmt::format("from {} to {}: {} edge{} began, {} ended; {} finding{} appeared, {} disappeared, {} changed\n",
                     diff.from.ToString(), diff.to.ToString(), diff.began.size(), diff.began.size() == 1 ? "" : "s",
                     diff.ended.size(), diff.appeared.size(), diff.appeared.size() == 1 ? "" : "s",
                     diff.disappeared.size(), diff.changed.size());
  auto edges = [&](std::string_view title, char mark, const std::vector<EdgeId>& list) {
    if (list.empty()) return;
    out << fmt::format("\n{} ({})\n", title, list.size());
    for (EdgeId e : list) out << fmt::format("  {} {}\n", mark, DescribeEdge(graph, e));
  };
  auto findings = [&](std::string_view title, char mark, const Findings& list) {
    if (list.empty()) return;
    out << fmt::format("\n{} ({})\n", title, list.size());
    for (const Finding& finding : list) out << fmt::format("  {} {}: {}\n", mark, finding.pass, finding.message);
  };
  edges("edges began", '+', diff.began);
  edges("edges ended", '-', diff.ended);
  findings("findings appeared", '+', diff.appeared);
  findings("findings disappeared", '-', diff.disappeared);
  PrintFindingChanges(graph, diff.changed, out);
}

}  // namespace

void SetupDiff(CLI::App& app, CliIo& io, int* exit_code) {
  auto options = std::make_shared<DiffOptions>();
  CLI::App* command = app.add_subcommand("diff", "what changed between two dates: edges and findings");
  command->footer(
      "Edges began: active at --to but not at --from (started in between); ended: the reverse.\n"
      "Findings are matched by pass, subjects and topic; changed ones list each figure before -> after.\n"
      "Examples:\n"
      "  partnergraph diff examples/ai-cloud-2026 --from 2026-01 --to 2026-04\n"
      "  partnergraph diff deals.xlsx --from 2025 --to 2026-06 --pass dual-backing --format json | jq .findings");
  command->add_option("inputs", options->common.inputs,
                      "CSV files, a folder of them, an .xlsx workbook, a .json model, a .pgraph snapshot, or - for "
                      "standard input")
      ->required()
      ->type_name("PATH...");
  command->add_option("--from", options->from, "the earlier date (YYYY, YYYY-MM or YYYY-MM-DD)")
      ->required()
      ->type_name("DATE");
  command->add_option("--to", options->to, "the later date")->required()->type_name("DATE");
  command->add_option("-p,--pass", options->passes, "passes to compare, comma-separated (default: all)")
      ->delimiter(',')
      ->type_name("NAME,...");
  command->add_option("-f,--format", options->format, "output: table (for people) or json (for jq)")
      ->check(CLI::IsMember({"table", "json"}))
      ->capture_default_str();
  AddReadingOptions(*command, &options->common);
  command->add_flag("-q,--quiet", options->common.quiet, "print no warnings, only errors and results");
  command->add_flag("--progress", options->common.progress, "show progress on stderr for slow phases (default on a terminal)");
  command->add_flag("--timings", options->common.timings, "print phase=NAME seconds=S maxrss_kb=K per phase on stderr");
  command->callback([options, &io, exit_code] { *exit_code = RunDiff(*options, io); });
}

int RunDiff(const DiffOptions& options, CliIo& io) {
  Date from, to;
  std::vector<const PassInfo*> passes;
  if (!ParseDateOption("--from", options.from, io, &from) || !ParseDateOption("--to", options.to, io, &to) ||
      !SelectPasses(options.passes, io, &passes)) {
    return kExitBadInput;
  }
  if (!(from < to)) {
    io.err << fmt::format("error: --from {} must be before --to {}\n", from.ToString(), to.ToString());
    return kExitBadInput;
  }
  const CommonOptions& common = options.common;
  PhaseClock clock(io, ClockOptions(common, "diff"), ShowProgress(common, io));
  std::optional<PartnershipGraph> graph = LoadForCommand(common, io, &clock);
  if (!graph) return kExitBadInput;
  clock.Begin("diff", "running the passes at both dates");
  const GraphDiff diff = DiffGraph(*graph, from, to, passes, PassOptions{});
  clock.Begin("output", "writing the comparison");
  if (options.format == "json") {
    io.out << JsonText(DiffToJson(*graph, diff)) << '\n';
  } else {
    PrintDiffTable(*graph, diff, io.out);
  }
  return kExitOk;
}

}  // namespace pg
