#pragma once
// Turns tables into model rows: recognises each table from its header (Kumu's convention),
// maps column names and their aliases, parses cells and stamps every diagnostic with file,
// line and column. One loader serves every reader (CSV, XLSX, JSON).
//
// Recognition: `from` + `to` (or `source` + `target`) -> edges; `entity` + `metric` -> metrics;
// `id` or `label` -> nodes. When the header fits none, the file or sheet name decides
// (nodes/elements, edges/connections, metrics) so a missing column gets its own message.

#include <cstdint>
#include <initializer_list>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "graph/graph_builder.h"
#include "graph/money.h"
#include "graph/value_parser.h"
#include "io/load_options.h"
#include "io/table_sink.h"

namespace pg {

/// kFx: currency rates (`currency`, `usd_per_unit` or `rate`), for amounts in other currencies.
enum class TableKind : std::uint8_t { kNodes, kEdges, kMetrics, kFx, kUnknown };

class TableLoader : public TableSink {
 public:
  /// `lenient`: an unrecognised table is skipped with a warning instead of an error (used when
  /// a whole folder or workbook is read and may hold unrelated tables).
  /// `options` (currency rates, type map) must outlive the loader.
  TableLoader(GraphBuilder* builder, Diagnostics* diagnostics, bool lenient, const LoadOptions& options = {});

  bool BeginTable(const TableOrigin& origin, std::span<const std::string_view> header,
                  std::uint32_t header_line, CellColumns columns) override;
  void Row(std::span<const std::string_view> cells, std::uint32_t line, CellColumns columns) override;
  void EndTable() override;
  void SetLenient(bool lenient) { lenient_ = lenient; }
  /// Hands node rows still waiting for their names to the builder (EndTable does it too; call it
  /// before GraphBuilder::Build, as a reader that failed mid-table never ends its table).
  void AddPendingNodes();

  /// The end of loading, before GraphBuilder::Build: hands over waiting node rows and converts
  /// amounts stated in other currencies with the rates from `--fx` (which win) and fx tables;
  /// one error per currency without a rate.
  void FinishLoad();

  /// Rows read per kind, for summaries.
  std::size_t RowCount(TableKind kind) const { return row_counts_[static_cast<int>(kind)]; }

 private:
  struct Column {
    int field = -1;  ///< index into the row's cells; -1 when absent
    bool present() const { return field >= 0; }
  };
  bool CheckHeader(const TableOrigin& origin, std::span<const std::string_view> cells,
                   const std::vector<std::string>& names, std::uint32_t line, CellColumns columns);
  bool CheckText(std::span<const std::string_view> cells, const Origin& origin);
  /// The header being mapped to fields, and whether two of its columns give the same one.
  struct HeaderScan {
    const TableOrigin& origin;
    std::span<const std::string_view> cells;
    const std::vector<std::string>& names;  ///< normalised
    std::uint32_t line;
    CellColumns columns;
    bool duplicates = false;
  };
  void Mark(HeaderScan& scan, Column& target, std::initializer_list<std::string_view> names);
  void MarkEdgeColumns(HeaderScan& scan, bool source_target);
  void ReportUnknownTable(const TableOrigin& origin, const Location& place, bool has_from, bool has_entity);
  std::uint32_t ColumnOf(Column column) const;
  void NodeRow(std::span<const std::string_view> cells, const Origin& origin);
  void EdgeRow(std::span<const std::string_view> cells, const Origin& origin);
  void MetricRow(std::span<const std::string_view> cells, const Origin& origin);
  std::string_view Cell(std::span<const std::string_view> cells, Column column) const;
  std::uint32_t CollectAttributes(std::span<const std::string_view> cells);
  void CellError(const Origin& origin, Column column, std::string message);
  double ParseAmountCell(std::span<const std::string_view> cells, Column column, const Origin& origin);
  double ParsePercentCell(std::span<const std::string_view> cells, Column column, const Origin& origin);
  double ParseNumberCell(std::span<const std::string_view> cells, Column column, const Origin& origin);
  double ParseConfidenceCell(std::span<const std::string_view> cells, Column column, const Origin& origin);
  Date ParseDateCell(std::span<const std::string_view> cells, Column column, const Origin& origin,
                     DateRole role = DateRole::kStart);
  /// The amount cell: dollars go straight into `edge`; another currency is kept in `details`
  /// and returned for FinishLoad to convert.
  std::optional<StatedAmount> ParseMoneyCell(std::span<const std::string_view> cells, const Origin& origin,
                                             Edge* edge, EdgeDetails* details);
  void ParseStatusCell(std::span<const std::string_view> cells, const Origin& origin, EdgeDetails* details);
  void FxRow(std::span<const std::string_view> cells, const Origin& origin);
  void ConvertCurrencies();
  void ReportMissingRate(const std::string& currency, std::size_t rows, const Location& first);
  /// One note a table for dates read as spans (Q3 2025, FY2025): what was assumed.
  void NoteDateSpans();

  GraphBuilder* builder_;
  Diagnostics* diagnostics_;
  bool lenient_;
  const LoadOptions& options_;
  TableKind kind_ = TableKind::kUnknown;
  std::uint32_t source_ = 0;
  std::vector<bool> known_field_;   ///< per header cell: mapped to a model field
  std::vector<StrId> header_ids_;   ///< per header cell, for kept attributes
  bool has_attributes_ = false;     ///< some named header cell maps to no field: rows keep it
  CellColumns row_columns_;         ///< where the current row's cells start (during Row only)
  std::size_t bad_text_rows_ = 0;   ///< rows of this table with a TextFault (the first is reported)
  std::size_t row_counts_[5] = {0, 0, 0, 0, 0};
  /// Node rows whose id and label wait to be interned, and those names back to back (id, label
  /// alternating; `pending_name_ends_` marks where each ends).
  std::vector<NodeRecord> pending_nodes_;
  std::string pending_names_;
  std::vector<std::uint32_t> pending_name_ends_;
  /// Amounts in another currency, converted by FinishLoad: the edges of one row
  /// [first_edge, end_edge) and where the cell was.
  struct Conversion {
    std::size_t first_edge, end_edge;
    double value;
    std::string currency;
    Location place;
  };
  std::vector<Conversion> conversions_;
  FxRates cli_rates_;                              ///< from --fx
  FxRates table_rates_;                            ///< from fx tables
  std::map<std::string, Location> table_rate_places_;  ///< where each table rate was first given
  std::size_t span_dates_ = 0;      ///< date cells of this table read as quarters, halves, fiscal years
  Location first_span_date_;        ///< the first of them

  // Columns of the current table (only those of its kind are set).
  Column id_, label_, type_, roles_, markets_, tags_, description_, source_col_;
  Column from_, to_, amount_, stake_, share_, revenue_, capacity_, start_, end_, scope_,
      reported_, confidence_, note_, direction_;
  Column entity_, metric_, value_, unit_, as_of_, basis_;
  Column status_, currency_, rate_;
};

}  // namespace pg
