#include "tools/report_command.h"

#include <algorithm>
#include <filesystem>
#include <memory>
#include <sstream>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "analysis/pass_registry.h"
#include "io/dot_builder.h"
#include "io/html_report.h"
#include "io/renderer.h"
#include "tools/finding_cut.h"
#include "tools/findings_format.h"
#include "tools/phase_clock.h"

namespace pg {

void SetupReport(CLI::App& app, CliIo& io, int* exit_code) {
  auto options = std::make_shared<ReportCommandOptions>();
  CLI::App* command = app.add_subcommand("report", "write the findings, evidence and diagram as one HTML file");
  command->footer(fmt::format(
      "The page works offline and stands alone: styles, script, data and the diagram (inline SVG)\n"
      "are inside it, and it loads nothing from the network. It shows a summary (inputs, date,\n"
      "counts, findings per pass and severity), the findings by pass with their notes, evidence\n"
      "rows and sources, and the diagram with the --highlight passes' findings in magenta. A box\n"
      "filters the findings as you type; clicking a node or a name shows its type, roles and\n"
      "edges. Past {} nodes or {} edges the diagram is left out (the page says so).\n"
      "Examples:\n"
      "  partnergraph report examples/ai-cloud-2026 -o report.html\n"
      "  partnergraph report deals.xlsx -o deals.html --as-of 2026-04 --title \"AI cloud deals, April\"\n"
      "  partnergraph report deals.xlsx -o - --pass dual-backing,conflicts --top 0 > deals.html",
      kReportDiagramNodes, kReportDiagramEdges));
  AddCommonOptions(*command, &options->common, /*with_format=*/false);
  command->add_option("-o,--output", options->output, "the HTML file to write (`-`: standard output)")
      ->required()
      ->type_name("FILE");
  command->add_option("-p,--pass", options->passes, "passes to run, comma-separated (default: all; see `passes`)")
      ->delimiter(',')
      ->type_name("NAME,...");
  command->add_option("--top", options->top, "at most this many findings per pass, most severe first (0: all)")
      ->type_name("N")
      ->capture_default_str();
  command->add_option("--min-severity", options->min_severity, "leave out findings below this severity")
      ->check(CLI::IsMember({"info", "warning", "critical"}))
      ->type_name("SEVERITY")
      ->capture_default_str();
  command->add_option("--highlight", options->highlight,
                      "passes whose findings the diagram colours in magenta (`none`: no highlight)")
      ->delimiter(',')
      ->type_name("PASS,...")
      ->capture_default_str();
  command->add_option("--title", options->title, "the page's heading (default: partnergraph report: INPUTS)")
      ->type_name("TEXT");
  command->add_option("--max-diagram-nodes", options->max_diagram_nodes,
                      "leave the diagram out past this many nodes (0: always)")
      ->type_name("N")
      ->capture_default_str();
  command->callback([options, &io, exit_code] { *exit_code = RunReport(*options, io); });
}

namespace {

// "ai-cloud-2026" for examples/ai-cloud-2026/, "deals.xlsx" for a workbook.
std::string InputsCaption(const std::vector<std::string>& inputs) {
  std::vector<std::string> names;
  for (const std::string& input : inputs) {
    std::filesystem::path path(input);
    if (!path.has_filename()) path = path.parent_path();
    names.push_back(path.filename().string());
  }
  return fmt::format("{}", fmt::join(names, ", "));
}

// The --highlight passes (none for `none`); false with a message when one is unknown.
bool SelectHighlight(const std::vector<std::string>& names, CliIo& io, std::vector<std::string>* passes) {
  if (names.empty() || (names.size() == 1 && names[0] == "none")) return true;
  for (const std::string& name : names) {
    if (name.find(':') == std::string::npos) continue;
    io.err << fmt::format("error: --highlight {}: the report highlights whole passes; `render --highlight "
                          "PASS:N` or `PASS:NODE` draws single findings\n",
                          name);
    return false;
  }
  std::vector<const PassInfo*> selected;
  if (!SelectPasses(names, io, &selected)) return false;
  for (const PassInfo* pass : selected) passes->emplace_back(pass->name);
  return true;
}

// Runs the passes on the view and keeps what --top and --min-severity allow, as `analyze` does.
CutFindings RunReportPasses(const GraphView& view, const std::vector<const PassInfo*>& passes, const CutOptions& cut,
                            PhaseClock& clock) {
  CutFindings findings;
  for (std::size_t i = 0; i < passes.size(); ++i) {
    const PassInfo* pass = passes[i];
    clock.Begin(pass->name, fmt::format("running {} (pass {} of {})", pass->name, i + 1, passes.size()));
    findings.Add(pass->name, pass->run(view, PassOptions{}), cut);
    clock.End();
  }
  return findings;
}

// Why the whole graph is too big for the page's diagram; empty when it fits.
std::string DiagramTooBig(const GraphView& view, std::size_t max_nodes) {
  const PartnershipGraph& graph = view.Graph();
  if (graph.NodeCount() > max_nodes) {
    return fmt::format("diagram omitted: {} nodes (over the limit of {})", graph.NodeCount(), max_nodes);
  }
  std::size_t edges = 0;
  for (EdgeId e = 0; e < graph.EdgeCount(); ++e) edges += view.Counted(e) ? 1 : 0;
  if (edges > kReportDiagramEdges) {
    return fmt::format("diagram omitted: {} edges (over the limit of {})", edges, kReportDiagramEdges);
  }
  return "";
}

// Draws the whole graph as SVG with `highlight` in magenta into `input->svg`; when it cannot,
// says why in `input->diagram_note` (and on stderr). Returns what was drawn, for the last line
// ("diagram of 13 nodes, 17 edges, 2 findings highlighted"), or the note.
std::string DrawDiagram(const GraphView& view, const Findings& highlight, const ReportCommandOptions& options, CliIo& io,
                 PhaseClock& clock, HtmlReportInput* input) {
  input->diagram_note = DiagramTooBig(view, options.max_diagram_nodes);
  if (!input->diagram_note.empty()) {
    if (!options.common.quiet) io.err << "note: " << input->diagram_note << '\n';
    return input->diagram_note;
  }
  clock.Begin("render", "drawing the diagram");
  const PartnershipGraph& graph = view.Graph();
  const bool markets = std::any_of(graph.Nodes().begin(), graph.Nodes().end(),
                                   [&graph](const Node& node) { return !graph.Markets(node).empty(); });
  DiagramOptions diagram_options;
  diagram_options.cluster_by = markets ? ClusterBy::kMarket : ClusterBy::kType;
  diagram_options.highlight = &highlight;
  diagram_options.subtitle = InputsCaption(options.common.inputs) +
                             (input->as_of.Known() ? " · as of " + input->as_of.ToString() : "");
  Diagram diagram = BuildDiagram(view, diagram_options);
  RenderOptions render_options;
  std::string note;
  render_options.layout = ChooseLayout("", diagram.DrawnNodeCount(), diagram.DrawnEdgeCount(), &note);
  render_options.fdp_fallback = true;
  Diagnostics diagnostics;
  if (!RenderDiagram(diagram, render_options, &input->svg, &diagnostics)) {
    input->svg.clear();
    input->diagram_note = "diagram omitted: Graphviz could not draw it (the messages are on the command line)";
    PrintDiagnostics(diagnostics, io);
  }
  clock.End();
  if (input->svg.empty()) return input->diagram_note;
  return fmt::format("diagram of {} nodes, {} edges, {} finding{} highlighted", diagram.DrawnNodeCount(),
                     diagram.DrawnEdgeCount(), diagram.HighlightedCount(), diagram.HighlightedCount() == 1 ? "" : "s");
}

// The report's findings of the --highlight passes.
Findings HighlightedFindings(const Findings& shown, const std::vector<std::string>& passes) {
  Findings kept;
  for (const Finding& finding : shown) {
    if (std::find(passes.begin(), passes.end(), finding.pass) != passes.end()) kept.push_back(finding);
  }
  return kept;
}

std::vector<ReportPass> ReportPasses(const std::vector<PassTally>& tallies) {
  std::vector<ReportPass> passes;
  for (const PassTally& tally : tallies) {
    passes.push_back({tally.pass, tally.found, tally.shown, tally.cut, tally.below_severity});
  }
  return passes;
}

// Writes `html` to the output (stdout for `-`); false after printing why.
bool WriteReport(const ReportCommandOptions& options, const std::string& html, CliIo& io) {
  if (options.output == "-") {
    io.out << html;
    io.out.flush();
    return true;
  }
  std::string error;
  if (!WriteFileAtomically(options.output, html, &error)) {
    io.err << "error: " << error << '\n';
    return false;
  }
  return true;
}

}  // namespace

int RunReport(const ReportCommandOptions& options, CliIo& io) {
  Date as_of;
  std::vector<const PassInfo*> passes;
  std::vector<std::string> highlight;
  if (!ParseAsOf(options.common, io, &as_of) || !SelectPasses(options.passes, io, &passes) ||
      !SelectHighlight(options.highlight, io, &highlight)) {
    return kExitBadInput;
  }
  PhaseClock clock(io, ClockOptions(options.common, "report"), ShowProgress(options.common, io));
  std::optional<PartnershipGraph> graph = LoadForCommand(options.common, io, &clock);
  if (!graph) return kExitBadInput;
  const GraphView view(*graph, ViewOptions{as_of});
  CutOptions cut;
  cut.top = options.top;
  cut.min_severity = *ParseFindingSeverity(options.min_severity);
  const CutFindings findings = RunReportPasses(view, passes, cut, clock);

  HtmlReportInput input;
  input.title = options.title.empty() ? "partnergraph report: " + InputsCaption(options.common.inputs) : options.title;
  input.inputs = options.common.inputs;
  input.as_of = as_of;
  input.passes = ReportPasses(findings.passes);
  const Findings highlighted = HighlightedFindings(findings.shown, highlight);
  const std::string drawn = DrawDiagram(view, highlighted, options, io, clock, &input);

  clock.Begin("output", "writing the report");
  std::ostringstream json;
  WriteFindingsJson(*graph, findings.shown, json, &findings.passes, as_of);
  input.findings_json = std::move(json).str();
  std::ostringstream html;
  WriteHtmlReport(*graph, findings.shown, input, html);
  if (!WriteReport(options, std::move(html).str(), io)) return kExitBadInput;
  clock.End();
  if (!options.common.quiet && options.output != "-") {
    io.out << fmt::format("wrote {} ({} finding{}, {})\n", options.output, findings.shown.size(),
                          findings.shown.size() == 1 ? "" : "s", drawn);
  }
  return kExitOk;
}

}  // namespace pg
