#include "graph/graph_builder.h"

#include <algorithm>

#include <boost/iterator/counting_iterator.hpp>
#include <fmt/format.h>

#include "graph/huge_pages.h"
#include "graph/ownership.h"

namespace pg {
namespace {
constexpr VertexId kAmbiguous = kNoVertex - 1;

template <typename T>
void UniteSorted(std::vector<T>& into, const std::vector<T>& more) {
  for (const T& item : more) {
    if (std::find(into.begin(), into.end(), item) == into.end()) into.push_back(item);
  }
}
}  // namespace

GraphBuilder::GraphBuilder(Diagnostics* diagnostics) : diagnostics_(diagnostics) {}

std::uint32_t GraphBuilder::AddSource(std::string_view file, std::string_view sheet) {
  // A file name cannot hold a NUL byte, so file + NUL + sheet names one source unambiguously.
  std::string key;
  key.reserve(file.size() + 1 + sheet.size());
  key.append(file).append(1, '\0').append(sheet);
  const auto [slot, added] = source_index_.try_emplace(std::move(key), static_cast<std::uint32_t>(graph_.sources_.size()));
  if (added) graph_.sources_.push_back({std::string(file), std::string(sheet)});
  return slot->second;
}

std::uint32_t GraphBuilder::AddAttributes(Attributes attributes) {
  if (attributes.empty()) return 0;
  graph_.attribute_sets_.push_back(std::move(attributes));
  return static_cast<std::uint32_t>(graph_.attribute_sets_.size() - 1);
}

Location GraphBuilder::Place(const Origin& origin, std::uint32_t column) const {
  if (origin.source >= graph_.sources_.size()) return {};
  const SourceFile& source = graph_.sources_[origin.source];
  return {source.file, source.sheet, origin.line, column};
}

void GraphBuilder::ReserveNodes(std::size_t nodes, std::size_t strings) {
  ReserveHuge(graph_.nodes_, graph_.nodes_.size() + nodes);
  graph_.strings_.Reserve(graph_.strings_.Size() + strings);
  graph_.vertex_by_id_.reserve(graph_.strings_.Size() + strings);
}

void GraphBuilder::ReserveEdges(std::size_t edges) {
  ReserveHuge(graph_.edges_, graph_.edges_.size() + edges);
  ReserveHuge(endpoint_columns_, endpoint_columns_.size() + edges);
}

void GraphBuilder::AddEdge(const EdgeRecord& record) {
  graph_.edges_.push_back(record.edge);
  if (!record.details.Empty()) {
    graph_.edges_.back().details = static_cast<std::uint32_t>(graph_.edge_details_.size());
    graph_.edge_details_.push_back(record.details);
  }
  endpoint_columns_.push_back({record.from_column, record.to_column});
  names_batch_.append(record.from_name);
  names_batch_ends_.push_back(static_cast<std::uint32_t>(names_batch_.size()));
  names_batch_.append(record.to_name);
  names_batch_ends_.push_back(static_cast<std::uint32_t>(names_batch_.size()));
  if (names_batch_ends_.size() >= 1024) InternNamesBatch();
}

void GraphBuilder::InternNamesBatch() {
  const std::size_t count = names_batch_ends_.size();
  std::vector<std::string_view> names(count);
  std::uint32_t begin = 0;
  for (std::size_t k = 0; k < count; ++k) {
    names[k] = std::string_view(names_batch_).substr(begin, names_batch_ends_[k] - begin);
    begin = names_batch_ends_[k];
  }
  std::vector<StrId> ids(count);
  graph_.strings_.InternMany(names, ids.data());
  Edge* edges = graph_.edges_.data() + graph_.edges_.size() - count / 2;
  for (std::size_t k = 0; k < count / 2; ++k) {
    edges[k].from = ids[2 * k];
    edges[k].to = ids[2 * k + 1];
  }
  names_batch_.clear();
  names_batch_ends_.clear();
}

void GraphBuilder::AddNode(NodeRecord record) {
  Node& node = record.node;
  node.roles |= RoleBit(node.type);
  if (graph_.vertex_by_id_.size() <= node.id) graph_.vertex_by_id_.resize(graph_.strings_.Size(), kNoVertex);
  VertexId& slot = graph_.vertex_by_id_[node.id];
  if (slot != kNoVertex) {
    MergeNode(graph_.nodes_[slot], record);
    return;
  }
  slot = static_cast<VertexId>(graph_.nodes_.size());
  graph_.nodes_.push_back(std::move(node));
}

void GraphBuilder::MergeNode(Node& kept, const NodeRecord& again) {
  const Node& other = again.node;
  const std::string_view name = Text(kept.id);
  const std::string first_place = FormatLocation(Place(kept.origin));
  auto disagree = [&](std::string_view field, std::string_view a, std::string_view b) {
    diagnostics_->Warning(Place(other.origin),
                          fmt::format("node \"{}\" defined again with {} \"{}\" (first defined at {} "
                                      "with \"{}\"); keeping the first",
                                      name, field, b, first_place, a));
  };
  auto merge_text = [&](StrId& into, StrId more, std::string_view field) {
    if (more == kNoString || more == into) return;
    if (into == kNoString) {
      into = more;
    } else {
      disagree(field, Text(into), Text(more));
    }
  };
  merge_text(kept.label, other.label, "label");
  merge_text(kept.description, other.description, "description");
  merge_text(kept.source, other.source, "source");
  if (again.type_given && kept.type == NodeType::kOther && kept.roles == RoleBit(NodeType::kOther) &&
      other.type != NodeType::kOther) {
    // First seen without a type (or as plain "other"): the typed row says what it is.
    kept.type = other.type;
    kept.roles = 0;
  } else if (again.type_given && other.type != kept.type) {
    // A node of two types is legitimate (Amazon: investor and cloud), so the other type becomes
    // a role; but the reader must know the rows disagree.
    diagnostics_->Warning(Place(other.origin),
                          fmt::format("node \"{}\" defined again with type \"{}\" (first defined at {} with "
                                      "\"{}\"); keeping \"{}\" as its type and \"{}\" as a role",
                                      name, NodeTypeName(other.type), first_place, NodeTypeName(kept.type),
                                      NodeTypeName(kept.type), NodeTypeName(other.type)));
    kept.roles |= RoleBit(other.type);
  }
  kept.roles |= other.roles;
  UniteSorted(kept.markets, other.markets);
  UniteSorted(kept.tags, other.tags);
  if (other.attributes != 0) {
    if (kept.attributes == 0) {
      kept.attributes = other.attributes;
    } else {
      // A copy: `into` grows, and both sets live in the same vector.
      const Attributes more = graph_.attribute_sets_[other.attributes];
      Attributes& into = graph_.attribute_sets_[kept.attributes];
      for (const auto& entry : more) {
        auto same_key = std::find_if(into.begin(), into.end(), [&](auto& kv) { return kv.first == entry.first; });
        if (same_key == into.end()) {
          into.push_back(entry);
        } else if (same_key->second != entry.second) {
          disagree(Text(entry.first), Text(same_key->second), Text(entry.second));
        }
      }
    }
  }
}

VertexId GraphBuilder::Resolve(StrId name) const {
  if (name < graph_.vertex_by_id_.size() && graph_.vertex_by_id_[name] != kNoVertex) {
    return graph_.vertex_by_id_[name];
  }
  if (name < graph_.vertex_by_label_.size()) {
    const VertexId v = graph_.vertex_by_label_[name];
    if (v != kAmbiguous) return v;
  }
  return kNoVertex;
}

VertexId GraphBuilder::AddImplicitNode(StrId name, const Origin& origin) {
  NodeRecord record;
  record.node.id = name;
  record.node.origin = origin;
  AddNode(std::move(record));
  return graph_.vertex_by_id_[name];
}

void GraphBuilder::ReportUnknown(StrId name, const Origin& origin, std::uint32_t column,
                                 std::string_view what) {
  std::string message = fmt::format("unknown {} \"{}\"", what, Text(name));
  if (Text(name).empty()) {
    message = fmt::format("empty {} name", what);
  } else if (suggestions_left_ > 0) {
    --suggestions_left_;
    const std::string suggestion = graph_.SpellcheckNode(Text(name));
    if (!suggestion.empty()) message += fmt::format(" (did you mean \"{}\"?)", suggestion);
  }
  diagnostics_->Error(Place(origin, column), std::move(message));
}

PartnershipGraph GraphBuilder::Build() {
  InternNamesBatch();
  graph_.vertex_by_id_.resize(graph_.strings_.Size(), kNoVertex);
  graph_.vertex_by_label_.assign(graph_.strings_.Size(), kNoVertex);
  for (VertexId v = 0; v < graph_.nodes_.size(); ++v) {
    const StrId label = graph_.nodes_[v].label;
    if (label == kNoString) continue;
    VertexId& slot = graph_.vertex_by_label_[label];
    slot = slot == kNoVertex || slot == v ? v : kAmbiguous;
  }

  auto endpoint = [&](StrId name, const Origin& origin, std::uint32_t column) {
    VertexId v = Resolve(name);
    if (v == kNoVertex && !nodes_table_seen_ && name != kNoString) v = AddImplicitNode(name, origin);
    if (v == kNoVertex) ReportUnknown(name, origin, column, "node");
    return v;
  };

  // Resolve in place, dropping edges with an unknown endpoint (the load fails on those anyway).
  std::size_t kept = 0;
  for (std::size_t i = 0; i < graph_.edges_.size(); ++i) {
    Edge& edge = graph_.edges_[i];
    const auto [from_column, to_column] = endpoint_columns_[i];
    const VertexId from = endpoint(edge.from, edge.origin, from_column);
    const VertexId to = endpoint(edge.to, edge.origin, to_column);
    if (from == kNoVertex || to == kNoVertex) continue;
    edge.from = from;
    edge.to = to;
    if (kept != i) graph_.edges_[kept] = edge;
    ++kept;
  }
  graph_.edges_.resize(kept);
  std::vector<std::array<std::uint32_t, 2>>().swap(endpoint_columns_);

  for (MetricRecord& record : pending_metrics_) {
    const VertexId entity = Resolve(record.entity_name);
    if (entity == kNoVertex) {
      ReportUnknown(record.entity_name, record.metric.origin, record.entity_column, "entity");
      continue;
    }
    record.metric.entity = entity;
    graph_.metrics_.push_back(record.metric);
  }
  pending_metrics_.clear();

  std::vector<std::pair<VertexId, VertexId>> ends;
  ends.reserve(graph_.edges_.size());
  for (const Edge& edge : graph_.edges_) ends.emplace_back(edge.from, edge.to);
  graph_.topology_ = PartnershipGraph::Topology(
      boost::edges_are_unsorted_multi_pass, ends.begin(), ends.end(),
      boost::counting_iterator<EdgeId>(0), static_cast<VertexId>(graph_.nodes_.size()));

  CheckSelfLoops();
  CheckOwnershipCycles();
  return std::move(graph_);
}

void GraphBuilder::CheckOwnershipCycles() {
  const std::vector<EdgeId> cycle = FindOwnershipCycle(graph_);
  if (cycle.empty()) return;
  std::string path;
  for (EdgeId e : cycle) path += fmt::format("{} -> ", graph_.NodeName(graph_.edges_[e].from));
  path += graph_.NodeName(graph_.edges_[cycle.front()].from);
  diagnostics_->Error(Place(graph_.edges_[cycle.front()].origin),
                      fmt::format("ownership cycle: {} (a company cannot ultimately own itself)", path));
}

void GraphBuilder::CheckSelfLoops() {
  for (const Edge& edge : graph_.edges_) {
    if (edge.from != edge.to) continue;
    const std::string_view name = graph_.NodeName(edge.from);
    if (edge.type == EdgeType::kOwns) {
      // FindOwnershipCycle looks past self-loops (they never make a controlling parent).
      diagnostics_->Error(Place(edge.origin),
                          fmt::format("ownership cycle: {} -> {} (a company cannot ultimately own itself)", name, name));
    } else {
      diagnostics_->Warning(Place(edge.origin), fmt::format("self-loop: this {} edge joins \"{}\" to itself; kept",
                                                            EdgeTypeName(edge.type), name));
    }
  }
}

}  // namespace pg
