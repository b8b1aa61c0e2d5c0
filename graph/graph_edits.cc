#include "graph/graph_edits.h"

#include <algorithm>
#include <limits>

#include <fmt/format.h>

#include "graph/graph_builder.h"
#include "graph/text.h"
#include "graph/value_parser.h"

namespace pg {
namespace {

/// An edge to append, resolved.
struct Addition {
  VertexId from, to;
  EdgeType type;
  double amount;
  const GraphEdit* edit;
};

/// Re-interns the old graph's strings in the new builder's pool.
class Copier {
 public:
  Copier(const PartnershipGraph& old, GraphBuilder* builder) : old_(old), builder_(*builder) {}

  StrId operator()(StrId id) const { return id == kNoString ? kNoString : builder_.Intern(old_.Text(id)); }

  std::uint32_t AttributeSet(std::uint32_t index) const {
    if (index == 0) return 0;
    Attributes copy;
    for (const auto& [name, value] : old_.AttributeSet(index)) copy.push_back({(*this)(name), (*this)(value)});
    return builder_.AddAttributes(std::move(copy));
  }

  NodeRecord CopyNode(Node node) const {
    NodeRecord record{.type_given = true};
    node.id = (*this)(node.id);
    node.label = (*this)(node.label);
    node.type_label = (*this)(node.type_label);
    for (StrId market : old_.Markets(node)) record.markets.push_back((*this)(market));
    for (StrId tag : old_.Tags(node)) record.tags.push_back((*this)(tag));
    node.markets = node.tags = {};
    node.description = (*this)(node.description);
    node.source = (*this)(node.source);
    node.attributes = AttributeSet(node.attributes);
    record.node = node;
    return record;
  }

  EdgeDetails CopyDetails(EdgeDetails details) const {
    details.scope = (*this)(details.scope);
    details.note = (*this)(details.note);
    details.attributes = AttributeSet(details.attributes);
    details.type_label = (*this)(details.type_label);
    details.currency = (*this)(details.currency);
    return details;
  }

  MetricRecord CopyMetric(Metric metric) const {
    MetricRecord record;
    record.entity_name = builder_.Intern(old_.NodeName(metric.entity));
    metric.entity = kNoVertex;
    metric.metric = (*this)(metric.metric);
    metric.unit = (*this)(metric.unit);
    metric.basis = (*this)(metric.basis);
    metric.source = (*this)(metric.source);
    metric.note = (*this)(metric.note);
    metric.attributes = AttributeSet(metric.attributes);
    record.metric = metric;
    return record;
  }

