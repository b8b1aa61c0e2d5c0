#pragma once
// Burt's constraint: how much a node's ties lead back into one closed group. With p_ij = w_ij /
// sum_k w_ik (tie strength w = the number of edges between i and j, either direction),
//   c_i = sum_{j in N(i)} (p_ij + sum_{q in N(i), q != i, j} p_iq p_qj)^2,
// as NetworkX `constraint` computes it. Low constraint (near 1/deg) marks a broker between
// groups that do not talk to each other; 1 means a single tie. A node without ties has no
// constraint (NaN). Self-loops are ignored.

#include <span>
#include <vector>

#include "analysis/undirected_graph.h"

namespace pg {

/// Constraint of each vertex in `vertices` (in the same order).
std::vector<double> BurtConstraint(const UndirectedGraph& graph, std::span<const VertexId> vertices);

}  // namespace pg
