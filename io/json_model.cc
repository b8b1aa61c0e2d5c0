#include "io/json_model.h"

#include <fstream>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "graph/text.h"

namespace pg {
namespace {

using nlohmann::json;

std::string CellText(const json& value) {
  switch (value.type()) {
    case json::value_t::null: return {};
    case json::value_t::string: return value.get<std::string>();
    case json::value_t::boolean: return value.get<bool>() ? "true" : "false";
    case json::value_t::array: {
      std::string joined;
      for (const json& item : value) {
        if (!joined.empty()) joined += '|';
        joined += CellText(item);
      }
      return joined;
    }
    default: return value.dump();
  }
}

// Flattens Kumu's {"attributes": {...}} into the object's own keys.
json Flatten(const json& object) {
  json flat = json::object();
  for (const auto& [key, value] : object.items()) {
    if (key == "attributes" && value.is_object()) {
      for (const auto& [inner, inner_value] : value.items()) flat[inner] = inner_value;
    } else {
      flat[key] = value;
    }
  }
  return flat;
}

bool StreamArray(const std::string& path, std::string_view name, const json& array, TableSink& sink,
                 Diagnostics* diagnostics) {
  if (!array.is_array()) {
    diagnostics->Error({path, std::string(name), 0, 0}, "expected an array of objects");
    return false;
  }
  std::vector<json> rows;
  std::vector<std::string> header;
  for (std::size_t i = 0; i < array.size(); ++i) {
    if (!array[i].is_object()) {
      diagnostics->Error({path, std::string(name), static_cast<std::uint32_t>(i + 1), 0}, "expected an object");
      return false;
    }
    rows.push_back(Flatten(array[i]));
    for (const auto& [key, value] : rows.back().items()) {
      if (std::find(header.begin(), header.end(), key) == header.end()) header.push_back(key);
    }
  }
  if (rows.empty()) return true;
  std::vector<std::string_view> header_views(header.begin(), header.end());
  if (!sink.BeginTable(TableOrigin{path, std::string(name)}, header_views, 0, {})) return true;
  std::vector<std::string> cells(header.size());
  std::vector<std::string_view> views(header.size());
  for (std::size_t i = 0; i < rows.size(); ++i) {
    for (std::size_t c = 0; c < header.size(); ++c) {
      auto found = rows[i].find(header[c]);
      cells[c] = found == rows[i].end() ? std::string() : CellText(*found);
      views[c] = cells[c];
    }
    sink.Row(views, static_cast<std::uint32_t>(i + 1), {});
  }
  sink.EndTable();
  return true;
}

void PutNumber(json& object, const char* key, double value) {
  if (Known(value)) object[key] = value;
}
void PutText(json& object, const char* key, const PartnershipGraph& graph, StrId id) {
  if (id != kNoString) object[key] = graph.Text(id);
}
void PutDate(json& object, const char* key, Date date) {
  if (date.Known()) object[key] = date.ToString();
}
void PutAttributes(json& object, const PartnershipGraph& graph, std::uint32_t attributes) {
  for (const auto& [key, value] : graph.AttributeSet(attributes)) {
    object[std::string(graph.Text(key))] = graph.Text(value);
  }
}

}  // namespace

bool ReadJsonModel(const std::string& path, TableSink& sink, Diagnostics* diagnostics, const InputLimits& limits) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    diagnostics->Error({path}, "cannot open");
    return false;
  }
  json document;
  try {
    document = json::parse(in);
  } catch (const json::parse_error& error) {
    // nlohmann reports a byte offset; turn it into line and column for the message.
    std::ifstream again(path, std::ios::binary);
    std::uint32_t line = 1, column = 1;
    char c;
    for (std::size_t i = 1; i < error.byte && again.get(c); ++i) {
      if (c == '\n') { ++line; column = 1; } else { ++column; }
    }
    std::string what = error.what();
    const auto cut = what.find("]: ");
    if (cut != std::string::npos) what = what.substr(cut + 3);
    diagnostics->Error({path, "", 0, 0}, fmt::format("invalid JSON at line {}, column {}: {}", line, column, what));
    return false;
  }
  if (!document.is_object()) {
    diagnostics->Error({path}, "expected a JSON object with \"nodes\", \"edges\" and \"metrics\" arrays");
    return false;
  }
  bool ok = true;
  bool any = false;
  // Kumu's JSON calls the tables elements and connections.
  static constexpr const char* kArrays[] = {"nodes", "elements", "edges", "connections", "metrics"};
  for (const char* key : kArrays) {
    auto found = document.find(key);
    if (found == document.end()) continue;
    any = true;
    ok = StreamArray(path, key, *found, sink, diagnostics) && ok;
  }
  if (!any) {
    diagnostics->Error({path}, "no \"nodes\", \"edges\" or \"metrics\" array in this JSON document");
    return false;
  }
  return ok;
}

