#include "io/kumu_writer.h"

#include <utility>

#include "graph/text.h"

namespace pg {
namespace {

// Our column names to Kumu's; the rest (amount_usd, stake_pct, ...) keep ours, which Kumu
// shows as custom fields.
constexpr std::pair<std::string_view, std::string_view> kElementNames[] = {
    {"id", "ID"},       {"label", "Label"},             {"type", "Type"},     {"roles", "Roles"},
    {"markets", "Markets"}, {"tags", "Tags"}, {"description", "Description"}, {"source", "Source"}};
constexpr std::pair<std::string_view, std::string_view> kConnectionNames[] = {
    {"from", "From"},   {"to", "To"},         {"type", "Type"},         {"direction", "Direction"},
    {"start", "Start"}, {"end", "End"},       {"scope", "Scope"},       {"source", "Source"},
    {"reported", "Reported"}, {"confidence", "Confidence"}, {"note", "Description"}, {"status", "Status"}};

template <std::size_t N>
void Rename(ModelTable& table, std::string_view name, const std::pair<std::string_view, std::string_view> (&names)[N],
            std::size_t built_in) {
  table.name = name;
  for (std::size_t c = 0; c < built_in && c < table.header.size(); ++c) {
    for (const auto& [ours, kumus] : names) {
      if (table.header[c] == ours) table.header[c] = kumus;
    }
  }
}

}  // namespace

std::vector<ModelTable> KumuTables(const PartnershipGraph& graph) {
  std::vector<ModelTable> tables = ModelToTables(graph);
  Rename(tables[0], "Elements", kElementNames, 8);
  Rename(tables[1], "Connections", kConnectionNames, 17);
  tables[2].name = "Metrics";
  // Kumu draws a connection directed unless told otherwise: always say which.
  tables[1].fill = [&graph, fill = std::move(tables[1].fill)](std::size_t e, TableRow& row) {
    fill(e, row);
    row[3].text = graph.GetEdge(static_cast<EdgeId>(e)).directed ? "directed" : "undirected";
  };
  return tables;
}

std::vector<CsvTableFile> KumuCsvFiles(const PartnershipGraph& graph) {
  std::vector<ModelTable> tables = KumuTables(graph);
  return {{"elements.csv", std::move(tables[0])},
          {"connections.csv", std::move(tables[1])},
          {"metrics.csv", std::move(tables[2])}};
}

}  // namespace pg
