#pragma once
// Turns tables into model rows: recognises each table from its header (Kumu's convention),
// maps column names and their aliases, parses cells and stamps every diagnostic with file,
// line and column. One loader serves every reader (CSV, XLSX, JSON).
//
// Recognition: `from` + `to` (or `source` + `target`) -> edges; `entity` + `metric` -> metrics;
// `type` + `maps_to` -> types (a map of free-form types); `id` or `label` -> nodes. When the
// header fits none, the file or sheet name decides (nodes/elements, edges/connections, metrics)
// so a missing column gets its own message.
//
// Wording as people write it (DESIGN §7): headers match after lower-casing and dropping units
// and punctuation (`Amount (USD)` -> amount_usd, `Stake (%)` -> stake_pct, `Year` -> start);
// types match with their synonyms, and a type that is not ours is kept as written. What was
// assumed is said once per table as a note or warning.

#include <array>
#include <cstdint>
#include <memory>
#include <functional>
#include <initializer_list>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "graph/diagnostics.h"

#include "graph/graph_builder.h"
#include "graph/money.h"
#include "graph/value_parser.h"
#include "io/load_options.h"
#include "io/table_sink.h"

namespace pg {

/// kTypes: a map of free-form types; kFx: currency rates (`currency`, `usd_per_unit` or `rate`).
enum class TableKind : std::uint8_t { kNodes, kEdges, kMetrics, kUnknown, kTypes, kFx };

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
  /// An edges table's rows may be read in chunks on other threads; other tables come row by row
  /// (a node row may merge into an earlier one, which only the builder can tell).
  std::unique_ptr<RowChunk> NewChunk(std::uint64_t bytes) override;
  void MergeChunk(std::unique_ptr<RowChunk> chunk) override;
  void SetLenient(bool lenient) { lenient_ = lenient; }

  /// The end of loading: hands the builder the rows still waiting for their names (a reader that
  /// failed mid-table never ends its table) and the rates from `--fx` (which win) and fx tables,
  /// with a warning where the two disagree, then builds. The one way to get the model, so no
  /// waiting row can be left behind.
  PartnershipGraph Build();

  /// Rows read per kind, for summaries.
  std::size_t RowCount(TableKind kind) const { return row_counts_[static_cast<int>(kind)]; }
  /// The kind of the table being read (kUnknown between tables and for skipped ones).
  TableKind Kind() const { return kind_; }

