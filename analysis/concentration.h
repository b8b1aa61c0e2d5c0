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
// ignored. The node's own group is no outside source: an edge from anything that rolls up to
// the node's ultimate owner (its parent, the parent's other subsidiaries, its own subsidiaries)
// is left out of the index and named in a note; a node funded only within its group has no
// finding. A dimension with a single outside source (HHI 10,000 by definition) gets no finding
// of its own: one info finding per dimension (topic "funding from a single source", no
// subjects, figure `companies`) counts those nodes and names the first five in node order
// (parts with their `weight` and edges; conflicting claims of every such node are noted), so a
// large input does not print a warning per company.
// Finding per node and dimension with two or more sources: subjects node, largest source;
// figures `hhi`, `sources`, `largest_share`, `total_weight`; a part (`weight`, `share`, edges)
// for each of the five largest sources, the rest counted in `sources` and "and N more" with
// their edges still in `related` (`--detail full`, PassOptions::full_detail: a part for every
// source). A million-edge input has ~140k such findings; all parts would triple the memory
// of `analyze`. HHI above 2,500 (highly concentrated, as US merger guidelines put it) is a
// warning.

#include "analysis/pass_registry.h"

namespace pg {

Findings RunConcentration(const GraphView& view, const PassOptions& options);

}  // namespace pg
