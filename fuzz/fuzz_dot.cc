// libFuzzer target: node ids and labels from the input (one per line: id, label, id, label...)
// go through the loader into a small graph, the DOT builder draws it, and Graphviz's own parser
// (agmemread) reads the DOT back. It must hold exactly the nodes given: the same count, each id
// as a node name (backslashes doubled) and each label as the escaped text EscapeLabel made;
// otherwise a name has injected DOT or been lost, and the target traps. Lines that are not
// valid UTF-8 or hold control characters are skipped, as the loader refuses those.

#include <graphviz/cgraph.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz/fuzz_support.h"
#include "graph/graph_builder.h"
#include "graph/graph_view.h"
#include "graph/text.h"
#include "io/diagram_text.h"
#include "io/dot_builder.h"
#include "io/table_loader.h"

namespace {

constexpr std::size_t kMaxNodes = 12;
constexpr std::string_view kNodeTypes[] = {"company", "investor", "cloud", "platform", "other"};
constexpr std::string_view kEdgeTypes[] = {"invests", "distributes", "competes", "owns", "partners"};

void Check(bool promise) {
  if (!promise) __builtin_trap();
}

struct Named {
  std::string id;
  std::string label;
};

/// What the loader takes (pg::FindTextFault), less tab and CR, which the DOT labels normalise.
bool Acceptable(std::string_view text) {
  if (pg::FindTextFault(text)) return false;
  return std::none_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) < 0x20; });
}

/// Nodes from the input lines, trimmed as the loader trims cells, ids unique and non-empty.
std::vector<Named> NodesFrom(std::string_view input) {
  std::vector<std::string_view> lines;
  for (std::size_t start = 0; start <= input.size() && lines.size() < 2 * kMaxNodes;) {
    const std::size_t end = std::min(input.find('\n', start), input.size());
    lines.push_back(input.substr(start, end - start));
    start = end + 1;
  }
  std::vector<Named> nodes;
  std::set<std::string> ids;
  for (std::size_t i = 0; i < lines.size(); i += 2) {
    const std::string_view id = pg::Trim(lines[i]);
    const std::string_view label = i + 1 < lines.size() ? pg::Trim(lines[i + 1]) : std::string_view();
    if (id.empty() || !Acceptable(id) || !Acceptable(label)) continue;
    if (!ids.insert(std::string(id)).second) continue;
    nodes.push_back({std::string(id), std::string(label.empty() ? id : label)});
  }
  return nodes;
}

pg::PartnershipGraph Load(const std::vector<Named>& nodes, pg::Diagnostics* diagnostics) {
  pg::GraphBuilder builder(diagnostics);
  pg::TableLoader loader(&builder, diagnostics, /*lenient=*/false);
  const std::string_view node_header[] = {"id", "label", "type", "markets"};
  loader.BeginTable({"nodes.csv"}, node_header, 1, {});
  for (std::size_t i = 0; i < nodes.size(); ++i) {
    const std::string_view row[] = {nodes[i].id, nodes[i].label, kNodeTypes[i % std::size(kNodeTypes)],
                                    i % 2 ? std::string_view(nodes[i].label) : std::string_view()};
    loader.Row(row, static_cast<std::uint32_t>(i + 2), {});
  }
  loader.EndTable();
  const std::string_view edge_header[] = {"from", "to", "type", "amount_usd"};
  loader.BeginTable({"edges.csv"}, edge_header, 1, {});
  for (std::size_t i = 0; i + 1 < nodes.size(); ++i) {
    // `|` and `;` in an endpoint cell make a list of endpoints (Kumu): not one name.
    if (nodes[i].id.find_first_of("|;") != std::string::npos) continue;
    if (nodes[i + 1].id.find_first_of("|;") != std::string::npos) continue;
    const std::string_view row[] = {nodes[i].id, nodes[i + 1].id, kEdgeTypes[i % std::size(kEdgeTypes)], "1.5B"};
    loader.Row(row, static_cast<std::uint32_t>(i + 2), {});
  }
  loader.EndTable();
  return builder.Build();
}

std::string Attr(void* object, const char* name) {
  const char* value = agget(object, const_cast<char*>(name));
  return value ? value : "";
}

/// The DOT text read back holds the diagram's objects and exactly the given nodes and labels.
void CheckReadBack(const pg::Diagram& diagram, const std::vector<Named>& nodes) {
  const std::string dot = diagram.ToDot();
  Agraph_t* reread = agmemread(dot.c_str());
  Check(reread != nullptr);
  Check(static_cast<std::size_t>(agnnodes(reread)) == diagram.NodeCount());
  Check(static_cast<std::size_t>(agnedges(reread)) == diagram.EdgeCount());
  Agraph_t* legend = agsubg(reread, const_cast<char*>("cluster_legend"), 0);
  const std::size_t legend_nodes = legend ? static_cast<std::size_t>(agnnodes(legend)) : 0;
  Check(static_cast<std::size_t>(agnnodes(reread)) - legend_nodes == nodes.size());
  for (const Named& node : nodes) {
    const std::string name = pg::DotName(node.id);
    Agnode_t* n = agnode(reread, const_cast<char*>(name.c_str()), 0);
    Check(n != nullptr);
    // Names past 22 characters wrap at a space (dot_builder's NodeLabelText).
    Check(Attr(n, "label") ==
          pg::EscapeLabel(node.label.find('\n') == std::string::npos ? pg::WrapWords(node.label) : node.label));
  }
  agclose(reread);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::vector<Named> nodes = NodesFrom(std::string_view(reinterpret_cast<const char*>(data), size));
  pg::Diagnostics diagnostics;
  const pg::PartnershipGraph graph = Load(nodes, &diagnostics);
  for (const pg::Diagnostic& diagnostic : diagnostics.All()) {
    if (diagnostic.severity == pg::Severity::kError) std::fprintf(stderr, "%s\n", pg::FormatDiagnostic(diagnostic).c_str());
  }
  Check(!diagnostics.HasErrors());  // valid names must load
  Check(graph.NodeCount() == nodes.size());
  std::map<std::string_view, std::string_view> loaded;  // id -> label, as the graph holds them
  for (pg::VertexId v = 0; v < graph.NodeCount(); ++v) loaded[graph.NodeName(v)] = graph.NodeLabel(v);
  for (const Named& node : nodes) {
    const auto found = loaded.find(node.id);
    Check(found != loaded.end() && found->second == node.label);
  }
  static constexpr pg::ClusterBy kClusterings[] = {pg::ClusterBy::kType, pg::ClusterBy::kMarket, pg::ClusterBy::kNone};
  pg::DiagramOptions options;
  options.cluster_by = kClusterings[size % 3];
  options.subtitle = nodes.empty() ? std::string() : nodes.front().label;
  CheckReadBack(pg::BuildDiagram(pg::GraphView(graph), options), nodes);
  return 0;
}
