#include "io/dot_builder.h"

#include <graphviz/cgraph.h>

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "graph/text.h"
#include "graph/value_parser.h"

namespace pg {
namespace {

constexpr const char* kFont = "Helvetica,Arial,sans-serif";
constexpr const char* kHighlightLine = "#d62728";
constexpr const char* kHighlightMain = "#ffc83d";
constexpr const char* kHighlightOther = "#ffd9d4";

struct NodeStyle {
  const char* shape;
  const char* style;
  const char* fill;
  const char* cluster_label;
};

// Indexed by NodeType.
constexpr NodeStyle kNodeStyles[kNodeTypeCount] = {
    {"box", "rounded,filled", "#cfe0fc", "companies"},
    {"ellipse", "filled", "#fde2c4", "clouds"},
    {"house", "filled", "#e4d7f5", "investors"},
    {"hexagon", "filled", "#d5f0e3", "platforms"},
    {"octagon", "filled", "#eadccb", "chipmakers"},
    {"note", "filled", "#fff3bf", "products"},
    {"folder", "filled", "#e6e6e6", "projects"},
    {"box", "filled", "#ffffff", "other"},
};

struct EdgeStyle {
  const char* style;
  const char* color;
  const char* penwidth;
};

// Highlighted edges: a gold halo around a red line, unlike any edge type's colour.
constexpr EdgeStyle kHighlightEdge = {"solid", "#ffc83d:#d62728:#ffc83d", "2"};

// Indexed by EdgeType.
constexpr EdgeStyle kEdgeStyles[kEdgeTypeCount] = {
    {"solid", "#2e7d32", "1.6"},  // invests
    {"dashed", "#8a8a8a", "1.2"},  // owns
    {"solid", "#1f6fd1", "1.6"},  // distributes
    {"bold", "#c62828", "2.4"},   // exclusive
    {"solid", "#ef6c00", "1.6"},  // supplies_compute
    {"dotted", "#6a1b9a", "1.6"},  // competes
    {"solid", "#9e9e9e", "1.2"},  // partners
};

char* C(const char* text) { return const_cast<char*>(text); }

// Attribute symbols, declared once on the root with their defaults.
struct Symbols {
  Agsym_t* g_label;
  Agsym_t* g_style;
  Agsym_t* g_color;
  Agsym_t* g_fillcolor;
  Agsym_t* g_fontcolor;
  Agsym_t* n_label;
  Agsym_t* n_shape;
  Agsym_t* n_style;
  Agsym_t* n_fillcolor;
  Agsym_t* n_color;
  Agsym_t* n_penwidth;
  Agsym_t* n_tooltip;
  Agsym_t* n_fontcolor;
  Agsym_t* n_width;
  Agsym_t* n_height;
  Agsym_t* e_label;
  Agsym_t* e_style;
  Agsym_t* e_color;
  Agsym_t* e_penwidth;
  Agsym_t* e_fontcolor;
  Agsym_t* e_tooltip;
  Agsym_t* e_dir;
  Agsym_t* e_constraint;
  Agsym_t* e_arrowhead;
};

Symbols DeclareAttributes(Agraph_t* g) {
  auto graph_attr = [&](const char* name, const char* value) { return agattr(g, AGRAPH, C(name), C(value)); };
  auto node_attr = [&](const char* name, const char* value) { return agattr(g, AGNODE, C(name), C(value)); };
  auto edge_attr = [&](const char* name, const char* value) { return agattr(g, AGEDGE, C(name), C(value)); };
  graph_attr("fontname", kFont);
  graph_attr("fontsize", "12");
  graph_attr("labeljust", "l");
  graph_attr("nodesep", "0.35");
  graph_attr("ranksep", "0.75");
  graph_attr("newrank", "true");
  graph_attr("outputorder", "edgesfirst");
  graph_attr("bgcolor", "white");
  graph_attr("pad", "0.3");
  graph_attr("start", "1");  // fixed seed for neato/fdp/sfdp: the same picture every time
  graph_attr("overlap", "prism");
  graph_attr("labelloc", "b");
  Symbols s{};
  s.g_style = graph_attr("style", "rounded,filled");
  s.g_color = graph_attr("color", "#d0d0d0");
  s.g_fillcolor = graph_attr("fillcolor", "#fafafa");
  s.g_fontcolor = graph_attr("fontcolor", "#333333");
  s.g_label = graph_attr("label", "");
  agxset(g, s.g_style, C(""));  // the root is not filled; clusters set their own style
  node_attr("fontname", kFont);
  node_attr("fontsize", "12");
  node_attr("margin", "0.12,0.06");
  s.n_label = node_attr("label", "\\N");
  s.n_shape = node_attr("shape", "box");
  s.n_style = node_attr("style", "filled");
  s.n_fillcolor = node_attr("fillcolor", "#ffffff");
  s.n_color = node_attr("color", "#555555");
  s.n_penwidth = node_attr("penwidth", "1");
  s.n_tooltip = node_attr("tooltip", "");
  s.n_fontcolor = node_attr("fontcolor", "#111111");
  s.n_width = node_attr("width", "0.75");
  s.n_height = node_attr("height", "0.5");
  edge_attr("fontname", kFont);
  edge_attr("fontsize", "10");
  edge_attr("arrowsize", "0.8");
  s.e_label = edge_attr("label", "");
  s.e_style = edge_attr("style", "solid");
  s.e_color = edge_attr("color", "#555555");
  s.e_penwidth = edge_attr("penwidth", "1");
  s.e_fontcolor = edge_attr("fontcolor", "#333333");
  s.e_tooltip = edge_attr("tooltip", "");
  s.e_dir = edge_attr("dir", "forward");
  s.e_constraint = edge_attr("constraint", "true");
  s.e_arrowhead = edge_attr("arrowhead", "normal");
  return s;
}

// The first text BuildDiagram could not hand to cgraph on this thread, if any; see Guarded.
thread_local std::string* g_refusal = nullptr;

// `text` as a C string for cgraph, which would cut it at a NUL byte (and so merge the node
// `C\0x` with `C`): such a text is recorded as the diagram's refusal, and RenderDiagram fails.
// Readers refuse NUL bytes, so reaching this is a bug upstream; say so loudly, never truncate.
char* Guarded(const std::string& text, std::string_view what) {
  if (text.find('\0') != std::string::npos && g_refusal && g_refusal->empty()) {
    std::string shown;
    for (char c : text) shown += c == '\0' ? std::string("\\0") : std::string(1, c);
    *g_refusal = fmt::format("cannot draw the {} \"{}\": it holds a NUL byte, at which Graphviz would cut it "
                             "short (a bug: inputs with NUL bytes are refused when read)", what, shown);
  }
  return C(text.c_str());
}

// Points Guarded at `refusal` while alive (one BuildDiagram on this thread).
class RefusalScope {
 public:
  explicit RefusalScope(std::string* refusal) : previous_(std::exchange(g_refusal, refusal)) {}
  ~RefusalScope() { g_refusal = previous_; }
  RefusalScope(const RefusalScope&) = delete;
  RefusalScope& operator=(const RefusalScope&) = delete;

