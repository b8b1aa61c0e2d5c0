#include "io/xlsx_reader.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace pg {
namespace {

using Cells = std::vector<std::string>;

struct RecordedRow {
  std::uint32_t line;
  Cells cells;
  bool operator==(const RecordedRow&) const = default;
};

struct RecordedTable {
  std::string file;
  std::string sheet;
  Cells header;
  std::uint32_t header_line = 0;
  std::vector<RecordedRow> rows;
  bool ended = false;
};

void PrintTo(const RecordedRow& row, std::ostream* os) {
  *os << row.line << ":";
  for (const std::string& cell : row.cells) *os << " [" << cell << "]";
}

// Keeps everything it is given; skips tables whose sheet is in `skip`.
class RecordingSink : public TableSink {
 public:
  bool BeginTable(const TableOrigin& origin, std::span<const std::string_view> header,
                  std::uint32_t header_line, CellColumns) override {
    EXPECT_TRUE(tables.empty() || tables.back().ended) << "BeginTable without EndTable";
    tables.push_back(
        {origin.file, origin.sheet, Cells(header.begin(), header.end()), header_line, {}});
    return origin.sheet != skip;
  }
  void Row(std::span<const std::string_view> cells, std::uint32_t line, CellColumns) override {
    tables.back().rows.push_back({line, Cells(cells.begin(), cells.end())});
  }
  void EndTable() override { tables.back().ended = true; }

  std::vector<std::string> Sheets() const {
    std::vector<std::string> sheets;
    for (const RecordedTable& table : tables) sheets.push_back(table.sheet);
    return sheets;
  }

