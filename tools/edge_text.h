#pragma once
// Short one-line edge text for tables ("Amazon -invests-> OpenAI $50B, from 2026-02"); the long
// form with source, file and line is DescribeEdge in analysis/evidence.h.

#include <string>

#include "graph/partnership_graph.h"

namespace pg {

/// "from -type-> to" with amount, revenue, capacity and start date when known.
std::string ShortEdge(const PartnershipGraph& graph, EdgeId e);

}  // namespace pg
