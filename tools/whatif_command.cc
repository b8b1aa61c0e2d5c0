#include "tools/whatif_command.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <memory>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "analysis/evidence.h"
#include "analysis/whatif.h"
#include "graph/graph_edits.h"
#include "graph/graph_view.h"
#include "graph/value_parser.h"
#include "tools/findings_format.h"
#include "tools/phase_clock.h"

namespace pg {
namespace {

using nlohmann::json;

// The edits from --drop, --add and --scenario, in that order; false (with messages) when one
// is malformed or the scenario cannot be read.
bool CollectEdits(const WhatIfCommandOptions& options, CliIo& io, std::vector<GraphEdit>* edits) {
  Diagnostics diagnostics;
  auto flag = [&](const char* name, GraphEdit::Kind kind, const std::string& text) {
    std::string error;
    std::optional<GraphEdit> edit = ParseGraphEdit(kind, text, &error);
    const Location where{fmt::format("{} \"{}\"", name, text), "", 0, 0};
    if (!edit) return diagnostics.Error(where, error);
    edit->where = where;
    edits->push_back(std::move(*edit));
  };
  for (const std::string& text : options.drops) flag("--drop", GraphEdit::Kind::kDrop, text);
  for (const std::string& text : options.adds) flag("--add", GraphEdit::Kind::kAdd, text);
  if (!options.scenario.empty()) {
    std::error_code ignored;
    std::ifstream in(options.scenario);
    if (!in || std::filesystem::is_directory(options.scenario, ignored)) {
      io.err << fmt::format("error: --scenario: cannot read \"{}\"\n", options.scenario);
      return false;
    }
    std::string line;
    for (std::uint32_t number = 1; std::getline(in, line); ++number) {
      std::string error;
      std::optional<GraphEdit> edit = ParseScenarioLine(line, &error);
      const Location where{options.scenario, "", number, 0};
      if (!error.empty()) diagnostics.Error(where, error);
      if (!edit) continue;
      edit->where = where;
      edits->push_back(std::move(*edit));
    }
  }
  if (diagnostics.HasErrors()) {
    PrintDiagnostics(diagnostics, io);
    return false;
  }
  if (edits->empty()) {
    io.err << "error: nothing to change: give --drop, --add or --scenario\n";
    return false;
  }
  return true;
}

// --pass names: the registry's passes, and "exposure" (not a pass, compared here too).
bool SelectWhatIfPasses(const std::vector<std::string>& names, CliIo& io, std::vector<const PassInfo*>* passes,
                        bool* exposure) {
  std::vector<std::string> rest;
  for (const std::string& name : names) {
    if (name != "exposure") rest.push_back(name);
  }
  *exposure = names.empty() || rest.size() < names.size();
  if (!names.empty() && rest.empty()) return true;
  return SelectPasses(rest, io, passes);
}



json WhatIfToJson(const PartnershipGraph& before, const EditedGraph& edited, const WhatIfDiff& diff, Date as_of) {
  auto edges = [as_of](const PartnershipGraph& graph, const std::vector<EdgeId>& list) {
    json out = json::array();
    for (EdgeId e : list) {
      json edge = EdgeToJson(graph, e);
      edge["edge"] = e;
      if (as_of.Known()) edge["active"] = ActiveAsOf(graph.GetEdge(e), as_of);
      out.push_back(std::move(edge));
    }
    return out;
  };
  auto findings = [](const PartnershipGraph& graph, const Findings& list) {
    json out = json::array();
    for (const Finding& finding : list) out.push_back(FindingToJson(graph, finding));
    return out;
  };
  json changed = json::array();
  for (const FindingChange& change : diff.changed) changed.push_back(FindingChangeToJson(change));
  return json{{"as_of", as_of.Known() ? json(as_of.ToString()) : json(nullptr)},
              {"edges", {{"dropped", edges(before, edited.dropped)}, {"added", edges(edited.graph, edited.added)}}},
              {"findings",
               {{"appeared", findings(edited.graph, diff.appeared)},
                {"disappeared", findings(before, diff.disappeared)},
                {"changed", changed}}}};
}

void PrintWhatIfTable(const PartnershipGraph& before, const EditedGraph& edited, const WhatIfDiff& diff, Date as_of,
                      std::ostream& out) {
  out << fmt::format("what if{}: {} edge{} dropped, {} added; {} finding{} appeared, {} disappeared, {} changed\n",
                     as_of.Known() ? fmt::format(" (as of {})", as_of.ToString()) : "", edited.dropped.size(),
                     edited.dropped.size() == 1 ? "" : "s", edited.added.size(), diff.appeared.size(),
                     diff.appeared.size() == 1 ? "" : "s", diff.disappeared.size(), diff.changed.size());
  auto edges = [&](std::string_view title, char mark, const PartnershipGraph& graph, const std::vector<EdgeId>& list) {
    if (list.empty()) return;
    out << fmt::format("\n{} ({})\n", title, list.size());
    for (EdgeId e : list) {
      // An edge outside the --as-of date changes nothing: say so, or the empty result puzzles.
      const bool idle = as_of.Known() && !ActiveAsOf(graph.GetEdge(e), as_of);
      out << fmt::format("  {} {}{}\n", mark, DescribeEdge(graph, e),
                         idle ? fmt::format(" [not active as of {}]", as_of.ToString()) : "");
    }
  };
  auto findings = [&](std::string_view title, char mark, const Findings& list) {
    if (list.empty()) return;
    out << fmt::format("\n{} ({})\n", title, list.size());
    for (const Finding& finding : list) out << fmt::format("  {} {}: {}\n", mark, finding.pass, finding.message);
  };
  edges("edges dropped", '-', before, edited.dropped);
  edges("edges added", '+', edited.graph, edited.added);
  findings("findings appeared", '+', diff.appeared);
  findings("findings disappeared", '-', diff.disappeared);
  PrintFindingChanges(edited.graph, diff.changed, out);
}

// The nodes the edits touch (vertex ids mean the same node in both graphs).
std::vector<VertexId> Touched(const PartnershipGraph& before, const EditedGraph& edited) {
  std::vector<VertexId> touched;
  for (EdgeId e : edited.dropped) touched.insert(touched.end(), {before.GetEdge(e).from, before.GetEdge(e).to});
  for (EdgeId e : edited.added) touched.insert(touched.end(), {edited.graph.GetEdge(e).from, edited.graph.GetEdge(e).to});
  std::sort(touched.begin(), touched.end());
  touched.erase(std::unique(touched.begin(), touched.end()), touched.end());
  return touched;
}

}  // namespace

void SetupWhatIf(CLI::App& app, CliIo& io, int* exit_code) {
  auto options = std::make_shared<WhatIfCommandOptions>();
  CLI::App* command = app.add_subcommand("whatif", "which findings change if a deal is dropped or added");
  command->footer(
      "FROM and TO are node ids or labels; TYPE an edge type (invests, owns, distributes, exclusive,\n"
      "supplies_compute, competes, partners, or a synonym); AMOUNT as in the data ($10B, 350M).\n"
      "--drop A->B drops every edge from A to B; A->B:TYPE only those of that type.\n"
      "A scenario file holds one edit a line: `drop A->B:invests`, `add A->B:invests:10B`, # comments.\n"
      "Findings are matched by pass, subjects and topic; changed ones list each figure before -> after.\n"
      "Exposure is compared for the edits' endpoints, their owners and the rivals of these.\n"
      "Examples:\n"
      "  partnergraph whatif examples/ai-cloud-2026 --drop \"Amazon->OpenAI:invests\"\n"
      "  partnergraph whatif examples/ai-cloud-2026 --drop \"Microsoft->OpenAI:exclusive\" --pass exclusivity\n"
      "  partnergraph whatif deals.xlsx --add \"Google->Anthropic:invests:2B\" --format json | jq .findings\n"
      "  partnergraph whatif deals.xlsx --scenario no-stargate.txt");
  AddCommonOptions(*command, &options->common);
  command->add_option("--drop", options->drops, "drop every edge FROM->TO (of TYPE when given); repeatable")
      ->type_name("FROM->TO[:TYPE]")
      ->allow_extra_args(false);
  command->add_option("--add", options->adds, "add an edge FROM->TO of TYPE (and AMOUNT); repeatable")
      ->type_name("FROM->TO:TYPE[:AMOUNT]")
      ->allow_extra_args(false);
  command->add_option("--scenario", options->scenario, "a file of edits, one a line: drop A->B:TYPE, add A->B:TYPE:AMOUNT")
      ->type_name("FILE");
  command->add_option("-p,--pass", options->passes,
                      "passes to compare, comma-separated, `exposure` among them (default: all and exposure)")
      ->delimiter(',')
      ->type_name("NAME,...");
  command->callback([options, &io, exit_code] { *exit_code = RunWhatIf(*options, io); });
}

int RunWhatIf(const WhatIfCommandOptions& options, CliIo& io) {
  OutputFormat format;
  Date as_of;
  std::vector<const PassInfo*> passes;
  std::vector<GraphEdit> edits;
  WhatIfScope scope;
  if (!ParseFormat(options.common, io, &format) || !ParseAsOf(options.common, io, &as_of) ||
      !SelectWhatIfPasses(options.passes, io, &passes, &scope.exposure) || !CollectEdits(options, io, &edits)) {
    return kExitBadInput;
  }
  PhaseClock clock(io, ClockOptions(options.common, "whatif"), ShowProgress(options.common, io));
  std::optional<PartnershipGraph> graph = LoadForCommand(options.common, io, &clock);
  if (!graph) return kExitBadInput;
  clock.Begin("edit", "building the changed graph");
  Diagnostics diagnostics;
  std::optional<EditedGraph> edited = ApplyGraphEdits(*graph, edits, &diagnostics);
  clock.End();
  if (!edited) {
    PrintDiagnostics(diagnostics, io);
    return kExitBadInput;
  }
  clock.Begin("whatif", "running the passes on both graphs");
  scope.as_of = as_of;
  scope.touched = Touched(*graph, *edited);
  const WhatIfDiff diff = CompareWhatIf(*graph, edited->graph, passes, PassOptions{}, scope);
  clock.Begin("output", "writing the comparison");
  if (format == OutputFormat::kJson) {
    io.out << JsonText(WhatIfToJson(*graph, *edited, diff, as_of)) << '\n';
  } else {
    PrintWhatIfTable(*graph, *edited, diff, as_of, io.out);
  }
  return kExitOk;
}

}  // namespace pg
