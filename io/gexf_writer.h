#pragma once
// The graph as GEXF 1.2 (Gephi's own format; NetworkX `read_gexf`): a static directed graph,
// node attributes and edge attributes declared with their types (io/export_fields.h; the
// label is GEXF's own node label), every edge with an id (e0, e1, ...) so that parallel edges
// stay apart. Written in the 1.2draft namespace, the version NetworkX reads by default and
// Gephi opens. An undirected edge is marked by its `direction` attribute: NetworkX refuses
// `type="undirected"` in a directed graph. Metrics are not written; the caller says so.

#include <ostream>
#include <string>

#include "graph/partnership_graph.h"

namespace pg {

/// The whole document, UTF-8, ending in a newline; always well-formed XML (io/xml_text.h).
std::string GexfText(const PartnershipGraph& graph);

/// GexfText's text written to `out` a node or edge at a time, never whole in memory.
void WriteGexf(const PartnershipGraph& graph, std::ostream& out);

}  // namespace pg
