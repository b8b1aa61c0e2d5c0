#include "io/node_link_writer.h"

#include <sstream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "graph/text.h"
#include "io/export_fields.h"
#include "io/json_list.h"
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
  std::ostringstream out;
  WriteNodeLink(graph, out);
  return std::move(out).str();
}

// The members in key order, as nlohmann's std::map wrote the whole document: directed, graph,
// links, multigraph, nodes.
void WriteNodeLink(const PartnershipGraph& graph, std::ostream& stream) {
  const ExportSchema schema(graph);
  ChunkedText out(stream);
  *out.Text() += "{\n  \"directed\": true";
  AppendJsonKey(out.Text(), "graph", 1, false);
  *out.Text() += '{';
  if (!graph.Metrics().empty()) {
    AppendJsonKey(out.Text(), "metrics", 2, true);
    WriteModelMetrics(out, graph, 2);
  }
  AppendJsonKey(out.Text(), "name", 2, graph.Metrics().empty());
  *out.Text() += "\"partnergraph\"\n  }";
  std::vector<ExportValue> values;
  AppendJsonKey(out.Text(), "links", 1, false);
  const std::vector<std::string> edge_names = Names(schema.EdgeFields(), true);
  WriteJsonList(out, 1, graph.EdgeCount(), [&](std::size_t e, json& link) {
    const Edge& edge = graph.GetEdge(static_cast<EdgeId>(e));
    link["source"] = graph.NodeName(edge.from);
    link["target"] = graph.NodeName(edge.to);
    link["key"] = fmt::format("e{}", e);
    schema.EdgeValues(static_cast<EdgeId>(e), &values);
    PutFields(schema.EdgeFields(), values, edge_names, &link);
  });
  AppendJsonKey(out.Text(), "multigraph", 1, false);
  *out.Text() += "true";
  AppendJsonKey(out.Text(), "nodes", 1, false);
  const std::vector<std::string> node_names = Names(schema.NodeFields(), false);
  WriteJsonList(out, 1, graph.NodeCount(), [&](std::size_t v, json& node) {
    node["id"] = graph.NodeName(static_cast<VertexId>(v));
    schema.NodeValues(static_cast<VertexId>(v), &values);
    PutFields(schema.NodeFields(), values, node_names, &node);
  });
  *out.Text() += "\n}\n";
}

}  // namespace pg
