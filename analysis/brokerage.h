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
// Exact where it costs about a second (nodes x edges of the simple graph up to 1e8, decided
// before starting); past that, estimated from K = max(100, 3e7 / edges) sources drawn with seed 1,
// scaled by n/K, each finding stating K (figure `sampled_sources`), its standard error (figure
// `betweenness_stderr`, "± N%" in the message) and that --exact (PassOptions::exact) insists.

#include "analysis/pass_registry.h"

namespace pg {

Findings RunBrokerage(const GraphView& view, const PassOptions& options);

}  // namespace pg
