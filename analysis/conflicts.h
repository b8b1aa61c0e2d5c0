#pragma once
// conflicts: claims of one fact that disagree, reported instead of summed silently.
//
// Edges: rows with the same from, to, type and start are one fact; rows of one source (or
// without a source) are tranches that add up, and rows from different sources are claims
// (graph/claims.h). A source's account (its tranches) whose figures differ from the counted
// account's conflicts with it. Metrics: claims with the same entity, metric, as_of and basis
// are one fact (graph/metric_claims.h); a different value conflicts. A different basis is
// another fact ($30B gross vs $22B net is not a conflict); a different start is another tranche.
//
// One finding per fact with conflicts (severity warning): subjects are the endpoints (edges)
// or the entity (metrics); topic is the edge type or the metric name; `related` or `metrics`
// lists the counted account's rows first, then the conflicting ones; the message names every
// account with its figures (tranches joined by " + "), source and file:line, and which one is
// counted (highest confidence, else first). Figures: `claims` (how many accounts disagree,
// counted included), `counted_amount_usd` / `counted_value`, and `spread` (largest / smallest
// account total, when all are positive).
// Rows that repeat an earlier row of their fact exactly (same source, same figures) are counted
// as tranches; one info finding says how many there are and where the first is (topic
// "repeated rows", subjects the first one's endpoints), so a pasted row can be found and removed.
// Only edges active and metrics visible as of the view's date take part.

#include "analysis/pass_registry.h"

namespace pg {

Findings RunConflicts(const GraphView& view, const PassOptions& options);

}  // namespace pg
