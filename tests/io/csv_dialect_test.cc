// The CSV reader feeds libcsv large chunks and tracks lines through its callbacks: the same
// cells, row lines and errors as libcsv fed line by line (where lines are known for free),
// on random inputs made of the characters that matter.

#include <csv.h>

#include <random>
#include <stdexcept>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "graph/text.h"
#include "io/csv_reader.h"
#include "tests/test_support.h"

namespace pg {
namespace {

struct Recorded {
  std::vector<std::pair<std::uint32_t, std::vector<std::string>>> rows;  // header first
  std::string error;
};

class Recorder : public TableSink {
 public:
  explicit Recorder(Recorded* out) : out_(out) {}
  bool BeginTable(const TableOrigin&, std::span<const std::string_view> header, std::uint32_t line, CellColumns) override {
    Row(header, line, {});
    return true;
  }
  void Row(std::span<const std::string_view> cells, std::uint32_t line, CellColumns) override {
    out_->rows.emplace_back(line, std::vector<std::string>(cells.begin(), cells.end()));
  }
  void EndTable() override {}

 private:
  Recorded* out_;
};

Recorded ReadWithOurs(const std::string& path) {
  Recorded recorded;
  Recorder sink(&recorded);
  Diagnostics diagnostics;
  if (!ReadCsvFile(path, sink, &diagnostics)) recorded.error = FormatDiagnostic(diagnostics.All().front());
  return recorded;
}

// The reference: libcsv strict fed one line per csv_parse call, so that every row knows its
// line without any bookkeeping of ours (slow, but obviously right).
Recorded ReadWithLibcsv(const std::string& path, const std::string& text) {
  Recorded recorded;
  csv_parser parser;
  csv_init(&parser, CSV_STRICT | CSV_STRICT_FINI);
  struct State {
    Recorded* out;
    std::vector<std::string> fields;
    std::uint32_t row_line = 1;
    std::uint32_t current_line = 1;
    bool header = false;
  } state{&recorded};
  auto on_field = [](void* data, std::size_t length, void* self) {
    static_cast<State*>(self)->fields.emplace_back(data ? static_cast<const char*>(data) : "", data ? length : 0);
  };
  auto on_row = [](int, void* self) {
    State& s = *static_cast<State*>(self);
    bool blank = true;
    for (const std::string& cell : s.fields) blank = blank && Trim(cell).empty();
    if (!blank) {
      if (!s.header && !s.fields.empty()) s.fields[0] = std::string(Trim(s.fields[0]));
      s.header = true;
      s.out->rows.emplace_back(s.row_line, s.fields);
    }
    s.fields.clear();
    s.row_line = s.current_line;  // a row ended by a lone CR: the next one starts on this line
  };
  std::uint32_t line = 1;
  std::size_t begin = 0;
  bool failed = false;
  while (begin < text.size() && !failed) {
    std::size_t end = text.find('\n', begin);
    end = end == std::string::npos ? text.size() : end + 1;
    state.current_line = line;
    if (parser.pstate == 0) state.row_line = line;
    if (csv_parse(&parser, text.data() + begin, end - begin, on_field, on_row, &state) != end - begin) {
      recorded.error = state.row_line == line
                           ? fmt::format("{}:{}: error: malformed quoted field: a quote must be doubled (\"\") "
                                         "inside a quoted cell, and a quoted cell must end at a comma or line end",
                                         path, line)
                           : fmt::format("{}:{}: error: malformed quoted field in the row starting at line {}", path,
                                         line, state.row_line);
      failed = true;
    }
    ++line;
    begin = end;
  }
  if (!failed && csv_fini(&parser, on_field, on_row, &state) != 0) {
    recorded.error = fmt::format("{}:{}: error: unterminated quoted field: the quote opened in this row is never closed",
                                 path, state.row_line);
  }
  csv_free(&parser);
  if (!failed && recorded.error.empty() && recorded.rows.empty()) {
    recorded.error = fmt::format("{}: error: empty file: expected a header row", path);
  }
  return recorded;
}

TEST(CsvDialect, SameCellsLinesAndErrorsAsLibcsvOnRandomInputs) {
  testing::TempDir dir;
  std::mt19937 random(5);
  const std::string alphabet[] = {"a", "b", " ", "\t", ",", "\"", "\"\"", "\n", "\r\n", "\r", "x y"};
  int errors = 0, multi_line_rows = 0;
  for (int round = 0; round < 3000; ++round) {
    std::string text;
    const int pieces = 1 + static_cast<int>(random() % 40);
    for (int i = 0; i < pieces; ++i) text += alphabet[random() % std::size(alphabet)];
    const std::string path = dir.Write("t.csv", text);
    const Recorded ours = ReadWithOurs(path);
    const Recorded theirs = ReadWithLibcsv(path, text);
    ASSERT_EQ(ours.error, theirs.error) << "input: " << ::testing::PrintToString(text);
    ASSERT_EQ(ours.rows, theirs.rows) << "input: " << ::testing::PrintToString(text);
    errors += !ours.error.empty();
    for (std::size_t r = 0; r + 1 < ours.rows.size(); ++r) multi_line_rows += ours.rows[r + 1].first > ours.rows[r].first + 1;
  }
  EXPECT_GT(errors, 300);           // the random inputs exercise the error paths...
  EXPECT_GT(multi_line_rows, 200);  // ...and rows that start after blank or multi-line rows
}

TEST(CsvDialect, QuotedCellAcrossReadChunksAndRowsWithoutFinalNewline) {
  testing::TempDir dir;
  std::string text = "id,label,description\n";
  while (text.size() < (1u << 18) - 10) text += "n" + std::to_string(text.size()) + ",plain,  padded  \n";
  text += "q,\"quoted, with \"\"quotes\"\"\nand a line break that crosses the 256 KiB read chunk\",\"\"\n";
  text += "last,row,without newline";
  const std::string path = dir.Write("nodes.csv", text);
  const Recorded ours = ReadWithOurs(path);
  const Recorded theirs = ReadWithLibcsv(path, text);
  ASSERT_TRUE(ours.error.empty()) << ours.error;
  ASSERT_EQ(ours.rows, theirs.rows);
  const auto& quoted = ours.rows[ours.rows.size() - 2];
  EXPECT_EQ(quoted.second[1], "quoted, with \"quotes\"\nand a line break that crosses the 256 KiB read chunk");
  EXPECT_EQ(quoted.second[2], "");
  EXPECT_EQ(ours.rows.back().first, quoted.first + 2);
  EXPECT_EQ(ours.rows.back().second[2], "without newline");
  EXPECT_EQ(ours.rows[1].second[2], "padded");  // blanks around an unquoted cell are dropped
}

TEST(CsvDialect, TextAfterAClosingQuoteNamesTheRowThatOpenedIt) {
  testing::TempDir dir;
  const std::string path = dir.Write("e.csv", "from,to\nA,\"B\nstill B\" junk\n");
  EXPECT_EQ(ReadWithOurs(path).error,
            path + ":3: error: malformed quoted field in the row starting at line 2");
}

// Past 4 MiB the file is parsed on a second thread and handed over in batches: the same rows,
// lines and errors as the reference, across many batches and read chunks.
std::string BigCsv(std::size_t bytes) {
  std::string text = "id,label,description\r\n";
  for (std::size_t row = 0; text.size() < bytes; ++row) {
    if (row % 997 == 0) {
      text += "q" + std::to_string(row) + ",\"two\nlines, \"\"quoted\"\"\",x\n";
    } else if (row % 1999 == 0) {
      text += "\n";
    } else {
      text += "n" + std::to_string(row) + ",Label " + std::to_string(row) + ",plain\n";
    }
  }
  return text;
}

TEST(CsvDialect, BigFileOnTheParsingThreadSameRowsAsLibcsv) {
  testing::TempDir dir;
  const std::string text = BigCsv(5u << 20);
  const std::string path = dir.Write("nodes.csv", text);
  const Recorded ours = ReadWithOurs(path);
  const Recorded theirs = ReadWithLibcsv(path, text);
  ASSERT_TRUE(ours.error.empty()) << ours.error;
  ASSERT_GT(ours.rows.size(), 150000u);
  EXPECT_EQ(ours.rows, theirs.rows);
}

TEST(CsvDialect, BigFileErrorAfterManyBatchesNamesItsLine) {
  testing::TempDir dir;
  const std::string text = BigCsv(5u << 20) + "bad,\"open\" junk,x\nafter,row,x\n";
  const std::string path = dir.Write("nodes.csv", text);
  const Recorded ours = ReadWithOurs(path);
  const Recorded theirs = ReadWithLibcsv(path, text);
  ASSERT_FALSE(ours.error.empty());
  EXPECT_EQ(ours.error, theirs.error);
  EXPECT_EQ(ours.rows, theirs.rows);  // the rows before the error were delivered, none after
}

class ThrowingSink : public TableSink {
 public:
  bool BeginTable(const TableOrigin&, std::span<const std::string_view>, std::uint32_t, CellColumns) override { return true; }
  void Row(std::span<const std::string_view>, std::uint32_t, CellColumns) override {
    if (++rows_ == 50000) throw std::runtime_error("sink gave up");
  }
  void EndTable() override {}

 private:
  int rows_ = 0;
};

TEST(CsvDialect, BigFileSinkThatThrowsStopsTheParsingThread) {
  testing::TempDir dir;
  const std::string path = dir.Write("nodes.csv", BigCsv(8u << 20));
  ThrowingSink sink;
  Diagnostics diagnostics;
  EXPECT_THROW(ReadCsvFile(path, sink, &diagnostics), std::runtime_error);
}

}  // namespace
}  // namespace pg
