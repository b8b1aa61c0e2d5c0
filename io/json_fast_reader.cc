#include "io/json_fast_reader.h"

#include <sys/stat.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdint>
#include <cstring>
#include <numeric>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>
#include <simdjson.h>

namespace pg {
namespace {

namespace od = simdjson::ondemand;

constexpr std::size_t kTableCount = std::size(kJsonTableNames);

// One cell: the key's index in its table and the text's place in the table's buffer.
struct FastCell {
  std::uint32_t key;
  std::uint32_t offset;
  std::uint32_t size;
};

// A table as read: every row's cells back to back, each row sorted by key as the streaming
// reader sorts them, so that the header (keys in the order first met) comes out the same.
struct FastTable {
  bool present = false;
  std::vector<std::string> keys;                          ///< in the order first met
  std::unordered_map<std::string, std::uint32_t> key_of;  ///< key -> index in `keys`
  std::vector<std::uint32_t> rank;                        ///< key index -> place in sorted order
  std::vector<std::uint32_t> guess;                       ///< last row's key index at each position
  std::vector<std::uint32_t> seen;                        ///< key index -> 1 + last row that had it
  std::string text;
  std::vector<FastCell> cells;
  std::vector<std::uint32_t> row_ends;  ///< end of each row in `cells`
};

// Decoded text the fast path cannot vouch for: an escaped surrogate (nlohmann refuses a lone
// one, simdjson 3.0 may not); the input's own bytes were checked as UTF-8 when it was indexed.
bool HasSurrogate(std::string_view text) {
  for (std::size_t i = 0; i + 1 < text.size(); ++i) {
    if (static_cast<unsigned char>(text[i]) == 0xED && static_cast<unsigned char>(text[i + 1]) >= 0xA0) return true;
  }
  return false;
}

// A string's text straight from the input when it has no escape, so that simdjson need not copy
// it into its string buffer (46 MB more at a million edges, all kept until the parser goes).
// `raw` starts after the opening quote; stage 1 has checked the quotes, the UTF-8 and that no
// control character is left unescaped.
bool PlainString(const char* raw, std::string_view* text) {
  const char* end = raw;
  while (*end != '"') {
    if (*end == '\\') return false;
    ++end;
  }
  *text = std::string_view(raw, static_cast<std::size_t>(end - raw));
  return true;
}

bool KeyText(od::field& field, std::string_view* key) {
  return PlainString(field.key().raw(), key) || !field.unescaped_key().get(*key);
}

class FastReader {
 public:
  explicit FastReader(const InputLimits& limits) : limits_(limits) {}

  bool Document(od::document& document);
  std::array<FastTable, kTableCount>& tables() { return tables_; }

 private:
  bool Table(od::value value, FastTable& table);
  bool Row(od::object row, FastTable& table);
  bool Cell(od::value value, std::string& out);
  bool List(od::array list, std::string& out);
  bool Scalar(od::value value, od::json_type type, std::string& out);
  bool Number(od::value value, std::string& out);
  bool KeyIndex(FastTable& table, std::string_view key, std::size_t position, std::uint32_t* index);
  void SortRow(FastTable& table, std::size_t begin);

