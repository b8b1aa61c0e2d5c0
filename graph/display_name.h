#pragma once
// How every text for people names a node: its label, with the id only where the label alone
// would point at another node.

#include <string>

#include "graph/partnership_graph.h"

namespace pg {

/// The node's label ("Sequoia Capital", the id when it has none), or "Label (id)" when typing the
/// label back would not find this node: two nodes share the label, or it is another node's id.
/// Machine output (JSON subjects, CSV) keeps ids; this is for messages, notes, tables, captions.
std::string DisplayName(const PartnershipGraph& graph, VertexId v);

/// DisplayName of the node whose id is `id`; `id` itself when no node has it.
std::string DisplayNameOf(const PartnershipGraph& graph, std::string_view id);

}  // namespace pg
