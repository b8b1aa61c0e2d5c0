#pragma once
// Helpers passes share to describe their evidence: one line per edge and the conflict notes.

#include <string>
#include <vector>

#include "analysis/finding.h"
#include "graph/graph_view.h"

namespace pg {

/// "Amazon -invests-> Anthropic $8B (2026-04, marsbit …, confidence 0.9)".
std::string DescribeEdge(const PartnershipGraph& graph, EdgeId e);

/// For each counted edge in `edges` that has conflicting claims: appends the conflicting edges
/// to `finding->related` and a note saying which figure was counted and which was not.
void NoteConflicts(const GraphView& view, const std::vector<EdgeId>& edges, Finding* finding);

}  // namespace pg
