#include "io/json_model.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "graph/money.h"
#include "graph/text.h"
#include "io/json_fast_reader.h"
#include "io/json_list.h"

namespace pg {
namespace {

using nlohmann::json;

// ---- reading: a SAX handler that streams the document into tables without building it ----

constexpr const auto& kArrays = kJsonTableNames;
constexpr std::size_t kArrayCount = std::size(kArrays);

// Where the lexer is: the byte it read last and the token it is in. nlohmann's lexer pulls bytes
// through JsonByteIterator, so positions come for free and no token can grow past `token_limit`
// (the lexer buffers a whole string or number before the handler sees it).
class JsonSource {
 public:
  JsonSource(std::istream& in, std::uint64_t token_limit) : in_(in), token_limit_(token_limit) {}

  bool AtEnd() {
    if (cut_) return true;
    if (next_ == end_) Refill();
    return next_ == end_;
  }
  char Peek() const { return buffer_[next_]; }
  void Advance() { Track(buffer_[next_++]); }

  std::uint32_t line() const { return line_; }
  std::uint32_t column() const { return column_; }
  std::uint32_t token_line() const { return token_line_; }
  std::uint32_t token_column() const { return token_column_; }
  bool cut() const { return cut_; }
  bool cut_in_string() const { return in_string_; }

 private:
  void Refill() {
    in_.read(buffer_, sizeof buffer_);
    next_ = 0;
    end_ = static_cast<std::size_t>(in_.gcount());
  }

  void Track(char c) {
    if (newline_) {
      ++line_;
      column_ = 0;
    }
    ++column_;
    newline_ = c == '\n';
    if (in_string_) {
      if (escape_) escape_ = false;
      else if (c == '\\') escape_ = true;
      else if (c == '"') in_string_ = false;
    } else if (c == '"' || !std::strchr(" \t\r\n{}[],:", c)) {
      if (c == '"' || !in_bare_) StartToken();
      in_string_ = c == '"';
      in_bare_ = !in_string_;
    } else {
      in_bare_ = false;
    }
    if ((in_string_ || in_bare_) && ++token_bytes_ > token_limit_) cut_ = true;
  }

  void StartToken() {
    token_line_ = line_;
    token_column_ = column_;
    token_bytes_ = 0;
  }

  std::istream& in_;
  std::uint64_t token_limit_;
  char buffer_[64 * 1024];
  std::size_t next_ = 0, end_ = 0;
  std::uint32_t line_ = 1, column_ = 0, token_line_ = 1, token_column_ = 1;
  std::uint64_t token_bytes_ = 0;
  bool newline_ = false, in_string_ = false, escape_ = false, in_bare_ = false, cut_ = false;
};

// The input iterator nlohmann reads through; every copy shares the one JsonSource.
class JsonByteIterator {
 public:
  using iterator_category = std::input_iterator_tag;
  using value_type = char;
  using difference_type = std::ptrdiff_t;
  using pointer = const char*;
  using reference = char;

  JsonByteIterator() = default;
  explicit JsonByteIterator(JsonSource* source) : source_(source) {}
  char operator*() const { return source_->Peek(); }
  JsonByteIterator& operator++() {
    source_->Advance();
    return *this;
  }
  bool operator==(const JsonByteIterator& other) const { return AtEnd() == other.AtEnd(); }
  bool operator!=(const JsonByteIterator& other) const { return !(*this == other); }

 private:
  bool AtEnd() const { return source_ == nullptr || source_->AtEnd(); }
  JsonSource* source_ = nullptr;
};

// One table row as read: (key, cell text) pairs, sorted by key once complete.
using JsonRow = std::vector<std::pair<std::string, std::string>>;

struct JsonTable {
  bool present = false;
  bool failed = false;
  std::vector<JsonRow> rows;
};

// Turns SAX events into rows of cells. A value nested in a row becomes its cell's text as the
// model has always read it: arrays joined with `|` (nested ones flattened), objects as compact
// JSON. The stack of open containers is explicit, so nothing recurses however deep the input
// is; depth, rows, fields and cell size are checked as the events arrive.
class JsonModelHandler {
 public:
  JsonModelHandler(const std::string& path, const InputLimits& limits, JsonSource& source, Diagnostics& diagnostics)
      : path_(path), limits_(limits), source_(source), diagnostics_(diagnostics) {}

