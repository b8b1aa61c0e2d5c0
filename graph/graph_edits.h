#pragma once
// What-if edits: drop edges from a graph or add some, giving a new graph built by GraphBuilder
// from the old one's rows (nodes, edges, metrics and their places kept). The old graph is
// untouched, so both can be analysed side by side.

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "graph/diagnostics.h"
#include "graph/partnership_graph.h"

namespace pg {

/// One change as written: `FROM->TO[:TYPE]` to drop, `FROM->TO:TYPE[:AMOUNT]` to add. Names
/// are node ids or labels; TYPE an edge type or synonym (for drop also a free-form type as
/// written); AMOUNT anything ParseAmount takes.
struct GraphEdit {
  enum class Kind : std::uint8_t { kDrop, kAdd };
  Kind kind = Kind::kDrop;
  std::string from, to, type, amount;  ///< type and amount empty when not given
  std::string text;                    ///< the edit as written, for messages
  Location where;                      ///< the scenario line, or the flag (file `--drop`)
};

/// Parses the text of one edit (no place yet); nullopt with `*error` set when malformed.
std::optional<GraphEdit> ParseGraphEdit(GraphEdit::Kind kind, std::string_view text, std::string* error);

/// Parses a scenario line: `drop A->B[:TYPE]` or `add A->B:TYPE[:AMOUNT]`. A blank line or a
/// `#` comment gives nullopt with `*error` empty.
std::optional<GraphEdit> ParseScenarioLine(std::string_view line, std::string* error);

/// The changed graph and what changed. A drop removes every edge from -> to (of the type when
/// given; an undirected edge matches either way round); an add appends one edge (no dates,
/// source "what-if") after the kept ones.
struct EditedGraph {
  PartnershipGraph graph;
  std::vector<EdgeId> dropped;  ///< ids in the original graph, ascending
  std::vector<EdgeId> added;    ///< ids in the new graph
};

/// Applies the edits. Every problem is an error at the edit's place: an unknown node (with "did
/// you mean"), an unknown type, a bad amount, a drop that names no edge (with the closest edge
/// at either end), and whatever GraphBuilder refuses (an ownership cycle). nullopt on errors.
std::optional<EditedGraph> ApplyGraphEdits(const PartnershipGraph& graph, std::span<const GraphEdit> edits,
                                           Diagnostics* diagnostics);

}  // namespace pg
