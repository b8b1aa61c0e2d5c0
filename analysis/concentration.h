#pragma once
// concentration: how dependent is each company on its largest funder, channel and compute
// supplier?
//
// For each node and each dimension — funding (`invests` into it), channels (`distributes` into
// it), compute (`supplies_compute` into it) — the sources are rolled up to their ultimate owner
// (AWS and Bedrock count as Amazon) and the Herfindahl–Hirschman index is
//   HHI = sum_s (100 * w_s / sum_t w_t)^2,  from 10,000/N (N equal sources) to 10,000 (one source).
// Weights: funding by amount_usd; channels by revenue_usd; compute by amount_usd, else
// capacity_gw. A weight is used only when every counted edge of the dimension has it; otherwise
// the dimension is count-weighted (one per edge), and the fact `weighted_by` says which
// (mixing known and unknown amounts would overstate the known ones). Only the counted claim of
// each fact is used (claims.h): a conflicting claim is noted, never summed. Self-edges are
// ignored. Finding per node and dimension with subjects node, largest source; figures `hhi`,
// `sources`, `largest_share`; one part per source with its `weight` and `share`. HHI above
// 2,500 (highly concentrated, as US merger guidelines put it) is a warning.

#include "analysis/pass_registry.h"

namespace pg {

Findings RunConcentration(const GraphView& view, const PassOptions& options);

}  // namespace pg
