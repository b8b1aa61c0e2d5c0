#include "io/graphml_writer.h"

#include <sstream>

#include <fmt/format.h>

#include "io/chunked_text.h"
#include "io/export_fields.h"
#include "io/xml_text.h"

namespace pg {
namespace {

void AppendKeys(std::string* out, const std::vector<ExportField>& fields, std::string_view domain,
                std::string_view prefix) {
  for (std::size_t i = 0; i < fields.size(); ++i) {
    *out += fmt::format("  <key id=\"{}{}\" for=\"{}\" attr.name=\"", prefix, i, domain);
    AppendXmlText(out, fields[i].name);
    *out += fmt::format("\" attr.type=\"{}\"/>\n", fields[i].type == FieldType::kDouble ? "double" : "string");
  }
}

void AppendData(std::string* out, const std::vector<ExportField>& fields, const std::vector<ExportValue>& values,
                std::string_view prefix) {
  for (std::size_t i = 0; i < fields.size(); ++i) {
    const ExportValue& value = values[i];
    if (!value.present) continue;
    *out += fmt::format("      <data key=\"{}{}\">", prefix, i);
    if (fields[i].type == FieldType::kDouble) {
      *out += ExportNumber(value.number);
    } else {
      AppendXmlText(out, value.text);
    }
    *out += "</data>\n";
  }
}

}  // namespace

std::string GraphmlText(const PartnershipGraph& graph) {
  std::ostringstream out;
  WriteGraphml(graph, out);
  return std::move(out).str();
}

void WriteGraphml(const PartnershipGraph& graph, std::ostream& stream) {
  const ExportSchema schema(graph);
  ChunkedText chunks(stream);
  std::string& out = *chunks.Text();
  out +=
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" "
      "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
      "xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
      "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n";
  AppendKeys(&out, schema.NodeFields(), "node", "n");
  AppendKeys(&out, schema.EdgeFields(), "edge", "e");
  out += "  <graph id=\"partnergraph\" edgedefault=\"directed\">\n";
  std::vector<ExportValue> values;
  for (VertexId v = 0; v < graph.NodeCount(); ++v) {
    out += "    <node id=\"";
    AppendXmlText(&out, graph.NodeName(v));
    out += "\">\n";
    schema.NodeValues(v, &values);
    AppendData(&out, schema.NodeFields(), values, "n");
    out += "    </node>\n";
    chunks.Spill();
  }
  for (EdgeId e = 0; e < graph.EdgeCount(); ++e) {
    const Edge& edge = graph.GetEdge(e);
    out += fmt::format("    <edge id=\"e{}\" source=\"", e);
    AppendXmlText(&out, graph.NodeName(edge.from));
    out += "\" target=\"";
    AppendXmlText(&out, graph.NodeName(edge.to));
    out += "\">\n";
    schema.EdgeValues(e, &values);
    AppendData(&out, schema.EdgeFields(), values, "e");
    out += "    </edge>\n";
    chunks.Spill();
  }
  out += "  </graph>\n</graphml>\n";
}

}  // namespace pg