  const InputLimits& limits_;
  std::array<FastTable, kTableCount> tables_;
  std::string cell_;
};

bool FastReader::Document(od::document& document) {
  od::object root;
  if (document.get_object().get(root)) return false;
  bool any = false;
  for (auto member : root) {
    od::field field;
    std::string_view key;
    if (std::move(member).get(field) || !KeyText(field, &key)) return false;
    const auto* name = std::find(std::begin(kJsonTableNames), std::end(kJsonTableNames), key);
    if (name == std::end(kJsonTableNames)) return false;  // another key: the streaming reader checks it
    FastTable& table = tables_[name - std::begin(kJsonTableNames)];
    if (table.present) return false;  // a duplicate key
    table.present = any = true;
    if (!Table(field.value(), table)) return false;
  }
  const char* rest = nullptr;  // past the end once the root is read: no trailing content
  return any && document.current_location().get(rest) == simdjson::OUT_OF_BOUNDS;
}

bool FastReader::Table(od::value value, FastTable& table) {
  od::array rows;
  if (value.get_array().get(rows)) return false;
  for (auto element : rows) {
    od::object row;
    if (element.get_object().get(row)) return false;
    if (table.row_ends.size() >= limits_.rows_per_table || !Row(row, table)) return false;
  }
  return true;
}

bool FastReader::Row(od::object row, FastTable& table) {
  const std::size_t begin = table.cells.size();
  const auto stamp = static_cast<std::uint32_t>(table.row_ends.size() + 1);
  for (auto member : row) {
    od::field field;
    std::string_view key;
    std::uint32_t index = 0;
    if (std::move(member).get(field) || !KeyText(field, &key)) return false;
    if (!KeyIndex(table, key, table.cells.size() - begin, &index) || table.seen[index] == stamp) return false;
    table.seen[index] = stamp;
    cell_.clear();
    if (!Cell(field.value(), cell_) || cell_.size() > limits_.cell_bytes) return false;
    if (table.text.size() + cell_.size() > UINT32_MAX) return false;
    table.cells.push_back({index, static_cast<std::uint32_t>(table.text.size()), static_cast<std::uint32_t>(cell_.size())});
    table.text += cell_;
  }
  if (table.cells.size() - begin > limits_.columns || table.cells.size() > UINT32_MAX) return false;
  SortRow(table, begin);
  table.row_ends.push_back(static_cast<std::uint32_t>(table.cells.size()));
  return true;
}

// Rows of one table mostly repeat their keys in the same order: the last row's key at this
// position is tried before the map.
bool FastReader::KeyIndex(FastTable& table, std::string_view key, std::size_t position, std::uint32_t* index) {
  if (position < table.guess.size() && table.keys[table.guess[position]] == key) {
    *index = table.guess[position];
    return true;
  }
  if (key.size() > limits_.cell_bytes || HasSurrogate(key)) return false;
  auto [it, added] = table.key_of.try_emplace(std::string(key), static_cast<std::uint32_t>(table.keys.size()));
  if (added) {
    if (table.keys.size() >= limits_.columns) return false;  // more different fields than a table may have
    table.keys.emplace_back(key);
    table.seen.push_back(0);
    std::vector<std::uint32_t> order(table.keys.size());
    std::iota(order.begin(), order.end(), 0u);
    std::sort(order.begin(), order.end(), [&](auto a, auto b) { return table.keys[a] < table.keys[b]; });
    table.rank.resize(order.size());
    for (std::uint32_t r = 0; r < order.size(); ++r) table.rank[order[r]] = r;
  }
  *index = it->second;
  if (position >= table.guess.size()) table.guess.resize(position + 1);
  table.guess[position] = *index;
  return true;
}

void FastReader::SortRow(FastTable& table, std::size_t begin) {
  const auto by_key = [&](const FastCell& a, const FastCell& b) { return table.rank[a.key] < table.rank[b.key]; };
  std::sort(table.cells.begin() + static_cast<std::ptrdiff_t>(begin), table.cells.end(), by_key);
}

// A cell's text: a scalar, or a list of scalars joined with `|` (a separator only once the
// text is not empty, as the streaming reader joins).
bool FastReader::Cell(od::value value, std::string& out) {
  od::json_type type;
  if (value.type().get(type) || type == od::json_type::object) return false;
  if (type != od::json_type::array) return Scalar(value, type, out);
  od::array list;
  return !value.get_array().get(list) && List(list, out);
}

bool FastReader::List(od::array list, std::string& out) {
  for (auto element : list) {
    od::value item;
    od::json_type type;
    if (std::move(element).get(item) || item.type().get(type)) return false;
    if (type == od::json_type::array || type == od::json_type::object) return false;  // nested: flattened there
    if (!out.empty()) out += '|';
    if (!Scalar(item, type, out) || out.size() > limits_.cell_bytes) return false;
  }
  return true;
}

bool FastReader::Scalar(od::value value, od::json_type type, std::string& out) {
  switch (type) {
    case od::json_type::string: {
      std::string_view text;
      if (!PlainString(value.raw_json_token().data() + 1, &text) && (value.get_string().get(text) || HasSurrogate(text))) return false;
      if (text.size() > limits_.cell_bytes) return false;
      out += text;
      return true;
    }
    case od::json_type::number:
      return Number(value, out);
    case od::json_type::boolean: {
      bool flag = false;
      if (value.get_bool().get(flag)) return false;
      out += flag ? "true" : "false";
      return true;
    }
    case od::json_type::null: {
      bool null = false;
      return !value.is_null().get(null) && null;
    }
    default:
      return false;
  }
}

// As nlohmann writes the number it reads: an integer token as its value (so -0 is 0), any
// other as the shortest text of its double. A number past int64/uint64 or a double is declined.
bool FastReader::Number(od::value value, std::string& out) {
  std::string_view token = value.raw_json_token();
  while (!token.empty() && std::strchr(" \t\r\n", token.back())) token.remove_suffix(1);
  if (token.size() > JsonTokenLimit(limits_.cell_bytes)) return false;
  char digits[24];
  if (token.find_first_of(".eE") != std::string_view::npos) {
    double number = 0;
    if (value.get_double().get(number)) return false;
    out += nlohmann::json(number).dump();
    return true;
  }
  std::to_chars_result written{};
  if (token.starts_with('-')) {
    std::int64_t number = 0;
    if (value.get_int64().get(number)) return false;
    written = std::to_chars(digits, digits + sizeof digits, number);
  } else {
    std::uint64_t number = 0;
    if (value.get_uint64().get(number)) return false;
    written = std::to_chars(digits, digits + sizeof digits, number);
  }
  out.append(digits, written.ptr);
  return true;
}

// One table to the sink: the header is every key in the order first met in the sorted rows.
void StreamTable(const std::string& path, std::string_view name, const FastTable& table, TableSink& sink) {
  if (table.row_ends.empty()) return;
  std::vector<std::uint32_t> column_of(table.keys.size(), UINT32_MAX);
  std::vector<std::string_view> header;
  for (const FastCell& cell : table.cells) {
    if (column_of[cell.key] != UINT32_MAX) continue;
    column_of[cell.key] = static_cast<std::uint32_t>(header.size());
    header.push_back(table.keys[cell.key]);
  }
  if (!sink.BeginTable(TableOrigin{path, std::string(name)}, header, 0, {})) return;
  std::vector<std::string_view> cells(header.size());
  std::size_t begin = 0;
  for (std::size_t row = 0; row < table.row_ends.size(); ++row) {
    std::fill(cells.begin(), cells.end(), std::string_view());
    for (std::size_t c = begin; c < table.row_ends[row]; ++c) {
      const FastCell& cell = table.cells[c];
      cells[column_of[cell.key]] = std::string_view(table.text).substr(cell.offset, cell.size);
    }
    begin = table.row_ends[row];
    sink.Row(cells, static_cast<std::uint32_t>(row + 1), {});
  }
  sink.EndTable();
}

// The whole file with simdjson's padding after it; false for anything but a readable regular
// file within simdjson's 4 GiB (pipes and devices are streamed by the other reader).
bool LoadPadded(const std::string& path, simdjson::padded_string* text) {
  struct stat info {};
  if (::stat(path.c_str(), &info) != 0 || !S_ISREG(info.st_mode)) return false;
  if (static_cast<std::uint64_t>(info.st_size) >= simdjson::SIMDJSON_MAXSIZE_BYTES) return false;
  return !simdjson::padded_string::load(path).get(*text);
}

}  // namespace

std::uint64_t JsonTokenLimit(std::uint64_t cell_bytes) {
  return cell_bytes > (UINT64_MAX - 16) / 6 ? UINT64_MAX : cell_bytes * 6 + 16;
}

bool ReadJsonModelFast(const std::string& path, TableSink& sink, const InputLimits& limits) {
  // Document, table, row and list: four levels deep at most.
  if (limits.json_depth < 4) return false;
  FastReader reader(limits);
  {
    simdjson::padded_string text;
    if (!LoadPadded(path, &text)) return false;
    od::parser parser;
    od::document document;
    if (parser.iterate(text).get(document) || !reader.Document(document)) return false;
  }  // the file and the parser's index are freed before the model is built
  for (std::size_t t = 0; t < kTableCount; ++t) {
    if (reader.tables()[t].present) StreamTable(path, kJsonTableNames[t], reader.tables()[t], sink);
  }
  return true;
}

}  // namespace pg
