#include "graph/graph_view.h"

#include "graph/ownership.h"

namespace pg {
namespace {

std::vector<bool> ActiveEdges(const PartnershipGraph& graph, Date as_of) {
  std::vector<bool> active(graph.EdgeCount(), true);
  if (!as_of.Known()) return active;
  for (EdgeId e = 0; e < graph.EdgeCount(); ++e) active[e] = ActiveAsOf(graph.GetEdge(e), as_of);
  return active;
}

}  // namespace

bool ActiveAsOf(const Edge& edge, Date as_of) {
  if (!as_of.Known()) return true;
  if (edge.start.Known() && edge.start.FirstDay() > as_of.LastDay()) return false;
  if (edge.end.Known() && edge.end.LastDay() < as_of.FirstDay()) return false;
  return true;
}

GraphView::GraphView(const PartnershipGraph& graph, ViewOptions options)
    : graph_(graph),
      options_(options),
      active_(ActiveEdges(graph, options.as_of)),
      parents_(ControllingParents(graph, &active_)),
      ultimate_(UltimateParents(parents_)),
      rivals_(std::make_unique<RivalIndex>(graph, &active_)),
      claims_(graph, &active_),
      metric_claims_(graph, options.as_of) {}

}  // namespace pg
