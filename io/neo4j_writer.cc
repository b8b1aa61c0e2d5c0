#include "io/neo4j_writer.h"

#include <algorithm>
#include <filesystem>
#include <memory>

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

// A field's cell: empty when absent; text as valid UTF-8 (neo4j-admin refuses other bytes).
void SetField(const ExportField& field, const ExportValue& value, TableCell* cell) {
  cell->text = !value.present ? std::string() : ValidUtf8(field.type == FieldType::kDouble ? ExportNumber(value.number)
                                                                                          : value.text);
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

// What a table's rows are made from, shared by its fill function: the schema and a reused row of values.
struct RowSource {
  explicit RowSource(const PartnershipGraph& graph) : graph(graph), schema(graph) {}
  const PartnershipGraph& graph;
  ExportSchema schema;
  std::vector<ExportValue> values;
};

ModelTable NodesTable(const std::shared_ptr<RowSource>& source) {
  const std::vector<ExportField>& fields = source->schema.NodeFields();
  ModelTable table{"nodes", {"id:ID", "label", ":LABEL"}, source->graph.NodeCount(), {}};
  for (std::size_t i = 1; i < fields.size(); ++i) table.header.push_back(HeaderCell(fields[i]));
  table.fill = [source](std::size_t v, TableRow& row) {
    const std::vector<ExportField>& fields = source->schema.NodeFields();
    std::vector<ExportValue>& values = source->values;
    source->schema.NodeValues(static_cast<VertexId>(v), &values);
    row.resize(fields.size() + 2);
    row[0].text = ValidUtf8(source->graph.NodeName(static_cast<VertexId>(v)));
    row[1].text = ValidUtf8(values[0].text);  // the label
    row[2].text = ValidUtf8(Labels(source->graph.GetNode(static_cast<VertexId>(v))));
    for (std::size_t i = 1; i < fields.size(); ++i) SetField(fields[i], values[i], &row[i + 2]);
  };
  return table;
}

ModelTable RelationshipsTable(const std::shared_ptr<RowSource>& source) {
  ModelTable table{"relationships", {":START_ID", ":END_ID", ":TYPE"}, source->graph.EdgeCount(), {}};
  for (const ExportField& field : source->schema.EdgeFields()) table.header.push_back(HeaderCell(field));
  table.fill = [source](std::size_t e, TableRow& row) {
    const std::vector<ExportField>& fields = source->schema.EdgeFields();
    std::vector<ExportValue>& values = source->values;
    const Edge& edge = source->graph.GetEdge(static_cast<EdgeId>(e));
    source->schema.EdgeValues(static_cast<EdgeId>(e), &values);
    row.resize(fields.size() + 3);
    row[0].text = ValidUtf8(source->graph.NodeName(edge.from));
    row[1].text = ValidUtf8(source->graph.NodeName(edge.to));
    row[2].text = RelationshipType(edge.type);
    for (std::size_t i = 0; i < fields.size(); ++i) SetField(fields[i], values[i], &row[i + 3]);
  };
  return table;
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

std::vector<CsvTableFile> Neo4jTables(const PartnershipGraph& graph) {
  const auto source = std::make_shared<RowSource>(graph);  // the tables are written one after the other
  return {{"nodes.csv", NodesTable(source)}, {"relationships.csv", RelationshipsTable(source)}};
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
