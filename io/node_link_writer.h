#pragma once
// The graph as node-link JSON, the shape NetworkX's `json_graph.node_link_data` writes and
// `node_link_graph` reads (also d3): {"directed": true, "multigraph": true, "graph": {...},
// "nodes": [{"id": ..., fields}], "links": [{"source", "target", "key", fields}]}. Fields are
// io/export_fields.h's, typed as JSON (numbers as numbers, lists as arrays, absent values left
// out); an edge's provenance is `provenance` because `source` is its tail here. The key is the
// edge id of the XML exports (e0, e1, ...), so parallel edges stay apart. Metrics, which have
// no place on a node or link, go into "graph": {"metrics": [...]} as the JSON model writes them.

#include <ostream>
#include <string>

#include "graph/partnership_graph.h"

namespace pg {

/// The whole document, indented, ending in a newline; bytes that are not UTF-8 become U+FFFD.
std::string NodeLinkText(const PartnershipGraph& graph);

/// NodeLinkText's text written to `out` a node or edge at a time, never whole in memory.
void WriteNodeLink(const PartnershipGraph& graph, std::ostream& out);

}  // namespace pg