 private:
  std::string* previous_;
};

void Set(void* object, Agsym_t* symbol, const std::string& value) {
  agxset(object, symbol, Guarded(value, symbol->name));
}

// The node `name` (an id or a synthetic name) in `parent`, under its cgraph name DotName(name).
Agnode_t* AddNode(Agraph_t* parent, std::string_view name) {
  return agnode(parent, Guarded(DotName(name), "node id"), 1);
}

Agraph_t* MakeCluster(Agraph_t* g, const Symbols& s, const std::string& name, const std::string& label) {
  Agraph_t* cluster = agsubg(g, C(name.c_str()), 1);
  Set(cluster, s.g_label, EscapeLabel(label));
  Set(cluster, s.g_style, "rounded,filled");
  Set(cluster, s.g_color, "#d0d0d0");
  Set(cluster, s.g_fillcolor, "#fafafa");
  Set(cluster, s.g_fontcolor, "#555555");
  agsafeset(cluster, C("labelloc"), C("t"), C("b"));
  return cluster;
}

// The short label of an edge: money, stake, capacity, take.
std::string EdgeLabel(const GraphView& view, EdgeId e) {
  const PartnershipGraph& graph = view.Graph();
  const Edge& edge = graph.GetEdge(e);
  std::vector<std::string> parts;
  const EdgeDetails& details = graph.Details(edge);
  if (Known(edge.amount_usd)) parts.push_back(FormatUsd(edge.amount_usd));
  if (Known(details.revenue_usd)) parts.push_back(FormatUsd(details.revenue_usd) + " rev");
  if (Known(details.stake_pct) && !(edge.type == EdgeType::kOwns && details.stake_pct >= 0.9999)) {
    parts.push_back(FormatPercent(details.stake_pct));
  }
  if (Known(details.share_pct)) parts.push_back("take " + FormatPercent(details.share_pct));
  if (Known(details.capacity_gw)) parts.push_back(fmt::format("{:g} GW", details.capacity_gw));
  std::string label;
  for (const std::string& part : parts) label += (label.empty() ? "" : " · ") + part;
  std::vector<std::string> disputed;
  for (EdgeId other : view.Claims().ConflictsOf(e)) {
    const Edge& claim = graph.GetEdge(other);
    if (Known(claim.amount_usd)) disputed.push_back(FormatUsd(claim.amount_usd));
  }
  if (!disputed.empty()) {
    std::string list;
    for (const std::string& d : disputed) list += (list.empty() ? "" : ", ") + d;
    label += fmt::format("\n(disputed: {})", list);
  }
  return label;
}

std::string EdgeTooltip(const GraphView& view, EdgeId e) {
  const PartnershipGraph& graph = view.Graph();
  const Edge& edge = graph.GetEdge(e);
  std::string text = fmt::format("{} {} {}", graph.NodeLabel(edge.from), EdgeTypeName(edge.type),
                                 graph.NodeLabel(edge.to));
  if (graph.Details(edge).scope != kNoString) text += fmt::format(" ({})", graph.Text(graph.Details(edge).scope));
  if (edge.start.Known()) text += fmt::format(", from {}", edge.start.ToString());
  if (edge.end.Known()) text += fmt::format(" to {}", edge.end.ToString());
  if (edge.source != kNoString) text += fmt::format("; source: {}", graph.Text(edge.source));
  return text;
}

std::string NodeLabelText(const PartnershipGraph& graph, VertexId v) {
  const Node& node = graph.GetNode(v);
  std::string label(graph.NodeLabel(v));
  // Other roles than the type (Amazon: investor that is also a cloud) on a second line.
  std::string roles;
  for (int t = 0; t < kNodeTypeCount; ++t) {
    const NodeType type = static_cast<NodeType>(t);
    if (type != node.type && (node.roles & RoleBit(type))) {
      roles += (roles.empty() ? "" : ", ") + std::string(NodeTypeName(type));
    }
  }
  if (!roles.empty()) label += "\n(also " + roles + ")";
  return label;
}

struct Highlight {
  std::unordered_set<VertexId> main;    // first subject of a finding
  std::unordered_set<VertexId> others;  // other subjects
  std::unordered_set<EdgeId> edges;
};

Highlight CollectHighlight(const PartnershipGraph& graph, const Findings* findings) {
  Highlight h;
  if (!findings) return h;
  for (const Finding& finding : *findings) {
    for (std::size_t i = 0; i < finding.subjects.size(); ++i) {
      const std::optional<VertexId> v = graph.FindNode(finding.subjects[i]);
      if (!v) continue;
      (i == 0 ? h.main : h.others).insert(*v);
    }
    h.edges.insert(finding.related.begin(), finding.related.end());
  }
  for (VertexId v : h.main) h.others.erase(v);
  return h;
}

// A name for a synthetic node (placeholder, legend sample) that no id has.
std::string SyntheticName(const PartnershipGraph& graph, const std::string& base) {
  std::string name = base;
  while (graph.FindNode(name)) name += "_";
  return name;
}


// The legend: a cluster with one sample per node type and edge type actually drawn, in rows
// (a rank each) so it stays compact beside the diagram.
void AddLegend(Agraph_t* g, const Symbols& s, const PartnershipGraph& graph, const std::vector<bool>& node_types,
               const std::vector<bool>& edge_types, bool highlighted_edges) {
  Agraph_t* legend = MakeCluster(g, s, "cluster_legend", "legend");
  Set(legend, s.g_fillcolor, "#ffffff");
  std::vector<std::vector<Agnode_t*>> rows;  // the items of each row, left to right
  auto invisible_edge = [&](Agnode_t* a, Agnode_t* b) {
    Agedge_t* link = agedge(legend, a, b, nullptr, 1);
    Set(link, s.e_style, "invis");
  };
  auto new_node = [&](const std::string& key) {
    return AddNode(legend, SyntheticName(graph, "legend:" + key));
  };

  constexpr std::size_t kNodesPerRow = 3;
  std::vector<Agnode_t*> row;
  for (int t = 0; t < kNodeTypeCount; ++t) {
    if (!node_types[t]) continue;
    const NodeStyle& style = kNodeStyles[t];
    const std::string name(NodeTypeName(NodeType(t)));
    Agnode_t* n = new_node(name);
    Set(n, s.n_label, name);
    Set(n, s.n_shape, style.shape);
    Set(n, s.n_style, style.style);
    Set(n, s.n_fillcolor, style.fill);
    Set(n, s.n_width, "1.1");
    Set(n, s.n_height, "0.3");
    row.push_back(n);
    if (row.size() == kNodesPerRow) rows.push_back(std::exchange(row, {}));
  }
  if (!row.empty()) rows.push_back(std::exchange(row, {}));

  constexpr std::size_t kEdgesPerRow = 3;
  std::vector<Agnode_t*> edge_row;  // tail, head, tail, head...
  auto sample = [&](const std::string& key, const std::string& text, const EdgeStyle& style, bool undirected) {
    Agnode_t* ends[2] = {new_node(key), new_node(key + ">")};
    for (Agnode_t* n : ends) {
      Set(n, s.n_label, "");
      Set(n, s.n_shape, "point");
      Set(n, s.n_style, "invis");
      Set(n, s.n_width, "0.05");
      Set(n, s.n_height, "0.05");
    }
    Agedge_t* e = agedge(legend, ends[0], ends[1], nullptr, 1);
    Set(e, s.e_label, text);
    Set(e, s.e_style, style.style);
    Set(e, s.e_color, style.color);
    Set(e, s.e_fontcolor, std::string_view(style.color).find(':') == std::string_view::npos ? style.color : kHighlightLine);
    Set(e, s.e_penwidth, style.penwidth);
    if (undirected) Set(e, s.e_dir, "none");
    edge_row.push_back(ends[0]);
    edge_row.push_back(ends[1]);
    if (edge_row.size() == 2 * kEdgesPerRow) rows.push_back(std::exchange(edge_row, {}));
  };
  for (int t = 0; t < kEdgeTypeCount; ++t) {
    if (!edge_types[t]) continue;
    const std::string name(EdgeTypeName(EdgeType(t)));
    sample(name, name, kEdgeStyles[t], IsUndirected(EdgeType(t)));
  }
  if (highlighted_edges) sample("highlighted", "in a finding", kHighlightEdge, false);
  if (!edge_row.empty()) rows.push_back(std::exchange(edge_row, {}));

  for (std::size_t r = 0; r < rows.size(); ++r) {
    Agraph_t* rank = agsubg(legend, C(fmt::format("legend_row_{}", r).c_str()), 1);
    agsafeset(rank, C("rank"), C("same"), C(""));
    for (std::size_t i = 0; i < rows[r].size(); ++i) {
      agsubnode(rank, rows[r][i], 1);
      // Keep the row's order; sample edges already join a tail to its head.
      if (i > 0 && !agedge(legend, rows[r][i - 1], rows[r][i], nullptr, 0)) invisible_edge(rows[r][i - 1], rows[r][i]);
    }
    if (r > 0) invisible_edge(rows[r - 1].front(), rows[r].front());
  }
}

}  // namespace

std::optional<ClusterBy> ParseClusterBy(std::string_view text) {
  if (text == "type") return ClusterBy::kType;
  if (text == "market") return ClusterBy::kMarket;
  if (text == "none") return ClusterBy::kNone;
  return std::nullopt;
}

namespace {
// `backslash` replaces each backslash; `&` becomes `&amp;` because Graphviz decodes entities
// (`&alpha;`, `&#92;`) in labels and tooltips before it reads their backslash escapes.
std::string EscapeText(std::string_view text, std::string_view backslash) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\\') {
      out += backslash;
    } else if (c == '&') {
      out += "&amp;";
    } else if (c == '\r') {
      if (i + 1 < text.size() && text[i + 1] == '\n') continue;
      out += "\\n";
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\0') {
      out += c;  // kept, so that Set refuses it rather than cgraph cutting the text there
    } else if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
      out += ' ';
    } else {
      out += c;
    }
  }
  return out;
}
}  // namespace