  std::vector<RecordedTable> tables;
  std::string skip;
};

std::string Fixture(const std::string& name) {
  return std::string(PG_TEST_DATA_DIR) + "/xlsx/" + name;
}

std::vector<std::string> Messages(const Diagnostics& diagnostics) {
  std::vector<std::string> messages;
  for (const Diagnostic& d : diagnostics.All()) messages.push_back(FormatDiagnostic(d));
  return messages;
}

TEST(XlsxReaderTest, ReadsLibxlsxwriterWorkbook) {
  const std::string path = Fixture("libxlsxwriter.xlsx");
  RecordingSink sink;
  Diagnostics diagnostics;
  ASSERT_TRUE(ReadXlsxWorkbook(path, sink, &diagnostics))
      << ::testing::PrintToString(Messages(diagnostics));
  EXPECT_TRUE(diagnostics.Empty());
  ASSERT_EQ(sink.Sheets(), (std::vector<std::string>{"nodes", "edges", "metrics"}));

  const RecordedTable& nodes = sink.tables[0];
  EXPECT_EQ(nodes.file, path);
  EXPECT_EQ(nodes.header, (Cells{"id", "label", "type", "roles", "markets"}));
  EXPECT_EQ(nodes.header_line, 1u);
  EXPECT_EQ(nodes.rows,
            (std::vector<RecordedRow>{
                {2, {"anthropic", "Anthropic", "company", "", "frontier-models"}},
                {3, {"amazon", "Amazon", "investor", "investor|cloud", "cloud"}},
                {4, {"openai", "OpenAI, Inc. \"the lab\"", "company", "", "frontier-models"}},
                {8, {"google", "Google", "investor", "investor|cloud", "cloud"}},
            }));
  EXPECT_TRUE(nodes.ended);

  const RecordedTable& edges = sink.tables[1];
  EXPECT_EQ(edges.header,
            (Cells{"from", "to", "type", "amount_usd", "start", "source", "confidence"}));
  EXPECT_EQ(edges.rows, (std::vector<RecordedRow>{
                            {2,
                             {"google", "anthropic", "invests", "50000000000", "2026-02-01",
                              "https://example.com/google-anthropic", "0.9"}},
                            {3,
                             {"amazon", "anthropic", "invests", "8000000000", "2023-09-25T14:30:00",
                              "press release"}},
                            {4, {"amazon", "anthropic", "distributes", "", "", "", "high"}},
                        }));

  const RecordedTable& metrics = sink.tables[2];
  EXPECT_EQ(metrics.header,
            (Cells{"entity", "metric", "value", "unit", "as_of", "basis", "source", "audited"}));
  EXPECT_EQ(metrics.rows, (std::vector<RecordedRow>{
                              {2,
                               {"amazon", "share_pct", "0.267", "ratio", "2025-12-31", "estimate",
                                "analyst note", "TRUE"}},
                              {3,
                               {"anthropic", "revenue_usd", "1.25e-07", "usd", "2025-12-31",
                                "actual", "10-K", "FALSE"}},
                          }));
}

TEST(XlsxReaderTest, ReadsLibreOfficeWorkbook) {
  const std::string path = Fixture("libreoffice.xlsx");
  RecordingSink sink;
  Diagnostics diagnostics;
  ASSERT_TRUE(ReadXlsxWorkbook(path, sink, &diagnostics))
      << ::testing::PrintToString(Messages(diagnostics));
  ASSERT_EQ(sink.Sheets(), (std::vector<std::string>{"nodes", "edges", "metrics"}));

  const RecordedTable& nodes = sink.tables[0];
  EXPECT_EQ(nodes.header, (Cells{"id", "label", "type", "roles", "markets"}));
  EXPECT_EQ(nodes.rows,
            (std::vector<RecordedRow>{
                {2, {"anthropic", "Anthropic", "company", "", "frontier-models"}},
                {3, {"openai", "OpenAI, Inc. \"the lab\"", "company", "", "frontier-models"}},
                {6, {"amazon", "Amazon", "investor", "investor|cloud", "cloud"}},
            }));

  const RecordedTable& edges = sink.tables[1];
  EXPECT_EQ(edges.header,
            (Cells{"from", "to", "type", "amount_usd", "start", "source", "confidence"}));
  EXPECT_EQ(
      edges.rows,
      (std::vector<RecordedRow>{
          {2,
           {"google", "anthropic", "invests", "50000000000", "2026-02-01", "press release", "0.9"}},
          {3, {"amazon", "anthropic", "distributes", "", "", "", "high"}},
      }));

  const RecordedTable& metrics = sink.tables[2];
  EXPECT_EQ(metrics.rows, (std::vector<RecordedRow>{
                              {2,
                               {"amazon", "share_pct", "0.267", "ratio", "2025-12-31", "estimate",
                                "analyst note", "TRUE"}},
                          }));
}

TEST(XlsxReaderTest, SkippedTableGetsNoRowsButIsEnded) {
  RecordingSink sink;
  sink.skip = "edges";
  ASSERT_TRUE(ReadXlsxWorkbook(Fixture("libxlsxwriter.xlsx"), sink, nullptr));
  ASSERT_EQ(sink.Sheets(), (std::vector<std::string>{"nodes", "edges", "metrics"}));
  EXPECT_TRUE(sink.tables[1].rows.empty());
  EXPECT_TRUE(sink.tables[1].ended);
  EXPECT_EQ(sink.tables[2].rows.size(), 2u);
}

TEST(XlsxReaderTest, NotAZip) {
  const std::string path = Fixture("not_a_zip.xlsx");
  RecordingSink sink;
  Diagnostics diagnostics;
  EXPECT_FALSE(ReadXlsxWorkbook(path, sink, &diagnostics));
  EXPECT_EQ(Messages(diagnostics),
            (std::vector<std::string>{path + ": error: not an XLSX workbook (not a zip archive)"}));
  EXPECT_TRUE(sink.tables.empty());
}

TEST(XlsxReaderTest, MissingFile) {
  const std::string path = Fixture("no_such_workbook.xlsx");
  RecordingSink sink;
  Diagnostics diagnostics;
  EXPECT_FALSE(ReadXlsxWorkbook(path, sink, &diagnostics));
  EXPECT_EQ(Messages(diagnostics),
            (std::vector<std::string>{path + ": error: cannot open workbook: no such file"}));
}

TEST(XlsxReaderTest, ZipWithoutWorkbookPart) {
  const std::string path = Fixture("no_workbook.xlsx");
  RecordingSink sink;
  Diagnostics diagnostics;
  EXPECT_FALSE(ReadXlsxWorkbook(path, sink, &diagnostics));
  EXPECT_EQ(
      Messages(diagnostics),
      (std::vector<std::string>{path + ": error: not an XLSX workbook (no xl/workbook.xml)"}));
}

TEST(XlsxReaderTest, TruncatedSheetXmlAfterAGoodSheet) {
  const std::string path = Fixture("truncated_xml.xlsx");
  RecordingSink sink;
  Diagnostics diagnostics;
  EXPECT_FALSE(ReadXlsxWorkbook(path, sink, &diagnostics));
  EXPECT_EQ(Messages(diagnostics),
            (std::vector<std::string>{
                path + "[edges]: error: malformed XML in xl/worksheets/sheet2.xml at line 5, "
                       "column 12: unclosed token"}));
  ASSERT_EQ(sink.Sheets(), (std::vector<std::string>{"hand", "edges"}));

  // The good sheet: inline rich text without phonetic runs, rows and cells without `r`,
  // 1904 dates, a time-only format, error and ISO-date cells, an absolute part target.
  const RecordedTable& hand = sink.tables[0];
  EXPECT_EQ(hand.header, (Cells{"", "id", "when", "at", "status"}));
  EXPECT_EQ(hand.header_line, 2u);
  EXPECT_EQ(hand.rows, (std::vector<RecordedRow>{
                           {3, {"", "Anthropic ", "1904-01-01", "18:00:00", "#N/A"}},
                           {5, {"", "x", "2026-02-01T10:00:00", "", "FALSE"}},
                       }));

  const RecordedTable& edges = sink.tables[1];
  EXPECT_EQ(edges.header, (Cells{"from", "to"}));
  EXPECT_TRUE(edges.rows.empty());
  EXPECT_TRUE(edges.ended);
}

TEST(XlsxReaderTest, SheetMissingFromArchive) {
  const std::string path = Fixture("missing_sheet.xlsx");
  RecordingSink sink;
  Diagnostics diagnostics;
  EXPECT_FALSE(ReadXlsxWorkbook(path, sink, &diagnostics));
  EXPECT_EQ(Messages(diagnostics),
            (std::vector<std::string>{path + "[edges]: error: sheet part xl/worksheets/sheet2.xml "
                                             "is missing from the archive"}));
  ASSERT_EQ(sink.Sheets(), (std::vector<std::string>{"nodes"}));
  EXPECT_EQ(sink.tables[0].rows, (std::vector<RecordedRow>{{2, {"anthropic"}}}));
}

TEST(XlsxReaderTest, BadCellsStopTheirSheetOnly) {
  const std::string path = Fixture("bad_cells.xlsx");
  RecordingSink sink;
  Diagnostics diagnostics;
  EXPECT_FALSE(ReadXlsxWorkbook(path, sink, &diagnostics));
  EXPECT_EQ(Messages(diagnostics),
            (std::vector<std::string>{
                path + "[edges]!B2: error: shared string index \"7\" is out of range (the "
                       "workbook has 1)",
                path + "[nodes] row 1: error: bad cell reference \"XFE1\"",
                path + "[metrics]: error: malformed XML in xl/worksheets/sheet3.xml: document "
                       "type declarations are not allowed"}));
  ASSERT_EQ(sink.Sheets(), (std::vector<std::string>{"edges"}));
  EXPECT_TRUE(sink.tables[0].rows.empty());
  EXPECT_TRUE(sink.tables[0].ended);
}

// One row of the bomb sheet; the sink must have seen no more rows than fit under the cap plus
// one decompression chunk.
constexpr std::size_t kBombRowBytes =
    sizeof("<row><c t=\"inlineStr\"><is><t>x</t></is></c></row>") - 1;
constexpr std::uint64_t kLowCap = 1 << 20;

TEST(XlsxReaderTest, ZipBombStopsAtTheTotalCap) {
  const std::string path = Fixture("zip_bomb.xlsx");
  RecordingSink sink;
  Diagnostics diagnostics;
  XlsxReadOptions options;
  options.max_total_bytes = kLowCap;
  options.max_entry_bytes = kLowCap * 64;
  EXPECT_FALSE(ReadXlsxWorkbook(path, sink, &diagnostics, options));
  EXPECT_EQ(Messages(diagnostics),
            (std::vector<std::string>{
                path + "[edges]: error: xl/worksheets/sheet1.xml takes the workbook past the "
                       "limit of 1048576 decompressed bytes (possible zip bomb)"}));
  ASSERT_EQ(sink.tables.size(), 1u);
  EXPECT_TRUE(sink.tables[0].ended);
  ASSERT_FALSE(sink.tables[0].rows.empty());
  EXPECT_LE(sink.tables[0].rows.back().line, kLowCap / kBombRowBytes + 2);
}

TEST(XlsxReaderTest, ZipBombDeclaringItsSizeIsRefusedBeforeInflating) {
  const std::string path = Fixture("zip_bomb.xlsx");
  RecordingSink sink;
  Diagnostics diagnostics;
  XlsxReadOptions options;
  options.max_entry_bytes = kLowCap;
  EXPECT_FALSE(ReadXlsxWorkbook(path, sink, &diagnostics, options));
  EXPECT_EQ(Messages(diagnostics),
            (std::vector<std::string>{
                path + "[edges]: error: xl/worksheets/sheet1.xml declares 8388908 bytes "
                       "uncompressed, over the limit of 1048576 bytes (possible zip bomb)"}));
  EXPECT_TRUE(sink.tables.empty());
}

TEST(XlsxReaderTest, ZipBombLyingAboutItsSizeStopsAtTheEntryCap) {
  const std::string path = Fixture("zip_bomb_lying.xlsx");
  RecordingSink sink;
  Diagnostics diagnostics;
  XlsxReadOptions options;
  options.max_entry_bytes = kLowCap;
  EXPECT_FALSE(ReadXlsxWorkbook(path, sink, &diagnostics, options));
  EXPECT_EQ(
      Messages(diagnostics),
      (std::vector<std::string>{path + "[edges]: error: xl/worksheets/sheet1.xml decompresses "
                                       "to more than the limit of 1048576 bytes (possible "
                                       "zip bomb)"}));
  ASSERT_EQ(sink.tables.size(), 1u);
  ASSERT_FALSE(sink.tables[0].rows.empty());
  EXPECT_LE(sink.tables[0].rows.back().line, kLowCap / kBombRowBytes + 2);
}

TEST(XlsxReaderTest, DeclaredSizeOverTheDefaultCapIsRefusedBeforeInflating) {
  const std::string path = Fixture("zip_bomb_declared.xlsx");
  RecordingSink sink;
  Diagnostics diagnostics;
  EXPECT_FALSE(ReadXlsxWorkbook(path, sink, &diagnostics));
  EXPECT_EQ(Messages(diagnostics),
            (std::vector<std::string>{
                path + "[edges]: error: xl/worksheets/sheet1.xml declares 2147483647 bytes "
                       "uncompressed, over the limit of 268435456 bytes (possible zip bomb)"}));
  EXPECT_TRUE(sink.tables.empty());
}

TEST(XlsxReaderTest, DefaultCapScalesWithFileSize) {
  EXPECT_EQ(DefaultXlsxByteCap(0), 256u << 20);
  EXPECT_EQ(DefaultXlsxByteCap(1 << 20), 256u << 20);
  EXPECT_EQ(DefaultXlsxByteCap(10ull << 20), 2000ull << 20);
}

std::string Number(double value) {
  std::string text;
  FormatXlsxNumber(value, &text);
  return text;
}

TEST(XlsxReaderTest, NumbersPrintShortestWithoutExponentForIntegers) {
  EXPECT_EQ(Number(50000000000.0), "50000000000");
  EXPECT_EQ(Number(0.267), "0.267");
  EXPECT_EQ(Number(0.26700000000000002), "0.267");
  EXPECT_EQ(Number(-8e9), "-8000000000");
  EXPECT_EQ(Number(123456789012345678.0), "123456789012345680");
  EXPECT_EQ(Number(1e21), "1e+21");
  EXPECT_EQ(Number(1.5e-7), "1.5e-07");
  EXPECT_EQ(Number(-0.0), "0");
  EXPECT_EQ(Number(42), "42");
}

std::string Serial(double serial, bool date1904 = false, bool time_only = false) {
  std::string text;
  return XlsxSerialToIso(serial, date1904, time_only, &text) ? text : "<none>";
}

TEST(XlsxReaderTest, DateSerials) {
  EXPECT_EQ(Serial(1), "1900-01-01");
  EXPECT_EQ(Serial(59), "1900-02-28");
  EXPECT_EQ(Serial(60), "1900-02-29");  // Excel's leap-year bug, shown as Excel shows it
  EXPECT_EQ(Serial(61), "1900-03-01");
  EXPECT_EQ(Serial(46054), "2026-02-01");
  EXPECT_EQ(Serial(45194.60416666666), "2023-09-25T14:30:00");
  EXPECT_EQ(Serial(46054.99999999), "2026-02-02");  // rounds to the next midnight
  EXPECT_EQ(Serial(0, true), "1904-01-01");
  EXPECT_EQ(Serial(44592, true), "2026-02-01");
  EXPECT_EQ(Serial(0.5, false, true), "12:00:00");
  EXPECT_EQ(Serial(46054.5, false, true), "2026-02-01T12:00:00");
  EXPECT_EQ(Serial(2958465), "9999-12-31");
  EXPECT_EQ(Serial(2958466), "<none>");
  EXPECT_EQ(Serial(-1), "<none>");
}

}  // namespace
}  // namespace pg