  bool null() { return Scalar(json()); }
  bool boolean(bool value) { return Scalar(json(value)); }
  bool number_integer(json::number_integer_t value) { return Scalar(json(value)); }
  bool number_unsigned(json::number_unsigned_t value) { return Scalar(json(value)); }
  bool number_float(json::number_float_t value, const std::string&) { return Scalar(json(value)); }
  bool string(std::string& value) { return Scalar(json(std::move(value))); }
  bool binary(json::binary_t&) { return Scalar(json()); }
  bool start_object(std::size_t) { return Open(true); }
  bool start_array(std::size_t) { return Open(false); }
  bool end_object() { return Close(); }
  bool end_array() { return Close(); }
  bool key(std::string& key);
  bool parse_error(std::size_t, const std::string& token, const json::exception& error);

  /// False when the document is not an object or a limit stopped the read (already reported).
  bool reported() const { return reported_; }
  bool root_seen() const { return root_seen_; }
  std::array<JsonTable, kArrayCount>& tables() { return tables_; }

 private:
  enum class Kind : std::uint8_t { kDocument, kTable, kRow, kAttributes, kList, kDumpObject, kDumpArray, kSkip };
  struct Frame {
    Kind kind;
    std::size_t start = 0;  ///< kList: where its text begins in the cell; dump frames: items so far
    std::unordered_set<std::string> keys;  ///< keys seen (document, row, dump objects), for duplicates
  };

  bool Open(bool object);
  bool Close();
  bool Scalar(const json& value);
  bool BeginRow(bool container, bool object = false);
  bool OpenCell(bool object);
  void BeforeItem();
  bool CheckCell();
  bool Duplicate(Frame& frame, const std::string& key, const char* also);
  bool Fail(Location where, std::string message);
  Location RowPlace() const;
  std::string Position(std::uint32_t line, std::uint32_t column) const {
    return fmt::format("line {}, column {}", line, column);
  }