std::string EscapeLabel(std::string_view text) { return EscapeText(text, "\\\\"); }

std::string EscapeTooltip(std::string_view text) { return EscapeText(text, "\\\\\\\\"); }

std::string DotName(std::string_view name) {
  std::string out;
  out.reserve(name.size() + 1);
  // cgraph keeps names that start with % as anonymous ids ("%3" on the next read): a lone
  // backslash in front keeps them names, and no doubled id can start that way.
  if (!name.empty() && name.front() == '%') out += '\\';
  for (char c : name) {
    if (c == '\\') out += '\\';
    out += c;
  }
  return out;
}

namespace {

void DrawDiagram(const GraphView& view, const DiagramOptions& options, Diagram& diagram) {
  const PartnershipGraph& graph = view.Graph();
  Agraph_t* g = diagram.Graph();
  const Symbols s = DeclareAttributes(g);

  // The nodes to draw, sorted by id.
  std::vector<VertexId> nodes;
  if (options.focus) {
    nodes = options.focus->nodes;
  } else {
    nodes.resize(graph.NodeCount());
    for (VertexId v = 0; v < graph.NodeCount(); ++v) nodes[v] = v;
  }
  std::sort(nodes.begin(), nodes.end(), [&](VertexId a, VertexId b) { return graph.NodeName(a) < graph.NodeName(b); });
  std::vector<bool> drawn(graph.NodeCount(), false);
  for (VertexId v : nodes) drawn[v] = true;

  // Clusters, created in sorted key order before any node.
  std::map<std::string, Agraph_t*> clusters;
  auto cluster_key = [&](VertexId v) -> std::string {
    const Node& node = graph.GetNode(v);
    switch (options.cluster_by) {
      case ClusterBy::kType: return fmt::format("{}", static_cast<int>(node.type));
      case ClusterBy::kMarket: return node.markets.empty() ? "" : std::string(graph.Text(node.markets.front()));
      case ClusterBy::kNone: return "";
    }
    return "";
  };
  {
    std::set<std::string> keys;
    for (VertexId v : nodes) {
      std::string key = cluster_key(v);
      if (!key.empty()) keys.insert(std::move(key));
    }
    int index = 0;
    for (const std::string& key : keys) {
      const std::string label = options.cluster_by == ClusterBy::kType
                                    ? kNodeStyles[std::stoi(key)].cluster_label
                                    : "market: " + key;
      clusters[key] = MakeCluster(g, s, fmt::format("cluster_{}", index++), label);
    }
  }

  const Highlight highlight = CollectHighlight(graph, options.highlight);
  std::vector<bool> type_drawn(kNodeTypeCount, false);
  std::unordered_map<VertexId, Agnode_t*> agnodes;
  for (VertexId v : nodes) {
    const Node& node = graph.GetNode(v);
    const std::string key = cluster_key(v);
    Agraph_t* parent = key.empty() ? g : clusters.at(key);
    Agnode_t* n = AddNode(parent, graph.NodeName(v));
    agnodes[v] = n;
    const NodeStyle& style = kNodeStyles[static_cast<int>(node.type)];
    type_drawn[static_cast<int>(node.type)] = true;
    Set(n, s.n_label, EscapeLabel(NodeLabelText(graph, v)));
    Set(n, s.n_shape, style.shape);
    Set(n, s.n_style, style.style);
    Set(n, s.n_fillcolor, style.fill);
    std::string tooltip = fmt::format("{} ({})", graph.NodeLabel(v), NodeTypeName(node.type));
    if (node.description != kNoString) tooltip += ": " + std::string(graph.Text(node.description));
    Set(n, s.n_tooltip, EscapeTooltip(tooltip));
    if (options.focus && options.focus->center == v) {
      Set(n, s.n_color, "#222222");
      Set(n, s.n_penwidth, "2.5");
    }
    if (highlight.main.count(v)) {
      Set(n, s.n_fillcolor, kHighlightMain);
      Set(n, s.n_color, kHighlightLine);
      Set(n, s.n_penwidth, "3");
    } else if (highlight.others.count(v)) {
      Set(n, s.n_fillcolor, kHighlightOther);
      Set(n, s.n_color, kHighlightLine);
      Set(n, s.n_penwidth, "2.5");
    }
  }

  // Edges: counted claims between drawn nodes, sorted by (from id, to id, type, input order).
  std::vector<EdgeId> edges;
  for (VertexId v : nodes) {
    graph.ForOutEdges(v, [&](EdgeId e) {
      if (view.Counted(e) && drawn[graph.GetEdge(e).to]) edges.push_back(e);
    });
  }
  std::sort(edges.begin(), edges.end(), [&](EdgeId a, EdgeId b) {
    const Edge& x = graph.GetEdge(a);
    const Edge& y = graph.GetEdge(b);
    const auto xf = graph.NodeName(x.from), yf = graph.NodeName(y.from);
    if (xf != yf) return xf < yf;
    const auto xt = graph.NodeName(x.to), yt = graph.NodeName(y.to);
    if (xt != yt) return xt < yt;
    if (x.type != y.type) return x.type < y.type;
    return a < b;
  });
  std::vector<bool> edge_type_drawn(kEdgeTypeCount, false);
  bool any_highlighted_edge = false;
  for (EdgeId e : edges) {
    const Edge& edge = graph.GetEdge(e);
    Agedge_t* ae = agedge(g, agnodes.at(edge.from), agnodes.at(edge.to), nullptr, 1);
    const EdgeStyle& style = kEdgeStyles[static_cast<int>(edge.type)];
    edge_type_drawn[static_cast<int>(edge.type)] = true;
    Set(ae, s.e_style, style.style);
    Set(ae, s.e_color, style.color);
    Set(ae, s.e_fontcolor, style.color);
    Set(ae, s.e_penwidth, style.penwidth);
    const std::string label = EdgeLabel(view, e);
    if (!label.empty()) Set(ae, s.e_label, EscapeLabel(label));
    Set(ae, s.e_tooltip, EscapeTooltip(EdgeTooltip(view, e)));
    if (IsUndirected(edge.type) || !edge.directed) {
      Set(ae, s.e_dir, "none");
      Set(ae, s.e_constraint, "false");
    }
    if (highlight.edges.count(e)) {
      any_highlighted_edge = true;
      Set(ae, s.e_color, kHighlightEdge.color);
      Set(ae, s.e_fontcolor, kHighlightLine);
      Set(ae, s.e_penwidth, kHighlightEdge.penwidth);
    }
  }

  // Placeholders where a focus cut the neighbourhood.
  if (options.focus) {
    for (const auto& [v, count] : options.focus->hidden) {
      Agnode_t* n = AddNode(g, SyntheticName(graph, fmt::format("+more:{}", graph.NodeName(v))));
      Set(n, s.n_label, fmt::format("+ {} more", count));
      Set(n, s.n_shape, "box");
      Set(n, s.n_style, "dashed,rounded");
      Set(n, s.n_color, "#9e9e9e");
      Set(n, s.n_fontcolor, "#666666");
      Set(n, s.n_tooltip, EscapeTooltip(fmt::format("{} more neighbour{} of {} not drawn: raise --depth or "
                                                  "--max-neighbors, or --focus on it",
                                                  count, count == 1 ? "" : "s", graph.NodeLabel(v))));
      Agedge_t* ae = agedge(g, agnodes.at(v), n, nullptr, 1);
      Set(ae, s.e_style, "dashed");
      Set(ae, s.e_color, "#bdbdbd");
      Set(ae, s.e_dir, "none");
    }
  }

  diagram.SetDrawnCounts(nodes.size(), edges.size());
  if (options.legend && !nodes.empty()) {
    AddLegend(g, s, graph, type_drawn, edge_type_drawn, any_highlighted_edge);
  }

  // Caption: the input, the view, and the highlighted findings one per line.
  std::string caption = options.caption;
  if (view.Options().as_of.Known()) caption += (caption.empty() ? "" : " · ") + ("as of " + view.Options().as_of.ToString());
  if (options.highlight && !options.highlight->empty()) {
    caption += (caption.empty() ? "" : "\n") + std::string("Highlighted findings:");
    for (const Finding& finding : *options.highlight) {
      caption += fmt::format("\n  [{}] {}", finding.pass, finding.message);
    }
  } else if (options.highlight) {
    caption += (caption.empty() ? "" : "\n") + std::string("Highlighted findings: none");
  }
  if (!caption.empty()) {
    std::string escaped = EscapeLabel(caption);
    // Left-justify every line: `\l` ends a left-aligned line.
    std::string text;
    for (std::size_t i = 0; i < escaped.size(); ++i) {
      if (escaped[i] == '\\' && i + 1 < escaped.size() && escaped[i + 1] == 'n') {
        text += "\\l";
        ++i;
      } else if (escaped[i] == '\\' && i + 1 < escaped.size()) {
        text += escaped.substr(i, 2);
        ++i;
      } else {
        text += escaped[i];
      }
    }
    text += "\\l";
    Set(g, s.g_label, text);
  }
}

}  // namespace

Diagram BuildDiagram(const GraphView& view, const DiagramOptions& options) {
  Diagram diagram("partnergraph");
  std::string refusal;
  {
    RefusalScope scope(&refusal);
    DrawDiagram(view, options, diagram);
  }
  if (!refusal.empty()) diagram.Refuse(std::move(refusal));
  return diagram;
}

}  // namespace pg
