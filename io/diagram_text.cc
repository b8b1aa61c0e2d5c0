#include "io/diagram_text.h"

#include <fmt/format.h>

#include "graph/text.h"
#include "graph/value_parser.h"

namespace pg {
namespace {

std::size_t CodePoints(std::string_view text) {
  std::size_t count = 0;
  for (char c : text) count += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return count;
}

// The length of the well-formed UTF-8 sequence at text[i], or 0 (Graphviz's HTML parser stops
// at a byte that is not UTF-8, and the whole header would be lost).
std::size_t Utf8Length(std::string_view text, std::size_t i) {
  const unsigned char c = static_cast<unsigned char>(text[i]);
  const std::size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
  if (n == 0 || i + n > text.size()) return 0;
  return FindTextFault(text.substr(i, n)).kind == TextFault::kInvalidUtf8 ? 0 : n;
}

std::string Join(const std::vector<std::string>& parts, std::string_view separator) {
  std::string out;
  for (const std::string& part : parts) out += (out.empty() ? "" : std::string(separator)) + part;
  return out;
}

// "up to $100B", "~$10B", "$10B+": the figure as FormatUsd gives it, the qualifier as written.
std::string QualifiedUsd(double amount, AmountQualifier qualifier) {
  const std::string figure = FormatUsd(amount);
  switch (qualifier) {
    case AmountQualifier::kUpTo: return "up to " + figure;
    case AmountQualifier::kApprox: return "~" + figure;
    case AmountQualifier::kAtLeast: return figure + "+";
    case AmountQualifier::kExact: break;
  }
  return figure;
}

// The figures of one edge: money, revenue, stake, take, capacity.
std::string EdgeFigures(const PartnershipGraph& graph, EdgeId e) {
  const Edge& edge = graph.GetEdge(e);
  const EdgeDetails& details = graph.Details(edge);
  std::vector<std::string> parts;
  if (Known(edge.amount_usd)) parts.push_back(QualifiedUsd(edge.amount_usd, details.qualifier));
  if (Known(details.revenue_usd)) parts.push_back(FormatUsd(details.revenue_usd) + " rev");
  if (Known(details.stake_pct) && !(edge.type == EdgeType::kOwns && details.stake_pct >= 0.9999)) {
    parts.push_back(FormatPercent(details.stake_pct));
  }
  if (Known(details.share_pct)) parts.push_back("take " + FormatPercent(details.share_pct));
  if (Known(details.capacity_gw)) parts.push_back(fmt::format("{:g} GW", details.capacity_gw));
  return Join(parts, " · ");
}

}  // namespace

std::string WrapWords(std::string_view text, std::size_t columns) {
  if (CodePoints(text) <= columns) return std::string(text);
  // Each space either stays or becomes a line break; nothing else changes (double spaces too).
  std::string out(text);
  std::size_t line = 0;  // code points on the current line
  std::size_t start = 0;
  while (start <= out.size()) {
    std::size_t end = out.find(' ', start);
    if (end == std::string::npos) end = out.size();
    const std::size_t word = CodePoints(std::string_view(out).substr(start, end - start));
    if (start > 0 && line > 0 && line + 1 + word > columns) {
      out[start - 1] = '\n';
      line = word;
    } else {
      line += (start > 0 ? 1 : 0) + word;
    }
    start = end + 1;
  }
  return out;
}

std::string NodeLabelText(const PartnershipGraph& graph, VertexId v) {
  const Node& node = graph.GetNode(v);
  std::string label;
  // A name that already has line breaks is kept as written.
  const std::string_view name = graph.NodeLabel(v);
  label = name.find('\n') == std::string_view::npos ? WrapWords(name) : std::string(name);
  // Other roles than the type (Amazon: investor that is also a cloud) on a line of their own.
  std::vector<std::string> roles;
  for (int t = 0; t < kNodeTypeCount; ++t) {
    const NodeType type = static_cast<NodeType>(t);
    if (type != node.type && (node.roles & RoleBit(type))) roles.emplace_back(NodeTypeName(type));
  }
  if (!roles.empty()) label += "\n(also " + Join(roles, ", ") + ")";
  return label;
}

std::string EdgeGroupLabel(const GraphView& view, const std::vector<EdgeId>& group) {
  const PartnershipGraph& graph = view.Graph();
  std::vector<std::string> figures, disputed;
  for (EdgeId e : group) {
    std::string text = EdgeFigures(graph, e);
    if (!text.empty()) figures.push_back(std::move(text));
    for (EdgeId other : view.Claims().ConflictsOf(e)) {
      const Edge& claim = graph.GetEdge(other);
      if (Known(claim.amount_usd)) disputed.push_back(FormatUsd(claim.amount_usd));
    }
  }
  std::string label = Join(figures, " + ");
  const StrId free_type = graph.Details(graph.GetEdge(group.front())).type_label;
  if (free_type != kNoString) label = std::string(graph.Text(free_type)) + (label.empty() ? "" : " · " + label);
  if (!disputed.empty()) label += fmt::format("\n(disputed: {})", Join(disputed, ", "));
  return label;
}

std::string EdgeGroupTooltip(const GraphView& view, const std::vector<EdgeId>& group) {
  const PartnershipGraph& graph = view.Graph();
  std::vector<std::string> lines;
  for (EdgeId e : group) {
    const Edge& edge = graph.GetEdge(e);
    const EdgeDetails& details = graph.Details(edge);
    const std::string_view type =
        details.type_label != kNoString ? graph.Text(details.type_label) : EdgeTypeName(edge.type);
    std::string text = fmt::format("{} {} {}", graph.NodeLabel(edge.from), type, graph.NodeLabel(edge.to));
    if (details.scope != kNoString) text += fmt::format(" ({})", graph.Text(details.scope));
    if (edge.start.Known()) text += fmt::format(", from {}", edge.start.ToString());
    if (edge.end.Known()) text += fmt::format(" to {}", edge.end.ToString());
    if (edge.source != kNoString) text += fmt::format("; source: {}", graph.Text(edge.source));
    lines.push_back(std::move(text));
  }
  return Join(lines, "\n");
}

std::string EscapeHtml(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\r':
        if (i + 1 < text.size() && text[i + 1] == '\n') break;
        out += "<BR ALIGN=\"LEFT\"/>";
        break;
      case '\n': out += "<BR ALIGN=\"LEFT\"/>"; break;
      case '\0': out += c; break;  // kept, so that SetHtml refuses it rather than cgraph cutting the text
      default:
        if (static_cast<unsigned char>(c) >= 0x80) {
          const std::size_t n = Utf8Length(text, i);
          out += n == 0 ? std::string_view("\xEF\xBF\xBD") : text.substr(i, n);  // U+FFFD for a stray byte
          i += n == 0 ? 0 : n - 1;
        } else {
          out += static_cast<unsigned char>(c) < 0x20 || c == 0x7f ? ' ' : c;
        }
    }
  }
  return out;
}

}  // namespace pg
