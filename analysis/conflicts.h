#pragma once
// conflicts: claims of one fact that disagree, reported instead of summed silently.
//
// Edges: claims with the same from, to, type and start are one fact (graph/claims.h); a claim
// whose figures (amount, stake, share, revenue, capacity, end) differ from the counted claim's
// conflicts with it. Metrics: claims with the same entity, metric, as_of and basis are one fact
// (graph/metric_claims.h); a different value conflicts. A different basis is another fact
// ($30B gross vs $22B net is not a conflict); a different start is another tranche.
//
// One finding per fact with conflicts (severity warning): subjects are the endpoints (edges)
// or the entity (metrics); topic is the edge type or the metric name; `related` or `metrics`
// lists the counted claim first, then the conflicting ones; the message names every claim with
// its figure, source and file:line, and which one is counted (highest confidence, else first).
// Figures: `claims` (how many disagree, counted included), `counted_amount_usd` /
// `counted_value`, and `spread` (largest / smallest figure, when all are positive).
// Only edges active and metrics visible as of the view's date take part.

#include "analysis/pass_registry.h"

namespace pg {

Findings RunConflicts(const GraphView& view, const PassOptions& options);

}  // namespace pg
