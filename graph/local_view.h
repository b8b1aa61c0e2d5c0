#pragma once
// The graph as of a date, read around one node: GraphView's answers (which edges are current,
// controlling and ultimate parents, what a node controls, its rivals), each worked out from the
// vertices' own edges when first asked, so that a query about one node costs its neighbourhood.
// A GraphView reads every edge record to build (~20 ms at a million edges); it is the right
// thing for passes over every node, this is for `exposure NODE` on a big graph.
//
// One difference: on a cycle of controlling parents as of the date (GraphBuilder refuses cycles
// over all edges, but one can form when a stake has ended), GraphView's Ultimate depends on how
// the vertices are numbered. Ultimate here says kNoVertex for a vertex whose chain closes a
// cycle; a caller that needs GraphView's exact answer there builds one.

#include <unordered_map>
#include <vector>

#include "graph/date.h"
#include "graph/partnership_graph.h"

namespace pg {

class LocalView {
 public:
  LocalView(const PartnershipGraph& graph, Date as_of) : graph_(graph), as_of_(as_of) {}

  const PartnershipGraph& Graph() const { return graph_; }
  Date AsOf() const { return as_of_; }
  /// GraphView::Active, from the edge's own dates.
  bool Active(EdgeId e) const;
  /// GraphView::Parent: the owner of v's largest current stake above 50% (no stake_pct: 100%;
  /// ties to the first row), or kNoVertex. Reads v's in-edges once.
  VertexId Parent(VertexId v);
  /// GraphView::Ultimate (the top of v's chain of parents; v itself without a parent), or
  /// kNoVertex when the chain closes a cycle.
  VertexId Ultimate(VertexId v);
  /// v and every node whose chain of parents passes through v, sorted by vertex.
  std::vector<VertexId> Controlled(VertexId v);
  /// RivalIndex::RivalsOf: the other ends of v's current `competes` edges and the members of
  /// v's markets, sorted, v left out. A node in a market costs one look at every node's markets
  /// (there is no index of members without a GraphView); a node in none costs its edges.
  std::vector<VertexId> RivalsOf(VertexId v) const;

 private:
  const PartnershipGraph& graph_;
  Date as_of_;
  std::unordered_map<VertexId, VertexId> parents_;  ///< memo of Parent
};

}  // namespace pg
