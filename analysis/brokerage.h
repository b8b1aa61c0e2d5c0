#pragma once
// brokerage: who sits between rival camps?
//
// On the undirected simple graph of every active edge (betweenness.h: directions and parallel
// edges collapsed, self-loops dropped), each node's betweenness centrality (Brandes; unnormalised,
// each unordered pair counted once: sum over s < t of sigma_st(v) / sigma_st) and Burt's
// constraint (constraint.h, tie strength = number of edges). A finding for each of the top 10
// nodes by betweenness (ties by id; nodes with betweenness 0 are not brokers), with its
// constraint, its degree and the neighbours it ties that are rivals of one another (competes
// edges or a shared market): a node tied to both sides of a rivalry is a warning.
// Graphs above 50,000 nodes are estimated from 512 sampled sources (seed 1), and say so.

#include "analysis/pass_registry.h"

namespace pg {

Findings RunBrokerage(const GraphView& view, const PassOptions& options);

}  // namespace pg
