#pragma once
// revenue-basis: gross vs net revenue through channels, and rivals compared on one basis.
//
// Revenue metrics are those whose name starts with `revenue` (revenue_annualized_usd), with
// basis `gross` (partners' share booked as revenue, paid out as cost) or `net` (only one's own
// share booked). net = gross − partner share. The partner share comes from, in this order:
//  1. a stated gross and a stated net figure at the same as_of: share = gross − net;
//  2. the entity's counted `distributes` in-edges (channel -> supplier) with both revenue_usd
//     and share_pct: share = Σ revenue_usd × share_pct, which derives the missing basis.
// Each metric value is the latest counted claim visible as of the view's date (metric_claims.h).
//
// Findings:
//  - one per entity whose share is known: figures gross_usd, net_usd, partner_share_usd,
//    partner_share_of_gross (0..1); facts as_of, share_from.
//  - one per pair of rivals that both have a revenue figure: who leads on a net basis and who on
//    a gross basis. When a rival lacks the figure on a basis, the other basis bounds it: a net
//    figure is a lower bound of gross (gross = net + a share >= 0), a gross figure an upper bound
//    of net. If the bound settles the order, the lead is definite; otherwise the rival with the
//    stated figure leads "on the figures stated" and the fact `gross_comparison` (or
//    `net_comparison`) says `bound` instead of `stated`. Figures net_gap_usd, gross_gap_usd;
//    parts per rival with its gross_usd / net_usd. Severity warning when the leader depends on
//    the basis, info otherwise.
// Missing or non-positive gross: no share of gross. Negative derived net (share > gross): kept,
// with a note. Entities without rivals get only the first kind of finding.

#include "analysis/pass_registry.h"

namespace pg {

Findings RunRevenueBasis(const GraphView& view, const PassOptions& options);

}  // namespace pg
