#pragma once
// The words of a diagram: node labels (wrapped, with extra roles), one label per drawn line
// (the edges of one pair and type merged: "$100M + up to $100B"), tooltips, and the header
// (title, subtitle, findings) as an HTML-like label. Internal to dot_builder and its parts.

#include <string>
#include <string_view>
#include <vector>

#include "graph/graph_view.h"

namespace pg {

/// Past this many characters a node label wraps at spaces.
inline constexpr std::size_t kWrapColumns = 22;

/// `text` broken at spaces into lines of at most `columns` characters (a longer word keeps its
/// own line): a space becomes a line break, nothing else changes. Characters are counted as
/// code points, so CJK names wrap like others.
std::string WrapWords(std::string_view text, std::size_t columns = kWrapColumns);

/// The label, wrapped, with roles other than the type on a line of their own ("(also cloud)").
std::string NodeLabelText(const PartnershipGraph& graph, VertexId v);

/// One label for the edges of one line: each edge's figures ("$350M · 12%", "up to $100B"),
/// joined by " + "; a free-form type first ("licenses · $2B"); disputed claims on a new line.
std::string EdgeGroupLabel(const GraphView& view, const std::vector<EdgeId>& group);

/// "A invests B (scope), from D to D; source: S", one line per edge.
std::string EdgeGroupTooltip(const GraphView& view, const std::vector<EdgeId>& group);

/// Text for an HTML-like label: `&`, `<`, `>`, `"` as entities, line breaks as left-aligned
/// `<BR/>`, other control characters as spaces, a byte that is not UTF-8 as U+FFFD (Graphviz
/// would drop the whole label). Backslashes mean nothing there.
std::string EscapeHtml(std::string_view text);

}  // namespace pg
