#include "tools/render_command.h"

#include <algorithm>
#include <filesystem>
#include <map>
#include <memory>
#include <set>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "analysis/pass_registry.h"
#include "io/dot_builder.h"
#include "io/renderer.h"
#include "graph/text.h"
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

// "market" when a drawn node has a market (rivals side by side), else "type".
std::string AutoCluster(const PartnershipGraph& graph, const Neighbourhood* focus) {
  auto has_market = [&](VertexId v) { return !graph.Markets(graph.GetNode(v)).empty(); };
  bool any = false;
  if (focus) {
    for (VertexId v : focus->nodes) any = any || has_market(v);
  } else {
    for (VertexId v = 0; v < graph.NodeCount() && !any; ++v) any = has_market(v);
  }
  return any ? "market" : "type";
}

// "ai-cloud-2026 · around Amazon Bedrock, depth 1 · as of 2026-04-14 · 6 sources": the sources
// are those of the counted edges drawn.
std::string DefaultSubtitle(const GraphView& view, const std::string& inputs, const std::string& focus_text,
                            const Neighbourhood* focus) {
  const PartnershipGraph& graph = view.Graph();
  std::vector<bool> drawn(graph.NodeCount(), !focus);
  if (focus) for (VertexId v : focus->nodes) drawn[v] = true;
  std::set<StrId> sources;
  for (EdgeId e = 0; e < graph.EdgeCount(); ++e) {
    const Edge& edge = graph.GetEdge(e);
    if (view.Counted(e) && drawn[edge.from] && drawn[edge.to] && edge.source != kNoString) sources.insert(edge.source);
  }
  std::string text = inputs + focus_text;
  if (view.Options().as_of.Known()) text += " · as of " + view.Options().as_of.ToString();
  if (!sources.empty()) text += fmt::format(" · {} source{}", sources.size(), sources.size() == 1 ? "" : "s");
  return text;
}

// One --highlight item: a pass, and which of its findings ("" all, "2" the second, or a node).
struct HighlightPick {
  std::string pass;
  std::string which;
};

std::vector<HighlightPick> ParsePicks(const std::vector<std::string>& items) {
  std::vector<HighlightPick> picks;
  for (const std::string& item : items) {
    const std::size_t colon = item.find(':');
    picks.push_back({std::string(Trim(item.substr(0, colon))),
                     colon == std::string::npos ? "" : std::string(Trim(item.substr(colon + 1)))});
  }
  return picks;
}

// The findings of `found` that `which` picks; prints why and returns nullopt when it cannot.
std::optional<Findings> PickFindings(const PartnershipGraph& graph, const HighlightPick& pick, Findings found,
                                     CliIo& io) {
  if (pick.which.empty()) return found;
  if (std::all_of(pick.which.begin(), pick.which.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    const std::size_t n = pick.which.size() > 6 ? 0 : std::stoul(pick.which);
    if (n == 0 || n > found.size()) {
      io.err << fmt::format("error: --highlight {}:{}: {} has {} finding{} (numbered from 1, as `analyze --pass {}` "
                            "lists them)\n",
                            pick.pass, pick.which, pick.pass, found.size(), found.size() == 1 ? "" : "s", pick.pass);
      return std::nullopt;
    }
    return Findings{std::move(found[n - 1])};
  }
  const std::optional<VertexId> node = FindNodeOrExplain(graph, pick.which, io);
  if (!node) return std::nullopt;
  Findings kept;
  for (Finding& finding : found) {
    const bool names = std::any_of(finding.subjects.begin(), finding.subjects.end(),
                                   [&](const std::string& subject) { return graph.FindNode(subject) == node; });
    if (names) kept.push_back(std::move(finding));
  }
  if (kept.empty()) {
    io.err << fmt::format("warning: --highlight {}:{}: no {} finding is about {}\n", pick.pass, pick.which, pick.pass,
                          graph.NodeLabel(*node));
  }
  return kept;
}

// Runs each picked pass once on the view and keeps the findings picked, in the order given.
std::optional<Findings> RunPicks(const GraphView& view, const std::vector<HighlightPick>& picks,
                                 const std::vector<const PassInfo*>& passes, CliIo& io, PhaseClock& clock) {
  std::map<std::string, Findings> found;
  Findings all;
  for (std::size_t i = 0; i < picks.size(); ++i) {
    const PassInfo* pass = passes[i];
    const std::string name(pass->name);
    if (!found.count(name)) {
      clock.Begin(pass->name, fmt::format("running {}", pass->name));
      found[name] = pass->run(view, PassOptions{});
    }
    std::optional<Findings> picked = PickFindings(view.Graph(), {name, picks[i].which}, found[name], io);
    if (!picked) return std::nullopt;
    for (Finding& finding : *picked) {
      const bool seen = std::any_of(all.begin(), all.end(), [&](const Finding& f) {
        return f.pass == finding.pass && f.subjects == finding.subjects && f.topic == finding.topic;
      });
      if (!seen) all.push_back(std::move(finding));
    }
  }
  return all;
}

}  // namespace

