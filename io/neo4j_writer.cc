#include "io/neo4j_writer.h"

#include <algorithm>
#include <filesystem>

#include <fmt/format.h>

#include "graph/text.h"
#include "io/export_fields.h"
#include "io/xml_text.h"

namespace pg {
namespace {

std::string HeaderCell(const ExportField& field) {
  std::string name = field.name;
  std::replace(name.begin(), name.end(), ':', '_');
  switch (field.type) {
    case FieldType::kDouble: return name + ":double";
    case FieldType::kList: return name + ":string[]";
    case FieldType::kString: return name;
  }
  return name;
}

void AppendCell(std::string* line, std::string_view cell) {
  if (!line->empty()) *line += ',';
  *line += QuoteCsvCell(ValidUtf8(cell));
}

void AppendFields(std::string* line, const std::vector<ExportField>& fields, const std::vector<ExportValue>& values,
                  std::size_t first) {
  for (std::size_t i = first; i < fields.size(); ++i) {
    const ExportValue& value = values[i];
    if (!value.present) {
      *line += ',';
    } else {
      AppendCell(line, fields[i].type == FieldType::kDouble ? ExportNumber(value.number) : value.text);
    }
  }
}

std::string Capitalised(std::string_view word) {
  std::string out(word);
  if (!out.empty()) out[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(out[0])));
  return out;
}

// `Investor|Cloud`: the node's type first, then its other roles.
std::string Labels(const Node& node) {
  std::string labels = Capitalised(NodeTypeName(node.type));
  for (int t = 0; t < kNodeTypeCount; ++t) {
    const auto type = static_cast<NodeType>(t);
    if ((node.roles & RoleBit(type)) && type != node.type) labels.append("|").append(Capitalised(NodeTypeName(type)));
  }
  return labels;
}

std::string RelationshipType(EdgeType type) {
  std::string out(EdgeTypeName(type));
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

std::string NodesCsv(const PartnershipGraph& graph, const ExportSchema& schema) {
  const std::vector<ExportField>& fields = schema.NodeFields();
  std::string line = "id:ID,label,:LABEL";
  for (std::size_t i = 1; i < fields.size(); ++i) line.append(",").append(HeaderCell(fields[i]));
  std::string out = line + '\n';
  std::vector<ExportValue> values;
  for (VertexId v = 0; v < graph.NodeCount(); ++v) {
    schema.NodeValues(v, &values);
    line.clear();
    AppendCell(&line, graph.NodeName(v));
    AppendCell(&line, values[0].text);  // the label
    AppendCell(&line, Labels(graph.GetNode(v)));
    AppendFields(&line, fields, values, 1);
    out += line + '\n';
  }
  return out;
}

std::string RelationshipsCsv(const PartnershipGraph& graph, const ExportSchema& schema) {
  const std::vector<ExportField>& fields = schema.EdgeFields();
  std::string line = ":START_ID,:END_ID,:TYPE";
  for (const ExportField& field : fields) line.append(",").append(HeaderCell(field));
  std::string out = line + '\n';
  std::vector<ExportValue> values;
  for (EdgeId e = 0; e < graph.EdgeCount(); ++e) {
    const Edge& edge = graph.GetEdge(e);
    schema.EdgeValues(e, &values);
    line.clear();
    AppendCell(&line, graph.NodeName(edge.from));
    AppendCell(&line, graph.NodeName(edge.to));
    AppendCell(&line, RelationshipType(edge.type));
    AppendFields(&line, fields, values, 0);
    out += line + '\n';
  }
  return out;
}

// A path as a shell word: as it is when it is plainly safe, else in single quotes.
std::string ShellWord(const std::string& text) {
  const bool plain = !text.empty() && std::all_of(text.begin(), text.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || std::string_view("/._-+=:,@").find(c) != std::string_view::npos;
  });
  if (plain) return text;
  std::string out = "'";
  for (char c : text) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

}  // namespace

std::vector<CsvFile> Neo4jFiles(const PartnershipGraph& graph) {
  const ExportSchema schema(graph);
  return {{"nodes.csv", NodesCsv(graph, schema)}, {"relationships.csv", RelationshipsCsv(graph, schema)}};
}

std::string Neo4jImportCommand(const std::string& path) {
  std::filesystem::path folder(path);
  if (!folder.has_filename()) folder = folder.parent_path();
  return fmt::format(
      "neo4j-admin database import full --nodes={} --relationships={} --array-delimiter='|' "
      "--multiline-fields=true neo4j",
      ShellWord((folder / "nodes.csv").string()), ShellWord((folder / "relationships.csv").string()));
}

}  // namespace pg
