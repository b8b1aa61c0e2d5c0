#pragma once
// control: who ultimately owns each node, and how much of it each owner holds through chains?
//
// Ultimate owner: GraphView::Ultimate (controlling stakes above 50% rolled up, ownership.h).
// Integrated ownership: Ĩ = (I − W)^-1 W over the stake matrix W (analysis/integrated_ownership.h
// has the maths: chains, cross-holdings, closed loops).
// W: direct stakes come from active `owns` edges (stake_pct; missing = 100%) and from counted
// `invests` edges that state a stake_pct (an investor with a 20% stake holds 20% whatever the
// edge is called; invests without a stake are funding, not ownership). Several edges for one
// owner/owned pair: the latest by start date counts (stakes are holdings, not increments, and
// dilution lowers them: 14% from 2023 then 10% from 2025 is 10% as of 2025-06, 14% as of
// 2024); undated rows rank oldest, and on one date the largest stake counts. Edges that start
// after the view's date are not active, so never the latest. Self-ownership is ignored. Stakes
// in one node adding up to more than 100% are reported (warning) and scaled down to 100%.
// A closed loop (every member held 100% from inside) is reported (critical) and its internal
// stakes are left out.
// Findings: one per owned node (subjects node, then its owners by integrated stake), with fact
// `ultimate_owner` and parts per owner (top 10) with `integrated_stake` and `direct_stake`.

#include "analysis/pass_registry.h"

namespace pg {

Findings RunControl(const GraphView& view, const PassOptions& options);

}  // namespace pg