  const std::string& path_;
  const InputLimits& limits_;
  JsonSource& source_;
  Diagnostics& diagnostics_;
  std::vector<Frame> stack_;
  std::array<JsonTable, kArrayCount> tables_;
  std::size_t table_ = kArrayCount;  ///< the table being read, kArrayCount for none
  std::string key_;                  ///< the last key of the row, document or attributes
  std::string cell_;
  bool root_seen_ = false;
  bool reported_ = false;
};

bool JsonModelHandler::Fail(Location where, std::string message) {
  diagnostics_.Error(std::move(where), std::move(message));
  reported_ = true;
  return false;
}

Location JsonModelHandler::RowPlace() const {
  if (table_ == kArrayCount) return {path_};
  return {path_, kArrays[table_], static_cast<std::uint32_t>(tables_[table_].rows.size()), 0};
}

// Keys of one object must differ: nlohmann would keep the last one silently.
bool JsonModelHandler::Duplicate(Frame& frame, const std::string& key, const char* also) {
  if (frame.keys.insert(key).second) return false;
  Fail(frame.kind == Kind::kDocument ? Location{path_} : RowPlace(), fmt::format("duplicate key \"{}\"{}", key, also));
  return true;
}

bool JsonModelHandler::key(std::string& key) {
  if (key.size() > limits_.cell_bytes) {
    return Fail(RowPlace(), fmt::format("a key at {} is longer than {} bytes; {}",
                                        Position(source_.token_line(), source_.token_column()), limits_.cell_bytes,
                                        LimitAdvice("cell_bytes", limits_.cell_bytes)));
  }
  Frame& frame = stack_.back();
  switch (frame.kind) {
    case Kind::kDocument:
    case Kind::kRow:
      if (Duplicate(frame, key, "")) return false;
      if (frame.kind == Kind::kRow && frame.keys.size() > limits_.columns) {
        return Fail(RowPlace(), fmt::format("more than {} fields in one object; {}", limits_.columns,
                                            LimitAdvice("columns", limits_.columns)));
      }
      key_ = std::move(key);
      return true;
    case Kind::kAttributes: {
      Frame& row = stack_[stack_.size() - 2];
      if (Duplicate(row, key, " (also outside \"attributes\")")) return false;
      if (row.keys.size() > limits_.columns) {
        return Fail(RowPlace(), fmt::format("more than {} fields in one object; {}", limits_.columns,
                                            LimitAdvice("columns", limits_.columns)));
      }
      key_ = std::move(key);
      return true;
    }
    case Kind::kDumpObject:
      if (Duplicate(frame, key, "")) return false;
      if (frame.start++ > 0) cell_ += ',';
      cell_ += json(key).dump(-1, ' ', false, json::error_handler_t::replace);
      cell_ += ':';
      return CheckCell();
    default:
      return true;  // kSkip: an ignored part of the document
  }
}

// Before a value inside a cell: the separator its container needs.
void JsonModelHandler::BeforeItem() {
  Frame& frame = stack_.back();
  if (frame.kind == Kind::kList && cell_.size() > frame.start) cell_ += '|';
  if (frame.kind == Kind::kDumpArray && frame.start++ > 0) cell_ += ',';
}

bool JsonModelHandler::CheckCell() {
  if (cell_.size() <= limits_.cell_bytes) return true;
  return Fail(RowPlace(), fmt::format("cell \"{}\" is longer than {} bytes; {}", key_, limits_.cell_bytes,
                                      LimitAdvice("cell_bytes", limits_.cell_bytes)));
}

bool JsonModelHandler::Open(bool object) {
  if (stack_.size() + 1 > limits_.json_depth) {
    return Fail({path_}, fmt::format("JSON nested deeper than {} levels at {}; {}", limits_.json_depth,
                                     Position(source_.line(), source_.column()),
                                     LimitAdvice("json_depth", limits_.json_depth)));
  }
  if (stack_.empty()) {
    if (!object) return Fail({path_}, "expected a JSON object with \"nodes\", \"edges\" and \"metrics\" arrays");
    root_seen_ = true;
    stack_.push_back({Kind::kDocument});
    return true;
  }
  const Kind parent = stack_.back().kind;
  switch (parent) {
    case Kind::kDocument: {
      table_ = kArrayCount;
      for (std::size_t t = 0; t < kArrayCount; ++t) {
        if (key_ == kArrays[t]) table_ = t;
      }
      if (table_ != kArrayCount) tables_[table_].present = true;
      if (table_ != kArrayCount && !object) {
        stack_.push_back({Kind::kTable});
        return true;
      }
      if (table_ != kArrayCount) {
        diagnostics_.Error({path_, key_, 0, 0}, "expected an array of objects");
        tables_[table_].failed = true;
      }
      stack_.push_back({Kind::kSkip});
      return true;
    }
    case Kind::kTable:
      return BeginRow(true, object);
    case Kind::kRow:
      if (object && key_ == "attributes") {
        stack_.push_back({Kind::kAttributes});
        return true;
      }
      cell_.clear();
      return OpenCell(object);
    case Kind::kAttributes:
      cell_.clear();
      return OpenCell(object);
    case Kind::kList:
    case Kind::kDumpObject:
    case Kind::kDumpArray:
      BeforeItem();
      return OpenCell(object);
    case Kind::kSkip:
      stack_.push_back({Kind::kSkip});
      return true;
  }
  return true;
}

// An element of a table array: a row if it is an object, else the table is refused.
bool JsonModelHandler::BeginRow(bool container, bool object) {
  JsonTable& table = tables_[table_];
  if (table.rows.size() >= limits_.rows_per_table) {
    return Fail({path_, kArrays[table_], static_cast<std::uint32_t>(table.rows.size() + 1), 0},
                fmt::format("more than {} rows in \"{}\"; {}", limits_.rows_per_table, kArrays[table_],
                            LimitAdvice("rows_per_table", limits_.rows_per_table)));
  }
  table.rows.emplace_back();
  if (!object) {
    if (!table.failed) diagnostics_.Error(RowPlace(), "expected an object");
    table.failed = true;
    if (container) stack_.push_back({Kind::kSkip});
    return true;
  }
  stack_.push_back({Kind::kRow});
  return true;
}

// A container inside a cell: a list to join, unless it is (or is inside) an object.
bool JsonModelHandler::OpenCell(bool object) {
  const Kind parent = stack_.back().kind;
  const bool dump = object || parent == Kind::kDumpObject || parent == Kind::kDumpArray;
  if (!dump) {
    stack_.push_back({Kind::kList, cell_.size()});
    return true;
  }
  cell_ += object ? '{' : '[';
  stack_.push_back({object ? Kind::kDumpObject : Kind::kDumpArray});
  return CheckCell();
}

bool JsonModelHandler::Close() {
  const Kind kind = stack_.back().kind;
  if (kind == Kind::kRow) {
    JsonRow& row = tables_[table_].rows.back();
    std::sort(row.begin(), row.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  }
  if (stack_.size() == 2) table_ = kArrayCount;  // a value of the document: a table or not
  if (kind == Kind::kDumpObject) cell_ += '}';
  if (kind == Kind::kDumpArray) cell_ += ']';
  stack_.pop_back();
  if (kind == Kind::kList || kind == Kind::kDumpObject || kind == Kind::kDumpArray) {
    const Kind parent = stack_.back().kind;
    if (parent == Kind::kRow || parent == Kind::kAttributes) tables_[table_].rows.back().emplace_back(key_, cell_);
    return CheckCell();
  }
  return true;
}

bool JsonModelHandler::Scalar(const json& value) {
  if (stack_.empty()) return Fail({path_}, "expected a JSON object with \"nodes\", \"edges\" and \"metrics\" arrays");
  const Kind parent = stack_.back().kind;
  if (parent == Kind::kDocument) {
    for (std::size_t t = 0; t < kArrayCount; ++t) {
      if (key_ != kArrays[t]) continue;
      diagnostics_.Error({path_, key_, 0, 0}, "expected an array of objects");
      tables_[t].present = tables_[t].failed = true;
    }
    return true;
  }
  if (parent == Kind::kTable) return BeginRow(false);
  if (parent == Kind::kSkip) return true;
  const bool dump = parent == Kind::kDumpObject || parent == Kind::kDumpArray;
  if (parent == Kind::kRow || parent == Kind::kAttributes) cell_.clear();
  BeforeItem();
  if (value.is_string() && !dump) {
    cell_ += value.get_ref<const std::string&>();
  } else if (value.is_boolean() && !dump) {
    cell_ += value.get<bool>() ? "true" : "false";
  } else if (!value.is_null() || dump) {
    cell_ += value.dump(-1, ' ', false, json::error_handler_t::replace);
  }
  if (!CheckCell()) return false;
  if (parent == Kind::kRow || parent == Kind::kAttributes) tables_[table_].rows.back().emplace_back(key_, cell_);
  return true;
}

bool JsonModelHandler::parse_error(std::size_t, const std::string& token, const json::exception& error) {
  if (source_.cut()) {
    return Fail({path_}, fmt::format("{} at {} is longer than {} bytes; {}",
                                     source_.cut_in_string() ? "string" : "token",
                                     Position(source_.token_line(), source_.token_column()), limits_.cell_bytes,
                                     LimitAdvice("cell_bytes", limits_.cell_bytes)));
  }
  if (error.id == 406) {
    return Fail({path_}, fmt::format("number \"{}\" at {} is too large for a double (beyond ±1.8e308)", token,
                                     Position(source_.token_line(), source_.token_column())));
  }
  // "[json.exception.parse_error.101] parse error at line 2, column 14: syntax error ..." -> "syntax error ..."
  std::string what = error.what();
  if (const auto tag = what.find("] "); tag != std::string::npos) what = what.substr(tag + 2);
  if (const auto colon = what.find(": "); what.starts_with("parse error") && colon != std::string::npos) {
    what = what.substr(colon + 2);
  }
  return Fail({path_}, fmt::format("invalid JSON at {}: {}", Position(source_.line(), source_.column()), what));
}

// One table to the sink: the header is every key in the order first seen.
bool StreamTable(const std::string& path, std::string_view name, const JsonTable& table, TableSink& sink,
                 Diagnostics* diagnostics, const InputLimits& limits) {
  if (table.rows.empty()) return true;
  std::vector<std::string_view> header;
  std::unordered_map<std::string_view, std::size_t> column_of;
  for (const JsonRow& row : table.rows) {
    for (const auto& [key, text] : row) {
      if (column_of.emplace(key, header.size()).second) header.push_back(key);
    }
  }
  if (header.size() > limits.columns) {
    diagnostics->Error({path, std::string(name), 0, 0},
                       fmt::format("more than {} different fields; {}", limits.columns,
                                   LimitAdvice("columns", limits.columns)));
    return false;
  }
  if (!sink.BeginTable(TableOrigin{path, std::string(name)}, header, 0, {})) return true;
  std::vector<std::string_view> cells(header.size());
  for (std::size_t i = 0; i < table.rows.size(); ++i) {
    std::fill(cells.begin(), cells.end(), std::string_view());
    for (const auto& [key, text] : table.rows[i]) cells[column_of[key]] = text;
    sink.Row(cells, static_cast<std::uint32_t>(i + 1), {});
  }
  sink.EndTable();
  return true;
}

void PutNumber(json& object, const char* key, double value) {
  if (Known(value)) object[key] = value;
}
void PutText(json& object, const char* key, const PartnershipGraph& graph, StrId id) {
  if (id != kNoString) object[key] = graph.Text(id);
}
void PutDate(json& object, const char* key, Date date) {
  if (date.Known()) object[key] = date.ToString();
}
void PutAttributes(json& object, const PartnershipGraph& graph, std::uint32_t attributes) {
  for (const auto& [key, value] : graph.AttributeSet(attributes)) {
    object[std::string(graph.Text(key))] = graph.Text(value);
  }
}

// One node, edge or metric of the model document into an empty `object`.
void NodeJson(const PartnershipGraph& graph, const Node& node, json& object) {
  object["id"] = graph.Text(node.id);
  PutText(object, "label", graph, node.label);
  // A free type (`Government`) is written as read; the roles then carry the type it stands for.
  const bool free_type = node.type_label != kNoString;
  object["type"] = free_type ? graph.Text(node.type_label) : NodeTypeName(node.type);
  json roles = json::array();
  for (int t = 0; t < kNodeTypeCount; ++t) {
    const auto type = static_cast<NodeType>(t);
    if ((node.roles & RoleBit(type)) && type != node.type) roles.push_back(NodeTypeName(type));
  }
  if (!roles.empty() || (free_type && node.type != NodeType::kOther)) {
    roles.insert(roles.begin(), NodeTypeName(node.type));
    object["roles"] = roles;
  }
  if (!graph.Markets(node).empty()) {
    object["markets"] = json::array();
    for (StrId market : graph.Markets(node)) object["markets"].push_back(graph.Text(market));
  }
  if (!graph.Tags(node).empty()) {
    object["tags"] = json::array();
    for (StrId tag : graph.Tags(node)) object["tags"].push_back(graph.Text(tag));
  }
  PutText(object, "description", graph, node.description);
  PutText(object, "source", graph, node.source);
  PutAttributes(object, graph, node.attributes);
}

void EdgeJson(const PartnershipGraph& graph, const Edge& edge, json& object) {
  const EdgeDetails& details = graph.Details(edge);
  object["from"] = graph.NodeName(edge.from);
  object["to"] = graph.NodeName(edge.to);
  object["type"] = details.type_label != kNoString ? graph.Text(details.type_label) : EdgeTypeName(edge.type);
  if (edge.directed == IsUndirected(edge.type)) object["direction"] = edge.directed ? "directed" : "undirected";
  if (details.qualifier != AmountQualifier::kExact && Known(edge.amount_usd)) {
    object["amount_usd"] = QualifiedAmountCell(edge.amount_usd, details.qualifier);  // read back as stated
  } else {
    PutNumber(object, "amount_usd", edge.amount_usd);
  }
  PutNumber(object, "stake_pct", details.stake_pct);
  PutNumber(object, "share_pct", details.share_pct);
  PutNumber(object, "revenue_usd", details.revenue_usd);
  PutNumber(object, "capacity_gw", details.capacity_gw);
  PutDate(object, "start", edge.start);
  PutDate(object, "end", edge.end);
  PutText(object, "scope", graph, details.scope);
  PutText(object, "source", graph, edge.source);
  PutDate(object, "reported", details.reported);
  PutNumber(object, "confidence", edge.confidence);
  PutText(object, "note", graph, details.note);
  if (details.status != DealStatus::kUnknown) object["status"] = DealStatusName(details.status);
  PutAttributes(object, graph, details.attributes);
}

void MetricJson(const PartnershipGraph& graph, const Metric& metric, json& object) {
  object["entity"] = graph.NodeName(metric.entity);
  object["metric"] = graph.Text(metric.metric);
  object["value"] = metric.value;
  PutText(object, "unit", graph, metric.unit);
  PutDate(object, "as_of", metric.as_of);
  PutText(object, "basis", graph, metric.basis);
  PutText(object, "source", graph, metric.source);
  PutNumber(object, "confidence", metric.confidence);
  PutText(object, "note", graph, metric.note);
  PutAttributes(object, graph, metric.attributes);
}

}  // namespace

bool ReadJsonModel(const std::string& path, TableSink& sink, Diagnostics* diagnostics, const InputLimits& limits) {
  // The common shape goes through simdjson; anything it declines (every error included) is read
  // by the streaming reader, so the messages are that reader's.
  return ReadJsonModelFast(path, sink, limits) || ReadJsonModelStreaming(path, sink, diagnostics, limits);
}

bool ReadJsonModelStreaming(const std::string& path, TableSink& sink, Diagnostics* diagnostics,
                            const InputLimits& limits) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    diagnostics->Error({path}, "cannot open");
    return false;
  }
  JsonSource source(in, JsonTokenLimit(limits.cell_bytes));
  JsonModelHandler handler(path, limits, source, *diagnostics);
  try {
    if (!json::sax_parse(JsonByteIterator(&source), JsonByteIterator(), &handler)) {
      if (!handler.reported()) diagnostics->Error({path}, "invalid JSON");
      return false;
    }
  } catch (const std::exception& error) {  // out of memory, or a nlohmann surprise
    diagnostics->Error({path}, fmt::format("cannot read: {}", error.what()));
    return false;
  }
  bool ok = true;
  bool any = false;
  // Kumu's JSON calls the tables elements and connections; nodes are streamed before edges.
  for (std::size_t t = 0; t < kArrayCount; ++t) {
    const JsonTable& table = handler.tables()[t];
    if (!table.present) continue;
    any = true;
    ok = !table.failed && StreamTable(path, kArrays[t], table, sink, diagnostics, limits) && ok;
  }
  if (!any) {
    diagnostics->Error({path}, "no \"nodes\", \"edges\" or \"metrics\" array in this JSON document");
    return false;
  }
  return ok;
}