 private:
  /// Node rows still waiting for their names go to the builder.
  void AddPendingNodes();
  /// A string's id in the builder. Intern first hands on the edges waiting for their strings, so
  /// that strings are numbered in reading order; in a chunk it gives a ticket (InternLater).
  StrId Intern(std::string_view text);
  /// An edge row's strings and the edge itself wait in pending_edges_ (the id returned is a
  /// ticket, kPendingString | index) until AddPendingEdges interns them all at once: a million
  /// endpoint names are a million cache misses in the string index, which a batch overlaps.
  StrId InternLater(std::string_view text);
  void AddEdgeLater(const EdgeRecord& record);
  void InternPending();
  void AddPendingEdges();
  struct PendingEdges {
    std::vector<EdgeRecord> records;    ///< details.attributes: 1 + index in `attributes`, or 0
    std::vector<Attributes> attributes;  ///< values are tickets
    std::string text;                    ///< the strings back to back, in reading order
    std::vector<std::uint32_t> ends;     ///< where each ends in `text`
    std::vector<std::string_view> views;  ///< scratch of InternPending, kept for its memory
    std::vector<StrId> ids;
    std::vector<std::uint32_t> sets;
  };
  static constexpr std::uint32_t kPendingString = 1u << 30;
  static constexpr std::size_t kPendingEdgeRows = 512;
  std::uint32_t AddAttributes(Attributes attributes) { return builder_->AddAttributes(std::move(attributes)); }
  /// A stretch of an edges table read by a copy of this loader on another thread: the copy never
  /// touches the builder (every string it meets gets a ticket, its rows wait in its
  /// pending_edges_, its messages here) until MergeChunk hands its rows on as if read here.
  struct ChunkState {
    Diagnostics diagnostics;
    std::size_t first_bad_text = ~std::size_t{0};  ///< index of the chunk's invalid-text message
  };
  class EdgeChunk;  ///< a copy of this loader reading one stretch
  /// Adds what a chunk's rows counted (assumptions, look-alike columns, dates read as spans,
  /// rows of invalid text, rows) to this table's.
  void MergeCounts(const TableLoader& chunk);

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
  /// A wording of this table that was read with an assumption (`Invests In` as invests, a
  /// `reversed` direction), said once per table at EndTable with its first place and count.
  struct Assumption {
    std::string key;  ///< what makes two rows the same assumption
    Severity severity = Severity::kNote;
    std::string message;  ///< without the count
    Location first;
    std::size_t rows = 0;
  };
  /// Counts the row under `key`; the first row of a key also gives the place and message.
  /// Returns the assumption's index in assumptions_.
  std::size_t Assume(std::string key, Severity severity, Column column, const Origin& origin,
                     const std::function<std::string()>& message);
  /// A type cell's wording as this table read it. Rows repeat a handful of wordings, so each is
  /// parsed, interned and noted once, and later rows only count.
  struct Wording {
    std::string text;
    int type = -1;            ///< the EdgeType or NodeType read; -1 for a free type
    StrId label = kNoString;  ///< a free type as written
    int assumption = -1;      ///< index in assumptions_ of the note saying how it was read, or -1
  };
  const Wording& ReadWording(std::string_view text, bool edge, const Origin& origin);
  void ReportAssumptions();
  void NoteHeaderWording(HeaderScan& scan, const Column& target, std::string_view matched);
  bool CheckHeaderUnits(HeaderScan& scan);
  void MarkTypesColumns(HeaderScan& scan);
  /// Unrecognised columns of an edges table whose values all read as amounts or dates.
  void ScanLookAlikes(std::span<const std::string_view> cells);
  void ReportLookAlikes();
  void EdgeTypeCell(std::string_view type, const Origin& origin, Edge& edge, EdgeDetails& details);
  /// The direction cell; false when the row's ends are to be swapped (`reversed`).
  bool DirectionCell(std::span<const std::string_view> cells, const Origin& origin, Edge& edge);
  void TypeRow(std::span<const std::string_view> cells, const Origin& origin);
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
  /// The amount cell: dollars go straight into `edge`; another currency is kept in `details`, and
  /// true is returned: GraphBuilder::Build converts it with the rates it is given.
  bool ParseMoneyCell(std::span<const std::string_view> cells, const Origin& origin, Edge* edge,
                      EdgeDetails* details);
  void ParseStatusCell(std::span<const std::string_view> cells, const Origin& origin, EdgeDetails* details);
  void FxRow(std::span<const std::string_view> cells, const Origin& origin);
  /// One note a table for dates read as spans (Q3 2025, FY2025): what was assumed.
  void NoteDateSpans();

  GraphBuilder* builder_;
  ChunkState* chunk_ = nullptr;  ///< set in a chunk's copy
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
  std::size_t row_counts_[6] = {0, 0, 0, 0, 0, 0};
  std::vector<Assumption> assumptions_;  ///< of the current table
  std::vector<Wording> node_wordings_, edge_wordings_;  ///< of the current table, at most 64 each
  Wording uncached_wording_;
  std::vector<std::uint8_t> look_alike_;  ///< per header cell of an edges table: LookAlike bits
  std::uint32_t header_line_ = 0;
  std::vector<std::uint32_t> header_places_;  ///< per header cell: its Location::column
  /// Node rows whose id and label wait to be interned, and those names back to back (id, label
  /// alternating; `pending_name_ends_` marks where each ends).
  std::vector<NodeRecord> pending_nodes_;
  PendingEdges pending_edges_;
  std::string pending_names_;
  std::vector<std::uint32_t> pending_name_ends_;
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
  Column maps_to_;
  Column status_, currency_, rate_;
};

}  // namespace pg
