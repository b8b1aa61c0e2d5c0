#include "io/diagram_style.h"

namespace pg {
namespace {

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

// Indexed by EdgeType.
constexpr EdgeStyle kEdgeStyles[kEdgeTypeCount] = {
    {"solid", "#2e7d32", "1.6", "\xe2\x94\x80\xe2\x94\x80\xe2\x96\xb6"},  // invests ──▶
    {"dashed", "#8a8a8a", "1.2", "\xe2\x95\x8c\xe2\x95\x8c\xe2\x96\xb6"},  // owns ╌╌▶
    {"solid", "#1f6fd1", "1.6", "\xe2\x94\x80\xe2\x94\x80\xe2\x96\xb6"},  // distributes
    {"bold", "#c62828", "2.4", "\xe2\x94\x81\xe2\x94\x81\xe2\x96\xb6"},   // exclusive ━━▶
    {"solid", "#ef6c00", "1.6", "\xe2\x94\x80\xe2\x94\x80\xe2\x96\xb6"},  // supplies_compute
    {"dotted", "#6a1b9a", "1.6", "\xe2\x80\xa2 \xe2\x80\xa2 \xe2\x80\xa2"},  // competes • • •
    {"solid", "#9e9e9e", "1.2", "\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80"},  // partners ───
};

constexpr EdgeStyle kHighlightEdge = {"solid", kHighlightColor, "3.2", "\xe2\x94\x81\xe2\x94\x81\xe2\x96\xb6"};

char* C(const char* text) { return const_cast<char*>(text); }

void DeclareGraphDefaults(Agraph_t* g) {
  auto graph_attr = [&](const char* name, const char* value) { agattr(g, AGRAPH, C(name), C(value)); };
  graph_attr("fontname", kDiagramFont);
  graph_attr("fontsize", "12");
  graph_attr("labeljust", "l");
  graph_attr("nodesep", "0.3");
  graph_attr("ranksep", "0.6");
  graph_attr("newrank", "true");
  graph_attr("outputorder", "edgesfirst");
  graph_attr("bgcolor", "white");
  graph_attr("pad", "0.3");
  graph_attr("start", "1");  // fixed seed for neato/fdp/sfdp: the same picture every time
  graph_attr("overlap", "prism");
  graph_attr("labelloc", "t");
}

}  // namespace

const NodeStyle& StyleOf(NodeType type) { return kNodeStyles[static_cast<int>(type)]; }
const EdgeStyle& StyleOf(EdgeType type) { return kEdgeStyles[static_cast<int>(type)]; }
const EdgeStyle& HighlightEdgeStyle() { return kHighlightEdge; }

Symbols DeclareAttributes(Agraph_t* g) {
  auto graph_attr = [&](const char* name, const char* value) { return agattr(g, AGRAPH, C(name), C(value)); };
  auto node_attr = [&](const char* name, const char* value) { return agattr(g, AGNODE, C(name), C(value)); };
  auto edge_attr = [&](const char* name, const char* value) { return agattr(g, AGEDGE, C(name), C(value)); };
  DeclareGraphDefaults(g);
  Symbols s{};
  s.g_style = graph_attr("style", "rounded,filled");
  s.g_color = graph_attr("color", "#d0d0d0");
  s.g_fillcolor = graph_attr("fillcolor", "#fafafa");
  s.g_fontcolor = graph_attr("fontcolor", "#333333");
  s.g_label = graph_attr("label", "");
  agxset(g, s.g_style, C(""));  // the root is not filled; clusters set their own style
  node_attr("fontname", kDiagramFont);
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
  edge_attr("fontname", kDiagramFont);
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
  return s;
}

}  // namespace pg
