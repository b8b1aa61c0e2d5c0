#pragma once
// control: who ultimately owns each node, and how much of it each owner holds through chains?
//
// Ultimate owner: GraphView::Ultimate (controlling stakes above 50% rolled up, ownership.h).
// Integrated ownership (Vitali, Glattfelder & Battiston 2011, "The network of global corporate
// control"): with W_ij the fraction of j held directly by i,
//   Ĩ = W + W Ĩ = (I − W)^-1 W = W + W² + W³ + …,
// so Ĩ_ij counts every chain from i to j, cross-holdings included. Direct stakes come from
// active `owns` edges (stake_pct; missing = 100%) and from counted `invests` edges that state a
// stake_pct (an investor with a 20% stake holds 20% whatever the edge is called; invests without
// a stake are funding, not ownership). Several edges for one owner/owned pair: the largest stake
// counts (stakes are holdings, not increments). Self-ownership is ignored. Stakes in one node
// adding up to more than 100% are reported (warning) and scaled down to 100%.
// Computation: strongly connected components of the stake graph in topological order, per owner
// a sparse forward pass; inside a cross-holding component the small linear system
// x_C (I − W_CC) = b_C is solved exactly (LU; Gauss-Seidel above 400 members). It converges when,
// in each component, some member is held less than 100% from inside the component. A closed loop
// (every member held 100% from inside, e.g. A, B, C holding each other entirely) has no finite
// integrated ownership: it is reported (critical) and its internal stakes are left out.
// Findings: one per owned node (subjects node, then its owners by integrated stake), with fact
// `ultimate_owner` and parts per owner (top 10) with `integrated_stake` and `direct_stake`.
// The diagonal (an owner's integrated stake in itself, through a loop) is not reported.

#include "analysis/pass_registry.h"

namespace pg {

Findings RunControl(const GraphView& view, const PassOptions& options);

}  // namespace pg
