#include "io/table_loader.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <filesystem>

#include <fmt/format.h>

#include "graph/text.h"
#include "graph/type_words.h"
#include "graph/value_parser.h"

namespace pg {
namespace {

// Lower case, words joined by underscores, units kept as the last word and punctuation dropped:
// "Element Type" -> element_type, "Amount (USD)", "Amount USD", "Amount, USD" -> amount_usd,
// "Stake (%)" -> stake_pct, "Amount ($)" -> amount_usd. Bytes past ASCII are kept as they are.
std::string NormaliseHeader(std::string_view cell) {
  std::string name;
  bool gap = false;
  auto word = [&](std::string_view text) {
    if (gap && !name.empty()) name += '_';
    gap = false;
    name += text;
  };
  for (const char c : Trim(cell)) {
    const auto byte = static_cast<unsigned char>(c);
    if (c == '%' || c == '$') {
      gap = true;
      word(c == '%' ? "pct" : "usd");
      gap = true;
    } else if (byte >= 0x80 || std::isalnum(byte)) {
      word(std::string(1, static_cast<char>(std::tolower(byte))));
    } else {
      gap = true;
    }
  }
  return name;
}

// The pre-2026-11 normal form (lower case, spaces and dashes as underscores): a header whose
// new form differs had units or punctuation dropped, which a note says.
std::string PlainHeader(std::string_view cell) {
  std::string name = ToLower(Trim(cell));
  for (char& c : name) {
    if (c == ' ' || c == '-') c = '_';
  }
  return name;
}

// Currencies a money column may name in its header (`Amount (EUR)`): amounts in them are not
// dollars, so such a column is refused rather than read as USD.
bool IsOtherCurrency(std::string_view unit) {
  constexpr std::string_view kCodes[] = {"eur", "gbp", "jpy", "cny", "rmb", "chf", "cad", "aud", "inr", "krw",
                                         "sek", "nok", "dkk", "hkd", "sgd", "brl", "\xE2\x82\xAC", "\xC2\xA3",
                                         "\xC2\xA5"};
  return std::find(std::begin(kCodes), std::end(kCodes), unit) != std::end(kCodes);
}

std::string ToUpperAscii(std::string_view text) {
  std::string upper(text);
  for (char& c : upper) c = (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
  return upper;
}

// Whether a cell that reads as an amount says so (a currency sign or word, a scale suffix) or
// is too large to be a count: `7` in a `weight` column is no amount, `$7M` and `1.2e9` are.
bool LooksLikeMoney(std::string_view text, double value) {
  if (value >= 1e6 || text.find_first_of("$\xE2\xC2") != std::string_view::npos) return true;
  const std::string lower = ToLower(text);
  if (lower.find("usd") != std::string::npos) return true;
  const char last = lower.empty() ? '\0' : lower.back();
  return last == 'k' || last == 'm' || last == 'b' || last == 'n' || last == 't';
}

enum LookAlike : std::uint8_t { kMaybeAmounts = 1, kMaybeDates = 2, kSaysMoney = 4, kSeenValue = 8 };

int FindColumn(const std::vector<std::string>& header, std::initializer_list<std::string_view> names) {
  for (std::string_view name : names) {
    auto found = std::find(header.begin(), header.end(), name);
    if (found != header.end()) return static_cast<int>(found - header.begin());
  }
  return -1;
}

// The table kind a file or sheet name suggests: "edges.csv", "Connections", "deals-nodes".
TableKind KindFromName(const TableOrigin& origin) {
  const std::string name = ToLower(origin.sheet.empty()
                                       ? std::filesystem::path(origin.file).stem().string()
                                       : origin.sheet);
  if (name.find("edge") != std::string::npos || name.find("connection") != std::string::npos) {
    return TableKind::kEdges;
  }
  if (name.find("metric") != std::string::npos) return TableKind::kMetrics;
  if (name == "fx" || name.find("rates") != std::string::npos) return TableKind::kFx;
  if (name == "types" || name == "type_map" || name == "type-map") return TableKind::kTypes;
  if (name.find("node") != std::string::npos || name.find("element") != std::string::npos) {
    return TableKind::kNodes;
  }
  return TableKind::kUnknown;
}

// Where cell `index` of a row starts, as Location::column: the reader's character column for
// text files (0 when it did not say), the cell's position otherwise.
std::uint32_t CellColumn(CellColumns columns, std::size_t index) {
  if (columns.empty()) return static_cast<std::uint32_t>(index + 1);
  return index < columns.size() ? columns[index] : 0;
}

// How a message names a header cell: "column 4" in a text file, "column D" in a sheet.
std::string ColumnName(const TableOrigin& origin, std::size_t index) {
  const auto position = static_cast<std::uint32_t>(index + 1);
  return origin.sheet.empty() ? fmt::format("column {}", position) : "column " + ColumnLetters(position);
}

/// Whole dollars written as plain digits (`326000`), as exports and generated tables mostly
/// give amounts: the general parser (currencies, qualifiers, scales, words) reads them the same,
/// slower. Up to 15 digits without a leading zero: exact in a double and under the 1e15 cap.
std::optional<double> PlainWholeDollars(std::string_view text) {
  if (text.empty() || text.size() > 15 || (text[0] == '0' && text.size() > 1)) return std::nullopt;
  std::uint64_t value = 0;
  for (const char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + static_cast<std::uint64_t>(c - '0');
  }
  return static_cast<double>(value);
}

}  // namespace

TableLoader::TableLoader(GraphBuilder* builder, Diagnostics* diagnostics, bool lenient,
                         const LoadOptions& options)
    : builder_(builder), diagnostics_(diagnostics), lenient_(lenient), options_(options) {
  for (const std::string& item : options_.fx) {
    std::string error;
    if (!cli_rates_.Parse(item, &error)) diagnostics_->Error({}, "--fx: " + error);
  }
}

bool TableLoader::CheckHeader(const TableOrigin& origin, std::span<const std::string_view> cells,
                              const std::vector<std::string>& names, std::uint32_t line, CellColumns columns) {
  bool ok = true;
  for (std::size_t i = 0; i < cells.size(); ++i) {
    const Location place{origin.file, origin.sheet, line, CellColumn(columns, i)};
    if (const TextFault fault = FindTextFault(cells[i])) {
      diagnostics_->Error(place, TextFaultMessage(fault));
      return false;
    }
    if (names[i].empty()) continue;
    // Two columns of one name: the second would be dropped without a word.
    for (std::size_t first = 0; first < i; ++first) {
      if (names[first] != names[i]) continue;
      diagnostics_->Error(place, fmt::format("duplicate column \"{}\" (also {})", Trim(cells[i]),
                                             ColumnName(origin, first)));
      ok = false;
      break;
    }
  }
  return ok;
}

bool TableLoader::BeginTable(const TableOrigin& origin, std::span<const std::string_view> cells,
                             std::uint32_t header_line, CellColumns columns) {
  std::vector<std::string> header;
  for (std::string_view cell : cells) header.push_back(NormaliseHeader(cell));
  source_ = builder_->AddSource(origin.file, origin.sheet);
  bad_text_rows_ = 0;
  kind_ = TableKind::kUnknown;
  if (!CheckHeader(origin, cells, header, header_line, columns)) return false;
  const Location place{origin.file, origin.sheet, header_line, 0};

  auto col = [&](std::initializer_list<std::string_view> names) { return Column{FindColumn(header, names)}; };
  // `source` names the provenance when from/to are present, the tail end otherwise
  // (source,target is the graph-tool habit the shared bench data uses).
  const bool source_target = FindColumn(header, {"from"}) < 0 && FindColumn(header, {"to"}) < 0 &&
                             FindColumn(header, {"source"}) >= 0 && FindColumn(header, {"target"}) >= 0;
  const Column from = source_target ? col({"source"}) : col({"from"});
  const Column to = source_target ? col({"target"}) : col({"to"});
  if (from.present() && to.present()) {
    kind_ = TableKind::kEdges;
  } else if (col({"entity"}).present() && col({"metric"}).present()) {
    kind_ = TableKind::kMetrics;
  } else if (col({"maps_to", "map_to", "means", "canonical", "canonical_type", "our_type"}).present() &&
             !from.present() && !to.present()) {
    kind_ = TableKind::kTypes;
  } else if (col({"id", "label", "name"}).present() && !from.present() && !to.present()) {
    kind_ = TableKind::kNodes;
  } else if (col({"currency"}).present() && col({"usd_per_unit", "rate", "usd_rate", "fx_rate"}).present()) {
    kind_ = TableKind::kFx;
  }
  if (kind_ == TableKind::kUnknown) {
    ReportUnknownTable(origin, place, from.present(), col({"entity"}).present());
    return false;
  }
  assumptions_.clear();
  node_wordings_.clear();
  edge_wordings_.clear();
  look_alike_.clear();
  header_line_ = header_line;
  header_places_.clear();
  for (std::size_t i = 0; i < cells.size(); ++i) header_places_.push_back(CellColumn(columns, i));

  known_field_.assign(header.size(), false);
  header_ids_.clear();
  for (std::string_view cell : cells) header_ids_.push_back(Intern(Trim(cell)));
  for (Column* c : {&id_, &label_, &type_, &roles_, &markets_, &tags_, &description_, &source_col_,
                    &from_, &to_, &amount_, &stake_, &share_, &revenue_, &capacity_, &start_, &end_,
                    &scope_, &reported_, &confidence_, &note_, &direction_, &entity_, &metric_,
                    &value_, &unit_, &as_of_, &basis_, &maps_to_, &status_, &currency_, &rate_}) {
    *c = Column{};
  }
  HeaderScan scan{origin, cells, header, header_line, columns};
  switch (kind_) {
    case TableKind::kNodes:
      // A node row takes at least ~16 bytes and interns about two strings (id and label) in 30.
      builder_->ReserveNodes(origin.bytes / 16, origin.bytes / 15);
      builder_->MarkNodesTableSeen();
      Mark(scan, id_, {"id"});
      Mark(scan, label_, {"label", "name"});
      Mark(scan, type_, {"type", "kind", "element_type", "node_type"});
      Mark(scan, roles_, {"roles", "role"});
      Mark(scan, markets_, {"markets", "market", "rival_groups"});
      Mark(scan, tags_, {"tags", "tag"});
      Mark(scan, description_, {"description", "desc"});
      Mark(scan, source_col_, {"source", "sources"});
      break;
    case TableKind::kEdges:
      builder_->ReserveEdges(origin.bytes / 20);  // an edge row takes at least ~20 bytes
      MarkEdgeColumns(scan, source_target);
      break;
    case TableKind::kMetrics:
      Mark(scan, entity_, {"entity"});
      Mark(scan, metric_, {"metric"});
      Mark(scan, value_, {"value"});
      Mark(scan, unit_, {"unit", "units"});
      Mark(scan, as_of_, {"as_of", "asof", "date", "year"});
      Mark(scan, basis_, {"basis"});
      Mark(scan, source_col_, {"source", "sources"});
      Mark(scan, confidence_, {"confidence"});
      Mark(scan, note_, {"note", "notes"});
      if (!value_.present()) {
        diagnostics_->Error(place, "missing required column \"value\": a metrics table needs entity, metric and value");
        kind_ = TableKind::kUnknown;
        return false;
      }
      break;
    case TableKind::kTypes:
      MarkTypesColumns(scan);
      break;
    case TableKind::kFx:
      Mark(scan, currency_, {"currency"});
      Mark(scan, rate_, {"usd_per_unit", "rate", "usd_rate", "fx_rate"});  // USD per unit
      break;
    case TableKind::kUnknown:
      break;
  }
  // Unknown columns are kept as attributes; a table without any skips collecting them per row.
  has_attributes_ = false;
  for (std::size_t i = 0; i < header.size(); ++i) has_attributes_ |= !known_field_[i] && header_ids_[i] != kNoString;
  if (kind_ == TableKind::kEdges && has_attributes_) {
    look_alike_.assign(header.size(), 0);
    for (std::size_t i = 0; i < header.size(); ++i) {
      if (!known_field_[i] && header_ids_[i] != kNoString) look_alike_[i] = kMaybeAmounts | kMaybeDates;
    }
  }
  if (kind_ == TableKind::kEdges && !CheckHeaderUnits(scan)) scan.duplicates = true;
  if (scan.duplicates) kind_ = TableKind::kUnknown;
  return !scan.duplicates;
}

void TableLoader::Mark(HeaderScan& scan, Column& target, std::initializer_list<std::string_view> names) {
  target = Column{FindColumn(scan.names, names)};
  if (!target.present()) return;
  known_field_[target.field] = true;
  NoteHeaderWording(scan, target, *names.begin());
  // Another column that is also one of `names` (amount beside amount_usd) would be dropped: an
  // error at the later of the two. Identical names were reported by CheckHeader.
  for (std::size_t i = 0; i < scan.names.size(); ++i) {
    if (static_cast<int>(i) == target.field || std::find(names.begin(), names.end(), scan.names[i]) == names.end()) {
      continue;
    }
    known_field_[i] = true;
    const std::size_t first = std::min<std::size_t>(i, target.field);
    const std::size_t second = std::max<std::size_t>(i, target.field);
    diagnostics_->Error(Location{scan.origin.file, scan.origin.sheet, scan.line, CellColumn(scan.columns, second)},
                        fmt::format("duplicate column \"{}\": {} (\"{}\") gives the same field",
                                    Trim(scan.cells[second]), ColumnName(scan.origin, first), Trim(scan.cells[first])));
    scan.duplicates = true;
  }
}

void TableLoader::MarkEdgeColumns(HeaderScan& scan, bool source_target) {
  if (source_target) {
    Mark(scan, from_, {"source"});
    Mark(scan, to_, {"target"});
  } else {
    Mark(scan, from_, {"from"});
    Mark(scan, to_, {"to"});
  }
  Mark(scan, type_, {"type", "kind", "connection_type", "edge_type"});
  Mark(scan, amount_, {"amount_usd", "amount", "value_usd"});
  Mark(scan, stake_, {"stake_pct", "stake"});
  Mark(scan, share_, {"share_pct", "share", "take_pct", "take"});
  Mark(scan, revenue_, {"revenue_usd", "revenue"});
  Mark(scan, capacity_, {"capacity_gw", "capacity", "gw"});
  Mark(scan, start_, {"start", "start_date", "date", "year"});
  Mark(scan, end_, {"end", "end_date"});
  Mark(scan, scope_, {"scope"});
  if (source_target) {
    Mark(scan, source_col_, {"sources"});
  } else {
    Mark(scan, source_col_, {"source", "sources"});
  }
  Mark(scan, reported_, {"reported", "reported_at", "reported_on"});
  Mark(scan, confidence_, {"confidence"});
  Mark(scan, note_, {"note", "notes", "description"});
  Mark(scan, direction_, {"direction"});
  Mark(scan, status_, {"status", "deal_status"});
}

void TableLoader::NoteHeaderWording(HeaderScan& scan, const Column& target, std::string_view field) {
  const std::string_view cell = Trim(scan.cells[target.field]);
  const std::string& name = scan.names[target.field];
  // Units or punctuation dropped (`Amount (USD)`, `Amount USD`), or a bare date read as one field
  // (`Year`); not a plain alias (`Label`, `kind`, `amount_usd`).
  const bool has_unit = name.ends_with("_usd") || name.ends_with("_pct") || name.ends_with("_gw");
  const bool dropped = PlainHeader(cell) != name || (has_unit && ToLower(cell) != name);
  if (!dropped && name != "year" && name != "date") return;
  const Location place{scan.origin.file, scan.origin.sheet, scan.line, CellColumn(scan.columns, target.field)};
  diagnostics_->Add(Severity::kNote, place, fmt::format("column \"{}\" read as {}", cell, field));
}

bool TableLoader::CheckHeaderUnits(HeaderScan& scan) {
  // A field's name with a unit that is not ours (`Capacity (MW)`, `Amount (USD m)`): its values
  // would be misread, so it is kept as an attribute and said; another currency is refused.
  constexpr std::pair<std::string_view, std::string_view> kFields[] = {
      {"amount", "amount_usd"}, {"revenue", "revenue_usd"}, {"stake", "stake_pct"},
      {"share", "share_pct"},   {"capacity", "capacity_gw"}};
  bool ok = true;
  for (std::size_t i = 0; i < scan.names.size(); ++i) {
    const std::string_view name = scan.names[i];
    const std::size_t cut = name.find('_');
    if (known_field_[i] || cut == std::string_view::npos) continue;
    const std::string_view field = name.substr(0, cut);
    const std::string_view unit = name.substr(cut + 1);
    const auto known = std::find_if(std::begin(kFields), std::end(kFields), [&](auto& f) { return f.first == field; });
    if (known == std::end(kFields)) continue;
    const Location place{scan.origin.file, scan.origin.sheet, scan.line, CellColumn(scan.columns, i)};
    const std::string_view cell = Trim(scan.cells[i]);
    if (field != "stake" && field != "share" && field != "capacity" && IsOtherCurrency(unit)) {
      diagnostics_->Error(place, fmt::format("column \"{}\" holds amounts in {}, which are not read as US dollars: "
                                             "write the currency in each cell ({} 15M) and give its rate with --fx, "
                                             "or convert the column and name it {}",
                                             cell, ToUpperAscii(unit), ToUpperAscii(unit), known->second));
      ok = false;
      continue;
    }
    diagnostics_->Warning(place, fmt::format("column \"{}\" is not read as {}: its unit is not one we read; kept as "
                                             "an attribute - convert it and name it {} to use it",
                                             cell, known->second, known->second));
    if (i < look_alike_.size()) look_alike_[i] = 0;  // said once
  }
  return ok;
}

void TableLoader::MarkTypesColumns(HeaderScan& scan) {
  Mark(scan, type_, {"type", "free_type", "written", "wording", "as_written"});
  Mark(scan, maps_to_, {"maps_to", "map_to", "means", "canonical", "canonical_type", "our_type"});
  if (!type_.present()) {
    // A glossary sheet (term, means) in a workbook is no types table: skipped there, as any
    // sheet we cannot tell.
    const Location place{scan.origin.file, scan.origin.sheet, scan.line, 0};
    const std::string message = "missing required column \"type\": a types table needs type and maps_to";
    if (lenient_) {
      diagnostics_->Warning(place, "skipped: " + message);
    } else {
      diagnostics_->Error(place, message);
    }
    scan.duplicates = true;  // refuses the table
  }
}

std::size_t TableLoader::Assume(std::string key, Severity severity, Column column, const Origin& origin,
                                const std::function<std::string()>& message) {
  for (std::size_t i = 0; i < assumptions_.size(); ++i) {
    if (assumptions_[i].key == key) {
      ++assumptions_[i].rows;
      return i;
    }
  }
  assumptions_.push_back({std::move(key), severity, message(), builder_->Place(origin, ColumnOf(column)), 1});
  return assumptions_.size() - 1;
}

const TableLoader::Wording& TableLoader::ReadWording(std::string_view text, bool edge, const Origin& origin) {
  std::vector<Wording>& cache = edge ? edge_wordings_ : node_wordings_;
  for (const Wording& known : cache) {
    if (known.text != text) continue;
    if (known.assumption >= 0) ++assumptions_[known.assumption].rows;
    return known;
  }
  Wording wording{std::string(text)};
  std::string_view name;
  if (edge) {
    const std::optional<EdgeType> parsed = ParseEdgeType(text);
    if (parsed) name = EdgeTypeName(*parsed);
    wording.type = parsed ? static_cast<int>(*parsed) : -1;
  } else {
    const std::optional<NodeType> parsed = ParseNodeType(text);
    if (parsed) name = NodeTypeName(*parsed);
    wording.type = parsed ? static_cast<int>(*parsed) : -1;
  }
  const std::string_view kind = edge ? "edge" : "node";
  if (wording.type < 0) {
    // Not one of ours (`licenses`, `Government`): kept as written; GraphBuilder warns once per
    // type or applies the user's map.
    wording.label = Intern(text);
  } else if (edge && IsAcquisitionWord(text)) {
    wording.assumption = static_cast<int>(Assume("edge type acquisition", Severity::kNote, type_, origin, [&] {
      return fmt::format("edge type \"{}\" read as owns: an acquisition counts as ownership, closed or not", text);
    }));
  } else if (!EqualsIgnoreCase(text, name)) {  // `Cloud` is our cloud: nothing was assumed
    wording.assumption = static_cast<int>(Assume(fmt::format("{} type {}", kind, text), Severity::kNote, type_, origin,
                                                 [&] { return fmt::format("{} type \"{}\" read as {}", kind, text, name); }));
  }
  if (cache.size() >= 64) {  // a table of many wordings: parse each row
    uncached_wording_ = std::move(wording);
    return uncached_wording_;
  }
  cache.push_back(std::move(wording));
  return cache.back();
}

void TableLoader::ReportAssumptions() {
  for (Assumption& assumption : assumptions_) {
    diagnostics_->Add(assumption.severity, std::move(assumption.first),
                      fmt::format("{} ({} row{} in this table)", assumption.message, assumption.rows,
                                  assumption.rows == 1 ? "" : "s"));
  }
  assumptions_.clear();
}

void TableLoader::ScanLookAlikes(std::span<const std::string_view> cells) {
  const std::size_t n = std::min(cells.size(), look_alike_.size());
  std::string error;
  for (std::size_t i = 0; i < n; ++i) {
    std::uint8_t& bits = look_alike_[i];
    if ((bits & (kMaybeAmounts | kMaybeDates)) == 0) continue;
    const std::string_view text = Trim(cells[i]);
    if (text.empty()) continue;
    bits |= kSeenValue;
    if ((bits & kMaybeDates) && !ParseDate(text, &error)) bits &= ~kMaybeDates;
    if (bits & kMaybeAmounts) {
      const std::optional<double> amount = ParseAmount(text, &error);
      if (!amount) bits &= ~kMaybeAmounts;
      if (amount && LooksLikeMoney(text, *amount)) bits |= kSaysMoney;
    }
  }
}

void TableLoader::ReportLookAlikes() {
  for (std::size_t i = 0; i < look_alike_.size(); ++i) {
    const std::uint8_t bits = look_alike_[i];
    if (!(bits & kSeenValue)) continue;
    const bool dates = bits & kMaybeDates;
    if (!dates && !((bits & kMaybeAmounts) && (bits & kSaysMoney))) continue;
    const std::string_view header = builder_->Text(header_ids_[i]);
    const Location place = builder_->Place(Origin{source_, header_line_}, header_places_[i]);
    diagnostics_->Warning(place, fmt::format("column \"{}\" looks like {}; kept as an attribute - name it {} to "
                                             "use it",
                                             header, dates ? "dates" : "amounts", dates ? "start or end" : "amount_usd"));
  }
  look_alike_.clear();
}

void TableLoader::ReportUnknownTable(const TableOrigin& origin, const Location& place, bool has_from,
                                     bool has_entity) {
  const TableKind hinted = KindFromName(origin);
  std::string message;
  switch (hinted) {
    case TableKind::kEdges:
      message = fmt::format("missing required column \"{}\": an edges table needs from and to",
                            has_from ? "to" : "from");
      break;
    case TableKind::kMetrics:
      message = fmt::format("missing required column \"{}\": a metrics table needs entity, metric and value",
                            has_entity ? "metric" : "entity");
      break;
    case TableKind::kNodes:
      message = "missing required column \"id\" (or \"label\"): a nodes table needs one of them";
      break;
    case TableKind::kFx:
      message = "an fx table needs the columns currency and usd_per_unit (or rate), as currency,usd_per_unit / "
                "EUR,1.08";
      break;
    case TableKind::kTypes:
      message = "a types table needs the columns type and maps_to, as type,maps_to / Invests In,invests";
      break;
    case TableKind::kUnknown:
      message = "cannot tell what table this is from its header: expected id or label (nodes), "
                "from and to (edges), or entity, metric and value (metrics)";
      break;
  }
  if (lenient_ && hinted == TableKind::kUnknown) {
    diagnostics_->Warning(place, "skipped: " + message);
  } else {
    diagnostics_->Error(place, message);
  }
}

void TableLoader::EndTable() {
  AddPendingEdges();
  AddPendingNodes();
  ReportAssumptions();
  ReportLookAlikes();
  NoteDateSpans();
  if (bad_text_rows_ > 1) {
    diagnostics_->Add(Severity::kNote, builder_->Place(Origin{source_, 0}),
                      fmt::format("{} more {} invalid UTF-8 or control characters (only the first is shown)",
                                  bad_text_rows_ - 1, bad_text_rows_ == 2 ? "row holds" : "rows hold"));
  }
  bad_text_rows_ = 0;
  kind_ = TableKind::kUnknown;
}

std::string_view TableLoader::Cell(std::span<const std::string_view> cells, Column column) const {
  if (!column.present() || static_cast<std::size_t>(column.field) >= cells.size()) return {};
  return Trim(cells[column.field]);
}

std::uint32_t TableLoader::ColumnOf(Column column) const {
  return column.present() ? CellColumn(row_columns_, column.field) : 0;
}

void TableLoader::CellError(const Origin& origin, Column column, std::string message) {
  AddPendingNodes();  // rows before this one first, so that diagnostics stay in row order
  diagnostics_->Error(builder_->Place(origin, ColumnOf(column)), std::move(message));
}

bool TableLoader::CheckText(std::span<const std::string_view> cells, const Origin& origin) {
  // Cells back to back in the reader's buffer (CSV) are checked in one go: one call a row.
  if (!cells.empty()) {
    const char* end = cells.front().data();
    for (std::string_view cell : cells) end = cell.data() == end ? end + cell.size() : nullptr;
    if (end != nullptr && !FindTextFault(std::string_view(cells.front().data(), end - cells.front().data()))) {
      return true;
    }
  }
  for (std::size_t i = 0; i < cells.size(); ++i) {
    const TextFault fault = FindTextFault(cells[i]);
    if (!fault) continue;
    // One message a table: a file saved in another encoding would otherwise print every row.
    if (bad_text_rows_++ == 0) {
      if (chunk_) chunk_->first_bad_text = diagnostics_->All().size();
      CellError(origin, Column{static_cast<int>(i)}, TextFaultMessage(fault));
    }
    return false;
  }
  return true;
}

std::uint32_t TableLoader::CollectAttributes(std::span<const std::string_view> cells) {
  const bool later = kind_ == TableKind::kEdges;  // an edge row's strings wait for AddPendingEdges
  Attributes attributes;
  const std::size_t n = std::min(cells.size(), known_field_.size());
  for (std::size_t i = 0; i < n; ++i) {
    if (known_field_[i] || header_ids_[i] == kNoString) continue;
    const std::string_view value = Trim(cells[i]);
    if (value.empty()) continue;
    attributes.push_back({header_ids_[i], later ? InternLater(value) : Intern(value)});
  }
  if (!later) return AddAttributes(std::move(attributes));
  if (attributes.empty()) return 0;
  pending_edges_.attributes.push_back(std::move(attributes));
  return static_cast<std::uint32_t>(pending_edges_.attributes.size());  // 1 + index, until then
}

double TableLoader::ParseAmountCell(std::span<const std::string_view> cells, Column column,
                                    const Origin& origin) {
  const std::string_view text = Cell(cells, column);
  if (text.empty()) return kMissing;
  std::string error;
  const std::optional<double> value = ParseAmount(text, &error);
  std::string ignored;
  if (!value && ParseStatedAmount(text, &ignored)) {
    error = fmt::format("\"{}\": a currency or qualifier is read in the amount column only; give this one in "
                        "US dollars, as a plain figure",
                        text);
  }
  if (!value) CellError(origin, column, error);
  return value.value_or(kMissing);
}

double TableLoader::ParsePercentCell(std::span<const std::string_view> cells, Column column,
                                     const Origin& origin) {
  const std::string_view text = Cell(cells, column);
  if (text.empty()) return kMissing;
  std::string error;
  const std::optional<double> value = ParsePercent(text, &error);
  if (!value) CellError(origin, column, error);
  return value.value_or(kMissing);
}

double TableLoader::ParseNumberCell(std::span<const std::string_view> cells, Column column,
                                    const Origin& origin) {
  const std::string_view text = Cell(cells, column);
  if (text.empty()) return kMissing;
  std::string error;
  const std::optional<double> value = ParseNumber(text, &error);
  if (!value) CellError(origin, column, error);
  return value.value_or(kMissing);
}

double TableLoader::ParseConfidenceCell(std::span<const std::string_view> cells, Column column,
                                        const Origin& origin) {
  const std::string_view text = Cell(cells, column);
  if (text.empty()) return kMissing;
  std::string error;
  const std::optional<double> value = ParseConfidence(text, &error);
  if (!value) CellError(origin, column, error);
  return value.value_or(kMissing);
}

Date TableLoader::ParseDateCell(std::span<const std::string_view> cells, Column column,
                                const Origin& origin, DateRole role) {
  const std::string_view text = Cell(cells, column);
  if (text.empty()) return {};
  std::string error;
  const std::optional<Date> value = ParseDate(text, &error, role);
  if (!value) CellError(origin, column, error);
  // Letters in a date are rare (ISO has none): only then is it worth asking whether it was a span.
  if (value && std::any_of(text.begin(), text.end(), [](char c) { return std::isalpha(static_cast<unsigned char>(c)); }) &&
      IsDateSpan(text) && span_dates_++ == 0) {
    first_span_date_ = builder_->Place(origin, ColumnOf(column));
  }
  return value.value_or(Date());
}

void TableLoader::Row(std::span<const std::string_view> cells, std::uint32_t line, CellColumns columns) {
  if (kind_ == TableKind::kUnknown) return;
  const Origin origin{source_, line};
  row_columns_ = columns;
  if (!CheckText(cells, origin)) return;
  switch (kind_) {
    case TableKind::kNodes: NodeRow(cells, origin); break;
    case TableKind::kEdges: EdgeRow(cells, origin); break;
    case TableKind::kMetrics: MetricRow(cells, origin); break;
    case TableKind::kTypes: TypeRow(cells, origin); break;
    case TableKind::kFx: FxRow(cells, origin); break;
    case TableKind::kUnknown: return;
  }
  ++row_counts_[static_cast<int>(kind_)];
}

void TableLoader::NodeRow(std::span<const std::string_view> cells, const Origin& origin) {
  NodeRecord record;
  Node& node = record.node;
  node.origin = origin;
  const std::string_view id = Cell(cells, id_);
  const std::string_view label = Cell(cells, label_);
  if (id.empty() && label.empty()) {
    CellError(origin, id_.present() ? id_ : label_, "node row without an id or label");
    return;
  }

  const std::string_view type = Cell(cells, type_);
  if (!type.empty()) {
    const Wording& wording = ReadWording(type, /*edge=*/false, origin);
    if (wording.type >= 0) {
      node.type = static_cast<NodeType>(wording.type);
      record.type_given = true;
    } else {
      node.type_label = wording.label;  // `other` to the passes, unless a role says more
      record.type_column = ColumnOf(type_);
    }
  }
  for (std::string_view role : SplitList(Cell(cells, roles_))) {
    if (const auto parsed = ParseNodeType(role)) {
      node.roles |= RoleBit(*parsed);
      if (!record.type_given) {
        node.type = *parsed;  // the first role stands in for a missing type
        record.type_given = true;
      }
    } else {
      CellError(origin, roles_, fmt::format("unknown role \"{}\" (expected one of: {})", role,
                                            NodeTypeChoices()));
    }
  }
  for (std::string_view market : SplitList(Cell(cells, markets_))) record.markets.push_back(Intern(market));
  for (std::string_view tag : SplitList(Cell(cells, tags_))) record.tags.push_back(Intern(tag));
  node.description = Intern(Cell(cells, description_));
  node.source = Intern(Cell(cells, source_col_));
  node.attributes = has_attributes_ ? CollectAttributes(cells) : 0;
  // Ids and labels are new strings, each a cache miss in the string index: interned in batches.
  pending_names_.append(id.empty() ? label : id);
  pending_name_ends_.push_back(static_cast<std::uint32_t>(pending_names_.size()));
  pending_names_.append(label);
  pending_name_ends_.push_back(static_cast<std::uint32_t>(pending_names_.size()));
  pending_nodes_.push_back(std::move(record));
  if (pending_nodes_.size() >= 512) AddPendingNodes();
}

void TableLoader::AddPendingNodes() {
  if (pending_nodes_.empty()) return;
  std::vector<std::string_view> names(pending_name_ends_.size());
  std::uint32_t begin = 0;
  for (std::size_t k = 0; k < names.size(); ++k) {
    names[k] = std::string_view(pending_names_).substr(begin, pending_name_ends_[k] - begin);
    begin = pending_name_ends_[k];
  }
  std::vector<StrId> ids(names.size());
  builder_->InternMany(names, ids.data());
  for (std::size_t k = 0; k < pending_nodes_.size(); ++k) {
    pending_nodes_[k].node.id = ids[2 * k];
    pending_nodes_[k].node.label = names[2 * k + 1].empty() ? kNoString : ids[2 * k + 1];
    builder_->AddNode(std::move(pending_nodes_[k]));
  }
  pending_nodes_.clear();
  pending_names_.clear();
  pending_name_ends_.clear();
}

void TableLoader::EdgeRow(std::span<const std::string_view> cells, const Origin& origin) {
  Edge edge;
  EdgeDetails details;
  edge.origin = origin;
  EdgeTypeCell(Cell(cells, type_), origin, edge, details);
  const bool reversed = !DirectionCell(cells, origin, edge);
  const bool converts = ParseMoneyCell(cells, origin, &edge, &details);
  ParseStatusCell(cells, origin, &details);
  details.stake_pct = ParsePercentCell(cells, stake_, origin);
  details.share_pct = ParsePercentCell(cells, share_, origin);
  details.revenue_usd = ParseAmountCell(cells, revenue_, origin);
  details.capacity_gw = ParseNumberCell(cells, capacity_, origin);
  if (details.capacity_gw < 0) {  // kMissing is NaN: only a parsed negative figure gets here
    CellError(origin, capacity_, fmt::format("negative capacity \"{}\"", Cell(cells, capacity_)));
    details.capacity_gw = kMissing;
  }
  edge.confidence = ParseConfidenceCell(cells, confidence_, origin);
  edge.start = ParseDateCell(cells, start_, origin);
  edge.end = ParseDateCell(cells, end_, origin, DateRole::kEnd);
  details.reported = ParseDateCell(cells, reported_, origin);
  if (edge.start.Known() && edge.end.Known() && edge.end.LastDay() < edge.start.FirstDay()) {
    CellError(origin, end_, fmt::format("end {} is before start {}", edge.end.ToString(), edge.start.ToString()));
  }
  if (scope_.present()) details.scope = InternLater(Cell(cells, scope_));
  if (source_col_.present()) edge.source = InternLater(Cell(cells, source_col_));
  if (note_.present()) details.note = InternLater(Cell(cells, note_));
  details.attributes = has_attributes_ ? CollectAttributes(cells) : 0;
  if (!look_alike_.empty()) ScanLookAlikes(cells);

  std::string_view from_cell = Cell(cells, from_);
  std::string_view to_cell = Cell(cells, to_);
  std::uint32_t from_column = ColumnOf(from_);
  std::uint32_t to_column = ColumnOf(to_);
  if (from_cell.empty() || to_cell.empty()) {
    CellError(origin, from_cell.empty() ? from_ : to_,
              fmt::format("edge row without a \"{}\" node", from_cell.empty() ? "from" : "to"));
    return;
  }
  if (reversed) {
    std::swap(from_cell, to_cell);
    std::swap(from_column, to_column);
  }
  // Kumu: a `|` list in From or To makes one edge per listed node.
  const bool lists = from_cell.find_first_of("|;") != std::string_view::npos ||
                     to_cell.find_first_of("|;") != std::string_view::npos;
  EdgeRecord record{edge, details};
  record.from_column = from_column;
  record.to_column = to_column;
  record.type_column = ColumnOf(type_);
  record.convert_amount = converts;
  record.amount_column = converts ? ColumnOf(amount_) : 0;
  if (!lists) {
    record.from_name = InternLater(from_cell);
    record.to_name = InternLater(to_cell);
    AddEdgeLater(record);
    return;
  }
  for (std::string_view from : SplitList(from_cell)) {
    for (std::string_view to : SplitList(to_cell)) {
      record.from_name = InternLater(from);
      record.to_name = InternLater(to);
      AddEdgeLater(record);
    }
  }
}

void TableLoader::EdgeTypeCell(std::string_view type, const Origin& origin, Edge& edge, EdgeDetails& details) {
  edge.type = EdgeType::kPartners;  // Kumu connections often carry no type: drawn, not scored
  edge.directed = false;
  if (type.empty()) return;
  const Wording& wording = ReadWording(type, /*edge=*/true, origin);
  if (wording.type < 0) {
    details.type_label = wording.label;  // `partners` to the passes, drawn from -> to
    edge.directed = true;
    return;
  }
  edge.type = static_cast<EdgeType>(wording.type);
  edge.directed = !IsUndirected(edge.type);
}

bool TableLoader::DirectionCell(std::span<const std::string_view> cells, const Origin& origin, Edge& edge) {
  const std::string_view direction = Cell(cells, direction_);
  if (direction.empty()) return true;
  if (EqualsIgnoreCase(direction, "directed")) {
    edge.directed = true;
  } else if (EqualsIgnoreCase(direction, "reversed")) {
    // Kumu: the connection points from To to From.
    edge.directed = true;
    Assume("direction reversed", Severity::kNote, direction_, origin,
           [] { return std::string("direction \"reversed\": read from the to column to the from column"); });
    return false;
  } else if (EqualsIgnoreCase(direction, "undirected") || EqualsIgnoreCase(direction, "mutual")) {
    if (IsUndirected(edge.type)) {
      edge.directed = false;
    } else {
      // An investment (or ownership, supply...) has one direction; both ways would count it twice.
      Assume(fmt::format("direction {} {}", ToLower(direction), EdgeTypeName(edge.type)), Severity::kWarning,
             direction_, origin, [&] {
               return fmt::format("direction \"{}\" on an edge of type {}: kept from the from column to the "
                                  "to column, not read as two edges, one each way",
                                  direction, EdgeTypeName(edge.type));
             });
    }
  } else {
    CellError(origin, direction_,
              fmt::format("unknown direction \"{}\" (expected directed, undirected, mutual or reversed)", direction));
  }
  return true;
}

void TableLoader::TypeRow(std::span<const std::string_view> cells, const Origin& origin) {
  const std::string_view written = Cell(cells, type_);
  const std::string_view target = Cell(cells, maps_to_);
  if (written.empty() && target.empty()) return;
  if (written.empty() || target.empty()) {
    CellError(origin, written.empty() ? type_ : maps_to_,
              fmt::format("types row without {}", written.empty() ? "a type" : "what it maps to"));
    return;
  }
  TypeMapping mapping;
  mapping.origin = origin;
  mapping.column = ColumnOf(maps_to_);
  mapping.edge = ParseEdgeType(target);
  if (!mapping.edge) mapping.node = ParseNodeType(target);
  if (!mapping.edge && !mapping.node) {
    CellError(origin, maps_to_,
              fmt::format("unknown type \"{}\" to map \"{}\" to (expected an edge type: {}; or a node type: {})",
                          target, written, EdgeTypeChoices(), NodeTypeChoices()));
    return;
  }
  const std::optional<EdgeType> as_edge = ParseEdgeType(written);
  const std::optional<NodeType> as_node = ParseNodeType(written);
  if (as_edge || as_node) {
    diagnostics_->Warning(builder_->Place(origin, ColumnOf(type_)),
                          fmt::format("type \"{}\" is already read as {}; a types table maps only types that are "
                                      "not ours, so this row is ignored",
                                      written, as_edge ? EdgeTypeName(*as_edge) : NodeTypeName(*as_node)));
    return;
  }
  builder_->AddTypeMapping(written, mapping);
}

void TableLoader::MetricRow(std::span<const std::string_view> cells, const Origin& origin) {
  MetricRecord record;
  Metric& metric = record.metric;
  metric.origin = origin;
  const std::string_view entity = Cell(cells, entity_);
  const std::string_view name = Cell(cells, metric_);
  if (entity.empty() || name.empty()) {
    CellError(origin, entity.empty() ? entity_ : metric_,
              fmt::format("metric row without {}", entity.empty() ? "an entity" : "a metric name"));
    return;
  }
  const std::string_view value = Cell(cells, value_);
  if (value.empty()) {
    CellError(origin, value_, "metric row without a value");
    return;
  }
  metric.value = ParseNumberCell(cells, value_, origin);
  if (!Known(metric.value)) return;
  metric.metric = Intern(name);
  metric.unit = Intern(Cell(cells, unit_));
  metric.as_of = ParseDateCell(cells, as_of_, origin, DateRole::kEnd);
  metric.basis = Intern(Cell(cells, basis_));
  metric.source = Intern(Cell(cells, source_col_));
  metric.confidence = ParseConfidenceCell(cells, confidence_, origin);
  metric.note = Intern(Cell(cells, note_));
  metric.attributes = has_attributes_ ? CollectAttributes(cells) : 0;
  record.entity_name = Intern(entity);
  record.entity_column = ColumnOf(entity_);
  builder_->AddMetric(std::move(record));
}

bool TableLoader::ParseMoneyCell(std::span<const std::string_view> cells, const Origin& origin, Edge* edge,
                                 EdgeDetails* details) {
  const std::string_view text = Cell(cells, amount_);
  if (const std::optional<double> dollars = PlainWholeDollars(text)) {
    edge->amount_usd = *dollars;
    return false;
  }
  if (text.empty() || SaysUndisclosed(text)) return false;
  std::string error;
  std::optional<StatedAmount> stated = ParseStatedAmount(text, &error);
  if (!stated) {
    CellError(origin, amount_, error);
    return false;
  }
  details->qualifier = stated->qualifier;
  if (stated->currency.empty()) {
    edge->amount_usd = stated->value;
    return false;
  }
  // In another currency: kept as stated; GraphBuilder::Build converts it once every rate is known.
  details->original_amount = stated->value;
  details->currency = InternLater(stated->currency);
  return true;
}

void TableLoader::ParseStatusCell(std::span<const std::string_view> cells, const Origin& origin,
                                  EdgeDetails* details) {
  const std::string_view text = Cell(cells, status_);
  if (text.empty()) return;
  if (const std::optional<DealStatus> status = ParseDealStatus(text)) {
    details->status = *status;
    return;
  }
  AddPendingNodes();
  diagnostics_->Warning(builder_->Place(origin, ColumnOf(status_)),
                        fmt::format("unknown status \"{}\" (expected announced, signed, closed, paid or deployed); "
                                    "kept as unknown",
                                    text));
}

void TableLoader::FxRow(std::span<const std::string_view> cells, const Origin& origin) {
  const std::string_view currency = Cell(cells, currency_);
  const std::string_view rate = Cell(cells, rate_);
  if (currency.empty() && rate.empty()) return;
  std::string error;
  if (CurrencyCode(currency).empty()) {
    CellError(origin, currency_, fmt::format("unknown currency \"{}\" (expected one of: {})", currency,
                                             KnownCurrencies()));
  } else if (!table_rates_.Add(currency, rate, &error)) {
    CellError(origin, rate_, error);
  } else {
    table_rate_places_.emplace(CurrencyCode(currency), builder_->Place(origin, ColumnOf(rate_)));
  }
}

PartnershipGraph TableLoader::Build() {
  AddPendingEdges();
  AddPendingNodes();
  // --fx wins over a table; a difference is worth a word at the table's row.
  for (const auto& [code, rate] : table_rates_.All()) {
    const std::optional<double> given = cli_rates_.Rate(code);
    if (given && *given != rate) {
      diagnostics_->Warning(table_rate_places_[code],
                            fmt::format("fx table gives {}={:g}, --fx gives {}={:g}: using --fx", code, rate, code,
                                        *given));
    }
  }
  builder_->AddFxRates(cli_rates_);
  builder_->AddFxRates(table_rates_);
  return builder_->Build();
}

void TableLoader::NoteDateSpans() {
  if (span_dates_ == 0) return;
  diagnostics_->Add(Severity::kNote, first_span_date_,
                    fmt::format("{} {} as quarters, halves or fiscal years, read as months: a start is the span's "
                                "first month, an end or as-of its last (Q3 2025: 2025-07 .. 2025-09); FY2025 is the "
                                "calendar year 2025",
                                span_dates_, span_dates_ == 1 ? "date given" : "dates given"));
  span_dates_ = 0;
}

class TableLoader::EdgeChunk : public RowChunk {
 public:
  explicit EdgeChunk(const TableLoader& table);
  void Row(std::span<const std::string_view> cells, std::uint32_t line, CellColumns columns) override {
    loader.Row(cells, line, columns);
  }
  /// The chunk reads nothing of the builder's: it may merge while others are read.
  bool MergesAlone() const override { return false; }
  ChunkState state;
  TableLoader loader;  ///< a copy of the table's loader, its rows waiting in loader.pending_edges_
};

StrId TableLoader::Intern(std::string_view text) {
  if (chunk_) return InternLater(text);  // valid for the whole chunk: it is handed on at once
  if (!pending_edges_.ends.empty()) AddPendingEdges();
  return builder_->Intern(text);
}

StrId TableLoader::InternLater(std::string_view text) {
  if (text.empty()) return kNoString;
  PendingEdges& pending = pending_edges_;
  pending.text.append(text);
  pending.ends.push_back(static_cast<std::uint32_t>(pending.text.size()));
  return StrId{kPendingString | static_cast<std::uint32_t>(pending.ends.size() - 1)};
}

void TableLoader::AddEdgeLater(const EdgeRecord& record) {
  pending_edges_.records.push_back(record);
  if (!chunk_ && pending_edges_.records.size() >= kPendingEdgeRows) AddPendingEdges();
}

void TableLoader::InternPending() {
  PendingEdges& pending = pending_edges_;
  pending.views.resize(pending.ends.size());
  std::uint32_t begin = 0;
  for (std::size_t k = 0; k < pending.views.size(); ++k) {
    pending.views[k] = std::string_view(pending.text).substr(begin, pending.ends[k] - begin);
    begin = pending.ends[k];
  }
  pending.ids.resize(pending.views.size());
  builder_->InternMany(pending.views, pending.ids.data());
}

void TableLoader::AddPendingEdges() {
  PendingEdges& pending = pending_edges_;
  if (pending.ends.empty() && pending.records.empty() && pending.attributes.empty()) return;
  InternPending();
  auto id = [&](StrId s) { return StrIndex(s) & kPendingString ? pending.ids[StrIndex(s) & ~kPendingString] : s; };
  pending.sets.assign(pending.attributes.size() + 1, 0);
  for (std::size_t k = 0; k < pending.attributes.size(); ++k) {
    for (auto& [name, value] : pending.attributes[k]) value = id(value);
    pending.sets[k + 1] = AddAttributes(std::move(pending.attributes[k]));
  }
  for (EdgeRecord& record : pending.records) {
    for (StrId* s : {&record.from_name, &record.to_name, &record.edge.source, &record.details.scope,
                     &record.details.note, &record.details.currency, &record.details.type_label}) {
      *s = id(*s);
    }
    record.details.attributes = pending.sets[record.details.attributes];
    builder_->AddEdge(record);
  }
  pending.records.clear();
  pending.attributes.clear();
  pending.text.clear();
  pending.ends.clear();
}

std::unique_ptr<RowChunk> TableLoader::NewChunk(std::uint64_t bytes) {
  // Only edges tables: a node row may merge into an earlier one, which only the builder knows.
  if (kind_ != TableKind::kEdges || chunk_) return nullptr;
  AddPendingEdges();  // the rows read so far come before the chunk's
  auto chunk = std::make_unique<EdgeChunk>(*this);
  // The buffers of the chunk merged last (MergeChunk keeps them), emptied: their pages are
  // already faulted in, where fresh ones cost a page clearing each (a fifth of the load's time).
  std::swap(chunk->loader.pending_edges_, pending_edges_);
  chunk->loader.pending_edges_.records.reserve(bytes / 20);  // as ReserveEdges: untouched pages cost nothing
  return chunk;
}

TableLoader::EdgeChunk::EdgeChunk(const TableLoader& table) : loader(table) {
  loader.chunk_ = &state;
  loader.diagnostics_ = &state.diagnostics;
  // What a table counts starts at nothing here and is added to the table's at the merge.
  loader.assumptions_.clear();
  loader.edge_wordings_.clear();
  loader.node_wordings_.clear();
  loader.span_dates_ = 0;
  loader.bad_text_rows_ = 0;
  std::fill(std::begin(loader.row_counts_), std::end(loader.row_counts_), 0);
}

void TableLoader::MergeChunk(std::unique_ptr<RowChunk> chunk) {
  auto& read = static_cast<EdgeChunk&>(*chunk);
  for (std::size_t k = 0; k < read.state.diagnostics.All().size(); ++k) {
    if (k == read.state.first_bad_text && bad_text_rows_ > 0) continue;  // one such message a table
    const Diagnostic& d = read.state.diagnostics.All()[k];
    diagnostics_->Add(d.severity, d.where, d.message);
  }
  // The chunk's rows and strings, handed on as if this loader had read them (in reading order).
  AddPendingEdges();
  std::swap(pending_edges_, read.loader.pending_edges_);
  AddPendingEdges();
  MergeCounts(read.loader);
}

void TableLoader::MergeCounts(const TableLoader& chunk) {
  for (const Assumption& more : chunk.assumptions_) {
    auto same = std::find_if(assumptions_.begin(), assumptions_.end(), [&](auto& a) { return a.key == more.key; });
    if (same == assumptions_.end()) {
      assumptions_.push_back(more);
    } else {
      same->rows += more.rows;
    }
  }
  for (std::size_t i = 0; i < look_alike_.size(); ++i) {
    const std::uint8_t bits = chunk.look_alike_[i];
    look_alike_[i] = (look_alike_[i] & bits & (kMaybeAmounts | kMaybeDates)) |
                     ((look_alike_[i] | bits) & (kSaysMoney | kSeenValue));
  }
  if (span_dates_ == 0 && chunk.span_dates_ > 0) first_span_date_ = chunk.first_span_date_;
  span_dates_ += chunk.span_dates_;
  bad_text_rows_ += chunk.bad_text_rows_;
  for (std::size_t k = 0; k < std::size(row_counts_); ++k) row_counts_[k] += chunk.row_counts_[k];
}

}  // namespace pg
