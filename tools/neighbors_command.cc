#include "tools/neighbors_command.h"

#include <algorithm>
#include <memory>

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "analysis/paths.h"
#include "graph/display_name.h"
#include "tools/edge_text.h"
#include "tools/findings_format.h"
#include "tools/phase_clock.h"

namespace pg {
namespace {

std::string_view Direction(const PartnershipGraph& graph, const PathStep& step) {
  const Edge& edge = graph.GetEdge(step.edge);
  if (!edge.directed || IsUndirected(edge.type)) return "both";
  return step.forward ? "out" : "in";
}

/// The centre's own edges that are not current as of the view's date (ended or planned), in
/// input order: the rings list current edges only, so these are shown apart, labelled.
std::vector<EdgeId> NotCurrentEdges(const GraphView& view, VertexId node) {
  const PartnershipGraph& graph = view.Graph();
  std::vector<EdgeId> out;
  auto add = [&](EdgeId e) {
    if (view.TimeOf(e) != EdgeTime::kCurrent) out.push_back(e);
  };
  graph.ForOutEdges(node, add);
  graph.ForInEdges(node, add);
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());  // a self-loop is both
  return out;
}

}  // namespace

void SetupNeighbors(CLI::App& app, CliIo& io, int* exit_code) {
  auto options = std::make_shared<NeighborsOptions>();
  CLI::App* command = app.add_subcommand("neighbors", "the nodes around one node, with edge types and directions");
  command->footer(
      "Edges are travelled either way; each neighbour lists the edges that reach it from the\n"
      "previous ring, with their direction: out (points away from NODE's side), in, both.\n"
      "Examples:\n"
      "  partnergraph neighbors Amazon examples/ai-cloud-2026\n"
      "  partnergraph neighbors Bedrock examples/ai-cloud-2026 --depth 2 --format json | jq -r '.neighbors[].node'");
  command->add_option("node", options->node, "the centre (id or label)")->required()->type_name("NODE");
  AddCommonOptions(*command, &options->common);
  command->add_option("-d,--depth", options->depth, "rings of neighbours to list")
      ->check(CLI::Range(1, 100))
      ->capture_default_str();
  command->callback([options, &io, exit_code] { *exit_code = RunNeighbors(*options, io); });
}

int RunNeighbors(const NeighborsOptions& options, CliIo& io) {
  OutputFormat format;
  Date as_of;
  if (!ParseFormat(options.common, io, &format) || !ParseAsOf(options.common, io, &as_of)) return kExitBadInput;
  PhaseClock clock(io, ClockOptions(options.common), ShowProgress(options.common, io));
  std::optional<PartnershipGraph> graph = LoadForCommand(options.common, io, &clock);
  if (!graph) return kExitBadInput;
  const std::optional<VertexId> node = FindNodeOrExplain(*graph, options.node, io);
  if (!node) return kExitBadInput;
  clock.Begin("neighbors", "computing neighbors");
  const GraphView view(*graph, ViewOptions{as_of});
  const std::vector<Neighbor> neighbors = FindNeighbors(view, *node, options.depth);
  const std::vector<EdgeId> not_current = NotCurrentEdges(view, *node);

  if (format == OutputFormat::kJson) {
    using nlohmann::json;
    json list = json::array();
    for (const Neighbor& n : neighbors) {
      json via = json::array();
      for (const PathStep& step : n.via) {
        json edge = EdgeToJson(*graph, step.edge, as_of);
        edge["edge"] = step.edge;
        via.push_back({{"direction", Direction(*graph, step)}, {"edge", std::move(edge)}});
      }
      list.push_back({{"node", graph->NodeName(n.node)},
                      {"label", graph->NodeLabel(n.node)},
                      {"depth", n.depth},
                      {"via", std::move(via)}});
    }
    json history = json::array();
    for (EdgeId e : not_current) {
      json edge = EdgeToJson(*graph, e, as_of);
      edge["edge"] = e;
      history.push_back(std::move(edge));
    }
    const json result{{"node", graph->NodeName(*node)},
                      {"depth", options.depth},
                      {"as_of", as_of.Known() ? json(as_of.ToString()) : json(nullptr)},
                      {"neighbors", std::move(list)},
                      {"not_current", std::move(history)}};
    io.out << JsonText(result) << '\n';
    return kExitOk;
  }
  io.out << fmt::format("{}: {} neighbour{} within {} step{}{}\n", DisplayName(*graph, *node), neighbors.size(),
                        neighbors.size() == 1 ? "" : "s", options.depth, options.depth == 1 ? "" : "s",
                        as_of.Known() ? fmt::format(" (as of {})", as_of.ToString()) : "");
  std::vector<std::string> names;
  for (const Neighbor& n : neighbors) names.push_back(DisplayName(*graph, n.node));
  std::size_t width = 4;
  for (const std::string& name : names) width = std::max(width, name.size());
  io.out << fmt::format("  {:<5} {:<{}}  {:<4}  {}\n", "depth", "node", width, "dir", "edge");
  for (std::size_t i = 0; i < neighbors.size(); ++i) {
    const Neighbor& n = neighbors[i];
    bool first = true;
    for (const PathStep& step : n.via) {
      io.out << fmt::format("  {:<5} {:<{}}  {:<4}  {}\n", first ? std::to_string(n.depth) : "",
                            first ? names[i] : "", width, Direction(*graph, step),
                            ShortEdge(*graph, step.edge));
      first = false;
    }
  }
  if (!not_current.empty()) io.out << fmt::format("not current as of {}:\n", as_of.ToString());
  for (EdgeId e : not_current) {
    io.out << fmt::format("  {}  [{}]\n", ShortEdge(*graph, e), EdgeTimeLabel(graph->GetEdge(e), as_of));
  }
  return kExitOk;
}

}  // namespace pg
