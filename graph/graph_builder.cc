#include "graph/graph_builder.h"

#include <algorithm>
#include <map>
#include <tuple>

#include <fmt/format.h>

#include "graph/huge_pages.h"
#include "graph/ownership.h"
#include "graph/text.h"
#include "graph/type_words.h"
#include "graph/value_parser.h"

namespace pg {
namespace {
constexpr VertexId kAmbiguous = kNoVertex - 1;

constexpr std::size_t kNamesListed = 10;  ///< names in one "created" or "differ by case" list

/// "A, B, C" for the first kNamesListed names, then "+N more".
template <typename NameOf>
std::string NameList(std::size_t count, NameOf&& name_of) {
  std::string list;
  for (std::size_t i = 0; i < std::min(count, kNamesListed); ++i) list += (i ? ", " : "") + name_of(i);
  if (count > kNamesListed) list += fmt::format(" +{} more", count - kNamesListed);
  return list;
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
  for (const Attribute& attribute : attributes) graph_.attributes_.push_back(attribute);
  graph_.attribute_starts_.push_back(static_cast<std::uint32_t>(graph_.attributes_.size()));
  return static_cast<std::uint32_t>(graph_.attribute_starts_.size() - 2);
}

StrList GraphBuilder::AddList(std::span<const StrId> items) {
  if (items.empty()) return {};
  const StrList list{static_cast<std::uint32_t>(graph_.node_lists_.size()), static_cast<std::uint32_t>(items.size())};
  for (StrId item : items) graph_.node_lists_.push_back(item);
  return list;
}

StrList GraphBuilder::UniteList(StrList kept, const std::vector<StrId>& more) {
  const std::span<const StrId> have = graph_.List(kept);
  std::vector<StrId> united(have.begin(), have.end());
  for (StrId item : more) {
    if (std::find(united.begin(), united.end(), item) == united.end()) united.push_back(item);
  }
  return united.size() == kept.count ? kept : AddList(united);
}

Location GraphBuilder::Place(const Origin& origin, std::uint32_t column) const {
  if (origin.source >= graph_.sources_.size()) return {};
  const SourceFile& source = graph_.sources_[origin.source];
  return {source.file, source.sheet, origin.line, column};
}

void GraphBuilder::ReserveNodes(std::size_t nodes, std::size_t strings) {
  ReserveHuge(graph_.nodes_, graph_.nodes_.size() + nodes);
  // Not Size() + strings: a nodes table read after its edges (edges.csv sorts first) names ids
  // the pool already holds. Counted twice, the 1M bench input's index doubled to 32 MiB.
  const std::size_t count = std::max(graph_.strings_.Size(), strings);
  graph_.strings_.Reserve(count);
  graph_.vertex_by_id_.reserve(count);
}

void GraphBuilder::ReserveEdges(std::size_t edges) {
  ReserveHuge(graph_.edges_, graph_.edges_.size() + edges);
  ReserveHuge(endpoints_, endpoints_.size() + edges);
  // The index at once rather than doubling as names come: an edges table read before its nodes
  // table names a new party every few edges (1 in 4 on the bench input).
  graph_.strings_.Reserve(std::max(graph_.strings_.Size(), edges / 4));
}

void GraphBuilder::AddEdge(const EdgeRecord& record) {
  const auto e = static_cast<EdgeId>(graph_.edges_.size());
  Edge& edge = graph_.edges_.emplace_back(record.edge);
  edge.from = edge.to = kNoVertex;  // Build() resolves endpoints_
  edge.details = 0;
  if (!record.details.Empty()) {
    edge.details = static_cast<std::uint32_t>(graph_.edge_details_.size());
    graph_.edge_details_.push_back(record.details);
  }
  if (record.details.type_label != kNoString) {
    NoteFreeType(free_edge_types_, record.details.type_label, record.edge.origin, record.type_column);
  }
  endpoints_.push_back({record.from_name, record.to_name});
  if (!IsNodeId(record.from_name) || !IsNodeId(record.to_name)) {
    endpoint_columns_.push_back({e, {record.from_column, record.to_column}});
  }
  if (record.convert_amount) conversions_.emplace_back(e, record.amount_column);
}

bool GraphBuilder::IsNodeId(StrId name) const {
  return StrIndex(name) < graph_.vertex_by_id_.size() && graph_.vertex_by_id_[StrIndex(name)] != kNoVertex;
}

void GraphBuilder::NoteFreeType(std::unordered_map<StrId, FreeTypeUse>& uses, StrId label, const Origin& origin,
                                std::uint32_t column) {
  auto [use, first] = uses.try_emplace(label);
  if (first) {
    use->second.first = origin;
    use->second.column = column;
  }
  ++use->second.rows;
}

void GraphBuilder::AddTypeMapping(std::string_view written, const TypeMapping& mapping) {
  auto [slot, added] = type_map_.try_emplace(NormaliseTypeWord(written), mapping);
  if (added) return;
  const TypeMapping& first = slot->second;
  auto name = [](const TypeMapping& m) { return m.node ? NodeTypeName(*m.node) : EdgeTypeName(*m.edge); };
  if (first.node == mapping.node && first.edge == mapping.edge) return;
  diagnostics_->Error(Place(mapping.origin, mapping.column),
                      fmt::format("type \"{}\" mapped again, to {} (first mapped to {} at {})", written, name(mapping),
                                  name(first), FormatLocation(Place(first.origin, first.column))));
}

void GraphBuilder::AddNode(NodeRecord record) {
  Node& node = record.node;
  if (node.type_label != kNoString) NoteFreeType(free_node_types_, node.type_label, node.origin, record.type_column);
  node.roles |= RoleBit(node.type);
  if (graph_.vertex_by_id_.size() <= StrIndex(node.id)) graph_.vertex_by_id_.resize(graph_.strings_.Size(), kNoVertex);
  VertexId& slot = graph_.vertex_by_id_[StrIndex(node.id)];
  if (slot != kNoVertex) {
    MergeNode(graph_.nodes_[slot], record);
    return;
  }
  slot = static_cast<VertexId>(graph_.nodes_.size());
  node.markets = AddList(record.markets);
  node.tags = AddList(record.tags);
  graph_.nodes_.push_back(node);
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
  if (kept.type_label == kNoString && kept.type == NodeType::kOther) kept.type_label = other.type_label;
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
  kept.markets = UniteList(kept.markets, again.markets);
  kept.tags = UniteList(kept.tags, again.tags);
  if (other.attributes != 0) {
    if (kept.attributes == 0) {
      kept.attributes = other.attributes;
    } else {
      // Sets are stored back to back, so a grown set is stored anew and the old one left unused.
      const std::span<const Attribute> more = graph_.AttributeSet(other.attributes);
      const std::span<const Attribute> had = graph_.AttributeSet(kept.attributes);
      Attributes into(had.begin(), had.end());
      for (const Attribute& entry : more) {
        auto same_key = std::find_if(into.begin(), into.end(), [&](const Attribute& kv) { return kv.key == entry.key; });
        if (same_key == into.end()) {
          into.push_back(entry);
        } else if (same_key->value != entry.value) {
          disagree(Text(entry.key), Text(same_key->value), Text(entry.value));
        }
      }
      if (into.size() > had.size()) kept.attributes = AddAttributes(std::move(into));
    }
  }
}

VertexId GraphBuilder::Resolve(StrId name_id) const {
  const std::uint32_t name = StrIndex(name_id);
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
  return graph_.vertex_by_id_[StrIndex(name)];
}

std::string GraphBuilder::NearName(std::string_view name) {
  if (table_names_.empty()) {
    table_names_.reserve(table_node_count_ * 2);
    for (VertexId v = 0; v < table_node_count_; ++v) {
      table_names_.push_back(Text(graph_.nodes_[v].id));
      if (graph_.nodes_[v].label != kNoString) table_names_.push_back(Text(graph_.nodes_[v].label));
    }
  }
  return std::string(ClosestMatch(name, table_names_));
}

VertexId GraphBuilder::ResolveEndpoint(StrId name, const Origin& origin, std::uint32_t column) {
  const VertexId v = Resolve(name);
  if (v != kNoVertex) return v;
  if (name == kNoString || Text(name).empty()) {
    ReportUnknown(name, origin, column, "node", "");
    return kNoVertex;
  }
  if (!nodes_table_seen_) {
    implicit_nodes_.push_back(AddImplicitNode(name, origin));
    return implicit_nodes_.back();
  }
  auto [unknown, first] = unknown_names_.try_emplace(name);
  if (first) {
    // Decided once per name: a near miss of a known node is a typo, anything else a new node.
    if (suggestions_left_ > 0) {
      --suggestions_left_;
      unknown->second.suggestion = NearName(Text(name));
    } else {
      unchecked_names_ = true;
    }
    if (unknown->second.suggestion.empty()) {
      unknown->second.created = AddImplicitNode(name, origin);
      implicit_nodes_.push_back(unknown->second.created);
      implicit_place_ = implicit_nodes_.size() == 1 ? Place(origin, column) : implicit_place_;
    }
  }
  if (unknown->second.created != kNoVertex) return unknown->second.created;
  ReportUnknown(name, origin, column, "node", unknown->second.suggestion);
  return kNoVertex;
}

void GraphBuilder::ReportUnknown(StrId name, const Origin& origin, std::uint32_t column, std::string_view what,
                                 std::string_view suggestion) {
  std::string message = fmt::format("unknown {} \"{}\"", what, Text(name));
  if (Text(name).empty()) {
    message = fmt::format("empty {} name", what);
  } else if (!suggestion.empty()) {
    message += fmt::format(" (did you mean \"{}\"?)", suggestion);
  }
  diagnostics_->Error(Place(origin, column), std::move(message));
}

void GraphBuilder::ReportImplicitNodes() {
  const std::size_t count = implicit_nodes_.size();
  if (count == 0) return;
  if (!nodes_table_seen_) return;  // a connections-only sheet: every node is named there (Kumu)
  const std::string names =
      NameList(count, [&](std::size_t i) { return fmt::format("\"{}\"", Text(graph_.nodes_[implicit_nodes_[i]].id)); });
  diagnostics_->Warning(
      implicit_place_,
      fmt::format("{} node{} named only in connections {} created (type other): {}; add {} to a nodes table to "
                  "give {} a type{}",
                  count, count == 1 ? "" : "s", count == 1 ? "was" : "were", names, count == 1 ? "it" : "them",
                  count == 1 ? "it" : "them",
                  unchecked_names_ ? " (past the first 50 unknown names, none was checked for typos)" : ""));
}

void GraphBuilder::WarnIdsDifferingByCase() {
  // Only an id with an upper-case letter folds to another text, and an all-lower-case id can
  // only be such an id's folded form: the pool's index answers that, without folding every id.
  std::unordered_map<std::string, std::vector<VertexId>> spellings;  // folded -> ids with upper case
  for (VertexId v = 0; v < graph_.nodes_.size(); ++v) {
    const std::string_view id = Text(graph_.nodes_[v].id);
    if (std::any_of(id.begin(), id.end(), [](char c) { return c >= 'A' && c <= 'Z'; })) {
      spellings[ToLower(id)].push_back(v);
    }
  }
  std::vector<std::pair<VertexId, VertexId>> pairs;  // the first of a spelling, each later one
  for (auto& [folded, vertices] : spellings) {
    StrId lower;
    if (FindString(folded, &lower) && IsNodeId(lower)) vertices.push_back(graph_.vertex_by_id_[StrIndex(lower)]);
    if (vertices.size() < 2) continue;
    std::sort(vertices.begin(), vertices.end());
    for (std::size_t k = 1; k < vertices.size(); ++k) pairs.emplace_back(vertices[0], vertices[k]);
  }
  std::sort(pairs.begin(), pairs.end(), [](const auto& a, const auto& b) { return a.second < b.second; });
  if (pairs.empty()) return;
  const std::string list = NameList(pairs.size(), [&](std::size_t i) {
    const auto [a, b] = pairs[i];
    return fmt::format("\"{}\" ({}) and \"{}\" ({})", Text(graph_.nodes_[a].id),
                       FormatLocation(Place(graph_.nodes_[a].origin)), Text(graph_.nodes_[b].id),
                       FormatLocation(Place(graph_.nodes_[b].origin)));
  });
  diagnostics_->Warning(Place(graph_.nodes_[pairs[0].second].origin),
                        fmt::format("node ids that differ only by case are different nodes: {}; write one "
                                    "spelling if they are one party",
                                    list));
}

std::unordered_map<StrId, const TypeMapping*> GraphBuilder::DecideFreeTypes(
    const std::unordered_map<StrId, FreeTypeUse>& uses, bool edges) {
  // Grouped by wording (`Licenses` and `licenses` are one type), in reading order.
  struct Group {
    StrId written = kNoString;
    FreeTypeUse use;
    std::vector<StrId> labels;
  };
  std::map<std::string, Group> groups;
  for (const auto& [label, use] : uses) {
    Group& group = groups[NormaliseTypeWord(Text(label))];
    const bool earlier = group.labels.empty() || use.first.source < group.use.first.source ||
                         (use.first.source == group.use.first.source && use.first.line < group.use.first.line);
    if (earlier) group.written = label;
    if (earlier) group.use = FreeTypeUse{use.first, use.column, group.use.rows};
    group.use.rows += use.rows;
    group.labels.push_back(label);
  }
  std::vector<std::pair<const std::string*, const Group*>> order;
  for (const auto& [word, group] : groups) order.emplace_back(&word, &group);
  std::sort(order.begin(), order.end(), [](const auto& a, const auto& b) {
    const Origin& x = a.second->use.first;
    const Origin& y = b.second->use.first;
    return std::tie(x.source, x.line) < std::tie(y.source, y.line);
  });

  std::unordered_map<StrId, const TypeMapping*> retype;
  const std::string_view kind = edges ? "edge" : "node";
  for (const auto& [word, group] : order) {
    const Location place = Place(group->use.first, group->use.column);
    const std::size_t rows = group->use.rows;
    const std::string count = fmt::format("{} {}{}", rows, kind, rows == 1 ? "" : "s");
    const auto mapping = type_map_.find(*word);
    if (mapping == type_map_.end()) {
      diagnostics_->Warning(place, fmt::format("{} type \"{}\" is not one of ours: kept as its own type on {}, "
                                               "drawn and listed, counted as {}; map it with a types table "
                                               "(columns type, maps_to) or --type-map FILE",
                                               kind, Text(group->written), count, edges ? "partners" : "other"));
      continue;
    }
    const TypeMapping& map = mapping->second;
    const Location mapped_at = Place(map.origin, map.column);
    if (edges ? !map.edge : !map.node) {
      diagnostics_->Error(place, fmt::format("{} type \"{}\" is mapped to {} at {}, which is a {} type; map it to "
                                             "one of: {}",
                                             kind, Text(group->written),
                                             map.node ? NodeTypeName(*map.node) : EdgeTypeName(*map.edge),
                                             FormatLocation(mapped_at), edges ? "node" : "edge",
                                             edges ? EdgeTypeChoices() : NodeTypeChoices()));
      continue;
    }
    diagnostics_->Add(Severity::kNote, place,
                      fmt::format("{} type \"{}\" read as {} on {}, as mapped at {}", kind, Text(group->written),
                                  edges ? EdgeTypeName(*map.edge) : NodeTypeName(*map.node), count,
                                  FormatLocation(mapped_at)));
    for (StrId label : group->labels) retype.emplace(label, &map);
  }
  return retype;
}

void GraphBuilder::ApplyTypeMap() {
  const auto node_types = DecideFreeTypes(free_node_types_, /*edges=*/false);
  const auto edge_types = DecideFreeTypes(free_edge_types_, /*edges=*/true);
  if (!node_types.empty()) {
    for (Node& node : graph_.nodes_) {
      const auto mapped = node_types.find(node.type_label);
      if (node.type_label == kNoString || mapped == node_types.end()) continue;
      if (node.type == NodeType::kOther) node.roles &= static_cast<RoleSet>(~RoleBit(NodeType::kOther));
      node.type = *mapped->second->node;
      node.roles |= RoleBit(node.type);
      node.type_label = kNoString;
    }
  }
  if (edge_types.empty()) return;
  for (Edge& edge : graph_.edges_) {
    if (edge.details == 0) continue;
    StrId& label = graph_.edge_details_[edge.details].type_label;
    const auto mapped = edge_types.find(label);
    if (label == kNoString || mapped == edge_types.end()) continue;
    edge.type = *mapped->second->edge;
    edge.directed = !IsUndirected(edge.type);
    label = kNoString;
  }
}

void GraphBuilder::ConvertAmounts() {
  std::map<std::string, std::pair<std::size_t, Location>> missing;  // rows without a rate, the first place
  for (std::size_t k = 0; k < conversions_.size(); ++k) {
    const auto [e, column] = conversions_[k];
    const Edge& edge = graph_.edges_[e];
    // The edges of one row (a `|` list of endpoints) share its amount: one conversion a row.
    const Edge* previous = k > 0 ? &graph_.edges_[conversions_[k - 1].first] : nullptr;
    if (previous && previous->origin.source == edge.origin.source && previous->origin.line == edge.origin.line &&
        conversions_[k - 1].first + 1 == e) {
      graph_.edges_[e].amount_usd = previous->amount_usd;
      continue;
    }
    const EdgeDetails& details = graph_.edge_details_[edge.details];
    const std::string currency(Text(details.currency));
    std::optional<double> rate;
    for (const FxRates& rates : fx_rates_) {
      if (!rate) rate = rates.Rate(currency);
    }
    if (!rate) {
      auto [it, added] = missing.try_emplace(currency, 0, Place(edge.origin, column));
      ++it->second.first;
      continue;
    }
    const double usd = details.original_amount * *rate;
    if (!(usd <= kMaxAmountUsd)) {
      diagnostics_->Error(Place(edge.origin, column),
                          fmt::format("amount {} at {:g} USD/{} is larger than 1e15 USD (a thousand trillion); check "
                                      "the unit and the rate",
                                      FormatMoney(details.original_amount, currency), *rate, currency));
      continue;
    }
    graph_.edges_[e].amount_usd = usd;
  }
  for (const auto& [code, count_and_place] : missing) {
    const std::size_t rows = count_and_place.first;
    diagnostics_->Error(count_and_place.second,
                        fmt::format("no rate for {} ({} {}{}): give one with --fx {}=RATE (USD per unit) or an fx "
                                    "table with columns currency,usd_per_unit",
                                    code, rows, rows == 1 ? "amount" : "amounts",
                                    rows == 1 ? "" : ", the first here", code));
  }
  std::vector<std::pair<EdgeId, std::uint32_t>>().swap(conversions_);
}

void GraphBuilder::ResolveEdges() {
  // In place, dropping edges with an unknown endpoint (the load fails on those anyway).
  std::size_t kept = 0;
  auto columns = endpoint_columns_.begin();
  for (std::size_t i = 0; i < graph_.edges_.size(); ++i) {
    Edge& edge = graph_.edges_[i];
    const std::array<StrId, 2> names = endpoints_[i];
    std::array<std::uint32_t, 2> at{0, 0};
    if (columns != endpoint_columns_.end() && columns->edge == i) at = (columns++)->columns;
    const VertexId from = ResolveEndpoint(names[0], edge.origin, at[0]);
    const VertexId to = ResolveEndpoint(names[1], edge.origin, at[1]);
    if (from == kNoVertex || to == kNoVertex) continue;
    edge.from = from;
    edge.to = to;
    if (kept != i) graph_.edges_[kept] = edge;
    ++kept;
  }
  graph_.edges_.resize(kept);
  std::vector<std::array<StrId, 2>>().swap(endpoints_);
  std::vector<EndpointColumns>().swap(endpoint_columns_);
}

PartnershipGraph GraphBuilder::Build() {
  ConvertAmounts();
  ApplyTypeMap();
  table_node_count_ = graph_.nodes_.size();
  graph_.vertex_by_id_.resize(graph_.strings_.Size(), kNoVertex);
  graph_.vertex_by_label_.assign(graph_.strings_.Size(), kNoVertex);
  for (VertexId v = 0; v < graph_.nodes_.size(); ++v) {
    const StrId label = graph_.nodes_[v].label;
    if (label == kNoString) continue;
    VertexId& slot = graph_.vertex_by_label_[StrIndex(label)];
    slot = slot == kNoVertex || slot == v ? v : kAmbiguous;
  }
  ResolveEdges();
  ReportImplicitNodes();
  WarnIdsDifferingByCase();

  for (MetricRecord& record : pending_metrics_) {
    const VertexId entity = Resolve(record.entity_name);
    if (entity == kNoVertex) {
      const std::string suggestion = suggestions_left_ > 0 ? graph_.SpellcheckNode(Text(record.entity_name)) : "";
      if (suggestions_left_ > 0) --suggestions_left_;
      ReportUnknown(record.entity_name, record.metric.origin, record.entity_column, "entity", suggestion);
      continue;
    }
    record.metric.entity = entity;
    graph_.metrics_.push_back(record.metric);
  }
  pending_metrics_.clear();

  std::vector<std::pair<VertexId, VertexId>> ends;
  ends.reserve(graph_.edges_.size());
  for (const Edge& edge : graph_.edges_) ends.emplace_back(edge.from, edge.to);
  graph_.topology_ = BuildTopology(ends, graph_.nodes_.size());

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