 private:
  const PartnershipGraph& old_;
  GraphBuilder& builder_;
};

std::optional<VertexId> ResolveNode(const PartnershipGraph& graph, const GraphEdit& edit, const std::string& name,
                                    Diagnostics* diagnostics) {
  if (std::optional<VertexId> v = graph.FindNode(name)) return v;
  const std::string suggestion = graph.SpellcheckNode(name);
  diagnostics->Error(edit.where, fmt::format("unknown node \"{}\"{}", name,
                                             suggestion.empty() ? "" : fmt::format(" (did you mean \"{}\"?)", suggestion)));
  return std::nullopt;
}

bool TypeMatches(const PartnershipGraph& graph, const Edge& edge, const GraphEdit& edit,
                 std::optional<EdgeType> type) {
  if (edit.type.empty()) return true;
  const StrId label = graph.Details(edge).type_label;
  if (label != kNoString && EqualsIgnoreCase(graph.Text(label), Trim(edit.type))) return true;
  return type && edge.type == *type && label == kNoString;
}

std::string EdgeText(const PartnershipGraph& graph, EdgeId e) {
  const Edge& edge = graph.GetEdge(e);
  const StrId label = graph.Details(edge).type_label;
  return fmt::format("{}->{}:{}", graph.NodeName(edge.from), graph.NodeName(edge.to),
                     label != kNoString ? graph.Text(label) : EdgeTypeName(edge.type));
}

// The edge at either end closest to what was written, for "did you mean"; empty when neither
// end has an edge.
std::string ClosestEdge(const PartnershipGraph& graph, const GraphEdit& edit, VertexId from, VertexId to) {
  std::string best;
  std::size_t best_distance = std::numeric_limits<std::size_t>::max() / 2;  // EditDistance returns limit + 1
  auto consider = [&](EdgeId e) {
    std::string text = EdgeText(graph, e);
    const std::size_t d = EditDistance(edit.text, text, best_distance);
    if (d < best_distance) best_distance = d, best = std::move(text);
  };
  graph.ForOutEdges(from, consider);
  graph.ForInEdges(to, consider);
  return best;
}

// Marks the edges a drop names; false (with an error) when it names none.
bool MarkDropped(const PartnershipGraph& graph, const GraphEdit& edit, VertexId from, VertexId to,
                 std::vector<bool>* dropped, Diagnostics* diagnostics) {
  const std::optional<EdgeType> type = edit.type.empty() ? std::nullopt : ParseEdgeType(edit.type);
  bool any = false;
  auto match = [&](EdgeId e, VertexId end, bool reversed) {
    const Edge& edge = graph.GetEdge(e);
    if (edge.to != end || !TypeMatches(graph, edge, edit, type)) return;
    if (reversed && edge.directed && !IsUndirected(edge.type)) return;  // reversed: undirected only
    (*dropped)[e] = true;
    any = true;
  };
  graph.ForOutEdges(from, [&](EdgeId e) { match(e, to, false); });
  if (from != to) graph.ForOutEdges(to, [&](EdgeId e) { match(e, from, true); });
  if (any) return true;
  const std::string suggestion = ClosestEdge(graph, edit, from, to);
  diagnostics->Error(edit.where,
                     fmt::format("no {}edge from \"{}\" to \"{}\"{}", edit.type.empty() ? "" : edit.type + " ",
                                 graph.NodeName(from), graph.NodeName(to),
                                 suggestion.empty() ? "" : fmt::format(" (did you mean \"{}\"?)", suggestion)));
  return false;
}

std::optional<Addition> ResolveAddition(const GraphEdit& edit, VertexId from, VertexId to, Diagnostics* diagnostics) {
  const std::optional<EdgeType> type = ParseEdgeType(edit.type);
  if (!type) {
    diagnostics->Error(edit.where, fmt::format("unknown edge type \"{}\" (expected one of {})", edit.type,
                                               EdgeTypeChoices()));
    return std::nullopt;
  }
  double amount = kMissing;
  if (!edit.amount.empty()) {
    std::string error;
    const std::optional<double> parsed = ParseAmount(edit.amount, &error);
    if (!parsed) {
      diagnostics->Error(edit.where, error);  // ParseAmount's message quotes the amount
      return std::nullopt;
    }
    amount = *parsed;
  }
  return Addition{from, to, *type, amount, &edit};
}

// The old graph's rows without the dropped edges, then the additions, through GraphBuilder.
std::optional<EditedGraph> Rebuild(const PartnershipGraph& graph, const std::vector<bool>& dropped,
                                   const std::vector<Addition>& additions, Diagnostics* diagnostics) {
  GraphBuilder builder(diagnostics);
  const Copier copy(graph, &builder);
  for (const SourceFile& source : graph.Sources()) builder.AddSource(source.file, source.sheet);
  for (const Node& node : graph.Nodes()) builder.AddNode(copy.CopyNode(node));
  builder.MarkNodesTableSeen();
  EditedGraph edited;
  EdgeId next = 0;
  for (EdgeId e = 0; e < graph.EdgeCount(); ++e) {
    if (dropped[e]) {
      edited.dropped.push_back(e);
      continue;
    }
    const Edge& edge = graph.GetEdge(e);
    EdgeRecord record;
    record.edge = edge;
    record.edge.source = copy(edge.source);
    record.edge.details = 0;
    record.details = copy.CopyDetails(graph.Details(edge));
    record.from_name = builder.Intern(graph.NodeName(edge.from));
    record.to_name = builder.Intern(graph.NodeName(edge.to));
    builder.AddEdge(record);
    ++next;
  }
  for (const Addition& addition : additions) {
    EdgeRecord record;
    record.edge.type = addition.type;
    record.edge.amount_usd = addition.amount;
    record.edge.source = builder.Intern("what-if");
    record.edge.origin = {builder.AddSource(addition.edit->where.file, addition.edit->where.sheet),
                          addition.edit->where.line};
    record.from_name = builder.Intern(graph.NodeName(addition.from));
    record.to_name = builder.Intern(graph.NodeName(addition.to));
    builder.AddEdge(record);
    edited.added.push_back(next++);
  }
  for (const Metric& metric : graph.Metrics()) builder.AddMetric(copy.CopyMetric(metric));
  const std::size_t errors = diagnostics->ErrorCount();
  edited.graph = builder.Build();
  if (diagnostics->ErrorCount() == errors) return edited;
  // Dropping edges cannot make a valid graph invalid: the additions did (an ownership cycle).
  for (const Addition& addition : additions) {
    diagnostics->Error(addition.edit->where, "the graph with this edge is refused (see above)");
  }
  return std::nullopt;
}

}  // namespace

std::optional<GraphEdit> ParseGraphEdit(GraphEdit::Kind kind, std::string_view text, std::string* error) {
  const bool add = kind == GraphEdit::Kind::kAdd;
  GraphEdit edit;
  edit.kind = kind;
  edit.text = std::string(Trim(text));
  const std::string_view written = edit.text;
  const std::size_t arrow = written.find("->");
  std::vector<std::string> fields;  // FROM, TO, then TYPE and AMOUNT when given
  if (arrow != std::string_view::npos) {
    fields.emplace_back(Trim(written.substr(0, arrow)));
    std::string_view rest = written.substr(arrow + 2);
    for (std::size_t colon; (colon = rest.find(':')) != std::string_view::npos; rest.remove_prefix(colon + 1)) {
      fields.emplace_back(Trim(rest.substr(0, colon)));
    }
    fields.emplace_back(Trim(rest));
  }
  const std::size_t least = add ? 3 : 2, most = add ? 4 : 3;
  if (fields.size() < least || fields.size() > most ||
      std::any_of(fields.begin(), fields.end(), [](const std::string& field) { return field.empty(); })) {
    *error = fmt::format("expected {}, got \"{}\"", add ? "FROM->TO:TYPE[:AMOUNT]" : "FROM->TO[:TYPE]", edit.text);
    return std::nullopt;
  }
  fields.resize(4);
  edit.from = std::move(fields[0]);
  edit.to = std::move(fields[1]);
  edit.type = std::move(fields[2]);
  edit.amount = std::move(fields[3]);
  return edit;
}

std::optional<GraphEdit> ParseScenarioLine(std::string_view line, std::string* error) {
  error->clear();
  line = Trim(line);
  if (line.empty() || line.front() == '#') return std::nullopt;
  const std::size_t space = line.find_first_of(" \t");
  const std::string_view verb = line.substr(0, space);
  const std::string_view rest = space == std::string_view::npos ? std::string_view() : line.substr(space + 1);
  if (EqualsIgnoreCase(verb, "drop")) return ParseGraphEdit(GraphEdit::Kind::kDrop, rest, error);
  if (EqualsIgnoreCase(verb, "add")) return ParseGraphEdit(GraphEdit::Kind::kAdd, rest, error);
  *error = fmt::format("expected \"drop\" or \"add\", got \"{}\"", verb);
  return std::nullopt;
}

std::optional<EditedGraph> ApplyGraphEdits(const PartnershipGraph& graph, std::span<const GraphEdit> edits,
                                           Diagnostics* diagnostics) {
  const std::size_t errors = diagnostics->ErrorCount();
  std::vector<bool> dropped(graph.EdgeCount(), false);
  std::vector<Addition> additions;
  for (const GraphEdit& edit : edits) {
    const std::optional<VertexId> from = ResolveNode(graph, edit, edit.from, diagnostics);
    const std::optional<VertexId> to = ResolveNode(graph, edit, edit.to, diagnostics);
    if (!from || !to) continue;
    if (edit.kind == GraphEdit::Kind::kDrop) {
      MarkDropped(graph, edit, *from, *to, &dropped, diagnostics);
    } else if (std::optional<Addition> addition = ResolveAddition(edit, *from, *to, diagnostics)) {
      additions.push_back(*addition);
    }
  }
  if (diagnostics->ErrorCount() > errors) return std::nullopt;
  return Rebuild(graph, dropped, additions, diagnostics);
}

}  // namespace pg
