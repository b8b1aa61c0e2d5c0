#pragma once
// Builds the diagram of a partnership graph (DESIGN §5) with cgraph: clusters by node type or
// market, shapes by node type, line style and colour by edge type, one short label per drawn
// line ($58B; parallel edges merged: "$100M + $100B"), wrapped names, and a header with the
// title, subtitle, the findings highlighted and a compact legend of the types drawn. The parts
// live in diagram_style (the look), diagram_text (the words), diagram_header (title, legend).
// Deterministic: nodes and edges are created in sorted-id order, so the same input gives
// byte-identical DOT. Every text is escaped (EscapeLabel, EscapeHtml): no name can inject DOT.

#include <optional>
#include <string>
#include <string_view>

#include "analysis/finding.h"
#include "graph/graph_view.h"
#include "graph/neighbourhood.h"
#include "io/diagram.h"

namespace pg {

enum class ClusterBy { kType, kMarket, kNone };

/// `type`, `market` or `none`; nullopt otherwise.
std::optional<ClusterBy> ParseClusterBy(std::string_view text);

struct DiagramOptions {
  ClusterBy cluster_by = ClusterBy::kType;
  const Neighbourhood* focus = nullptr;  ///< null: the whole graph
  /// Subjects and related edges drawn in magenta; only findings whose subjects are all drawn
  /// are highlighted and listed (Diagram::HighlightedCount says how many).
  const Findings* highlight = nullptr;
  bool legend = true;
  std::string title;     ///< large, at the top; none when empty
  std::string subtitle;  ///< under the title, e.g. "ai-cloud-2026 · as of 2026-04-14 · 6 sources"
};

/// Draws the counted claims of active edges between drawn nodes, one line per pair, type and
/// direction; a claim that others dispute shows theirs in its label ("$8B (disputed: $80B)"). With a focus, each node whose
/// neighbours were left out gets a "+ N more" placeholder. A text holding a NUL byte is never
/// cut short: the diagram is refused (Diagram::Refusal) and RenderDiagram fails.
Diagram BuildDiagram(const GraphView& view, const DiagramOptions& options);

/// Text as a Graphviz escString that displays exactly as given: backslashes doubled (so `\N`,
/// `\G`, `\E`, `\L`, `\l`, `\r` in a name stay literal, and a trailing backslash cannot escape
/// the closing quote), `&` as `&amp;` (Graphviz decodes entities in labels), a line break as
/// `\n`, other control characters a space. Quotes and `<...>` need nothing: cgraph quotes
/// strings itself when writing, and only strings made with agstrdup_html are HTML labels.
std::string EscapeLabel(std::string_view text);

/// The same for tooltips, which Graphviz unescapes twice: backslashes are quadrupled.
std::string EscapeTooltip(std::string_view text);

/// The cgraph name of the node with id `name`: backslashes doubled, and a lone backslash before
/// a leading `%`. cgraph writes names as they are and its reader keeps a `\\` pair as it is, so
/// a lone backslash before the closing quote (`"a\"`) would swallow it; and it reads a name
/// starting with `%` as an anonymous id. So escaped, every id reads back as DotName(id) and
/// distinct ids stay distinct.
std::string DotName(std::string_view name);

}  // namespace pg
