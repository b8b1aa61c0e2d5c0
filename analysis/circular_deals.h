#pragma once
// circular-deals: where does money go round? An investor funds its own customer (Amazon invests
// in Anthropic, which buys compute from AWS), takes equity in its own supplier (a lab holding
// warrants in the chip maker it buys from), or funds a company that buys from a third party the
// investor holds a stake in (A invests in B, B buys from C, A holds equity in C).
//
// Definitions. Parties are groups: every node is rolled up to its ultimate parent
// (GraphView::Ultimate), so AWS's compute counts as Amazon's. Only counted edges are read
// (GraphView::Counted: active as of --as-of, the counted claim of each fact), so conflicting
// claims are never summed (they are listed in `notes`) and separate tranches add up.
// - Money out: the `invests` edges from A's group into B's group, A != B.
// - A supply tie is a `supplies_compute` edge (supplier -> customer) or a `distributes` edge
//   (channel -> supplier: the channel is the supplier's customer), between two groups.
// - Two-party loop (A, B): money out from A to B, and a supply tie between A and B either way.
//   A supplying B is "money back" (B pays A: `back_usd`, `back_gw`); B supplying A makes A an
//   investor in its own supplier (`bought_usd`, `bought_gw`: what A buys). One finding per (A, B), both
//   directions of supply in it; kind "funds its customer", "invests in its supplier" or both.
// - Three-party loop (A, B, C): money out from A to B, C supplies B (`back_usd`: what B pays
//   C), and A holds equity in C that does not roll up (a counted `invests` edge, or an `owns`
//   edge that gives no control). A controlled C is A's own group: a two-party loop already.
//   C = A or C = B is not a third party. Cost: each supplier's customers times its holders,
//   read through a stamp array (no pairs are built), so near-linear on real data.
// - Cost: three stable counting sorts of the ties by group, O(edges + nodes); lookups by
//   binary search.
// - Figures: `invested_usd` (known amounts out), `back_usd`, `back_gw`, `bought_usd`,
//   `bought_gw`, `held_usd` (three-party: known amounts of A's investments in C), each only when some leg
//   has the amount (a missing amount is never counted as zero: the message says "no amount").
//   `size_usd` = invested_usd: the money that can come back; absent when no amount out is known.
// - Dates: each side's span runs from its earliest start (first day) to its latest end (last
//   day), a missing date open; the loop's legs are together where the spans of money out and
//   of money back (back and bought legs) overlap. Fact `together`: "undated", "from D",
//   "until D", "D1 to D2", or "never (money out ended D, money back began D')": such a loop is
//   history or plan, reported as info. Spans, not leg pairs: two tranches years apart span the
//   gap. With --as-of only legs active then are counted, so the loop is current (fact
//   `current` = the date, and "current as of D" in the message).
// - Severity: warning from $1B out when the legs overlap; info below, when no amount out is
//   known, or when the legs never overlap. Size orders the findings (largest first).
// - Self-investment and investment within a group (into a subsidiary) are ignored; ownership
//   cycles cannot hang the roll-up (GraphView resolves them). Findings are sorted by size
//   (unknown last), then by the investor's id and the investee's.

#include "analysis/pass_registry.h"

namespace pg {

Findings RunCircularDeals(const GraphView& view, const PassOptions& options);

}  // namespace pg
