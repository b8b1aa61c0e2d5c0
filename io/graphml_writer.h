#pragma once
// The graph as GraphML (Gephi, yEd, NetworkX `read_graphml`, igraph `Read_GraphML`): one
// directed graph, a <key> per export field (io/export_fields.h) with its type (double or
// string), node ids as written, and every edge with an id (e0, e1, ... in model order) so that
// parallel edges (tranches, conflicting claims) stay apart: NetworkX keys them by that id.
// An undirected edge is marked by its `direction` field, not by GraphML's `directed="false"`,
// which NetworkX refuses in a directed graph. Metrics are not written (GraphML has no place
// for dated figures about a node); the caller says so.

#include <ostream>
#include <string>

#include "graph/partnership_graph.h"

namespace pg {

/// The whole document, UTF-8, ending in a newline; always well-formed XML (io/xml_text.h).
std::string GraphmlText(const PartnershipGraph& graph);

/// GraphmlText's text written to `out` a node or edge at a time, never whole in memory.
void WriteGraphml(const PartnershipGraph& graph, std::ostream& out);

}  // namespace pg
