// Hostile workbooks: too many sheets, oversized cells, rows and columns, a sink that throws,
// and Excel's _xHHHH_ escapes, which must read back as the text the user typed.

#include <array>
#include <cstdint>
#include <fstream>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "graph/graph_builder.h"
#include "io/json_model.h"
#include "io/model_reader.h"
#include "io/xlsx_reader.h"
#include "io/xlsx_writer.h"
#include "tests/test_support.h"

namespace pg {
namespace {

using testing::Cli;
using testing::LoadErrors;
using testing::MustLoad;
using testing::TempDir;

std::uint32_t Crc32(const std::string& data) {
  static const std::array<std::uint32_t, 256> table = [] {
    std::array<std::uint32_t, 256> t{};
    for (std::uint32_t i = 0; i < 256; ++i) {
      std::uint32_t c = i;
      for (int k = 0; k < 8; ++k) c = c & 1 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
      t[i] = c;
    }
    return t;
  }();
  std::uint32_t crc = 0xFFFFFFFFu;
  for (unsigned char byte : data) crc = table[(crc ^ byte) & 0xFF] ^ (crc >> 8);
  return crc ^ 0xFFFFFFFFu;
}

void Put(std::string& out, std::uint64_t value, int bytes) {
  for (int i = 0; i < bytes; ++i) out += static_cast<char>((value >> (8 * i)) & 0xFF);
}

// A zip archive of stored (uncompressed) entries, enough for the reader's libzip.
std::string StoredZip(const std::vector<std::pair<std::string, std::string>>& entries) {
  std::string zip, directory;
  for (const auto& [name, data] : entries) {
    const std::uint32_t crc = Crc32(data);
    const std::size_t offset = zip.size();
    Put(zip, 0x04034b50, 4), Put(zip, 20, 2), Put(zip, 0, 2), Put(zip, 0, 2), Put(zip, 0, 4);
    Put(zip, crc, 4), Put(zip, data.size(), 4), Put(zip, data.size(), 4), Put(zip, name.size(), 2), Put(zip, 0, 2);
    zip += name + data;
    Put(directory, 0x02014b50, 4), Put(directory, 20, 2), Put(directory, 20, 2), Put(directory, 0, 2);
    Put(directory, 0, 2), Put(directory, 0, 4), Put(directory, crc, 4), Put(directory, data.size(), 4);
    Put(directory, data.size(), 4), Put(directory, name.size(), 2), Put(directory, 0, 2), Put(directory, 0, 2);
    Put(directory, 0, 2), Put(directory, 0, 2), Put(directory, 0, 4), Put(directory, offset, 4);
    directory += name;
  }
  const std::size_t directory_offset = zip.size();
  zip += directory;
  Put(zip, 0x06054b50, 4), Put(zip, 0, 2), Put(zip, 0, 2), Put(zip, entries.size(), 2), Put(zip, entries.size(), 2);
  Put(zip, directory.size(), 4), Put(zip, directory_offset, 4), Put(zip, 0, 2);
  return zip;
}

constexpr const char* kMain = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
constexpr const char* kWorksheet = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet";

// A workbook whose sheets named nodes, nodes2, ... (`sheets` of them) all point at one part
// holding `sheet_data` (the inside of <sheetData>); `shared` are its shared strings.
std::string Workbook(const TempDir& dir, const std::string& sheet_data, int sheets = 1,
                     const std::vector<std::string>& shared = {}) {
  std::string workbook = fmt::format(R"(<workbook xmlns="{}" xmlns:r="r"><sheets>)", kMain);
  std::string rels = R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)";
  for (int i = 1; i <= sheets; ++i) {
    workbook += fmt::format(R"(<sheet name="nodes{}" sheetId="{}" r:id="rId{}"/>)", i == 1 ? "" : std::to_string(i), i, i);
    rels += fmt::format(R"(<Relationship Id="rId{}" Type="{}" Target="worksheets/sheet1.xml"/>)", i, kWorksheet);
  }
  workbook += "</sheets></workbook>";
  rels += "</Relationships>";
  std::vector<std::pair<std::string, std::string>> entries = {
      {"xl/workbook.xml", workbook},
      {"xl/_rels/workbook.xml.rels", rels},
      {"xl/worksheets/sheet1.xml", fmt::format(R"(<worksheet xmlns="{}"><sheetData>{}</sheetData></worksheet>)", kMain,
                                               sheet_data)}};
  if (!shared.empty()) {
    std::string strings = fmt::format(R"(<sst xmlns="{}">)", kMain);
    for (const std::string& text : shared) strings += "<si><t>" + text + "</t></si>";
    entries.push_back({"xl/sharedStrings.xml", strings + "</sst>"});
  }
  const std::string path = (dir.Path() / "book.xlsx").string();
  std::ofstream(path, std::ios::binary) << StoredZip(entries);
  return path;
}

std::string InlineRow(int row, const std::vector<std::string>& cells) {
  std::string xml = fmt::format(R"(<row r="{}">)", row);
  for (const std::string& cell : cells) xml += R"(<c t="inlineStr"><is><t>)" + cell + "</t></is></c>";
  return xml + "</row>";
}

TEST(XlsxHostile, ManySheetsFailAtTheSheetLimit) {
  TempDir dir;
  // 100,000 declared sheets: each used to cost a linear search of the sources (90 s).
  const std::string path = Workbook(dir, InlineRow(1, {"id"}) + InlineRow(2, {"A"}), 100000);
  EXPECT_EQ(LoadErrors({path}), path + ": error: more than 1024 sheets; the limit is 1024 (sheets); raise it with "
                                       "PARTNERGRAPH_LIMITS=sheets=2048\n");
  // Under a raised limit every sheet is a source of its own, found again in constant time (a
  // linear search per table made 30,000 sheets take many seconds).
  const std::string fewer = Workbook(dir, InlineRow(1, {"id"}) + InlineRow(2, {"A"}), 30000);
  InputLimits limits;
  limits.sheets = 30000;
  Diagnostics diagnostics;
  const std::optional<PartnershipGraph> graph = LoadModel({fewer}, &diagnostics, {.limits = limits});
  ASSERT_TRUE(graph.has_value());
  EXPECT_EQ(graph->Sources().size(), 30000u);
  EXPECT_EQ(graph->Sources()[29999].sheet, "nodes30000");
  EXPECT_EQ(graph->NodeCount(), 1u);
}

TEST(XlsxHostile, AddSourceFindsEachSourceAgain) {
  Diagnostics diagnostics;
  GraphBuilder builder(&diagnostics);
  EXPECT_EQ(builder.AddSource("book.xlsx", "nodes"), 0u);
  EXPECT_EQ(builder.AddSource("book.xlsx", "edges"), 1u);
  EXPECT_EQ(builder.AddSource("book.xlsxnodes", ""), 2u);
  EXPECT_EQ(builder.AddSource("book.xlsx", "nodes"), 0u);
  EXPECT_EQ(builder.AddSource("book.xlsxnodes", ""), 2u);
}

TEST(XlsxHostile, CellsColumnsAndRowsHaveLimits) {
  TempDir dir;
  InputLimits limits;
  limits.cell_bytes = 8;
  const std::string inline_cell = Workbook(dir, InlineRow(1, {"id", "label"}) + InlineRow(2, {"A", "ninebytes"}));
  EXPECT_EQ(LoadErrors({inline_cell}, limits), inline_cell + "[nodes]!B2: error: cell is longer than 8 bytes; the limit "
                                                            "is 8 (cell_bytes); raise it with PARTNERGRAPH_LIMITS=cell_bytes=16\n");
  const std::string value_cell = Workbook(dir, InlineRow(1, {"id"}) + R"(<row r="2"><c r="A2"><v>1234567890</v></c></row>)");
  EXPECT_EQ(LoadErrors({value_cell}, limits), value_cell + "[nodes]!A2: error: cell is longer than 8 bytes; the limit is "
                                                          "8 (cell_bytes); raise it with PARTNERGRAPH_LIMITS=cell_bytes=16\n");
  const std::string shared = Workbook(dir, R"(<row r="1"><c t="s"><v>0</v></c></row>)", 1, {"id", "ninebytes"});
  EXPECT_EQ(LoadErrors({shared}, limits), shared + ": error: xl/sharedStrings.xml: shared string 1 is longer than 8 bytes; "
                                                  "the limit is 8 (cell_bytes); raise it with PARTNERGRAPH_LIMITS=cell_bytes=16\n");

  limits = InputLimits{};
  limits.columns = 2;
  const std::string wide = Workbook(dir, InlineRow(1, {"id", "label", "type"}));
  EXPECT_EQ(LoadErrors({wide}, limits), wide + "[nodes]!C1: error: more than 2 columns; the limit is 2 (columns); raise "
                                              "it with PARTNERGRAPH_LIMITS=columns=4\n");
  // Cells without a reference count from the last one; they cannot grow a row without bound.
  const std::string unreferenced = Workbook(dir, R"(<row r="1"><c r="B1" t="inlineStr"><is><t>id</t></is></c><c/></row>)");
  EXPECT_EQ(LoadErrors({unreferenced}, limits), unreferenced + "[nodes]!C1: error: more than 2 columns; the limit is 2 "
                                                              "(columns); raise it with PARTNERGRAPH_LIMITS=columns=4\n");

  limits = InputLimits{};
  limits.rows_per_table = 2;
  const std::string tall = Workbook(dir, InlineRow(1, {"id"}) + InlineRow(2, {"A"}) + InlineRow(3, {"B"}) + InlineRow(5, {"C"}));
  EXPECT_EQ(LoadErrors({tall}, limits), tall + "[nodes] row 5: error: more than 2 rows in this sheet; the limit is 2 "
                                              "(rows_per_table); raise it with PARTNERGRAPH_LIMITS=rows_per_table=4\n");
}

// Throws from the first data row, as a sink out of memory would.
class ThrowingSink : public TableSink {
 public:
  bool BeginTable(const TableOrigin&, std::span<const std::string_view>, std::uint32_t, CellColumns) override {
    return true;
  }
  void Row(std::span<const std::string_view>, std::uint32_t, CellColumns) override { throw std::runtime_error("boom"); }
  void EndTable() override { ++ended; }
  int ended = 0;
};

TEST(XlsxHostile, AnExceptionFromTheSinkBecomesADiagnostic) {
  TempDir dir;
  const std::string path = Workbook(dir, InlineRow(1, {"id"}) + InlineRow(2, {"A"}));
  ThrowingSink sink;
  Diagnostics diagnostics;
  EXPECT_FALSE(ReadXlsxWorkbook(path, sink, &diagnostics));
  ASSERT_EQ(diagnostics.All().size(), 1u);
  EXPECT_EQ(FormatDiagnostic(diagnostics.All()[0]), path + "[nodes]: error: cannot read xl/worksheets/sheet1.xml: boom");
  EXPECT_EQ(sink.ended, 1);
}

TEST(XlsxHostile, ExcelEscapesAreDecoded) {
  std::string text = "a_x000D_b_x005F_x000D_c_x0009__X00e9__xD800__x12_";
  DecodeXlsxEscapes(&text);
  EXPECT_EQ(text, "a\rb_x000D_c\t\xC3\xA9_xD800__x12_");
  TempDir dir;
  const std::string path =
      Workbook(dir, R"(<row r="1"><c t="s"><v>0</v></c><c t="s"><v>1</v></c></row>)" + InlineRow(2, {"A", "x_x000A_y"}),
               1, {"id", "label_x005F_x0020_"});
  const nlohmann::json json = ModelToJson(MustLoad({path}));
  EXPECT_EQ(json["nodes"][0]["label_x0020_"], "x\ny");
}

TEST(XlsxHostile, ControlCharactersAndLiteralEscapesRoundTrip) {
  TempDir dir;
  const std::string csv = dir.Write("nodes.csv", "id,label\nA,\"cr\rtab\tlf\nliteral _x000D_ and _x005F_ end\"\n");
  const std::string xlsx = (dir.Path() / "out.xlsx").string();
  ASSERT_EQ(Cli({"convert", csv, "-o", xlsx, "-q"}).code, 0);
  const PartnershipGraph graph = MustLoad({xlsx});
  ASSERT_EQ(graph.NodeCount(), 1u);
  EXPECT_EQ(graph.Text(graph.Nodes()[0].label), "cr\rtab\tlf\nliteral _x000D_ and _x005F_ end");
}

TEST(XlsxHostile, NonAsciiNamesRoundTripByteForByte) {
  TempDir dir;
  const std::string nodes = dir.Write(
      "nodes.csv",
      "id,label,type\n삼성전자,\"삼성 전자, 한국\",company\n阿里巴巴,阿里云 🚀,cloud\nCafe\xCC\x81,Ame\xCC\x81lie 👩‍💻,company\n");
  const std::string edges = dir.Write("edges.csv", "from,to,type\n삼성전자,阿里巴巴,invests\n阿里巴巴,Cafe\xCC\x81,partners\n");
  const std::string expected = ModelJsonText(MustLoad({nodes, edges}));
  EXPECT_NE(expected.find("\"Ame\xCC\x81lie 👩‍💻\""), std::string::npos);
  const std::string json = (dir.Path() / "out.json").string();
  const std::string xlsx = (dir.Path() / "out.xlsx").string();
  ASSERT_EQ(Cli({"convert", nodes, edges, "-o", json, "-q"}).code, 0);
  ASSERT_EQ(Cli({"convert", nodes, edges, "-o", xlsx, "-q"}).code, 0);
  EXPECT_EQ(ModelJsonText(MustLoad({json})), expected);
  EXPECT_EQ(ModelJsonText(MustLoad({xlsx})), expected);
}

TEST(XlsxHostile, WriterReplacesBytesThatAreNotUtf8) {
  // The loader never lets such bytes through; the writer must still write a readable workbook.
  const PartnershipGraph graph = testing::GraphWithOneNode("A\xFF\xC3");
  TempDir dir;
  const std::string path = (dir.Path() / "out.xlsx").string();
  std::string error;
  ASSERT_TRUE(WriteXlsxModel(graph, path, &error)) << error;
  const PartnershipGraph again = MustLoad({path});
  ASSERT_EQ(again.NodeCount(), 1u);
  EXPECT_EQ(again.Text(again.Nodes()[0].id), "A\xEF\xBF\xBD\xEF\xBF\xBD");
}

}  // namespace
}  // namespace pg