void SetupRender(CLI::App& app, CliIo& io, int* exit_code) {
  auto options = std::make_shared<RenderCommandOptions>();
  CLI::App* command = app.add_subcommand("render", "draw the graph as SVG, PNG, PDF or DOT");
  command->footer(
      "The output type comes from the extension: .svg, .png, .pdf, or .dot (the DOT text as built,\n"
      "without layout, for other Graphviz tools). Shapes show node types, line styles and colours\n"
      "edge types, a legend at the top lists the types drawn; amounts label the edges ($58B), the\n"
      "deals of one pair merged ($100M + $100B). A wide dot layout is redone left to right so the\n"
      "page stays near square; pages are scaled to at most 44 inches (PNG: 4,840 pixels) a side.\n"
      "Graphs past 2,000 nodes or 5,000 edges are laid out with sfdp unless --layout says otherwise.\n"
      "--focus draws the nodes within --depth hops of one node (edges of any type, either\n"
      "direction); each node adds at most --max-neighbors new ones, and \"+ N more\" marks the\n"
      "neighbours left out.\n"
      "Examples:\n"
      "  partnergraph render examples/ai-cloud-2026 -o map.svg\n"
      "  partnergraph render examples/ai-cloud-2026 -o map.png --highlight dual-backing,shared-channel\n"
      "  partnergraph render deals.xlsx -o map.pdf --title \"AI cloud deals\" --highlight dual-backing:Amazon\n"
      "  partnergraph render deals.xlsx -o bedrock.svg --focus Bedrock --depth 2\n"
      "  partnergraph render deals.xlsx -o map.dot --cluster market && dot -Tpdf map.dot > map.pdf");
  AddCommonOptions(*command, &options->common, /*with_format=*/false);
  command->add_option("-o,--output", options->output, "the file to write: .svg, .png, .pdf or .dot")
      ->required()
      ->type_name("FILE");
  command->add_option("--highlight", options->highlight,
                      "run these passes and colour their findings in magenta: the party filled, the others "
                      "it involves outlined, the evidence edges drawn thick (see `passes`); PASS:N picks the "
                      "Nth finding of a pass, PASS:NODE those about a node")
      ->delimiter(',')
      ->type_name("PASS[:N|:NODE],...");
  command->add_option("--title", options->title, "a title drawn large at the top")->type_name("TEXT");
  command->add_option("--subtitle", options->subtitle,
                      "the line under the title (default: the inputs, the date and the number of sources)")
      ->type_name("TEXT");
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
  command->add_option("--cluster", options->cluster,
                      "group nodes in boxes by node type, by (first) market, or not; auto: by market when "
                      "the nodes drawn have markets (rivals side by side), else by type")
      ->check(CLI::IsMember({"auto", "type", "market", "none"}))
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
  for (const auto& [flag, text] : {std::pair{"--title", &options.title}, std::pair{"--subtitle", &options.subtitle}}) {
    if (const TextFault fault = FindTextFault(*text); fault.kind == TextFault::kInvalidUtf8) {
      io.err << fmt::format("error: {} is not UTF-8 (byte 0x{:02X}): set the terminal to UTF-8\n", flag, fault.value);
      return kExitBadInput;
    }
  }
  Date as_of;
  std::vector<const PassInfo*> passes;
  if (!ParseAsOf(options.common, io, &as_of)) return kExitBadInput;
  const std::vector<HighlightPick> picks = ParsePicks(options.highlight);
  std::vector<std::string> pass_names;
  for (const HighlightPick& pick : picks) pass_names.push_back(pick.pass);
  if (!picks.empty() && !SelectPasses(pass_names, io, &passes)) return kExitBadInput;
  if (!options.focus.empty() && options.depth < 0) {
    io.err << "error: --depth must be 0 or more\n";
    return kExitBadInput;
  }
  PhaseClock clock(io, ClockOptions(options.common), ShowProgress(options.common, io));
  std::optional<PartnershipGraph> graph = LoadForCommand(options.common, io, &clock);
  if (!graph) return kExitBadInput;
  const GraphView view(*graph, ViewOptions{as_of});

  std::optional<Neighbourhood> focus;
  std::string focus_text;
  if (!options.focus.empty()) {
    const std::optional<VertexId> center = FindNodeOrExplain(*graph, options.focus, io);
    if (!center) return kExitBadInput;
    focus = CollectNeighbourhood(view, *center, options.depth, options.max_neighbors);
    focus_text = fmt::format(" · around {}, depth {}", graph->NodeLabel(*center), options.depth);
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
    findings = RunPicks(view, picks, passes, io, clock);
    if (!findings) return kExitBadInput;
  }
  clock.Begin("build", "building the diagram");

  DiagramOptions diagram_options;
  diagram_options.cluster_by =
      *ParseClusterBy(options.cluster == "auto" ? AutoCluster(*graph, focus ? &*focus : nullptr) : options.cluster);
  diagram_options.focus = focus ? &*focus : nullptr;
  diagram_options.highlight = findings ? &*findings : nullptr;
  diagram_options.legend = !options.no_legend;
  diagram_options.title = options.title;
  diagram_options.subtitle = !options.subtitle.empty()
                                 ? options.subtitle
                                 : DefaultSubtitle(view, InputsCaption(options.common.inputs), focus_text,
                                                   focus ? &*focus : nullptr);
  Diagram diagram = BuildDiagram(view, diagram_options);

  RenderOptions render_options;
  render_options.format = *format;
  std::string note;
  render_options.layout = ChooseLayout(options.layout, diagram.DrawnNodeCount(), diagram.DrawnEdgeCount(), &note);
  render_options.fdp_fallback = options.layout.empty();
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
                          *format == RenderFormat::kDot ? "" : ", layout " + diagram.LaidOutWith(),
                          findings ? fmt::format(", {} finding{} highlighted", diagram.HighlightedCount(),
                                                 diagram.HighlightedCount() == 1 ? "" : "s")
                                   : "");
  }
  return kExitOk;
}

}  // namespace pg
