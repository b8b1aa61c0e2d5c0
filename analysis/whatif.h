#pragma once
// What if: the passes run on a graph as given and as changed (graph/graph_edits.h), findings
// compared as `diff` compares two dates (CompareFindings in graph_diff.h: by identity, then
// changed subject sets).
//
// Exposure is not a pass (it answers for one node), so it is compared for the nodes an edit
// can move: the edits' endpoints, the nodes above them through ownership and the rivals of
// all of these, in either graph. Each becomes a finding of pass "exposure" about that node
// with figures `funding_share`, `distribution_share`, `compute_share` (those with data) and
// `score`; nodes without rivals have no exposure and are left out. An edit that changes who
// owns a large group can move the exposure of nodes beyond that set: they are not compared.
// Vertex ids must mean the same node in both graphs (ApplyGraphEdits keeps them).

#include <span>
#include <vector>

#include "analysis/graph_diff.h"
#include "analysis/pass_registry.h"

namespace pg {

/// appeared: as reported on the changed graph; disappeared: on the graph as given.
using WhatIfDiff = FindingsDiff;

struct WhatIfScope {
  Date as_of;                     ///< both graphs are viewed as of this date
  bool exposure = true;           ///< compare exposure of the nodes near the edits
  std::vector<VertexId> touched;  ///< the edits' endpoints
};

WhatIfDiff CompareWhatIf(const PartnershipGraph& before, const PartnershipGraph& after,
                         std::span<const PassInfo* const> passes, const PassOptions& pass_options,
                         const WhatIfScope& options);

}  // namespace pg
