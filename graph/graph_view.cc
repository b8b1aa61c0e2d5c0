#include "graph/graph_view.h"

#include "graph/ownership.h"

namespace pg {

EdgeTime EdgeTimeAsOf(const Edge& edge, Date as_of) {
  if (!as_of.Known()) return EdgeTime::kCurrent;
  if (edge.start.Known() && edge.start.FirstDay() > as_of.LastDay()) return EdgeTime::kPlanned;
  if (edge.end.Known() && edge.end.LastDay() < as_of.FirstDay()) return EdgeTime::kEnded;
  return EdgeTime::kCurrent;
}

bool ActiveAsOf(const Edge& edge, Date as_of) { return EdgeTimeAsOf(edge, as_of) == EdgeTime::kCurrent; }

std::string_view EdgeTimeName(EdgeTime time) {
  switch (time) {
    case EdgeTime::kEnded: return "ended";
    case EdgeTime::kPlanned: return "planned";
    case EdgeTime::kCurrent: break;
  }
  return {};
}

std::string EdgeTimeLabel(const Edge& edge, Date as_of) {
  switch (EdgeTimeAsOf(edge, as_of)) {
    case EdgeTime::kEnded: return "ended " + edge.end.ToString();
    case EdgeTime::kPlanned: return "planned from " + edge.start.ToString();
    case EdgeTime::kCurrent: break;
  }
  return {};
}

EdgeTime GraphView::TimeOf(EdgeId e) const { return EdgeTimeAsOf(graph_.GetEdge(e), options_.as_of); }

GraphView::EdgeScan GraphView::ScanEdges(const PartnershipGraph& graph, Date as_of) {
  // The only pass over the edge records: everything else in the view, and the passes, read
  // the compact results or the CSR.
  const auto& edges = graph.Edges();
  EdgeScan scan;
  scan.active.assign(edges.size(), true);
  scan.kinds.resize(edges.size());
  for (EdgeId e = 0; e < edges.size(); ++e) {
    const Edge& edge = edges[e];
    scan.kinds[e] = static_cast<std::uint8_t>(edge.type);
    if (as_of.Known() && !ActiveAsOf(edge, as_of)) scan.active[e] = false;
    if (edge.type == EdgeType::kOwns) scan.owns.push_back(e);
    if (edge.type == EdgeType::kCompetes && edge.from != edge.to && scan.active[e]) {
      scan.competing.emplace_back(edge.from, edge.to);
    }
  }
  return scan;
}

GraphView::GraphView(const PartnershipGraph& graph, ViewOptions options)
    : GraphView(graph, options, ScanEdges(graph, options.as_of)) {}

GraphView::GraphView(const PartnershipGraph& graph, ViewOptions options, EdgeScan scan)
    : graph_(graph),
      options_(options),
      active_(std::move(scan.active)),
      kinds_(std::move(scan.kinds)),
      parents_(ControllingParents(graph, &active_, scan.owns)),
      ultimate_(UltimateParents(parents_)),
      rivals_(std::make_unique<RivalIndex>(graph, scan.competing)),
      claims_(graph, &active_),
      metric_claims_(graph, options.as_of) {
  for (EdgeId e = 0; e < kinds_.size(); ++e) {
    if (claims_.Counted(e)) kinds_[e] |= kCountedBit;
  }
}

}  // namespace pg
