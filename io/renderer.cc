#include "io/renderer.h"

#include <graphviz/gvc.h>

#include <algorithm>
#include <cstdlib>
#include <memory>
#include <mutex>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "graph/text.h"

namespace pg {
namespace {

constexpr std::string_view kLayouts[] = {"dot", "neato", "fdp", "sfdp", "circo"};
constexpr int kLabelRounds = 30;  // passes of SeparateEdgeLabels; a move can make a new overlap
constexpr std::size_t kMaxLabelChecks = 10'000'000;  // box tests a round: some 0.05 s
constexpr double kLabelGap = 2;  // points between a moved label and what it was moved off

// Graphviz reports through agerr in pieces ("Error", ": ", text); we gather them per render.
thread_local std::string* g_graphviz_messages = nullptr;

int CollectGraphvizMessage(char* text) {
  if (g_graphviz_messages && text) g_graphviz_messages->append(text);
  return 0;
}

// Routes Graphviz messages into a string while alive; restores the previous handler after.
class GraphvizMessageCapture {
 public:
  GraphvizMessageCapture() : previous_handler_(agseterrf(CollectGraphvizMessage)) {
    previous_sink_ = std::exchange(g_graphviz_messages, &messages_);
  }
  ~GraphvizMessageCapture() {
    agseterrf(previous_handler_);
    g_graphviz_messages = previous_sink_;
  }
  /// Each line as a diagnostic: "Error: ..." an error, "Warning: ..." a warning, the rest notes.
  void MoveTo(Diagnostics* diagnostics) {
    std::size_t start = 0;
    while (start < messages_.size()) {
      std::size_t end = messages_.find('\n', start);
      if (end == std::string::npos) end = messages_.size();
      const std::string_view line = Trim(std::string_view(messages_).substr(start, end - start));
      if (!line.empty()) {
        const Severity severity = line.rfind("Error", 0) == 0     ? Severity::kError
                                  : line.rfind("Warning", 0) == 0 ? Severity::kWarning
                                                                  : Severity::kNote;
        diagnostics->Add(severity, Location{"graphviz"}, std::string(line));
      }
      start = end + 1;
    }
    messages_.clear();
  }

 private:
  agusererrf previous_handler_;
  std::string* previous_sink_ = nullptr;
  std::string messages_;
};

struct ContextDeleter {
  void operator()(GVC_t* context) const { gvFreeContext(context); }
};
using ContextPtr = std::unique_ptr<GVC_t, ContextDeleter>;

// The process's one Graphviz context: created on first use, freed at exit. Never a context per
// render: gvFreeContext frees the font names that the pango plugin still caches in its own
// statics, and the next context's first label then reads them (heap use-after-free).
GVC_t* SharedContext() {
  static const ContextPtr context(gvContext());
  return context.get();
}

// Graphviz keeps global state (error handler, plugin caches): one render at a time.
std::mutex g_render_mutex;

// gvLayout's pair: frees the layout however the render ends.
class LayoutGuard {
 public:
  LayoutGuard(GVC_t* context, Agraph_t* graph) : context_(context), graph_(graph) {}
  ~LayoutGuard() { gvFreeLayout(context_, graph_); }
  LayoutGuard(const LayoutGuard&) = delete;
  LayoutGuard& operator=(const LayoutGuard&) = delete;

