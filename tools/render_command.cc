#include "tools/render_command.h"

#include <filesystem>
#include <memory>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "analysis/pass_registry.h"
#include "io/dot_builder.h"
#include "io/renderer.h"
#include "tools/phase_clock.h"

namespace pg {
namespace {

// What the diagram will draw, counted before anything is built: the nodes (all, or the focus)
// and the counted edges between them. The renderer checks its own counts again; this check only
// makes a hopeless layout fail at once instead of after building the whole diagram.
std::pair<std::size_t, std::size_t> CountDrawn(const GraphView& view, const Neighbourhood* focus) {
  const PartnershipGraph& graph = view.Graph();
  std::size_t edges = 0;
  if (!focus) {
    for (EdgeId e = 0; e < graph.EdgeCount(); ++e) edges += view.Counted(e) ? 1 : 0;
    return {graph.NodeCount(), edges};
  }
  std::vector<bool> drawn(graph.NodeCount(), false);
  for (VertexId v : focus->nodes) drawn[v] = true;
  for (VertexId v : focus->nodes) {
    graph.ForOutEdges(v, [&](EdgeId e) { edges += view.Counted(e) && drawn[graph.GetEdge(e).to] ? 1 : 0; });
  }
  return {focus->nodes.size() + focus->hidden.size(), edges + focus->hidden.size()};
}

// "ai-cloud-2026" for examples/ai-cloud-2026/, "deals.xlsx" for a workbook.
std::string InputsCaption(const std::vector<std::string>& inputs) {
  std::string caption;
  for (const std::string& input : inputs) {
    std::filesystem::path path(input);
    if (!path.has_filename()) path = path.parent_path();
    caption += (caption.empty() ? "" : ", ") + path.filename().string();
  }
  return caption;
}

// With a focus, only the findings that name a drawn node.
Findings DrawnFindings(const PartnershipGraph& graph, Findings findings, const Neighbourhood* focus) {
  if (!focus) return findings;
  std::vector<bool> drawn(graph.NodeCount(), false);
  for (VertexId v : focus->nodes) drawn[v] = true;
  Findings kept;
  for (Finding& finding : findings) {
    bool touches = false;
    for (const std::string& subject : finding.subjects) {
      const std::optional<VertexId> v = graph.FindNode(subject);
      touches = touches || (v && drawn[*v]);
    }
    if (touches) kept.push_back(std::move(finding));
  }
  return kept;
}

}  // namespace

void SetupRender(CLI::App& app, CliIo& io, int* exit_code) {
  auto options = std::make_shared<RenderCommandOptions>();
  CLI::App* command = app.add_subcommand("render", "draw the graph as SVG, PNG, PDF or DOT");
  command->footer(
      "The output type comes from the extension: .svg, .png, .pdf, or .dot (the DOT text as built,\n"
      "without layout, for other Graphviz tools). Shapes show node types, line styles and colours\n"
      "edge types, a legend lists the types drawn; amounts label the edges ($58B). Graphs past\n"
      "2,000 nodes or 5,000 edges are laid out with sfdp unless --layout says otherwise.\n"
      "--focus draws the nodes within --depth hops of one node (edges of any type, either\n"
      "direction); each node adds at most --max-neighbors new ones, and \"+ N more\" marks the\n"
      "neighbours left out.\n"
      "Examples:\n"
      "  partnergraph render examples/ai-cloud-2026 -o map.svg\n"
      "  partnergraph render examples/ai-cloud-2026 -o map.png --highlight dual-backing,shared-channel\n"
      "  partnergraph render deals.xlsx -o bedrock.svg --focus Bedrock --depth 2\n"
      "  partnergraph render deals.xlsx -o map.dot --cluster market && dot -Tpdf map.dot > map.pdf");
  AddCommonOptions(*command, &options->common, /*with_format=*/false);
  command->add_option("-o,--output", options->output, "the file to write: .svg, .png, .pdf or .dot")
      ->required()
      ->type_name("FILE");
  command->add_option("--highlight", options->highlight,
                      "run these passes and colour their findings: the party in gold, the others it "
                      "involves outlined in red, the evidence edges in red (see `passes`)")
      ->delimiter(',')
      ->type_name("PASS,...");
  command->add_option("--layout", options->layout, "Graphviz layout engine (default dot; sfdp for large graphs)")
      ->check(CLI::IsMember({"dot", "neato", "fdp", "sfdp", "circo"}))
      ->type_name("ENGINE");
  command->add_option("--focus", options->focus, "draw only this node's neighbourhood (id or label)")
      ->type_name("NODE");
  command->add_option("--depth", options->depth, "hops from the --focus node")
      ->check(CLI::Range(0, 100))
      ->capture_default_str();
  command->add_option("--max-neighbors", options->max_neighbors,
                      "with --focus, at most this many new neighbours per node; the rest become \"+ N more\"")
      ->check(CLI::Range(1, 100000))
      ->capture_default_str();
  command->add_option("--cluster", options->cluster, "group nodes in boxes by node type, by (first) market, or not")
      ->check(CLI::IsMember({"type", "market", "none"}))
      ->capture_default_str();
  command->add_flag("--no-legend", options->no_legend, "leave the legend out");
  command->callback([options, &io, exit_code] { *exit_code = RunRender(*options, io); });
}

int RunRender(const RenderCommandOptions& options, CliIo& io) {
  const std::optional<RenderFormat> format = RenderFormatFromPath(options.output);
  if (!format) {
    io.err << fmt::format("error: cannot tell the output type of \"{}\": use a .svg, .png, .pdf or .dot file\n",
                          options.output);
    return kExitBadInput;
  }
  Date as_of;
  std::vector<const PassInfo*> passes;
  if (!ParseAsOf(options.common, io, &as_of)) return kExitBadInput;
  if (!options.highlight.empty() && !SelectPasses(options.highlight, io, &passes)) return kExitBadInput;
  if (!options.focus.empty() && options.depth < 0) {
    io.err << "error: --depth must be 0 or more\n";
    return kExitBadInput;
  }
  PhaseClock clock(io, ClockOptions(options.common), ShowProgress(options.common, io));
  std::optional<PartnershipGraph> graph = LoadForCommand(options.common, io, &clock);
  if (!graph) return kExitBadInput;
  const GraphView view(*graph, ViewOptions{as_of});

  std::optional<Neighbourhood> focus;
  std::string caption = InputsCaption(options.common.inputs);
  if (!options.focus.empty()) {
    const std::optional<VertexId> center = FindNodeOrExplain(*graph, options.focus, io);
    if (!center) return kExitBadInput;
    focus = CollectNeighbourhood(view, *center, options.depth, options.max_neighbors);
    caption += fmt::format(" · around {}, depth {}", graph->NodeLabel(*center), options.depth);
  }

  if (*format != RenderFormat::kDot) {
    const auto [nodes, edges] = CountDrawn(view, focus ? &*focus : nullptr);
    if (nodes > kMaxLayoutNodes || edges > kMaxLayoutEdges) {
      io.err << fmt::format("error: {} nodes and {} edges are too many to lay out (limit {} nodes, {} edges): draw "
                            "a part with --focus NODE --depth N, or write .dot and lay it out with Graphviz "
                            "yourself\n",
                            nodes, edges, kMaxLayoutNodes, kMaxLayoutEdges);
      return kExitBadInput;
    }
  }

  std::optional<Findings> findings;
  if (!passes.empty()) {
    Findings all;
    for (const PassInfo* pass : passes) {
      clock.Begin(pass->name, fmt::format("running {}", pass->name));
      Findings found = pass->run(view, PassOptions{});
      all.insert(all.end(), std::make_move_iterator(found.begin()), std::make_move_iterator(found.end()));
    }
    findings = DrawnFindings(*graph, std::move(all), focus ? &*focus : nullptr);
  }
  clock.Begin("build", "building the diagram");

  DiagramOptions diagram_options;
  diagram_options.cluster_by = *ParseClusterBy(options.cluster);
  diagram_options.focus = focus ? &*focus : nullptr;
  diagram_options.highlight = findings ? &*findings : nullptr;
  diagram_options.legend = !options.no_legend;
  diagram_options.caption = caption;
  Diagram diagram = BuildDiagram(view, diagram_options);

  RenderOptions render_options;
  render_options.format = *format;
  std::string note;
  render_options.layout = ChooseLayout(options.layout, diagram.DrawnNodeCount(), diagram.DrawnEdgeCount(), &note);
  if (!note.empty() && *format != RenderFormat::kDot) io.err << note << '\n';

  std::string bytes;
  Diagnostics diagnostics;
  clock.Begin("render", fmt::format("laying out {} nodes with {}", diagram.DrawnNodeCount(), render_options.layout));
  const bool rendered = RenderDiagram(diagram, render_options, &bytes, &diagnostics);
  if (!rendered || !options.common.quiet) {
    Diagnostics shown;
    for (const Diagnostic& d : diagnostics.All()) {
      if (d.severity != Severity::kNote || !rendered) shown.Add(d.severity, d.where, d.message);
    }
    PrintDiagnostics(shown, io);
  }
  clock.End();
  if (!rendered) return kExitBadInput;
  clock.Begin("output", "writing " + options.output);
  std::string error;
  if (!WriteFileAtomically(options.output, bytes, &error)) {
    io.err << "error: " << error << '\n';
    return kExitBadInput;
  }
  if (!options.common.quiet) {
    io.out << fmt::format("wrote {} ({}, {} nodes, {} edges{}{})\n", options.output, RenderFormatName(*format),
                          diagram.DrawnNodeCount(), diagram.DrawnEdgeCount(),
                          *format == RenderFormat::kDot ? "" : ", layout " + render_options.layout,
                          findings ? fmt::format(", {} finding{} highlighted", findings->size(),
                                                 findings->size() == 1 ? "" : "s")
                                   : "");
  }
  return kExitOk;
}

}  // namespace pg
