#include "io/gexf_writer.h"

#include <sstream>

#include <fmt/format.h>

#include "io/chunked_text.h"
#include "io/export_fields.h"
#include "io/xml_text.h"

namespace pg {
namespace {

void AppendDeclarations(std::string* out, const std::vector<ExportField>& fields, std::string_view domain,
                        std::size_t first) {
  *out += fmt::format("    <attributes class=\"{}\">\n", domain);
  for (std::size_t i = first; i < fields.size(); ++i) {
    *out += fmt::format("      <attribute id=\"{}\" title=\"", i);
    AppendXmlText(out, fields[i].name);
    *out += fmt::format("\" type=\"{}\"/>\n", fields[i].type == FieldType::kDouble ? "double" : "string");
  }
  *out += "    </attributes>\n";
}

void AppendValues(std::string* out, const std::vector<ExportField>& fields, const std::vector<ExportValue>& values,
                  std::size_t first) {
  bool any = false;
  for (std::size_t i = first; i < fields.size(); ++i) {
    if (!values[i].present) continue;
    if (!any) *out += "        <attvalues>\n";
    any = true;
    *out += fmt::format("          <attvalue for=\"{}\" value=\"", i);
    if (fields[i].type == FieldType::kDouble) {
      *out += ExportNumber(values[i].number);
    } else {
      AppendXmlText(out, values[i].text);
    }
    *out += "\"/>\n";
  }
  if (any) *out += "        </attvalues>\n";
}

}  // namespace

std::string GexfText(const PartnershipGraph& graph) {
  std::ostringstream out;
  WriteGexf(graph, out);
  return std::move(out).str();
}

void WriteGexf(const PartnershipGraph& graph, std::ostream& stream) {
  const ExportSchema schema(graph);
  constexpr std::size_t kAfterLabel = 1;  // NodeFields()[0] is the label
  ChunkedText chunks(stream);
  std::string& out = *chunks.Text();
  out +=
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<gexf xmlns=\"http://www.gexf.net/1.2draft\" version=\"1.2\">\n"
      "  <meta>\n    <creator>partnergraph</creator>\n  </meta>\n"
      "  <graph mode=\"static\" defaultedgetype=\"directed\">\n";
  AppendDeclarations(&out, schema.NodeFields(), "node", kAfterLabel);
  AppendDeclarations(&out, schema.EdgeFields(), "edge", 0);
  out += "    <nodes>\n";
  std::vector<ExportValue> values;
  for (VertexId v = 0; v < graph.NodeCount(); ++v) {
    schema.NodeValues(v, &values);
    out += "      <node id=\"";
    AppendXmlText(&out, graph.NodeName(v));
    out += "\" label=\"";
    AppendXmlText(&out, values[0].text);
    out += "\">\n";
    AppendValues(&out, schema.NodeFields(), values, kAfterLabel);
    out += "      </node>\n";
    chunks.Spill();
  }
  out += "    </nodes>\n    <edges>\n";
  for (EdgeId e = 0; e < graph.EdgeCount(); ++e) {
    const Edge& edge = graph.GetEdge(e);
    out += fmt::format("      <edge id=\"e{}\" source=\"", e);
    AppendXmlText(&out, graph.NodeName(edge.from));
    out += "\" target=\"";
    AppendXmlText(&out, graph.NodeName(edge.to));
    out += "\">\n";
    schema.EdgeValues(e, &values);
    AppendValues(&out, schema.EdgeFields(), values, 0);
    out += "      </edge>\n";
    chunks.Spill();
  }
  out += "    </edges>\n  </graph>\n</gexf>\n";
}

}  // namespace pg
