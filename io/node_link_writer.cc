#include "io/node_link_writer.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "graph/text.h"
#include "io/export_fields.h"
#include "io/json_model.h"

namespace pg {
namespace {

using nlohmann::json;

void PutFields(const std::vector<ExportField>& fields, const std::vector<ExportValue>& values,
               const std::vector<std::string>& names, json* object) {
  for (std::size_t i = 0; i < fields.size(); ++i) {
    const ExportValue& value = values[i];
    if (!value.present) continue;
    json& slot = (*object)[names[i]];
    switch (fields[i].type) {
      case FieldType::kDouble: slot = value.number; break;
      case FieldType::kString: slot = value.text; break;
      case FieldType::kList:
        slot = json::array();
        for (std::string_view item : SplitList(value.text)) slot.push_back(item);
        break;
    }
  }
}

std::vector<std::string> Names(const std::vector<ExportField>& fields, bool links) {
  std::vector<std::string> names;
  for (const ExportField& field : fields) names.push_back(links && field.name == "source" ? "provenance" : field.name);
  return names;
}

}  // namespace

std::string NodeLinkText(const PartnershipGraph& graph) {
  const ExportSchema schema(graph);
  json document = {{"directed", true}, {"multigraph", true}, {"graph", {{"name", "partnergraph"}}}};
  if (!graph.Metrics().empty()) document["graph"]["metrics"] = ModelToJson(graph)["metrics"];
  json& nodes = document["nodes"] = json::array();
  std::vector<ExportValue> values;
  const std::vector<std::string> node_names = Names(schema.NodeFields(), false);
  for (VertexId v = 0; v < graph.NodeCount(); ++v) {
    json node = {{"id", graph.NodeName(v)}};
    schema.NodeValues(v, &values);
    PutFields(schema.NodeFields(), values, node_names, &node);
    nodes.push_back(std::move(node));
  }
  json& links = document["links"] = json::array();
  const std::vector<std::string> edge_names = Names(schema.EdgeFields(), true);
  for (EdgeId e = 0; e < graph.EdgeCount(); ++e) {
    const Edge& edge = graph.GetEdge(e);
    json link = {{"source", graph.NodeName(edge.from)}, {"target", graph.NodeName(edge.to)}, {"key", fmt::format("e{}", e)}};
    schema.EdgeValues(e, &values);
    PutFields(schema.EdgeFields(), values, edge_names, &link);
    links.push_back(std::move(link));
  }
  return document.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

}  // namespace pg