 private:
  GVC_t* context_;
  Agraph_t* graph_;
};

// The plugin names of one kind ("layout", "device") that this Graphviz installation has.
std::vector<std::string> PluginNames(GVC_t* context, const char* kind) {
  int count = 0;
  char** list = gvPluginList(context, kind, &count, nullptr);
  std::vector<std::string> names;
  for (int i = 0; i < count; ++i) {
    std::string name(list[i]);
    if (const auto colon = name.find(':'); colon != std::string::npos) name.resize(colon);
    names.push_back(std::move(name));
    std::free(list[i]);
  }
  std::free(list);
  return names;
}

bool Contains(const std::vector<std::string>& names, std::string_view name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

// The long side of the laid-out page, in points.
double LongSide(Agraph_t* graph) {
  const boxf box = GD_bb(graph);
  return std::max(box.UR.x - box.LL.x, box.UR.y - box.LL.y);
}

// How far the laid-out page is from square: the long side over the short one.
double Elongation(Agraph_t* graph) {
  const boxf box = GD_bb(graph);
  const double width = std::max(box.UR.x - box.LL.x, 1.0), height = std::max(box.UR.y - box.LL.y, 1.0);
  return std::max(width / height, height / width);
}

// A label's box after layout (dimen is width and height on the page, whatever the rankdir).
boxf LabelBox(const textlabel_t* label) {
  const double width = label->dimen.x / 2, height = label->dimen.y / 2;
  return {{label->pos.x - width, label->pos.y - height}, {label->pos.x + width, label->pos.y + height}};
}

boxf NodeBox(Agnode_t* n) {
  const double width = ND_width(n) * 36, height = ND_height(n) * 36;  // half, in points
  return {{ND_coord(n).x - width, ND_coord(n).y - height}, {ND_coord(n).x + width, ND_coord(n).y + height}};
}

bool Overlap(const boxf& a, const boxf& b) {
  return a.LL.x < b.UR.x && b.LL.x < a.UR.x && a.LL.y < b.UR.y && b.LL.y < a.UR.y;
}

// Moves `label` vertically clear of `obstacle`, to the side it already leans to.
void MoveClear(textlabel_t* label, const boxf& obstacle) {
  const boxf box = LabelBox(label);
  const double centre = (obstacle.LL.y + obstacle.UR.y) / 2;
  const double half = (box.UR.y - box.LL.y) / 2 + kLabelGap;
  label->pos.y = label->pos.y >= centre ? obstacle.UR.y + half : obstacle.LL.y - half;
}

// Edge labels that overlap a node or an earlier label after layout (dot places the labels of
// neighbouring edges on its own, and sometimes "$400M" lands on "$900M") are moved clear
// vertically, a few rounds, in creation order. Pairwise work, so skipped past kMaxLabelChecks
// (some 2,500 labels among as many nodes).
void SeparateEdgeLabels(Agraph_t* graph) {
  std::vector<textlabel_t*> labels;
  std::vector<boxf> nodes;
  for (Agnode_t* n = agfstnode(graph); n; n = agnxtnode(graph, n)) {
    nodes.push_back(NodeBox(n));
    for (Agedge_t* e = agfstout(graph, n); e; e = agnxtout(graph, e)) {
      if (ED_label(e) && ED_label(e)->set) labels.push_back(ED_label(e));
    }
  }
  if (labels.size() * (labels.size() + nodes.size()) > kMaxLabelChecks) return;
  for (int round = 0; round < kLabelRounds; ++round) {
    bool moved = false;
    for (std::size_t j = 0; j < labels.size(); ++j) {
      for (const boxf& node : nodes) {
        if (Overlap(LabelBox(labels[j]), node)) MoveClear(labels[j], node), moved = true;
      }
      for (std::size_t i = 0; i < j; ++i) {
        if (Overlap(LabelBox(labels[j]), LabelBox(labels[i]))) MoveClear(labels[j], LabelBox(labels[i])), moved = true;
      }
    }
    if (!moved) break;
  }
}

// A way to lay a dot graph out: the rank direction, and over how many ranks each node's leaves
// are spread (1: as dot would put them, all in the next rank).
struct Shape {
  const char* rankdir;
  int levels;
};

// Tried in order until the page is no longer than kMaxElongation: names are wider than tall,
// so a rank of many nodes stacks more compactly as a column (LR); a fan of leaves spread over
// several ranks, as Graphviz's `unflatten` does, makes short columns of a long one.
constexpr Shape kShapes[] = {{"TB", 1}, {"LR", 1}, {"LR", 2}, {"TB", 2}, {"LR", 3}, {"TB", 3}, {"LR", 4}, {"LR", 6}};

void SetAttribute(void* object, const char* name, const std::string& value, const char* fallback) {
  agsafeset(object, const_cast<char*>(name), const_cast<char*>(value.c_str()), const_cast<char*>(fallback));
}

// Leaf edges get minlen 1, 2, ..., levels, 1, ... in creation order, per node and direction.
void ApplyShape(Agraph_t* graph, const Shape& shape) {
  SetAttribute(graph, "rankdir", shape.rankdir, "");
  for (Agnode_t* n = agfstnode(graph); n; n = agnxtnode(graph, n)) {
    int out = 0, in = 0;
    for (Agedge_t* e = agfstout(graph, n); e; e = agnxtout(graph, e)) {
      if (agdegree(graph, aghead(e), 1, 1) == 1) SetAttribute(e, "minlen", std::to_string(1 + out++ % shape.levels), "1");
    }
    for (Agedge_t* e = agfstin(graph, n); e; e = agnxtin(graph, e)) {
      if (agdegree(graph, agtail(e), 1, 1) == 1) SetAttribute(e, "minlen", std::to_string(1 + in++ % shape.levels), "1");
    }
  }
}

// The squarest of dot's shapes (kShapes), tried in order until one is short enough; returns
// its elongation with that layout in place, or a negative number when dot failed.
double LayOutDotShapes(GVC_t* context, Agraph_t* graph) {
  std::size_t best = 0, current = 0;
  double best_elongation = Elongation(graph);
  for (std::size_t i = 1; i < std::size(kShapes) && best_elongation > kMaxElongation; ++i) {
    gvFreeLayout(context, graph);
    ApplyShape(graph, kShapes[i]);
    current = i;
    if (gvLayout(context, graph, "dot") != 0) return -1;
    if (Elongation(graph) < best_elongation) {
      best_elongation = Elongation(graph);
      best = i;
    }
  }
  if (current == best) return best_elongation;
  gvFreeLayout(context, graph);
  ApplyShape(graph, kShapes[best]);
  return gvLayout(context, graph, "dot") == 0 ? best_elongation : -1;
}

// Lays out with `layout` and returns the engine that drew the page ("" when it failed). With
// dot, a page longer than kMinReshapeInches and kMaxElongation times longer on one side is laid out again in other shapes (up to
// kMaxReshapeNodes nodes), and if none is short enough and `fdp_fallback`, with fdp (which
// keeps the clusters; up to kMaxFdpFallbackNodes): the squarest page is kept. Every try is
// deterministic.
std::string LayOut(GVC_t* context, Agraph_t* graph, const std::string& layout, std::size_t nodes,
                   bool fdp_fallback) {
  if (gvLayout(context, graph, layout.c_str()) != 0) return "";
  if (layout != "dot" || Elongation(graph) <= kMaxElongation || LongSide(graph) <= kMinReshapeInches * 72) {
    return layout;
  }
  const double dot = nodes <= kMaxReshapeNodes ? LayOutDotShapes(context, graph) : Elongation(graph);
  if (dot < 0) return "";
  if (dot <= kMaxElongation || !fdp_fallback || nodes > kMaxFdpFallbackNodes) return layout;
  gvFreeLayout(context, graph);
  if (gvLayout(context, graph, "fdp") == 0 && Elongation(graph) < dot) return "fdp";
  gvFreeLayout(context, graph);
  if (nodes <= kMaxReshapeNodes) return LayOutDotShapes(context, graph) < 0 ? "" : layout;
  return gvLayout(context, graph, "dot") == 0 ? layout : "";
}

}  // namespace

std::optional<RenderFormat> RenderFormatFromPath(std::string_view path) {
  const std::size_t dot = path.rfind('.');
  const std::size_t slash = path.find_last_of("/\\");
  if (dot == std::string_view::npos || (slash != std::string_view::npos && dot < slash)) return std::nullopt;
  const std::string extension = ToLower(path.substr(dot + 1));
  if (extension == "dot" || extension == "gv") return RenderFormat::kDot;
  if (extension == "svg") return RenderFormat::kSvg;
  if (extension == "png") return RenderFormat::kPng;
  if (extension == "pdf") return RenderFormat::kPdf;
  return std::nullopt;
}

std::string_view RenderFormatName(RenderFormat format) {
  switch (format) {
    case RenderFormat::kDot: return "dot";
    case RenderFormat::kSvg: return "svg";
    case RenderFormat::kPng: return "png";
    case RenderFormat::kPdf: return "pdf";
  }
  return "svg";
}

bool IsKnownLayout(std::string_view layout) {
  return std::find(std::begin(kLayouts), std::end(kLayouts), layout) != std::end(kLayouts);
}

std::string_view LayoutChoices() { return "dot, neato, fdp, sfdp, circo"; }

std::string ChooseLayout(std::string_view requested, std::size_t nodes, std::size_t edges, std::string* note) {
  if (!requested.empty()) return std::string(requested);
  if (nodes > kSfdpNodeThreshold || edges > kSfdpEdgeThreshold) {
    *note = fmt::format(
        "note: {} nodes and {} edges is past the dot layout's limit ({} nodes or {} edges): using sfdp; "
        "pass --layout to choose, or --focus NODE to draw a part",
        nodes, edges, kSfdpNodeThreshold, kSfdpEdgeThreshold);
    return "sfdp";
  }
  return "dot";
}

bool RenderDiagram(Diagram& diagram, const RenderOptions& options, std::string* output, Diagnostics* diagnostics) {
  output->clear();
  if (!diagram.Refusal().empty()) {
    diagnostics->Error({}, diagram.Refusal());
    return false;
  }
  if (options.format == RenderFormat::kDot) {
    *output = diagram.ToDot();
    return true;
  }
  const std::size_t nodes = diagram.NodeCount(), edges = diagram.EdgeCount();
  if (nodes > kMaxLayoutNodes || edges > kMaxLayoutEdges) {
    diagnostics->Error({}, fmt::format("{} nodes and {} edges are too many to lay out (limit {} nodes, {} edges): "
                                       "draw a part with --focus NODE --depth N, or write .dot and lay it out "
                                       "with Graphviz yourself",
                                       nodes, edges, kMaxLayoutNodes, kMaxLayoutEdges));
    return false;
  }
  if (!IsKnownLayout(options.layout)) {
    diagnostics->Error({}, fmt::format("unknown layout \"{}\" (expected one of {})", options.layout, LayoutChoices()));
    return false;
  }

  const std::lock_guard<std::mutex> lock(g_render_mutex);
  GraphvizMessageCapture capture;
  GVC_t* const context = SharedContext();
  if (!context) {
    diagnostics->Error({}, "cannot start Graphviz (gvContext failed)");
    return false;
  }
  const std::string format(RenderFormatName(options.format));
  // Listed once: the plugins of the one context never change, and Graphviz 2.42's
  // gvPluginList leaks a few bytes a name on every call.
  static const std::vector<std::string> layouts = PluginNames(context, "layout");
  static const std::vector<std::string> devices = PluginNames(context, "device");
  if (!Contains(layouts, options.layout)) {
    diagnostics->Error({}, fmt::format("Graphviz has no \"{}\" layout plugin here; install Debian's graphviz "
                                       "package (its plugins are registered by `dot -c`)", options.layout));
    return false;
  }
  if (!Contains(devices, format)) {
    diagnostics->Error({}, fmt::format("Graphviz has no \"{}\" renderer here; install Debian's graphviz package "
                                       "(its plugins are registered by `dot -c`), or write .svg or .dot",
                                       format));
    return false;
  }
  Agraph_t* graph = diagram.Graph();
  // PNG at a readable resolution; vector formats keep Graphviz's 72 points per inch. A page
  // larger than kMaxPageInches on a side is scaled down to fit (PNG: under 5,000 pixels).
  if (options.format == RenderFormat::kPng) {
    agsafeset(graph, const_cast<char*>("dpi"), const_cast<char*>(kPngDpi), const_cast<char*>(""));
  }
  const std::string size = fmt::format("{0},{0}", kMaxPageInches);
  agsafeset(graph, const_cast<char*>("size"), const_cast<char*>(size.c_str()), const_cast<char*>(""));
  const std::string used = LayOut(context, graph, options.layout, nodes, options.fdp_fallback);
  if (used.empty()) {
    capture.MoveTo(diagnostics);
    diagnostics->Error({}, fmt::format("Graphviz could not lay out the diagram with {}", options.layout));
    return false;
  }
  LayoutGuard layout(context, graph);
  diagram.SetLaidOutWith(used);
  SeparateEdgeLabels(graph);
  char* data = nullptr;
  unsigned int length = 0;
  const int status = gvRenderData(context, graph, format.c_str(), &data, &length);
  if (data) {
    output->assign(data, length);
    gvFreeRenderData(data);
  }
  capture.MoveTo(diagnostics);
  if (status != 0 || output->empty()) {
    output->clear();
    diagnostics->Error({}, fmt::format("Graphviz could not render {}", format));
    return false;
  }
  return true;
}

}  // namespace pg
