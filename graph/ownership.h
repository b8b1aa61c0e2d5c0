#pragma once
// Ownership roll-up: each node's controlling parent through `owns` edges, and its ultimate
// parent (Bedrock -> AWS -> Amazon). A node's parent is the owner of its largest stake above
// 50%, where an `owns` edge without stake_pct counts as 100%; ties go to the first row. Minority
// stakes do not roll up (the control pass weighs them). A cycle of controlling parents is an
// input error: GraphBuilder reports it, and these functions stop at the cycle instead of looping.

#include <span>
#include <vector>

#include "graph/partnership_graph.h"

namespace pg {

class GraphView;

/// The controlling parent of every vertex (kNoVertex for none), from active `owns` edges;
/// `active` may be null for "all edges".
std::vector<VertexId> ControllingParents(const PartnershipGraph& graph,
                                         const std::vector<bool>* active = nullptr);
/// The same from the ids of the graph's `owns` edges in ascending order, for a caller that
/// already has them (GraphView), so the edge records are not scanned again.
std::vector<VertexId> ControllingParents(const PartnershipGraph& graph, const std::vector<bool>* active,
                                         std::span<const EdgeId> owns_edges);

/// Follows parents to the top; a vertex on a cycle maps to itself.
std::vector<VertexId> UltimateParents(const std::vector<VertexId>& parents);

/// The controlling `owns` edges of one cycle, in order, or empty when there is none.
std::vector<EdgeId> FindOwnershipCycle(const PartnershipGraph& graph);

}  // namespace pg