std::string ModelJsonText(const PartnershipGraph& graph) {
  std::ostringstream out;
  WriteModelJson(graph, out);
  return std::move(out).str();
}

void WriteModelJson(const PartnershipGraph& graph, std::ostream& stream) {
  ChunkedText out(stream);
  *out.Text() += '{';  // members in key order, as nlohmann's std::map writes them
  AppendJsonKey(out.Text(), "edges", 1, true);
  WriteJsonList(out, 1, graph.Edges().size(), [&](std::size_t i, json& o) { EdgeJson(graph, graph.Edges()[i], o); });
  AppendJsonKey(out.Text(), "metrics", 1, false);
  WriteModelMetrics(out, graph, 1);
  AppendJsonKey(out.Text(), "nodes", 1, false);
  WriteJsonList(out, 1, graph.Nodes().size(), [&](std::size_t i, json& o) { NodeJson(graph, graph.Nodes()[i], o); });
  *out.Text() += "\n}\n";
}

void WriteModelMetrics(ChunkedText& out, const PartnershipGraph& graph, int depth) {
  WriteJsonList(out, depth, graph.Metrics().size(),
                [&](std::size_t i, json& o) { MetricJson(graph, graph.Metrics()[i], o); });
}

nlohmann::json ModelToJson(const PartnershipGraph& graph) {
  json nodes = json::array(), edges = json::array(), metrics = json::array();
  for (const Node& node : graph.Nodes()) NodeJson(graph, node, nodes.emplace_back());
  for (const Edge& edge : graph.Edges()) EdgeJson(graph, edge, edges.emplace_back());
  for (const Metric& metric : graph.Metrics()) MetricJson(graph, metric, metrics.emplace_back());
  return json{{"nodes", std::move(nodes)}, {"edges", std::move(edges)}, {"metrics", std::move(metrics)}};
}

}  // namespace pg