nlohmann::json ModelToJson(const PartnershipGraph& graph) {
  json nodes = json::array(), edges = json::array(), metrics = json::array();
  for (const Node& node : graph.Nodes()) {
    json object;
    object["id"] = graph.Text(node.id);
    PutText(object, "label", graph, node.label);
    object["type"] = NodeTypeName(node.type);
    json roles = json::array();
    for (int t = 0; t < kNodeTypeCount; ++t) {
      const auto type = static_cast<NodeType>(t);
      if ((node.roles & RoleBit(type)) && type != node.type) roles.push_back(NodeTypeName(type));
    }
    if (!roles.empty()) {
      roles.insert(roles.begin(), NodeTypeName(node.type));
      object["roles"] = roles;
    }
    if (!node.markets.empty()) {
      object["markets"] = json::array();
      for (StrId market : node.markets) object["markets"].push_back(graph.Text(market));
    }
    if (!node.tags.empty()) {
      object["tags"] = json::array();
      for (StrId tag : node.tags) object["tags"].push_back(graph.Text(tag));
    }
    PutText(object, "description", graph, node.description);
    PutText(object, "source", graph, node.source);
    PutAttributes(object, graph, node.attributes);
    nodes.push_back(std::move(object));
  }
  for (const Edge& edge : graph.Edges()) {
    json object;
    const EdgeDetails& details = graph.Details(edge);
    object["from"] = graph.NodeName(edge.from);
    object["to"] = graph.NodeName(edge.to);
    object["type"] = EdgeTypeName(edge.type);
    if (edge.directed == IsUndirected(edge.type)) object["direction"] = edge.directed ? "directed" : "undirected";
    PutNumber(object, "amount_usd", edge.amount_usd);
    PutNumber(object, "stake_pct", details.stake_pct);
    PutNumber(object, "share_pct", details.share_pct);
    PutNumber(object, "revenue_usd", details.revenue_usd);
    PutNumber(object, "capacity_gw", details.capacity_gw);
    PutDate(object, "start", edge.start);
    PutDate(object, "end", edge.end);
    PutText(object, "scope", graph, details.scope);
    PutText(object, "source", graph, edge.source);
    PutDate(object, "reported", details.reported);
    PutNumber(object, "confidence", edge.confidence);
    PutText(object, "note", graph, details.note);
    PutAttributes(object, graph, details.attributes);
    edges.push_back(std::move(object));
  }
  for (const Metric& metric : graph.Metrics()) {
    json object;
    object["entity"] = graph.NodeName(metric.entity);
    object["metric"] = graph.Text(metric.metric);
    object["value"] = metric.value;
    PutText(object, "unit", graph, metric.unit);
    PutDate(object, "as_of", metric.as_of);
    PutText(object, "basis", graph, metric.basis);
    PutText(object, "source", graph, metric.source);
    PutNumber(object, "confidence", metric.confidence);
    PutText(object, "note", graph, metric.note);
    PutAttributes(object, graph, metric.attributes);
    metrics.push_back(std::move(object));
  }
  return json{{"nodes", std::move(nodes)}, {"edges", std::move(edges)}, {"metrics", std::move(metrics)}};
}

}  // namespace pg
