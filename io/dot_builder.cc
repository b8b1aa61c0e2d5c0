#include "io/dot_builder.h"

#include <graphviz/cgraph.h>

#include <algorithm>
#include <map>
#include <set>
#include <tuple>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "io/diagram_cgraph.h"
#include "io/diagram_header.h"
#include "io/diagram_style.h"
#include "io/diagram_text.h"

namespace pg {

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

struct Highlight {
  std::unordered_set<VertexId> main;    // first subject of a finding
  std::unordered_set<VertexId> others;  // other subjects
  std::unordered_set<EdgeId> edges;
  std::vector<const Finding*> shown;    // the findings whose subjects are all drawn
};

// Only findings whose subjects are all drawn: a caption must not name what the picture lacks.
Highlight CollectHighlight(const PartnershipGraph& graph, const Findings* findings, const std::vector<bool>& drawn) {
  Highlight h;
  if (!findings) return h;
  for (const Finding& finding : *findings) {
    std::vector<VertexId> subjects;
    bool all_drawn = true;
    for (const std::string& subject : finding.subjects) {
      const std::optional<VertexId> v = graph.FindNode(subject);
      if (v) subjects.push_back(*v);
      all_drawn = all_drawn && v && drawn[*v];
    }
    if (!all_drawn) continue;
    h.shown.push_back(&finding);
    for (std::size_t i = 0; i < subjects.size(); ++i) (i == 0 ? h.main : h.others).insert(subjects[i]);
    h.edges.insert(finding.related.begin(), finding.related.end());
  }
  for (VertexId v : h.main) h.others.erase(v);
  return h;
}

// What one BuildDiagram works with.
struct Drawing {
  const GraphView& view;
  const PartnershipGraph& graph;
  const DiagramOptions& options;
  Agraph_t* g;
  Symbols s;
  std::vector<VertexId> nodes;  // sorted by id
  std::vector<bool> drawn;      // by vertex
  Highlight highlight;
  std::unordered_map<VertexId, Agnode_t*> agnodes;
  std::set<std::pair<int, std::string>> node_types;  // (type, free-form label or "") drawn
  std::set<std::pair<int, std::string>> edge_types;
};

std::vector<VertexId> SortedNodes(const PartnershipGraph& graph, const Neighbourhood* focus) {
  std::vector<VertexId> nodes;
  if (focus) {
    nodes = focus->nodes;
  } else {
    nodes.resize(graph.NodeCount());
    for (VertexId v = 0; v < graph.NodeCount(); ++v) nodes[v] = v;
  }
  std::sort(nodes.begin(), nodes.end(), [&](VertexId a, VertexId b) { return graph.NodeName(a) < graph.NodeName(b); });
  return nodes;
}

std::string ClusterKey(const Drawing& d, VertexId v) {
  const Node& node = d.graph.GetNode(v);
  switch (d.options.cluster_by) {
    case ClusterBy::kType: return fmt::format("{}", static_cast<int>(node.type));
    case ClusterBy::kMarket: return d.graph.Markets(node).empty() ? "" : std::string(d.graph.Text(d.graph.Markets(node).front()));
    case ClusterBy::kNone: return "";
  }
  return "";
}

// Clusters, created in sorted key order before any node.
std::map<std::string, Agraph_t*> MakeClusters(Drawing& d) {
  std::set<std::string> keys;
  for (VertexId v : d.nodes) {
    std::string key = ClusterKey(d, v);
    if (!key.empty()) keys.insert(std::move(key));
  }
  std::map<std::string, Agraph_t*> clusters;
  int index = 0;
  for (const std::string& key : keys) {
    const std::string label = d.options.cluster_by == ClusterBy::kType
                                  ? StyleOf(static_cast<NodeType>(std::stoi(key))).cluster_label
                                  : "market: " + key;
    clusters[key] = MakeCluster(d.g, d.s, fmt::format("cluster_{}", index++), label);
  }
  return clusters;
}

void DrawNodes(Drawing& d) {
  const std::map<std::string, Agraph_t*> clusters = MakeClusters(d);
  const Symbols& s = d.s;
  for (VertexId v : d.nodes) {
    const Node& node = d.graph.GetNode(v);
    const std::string key = ClusterKey(d, v);
    Agnode_t* n = AddNode(key.empty() ? d.g : clusters.at(key), d.graph.NodeName(v));
    d.agnodes[v] = n;
    const NodeStyle& style = StyleOf(node.type);
    d.node_types.emplace(static_cast<int>(node.type),
                         node.type_label == kNoString ? "" : std::string(d.graph.Text(node.type_label)));
    Set(n, s.n_label, EscapeLabel(NodeLabelText(d.graph, v)));
    Set(n, s.n_shape, style.shape);
    Set(n, s.n_style, style.style);
    Set(n, s.n_fillcolor, style.fill);
    std::string tooltip = fmt::format("{} ({})", d.graph.NodeLabel(v), NodeTypeName(node.type));
    if (node.description != kNoString) tooltip += ": " + std::string(d.graph.Text(node.description));
    Set(n, s.n_tooltip, EscapeTooltip(tooltip));
    if (d.options.focus && d.options.focus->center == v) {
      Set(n, s.n_color, "#222222");
      Set(n, s.n_penwidth, "2.5");
    }
    // The party a finding is about filled magenta; the others keep their fill, outlined.
    if (d.highlight.main.count(v) || d.highlight.others.count(v)) {
      if (d.highlight.main.count(v)) Set(n, s.n_fillcolor, kHighlightFill);
      Set(n, s.n_color, kHighlightColor);
      Set(n, s.n_penwidth, d.highlight.main.count(v) ? "3" : "2.5");
    }
  }
}

// Counted claims between drawn nodes, grouped into lines: one per (from, to, type, free-form
// type, direction), in sorted (from id, to id, type, input order) order.
std::vector<std::vector<EdgeId>> EdgeGroups(const Drawing& d) {
  const PartnershipGraph& graph = d.graph;
  std::vector<EdgeId> edges;
  for (VertexId v : d.nodes) {
    graph.ForOutEdges(v, [&](EdgeId e) {
      if (d.view.Counted(e) && d.drawn[graph.GetEdge(e).to]) edges.push_back(e);
    });
  }
  auto key = [&](EdgeId e) {
    const Edge& edge = graph.GetEdge(e);
    return std::make_tuple(graph.NodeName(edge.from), graph.NodeName(edge.to), edge.type,
                           graph.Details(edge).type_label, edge.directed);
  };
  std::sort(edges.begin(), edges.end(), [&](EdgeId a, EdgeId b) {
    const auto ka = key(a), kb = key(b);
    return ka != kb ? ka < kb : a < b;
  });
  std::vector<std::vector<EdgeId>> groups;
  for (EdgeId e : edges) {
    if (groups.empty() || key(groups.back().front()) != key(e)) groups.emplace_back();
    groups.back().push_back(e);
  }
  return groups;
}

std::size_t DrawEdges(Drawing& d) {
  const Symbols& s = d.s;
  std::size_t count = 0;
  for (const std::vector<EdgeId>& group : EdgeGroups(d)) {
    count += group.size();
    const Edge& edge = d.graph.GetEdge(group.front());
    const StrId free_type = d.graph.Details(edge).type_label;
    d.edge_types.emplace(static_cast<int>(edge.type), free_type == kNoString ? "" : std::string(d.graph.Text(free_type)));
    Agedge_t* ae = agedge(d.g, d.agnodes.at(edge.from), d.agnodes.at(edge.to), nullptr, 1);
    const bool highlighted = std::any_of(group.begin(), group.end(), [&](EdgeId e) { return d.highlight.edges.count(e); });
    const EdgeStyle& style = highlighted ? HighlightEdgeStyle() : StyleOf(edge.type);
    Set(ae, s.e_style, highlighted ? StyleOf(edge.type).style : style.style);
    Set(ae, s.e_color, style.color);
    Set(ae, s.e_fontcolor, style.color);
    Set(ae, s.e_penwidth, style.penwidth);
    const std::string label = EdgeGroupLabel(d.view, group);
    if (!label.empty()) Set(ae, s.e_label, EscapeLabel(label));
    Set(ae, s.e_tooltip, EscapeTooltip(EdgeGroupTooltip(d.view, group)));
    if (IsUndirected(edge.type) || !edge.directed) {
      Set(ae, s.e_dir, "none");
      Set(ae, s.e_constraint, "false");
    }
  }
  return count;
}

// Placeholders where a focus cut the neighbourhood.
void DrawPlaceholders(Drawing& d) {
  if (!d.options.focus) return;
  const Symbols& s = d.s;
  for (const auto& [v, count] : d.options.focus->hidden) {
    Agnode_t* n = AddNode(d.g, SyntheticName(d.graph, fmt::format("+more:{}", d.graph.NodeName(v))));
    Set(n, s.n_label, fmt::format("+ {} more", count));
    Set(n, s.n_shape, "box");
    Set(n, s.n_style, "dashed,rounded");
    Set(n, s.n_color, "#9e9e9e");
    Set(n, s.n_fontcolor, "#666666");
    Set(n, s.n_tooltip, EscapeTooltip(fmt::format("{} more neighbour{} of {} not drawn: raise --depth or "
                                                "--max-neighbors, or --focus on it",
                                                count, count == 1 ? "" : "s", d.graph.NodeLabel(v))));
    Agedge_t* ae = agedge(d.g, d.agnodes.at(v), n, nullptr, 1);
    Set(ae, s.e_style, "dashed");
    Set(ae, s.e_color, "#bdbdbd");
    Set(ae, s.e_dir, "none");
  }
}

// The legend's entries: node types then edge types drawn, free-form types by their names.
std::vector<LegendEntry> LegendEntries(const Drawing& d) {
  std::vector<LegendEntry> entries;
  for (const auto& [type, label] : d.node_types) {
    const NodeType t = static_cast<NodeType>(type);
    entries.push_back({label.empty() ? std::string(NodeTypeName(t)) : label, &StyleOf(t), nullptr});
  }
  for (const auto& [type, label] : d.edge_types) {
    const EdgeType t = static_cast<EdgeType>(type);
    entries.push_back({label.empty() ? std::string(EdgeTypeName(t)) : label, nullptr, &StyleOf(t)});
  }
  if (!d.highlight.edges.empty() && !d.highlight.shown.empty()) {
    entries.push_back({"in a finding", nullptr, &HighlightEdgeStyle()});
  }
  return entries;
}

// Findings wrap here, so that a long one does not make the header wider than the picture.
constexpr std::size_t kFindingColumns = 110;

void DrawHeader(Drawing& d) {
  Header header;
  header.title = d.options.title;
  header.subtitle = d.options.subtitle;
  header.findings_shown = d.options.highlight != nullptr;
  for (std::size_t i = 0; i < d.highlight.shown.size(); ++i) {
    const Finding& finding = *d.highlight.shown[i];
    header.findings.push_back(WrapWords(fmt::format("{}. [{}] {}", i + 1, finding.pass, finding.message),
                                        kFindingColumns));
  }
  if (d.options.legend && !d.nodes.empty()) header.legend = LegendEntries(d);
  const std::string html = HeaderHtml(header);
  if (!html.empty()) SetHtml(d.g, d.g, d.s.g_label, html);
}

void DrawDiagram(const GraphView& view, const DiagramOptions& options, Diagram& diagram) {
  Drawing d{view, view.Graph(), options, diagram.Graph(), DeclareAttributes(diagram.Graph()), {}, {}, {}, {}, {}, {}};
  d.nodes = SortedNodes(d.graph, options.focus);
  d.drawn.assign(d.graph.NodeCount(), false);
  for (VertexId v : d.nodes) d.drawn[v] = true;
  d.highlight = CollectHighlight(d.graph, options.highlight, d.drawn);
  DrawNodes(d);
  const std::size_t edges = DrawEdges(d);
  DrawPlaceholders(d);
  DrawHeader(d);
  diagram.SetDrawnCounts(d.nodes.size(), edges);
  diagram.SetHighlightedCount(d.highlight.shown.size());
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
