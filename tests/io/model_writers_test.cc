// convert's writers: CSV folder, JSON and XLSX round trips, and formula neutralising.

#include "io/csv_writer.h"

#include <fstream>
#include <sstream>

#include <gtest/gtest.h>
#include <zip.h>

#include "io/json_model.h"
#include "io/kumu_writer.h"
#include "io/xlsx_writer.h"
#include "tests/test_support.h"

namespace pg {
namespace {

using testing::ExampleDir;
using testing::MustLoad;
using testing::ReadAll;
using testing::TempDir;

TEST(CsvWriter, NeutralisesFormulasButNotNumbers) {
  EXPECT_EQ(NeutraliseCsvCell("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
  EXPECT_EQ(NeutraliseCsvCell("+cmd"), "'+cmd");
  EXPECT_EQ(NeutraliseCsvCell("-5+cmd|' /C calc'!A0"), "'-5+cmd|' /C calc'!A0");
  EXPECT_EQ(NeutraliseCsvCell("@SUM(A1)"), "'@SUM(A1)");
  EXPECT_EQ(NeutraliseCsvCell("-5"), "-5");
  EXPECT_EQ(NeutraliseCsvCell("+3.2"), "+3.2");
  EXPECT_EQ(NeutraliseCsvCell("-1e5"), "-1e5");
  EXPECT_EQ(NeutraliseCsvCell("-inf"), "'-inf");
  EXPECT_EQ(NeutraliseCsvCell("'=x"), "''=x");  // already apostrophed: one more, so it reads back
  EXPECT_EQ(NeutraliseCsvCell("'hello"), "'hello");
  EXPECT_EQ(NeutraliseCsvCell("plain"), "plain");
  for (std::string_view value : {"=x", "'=x", "''-y", "'hello", "-5", "@", "-"}) {
    EXPECT_EQ(UnneutraliseCsvCell(NeutraliseCsvCell(value)), value);
  }
  EXPECT_EQ(QuoteCsvCell("a,b"), "\"a,b\"");
  EXPECT_EQ(QuoteCsvCell("say \"hi\""), "\"say \"\"hi\"\"\"");
  EXPECT_EQ(QuoteCsvCell("plain"), "plain");
}

TEST(CsvWriter, FormulaCellsAreWrittenSafelyAndReadBackAsTheyWere) {
  TempDir dir;
  const std::string nodes = dir.Write("nodes.csv", "id,description,hq\nA,\"=HYPERLINK(\"\"evil\"\")\",''=kept\nB,-5,@home\n");
  const PartnershipGraph graph = MustLoad({nodes});
  const CsvModelFiles files = ModelToCsv(graph);
  EXPECT_EQ(files.nodes,
            "id,label,type,roles,markets,tags,description,source,hq\n"
            "A,,other,,,,\"'=HYPERLINK(\"\"evil\"\")\",,''=kept\n"
            "B,,other,,,,-5,,'@home\n");
  std::string error;
  const std::string out = (dir.Path() / "out").string();
  ASSERT_TRUE(WriteCsvFolder(graph, out, &error)) << error;
  const PartnershipGraph again = MustLoad({out});
  EXPECT_EQ(again.Text(again.GetNode(0).description), "=HYPERLINK(\"evil\")");
  EXPECT_EQ(ModelToJson(again), ModelToJson(graph));
  EXPECT_EQ(ModelToJson(again)["nodes"][0]["hq"], "'=kept");
}

TEST(CsvWriter, ExampleRoundTripsCsvToJsonToCsv) {
  const PartnershipGraph graph = MustLoad({ExampleDir()});
  TempDir dir;
  std::string error;
  const std::string first = (dir.Path() / "first").string();
  ASSERT_TRUE(WriteCsvFolder(graph, first, &error)) << error;
  const PartnershipGraph from_csv = MustLoad({first});
  EXPECT_EQ(ModelToJson(from_csv), ModelToJson(graph));
  const std::string json = dir.Write("model.json", ModelToJson(from_csv).dump(2));
  const PartnershipGraph from_json = MustLoad({json});
  const std::string second = (dir.Path() / "second").string();
  ASSERT_TRUE(WriteCsvFolder(from_json, second, &error)) << error;
  for (const char* file : {"nodes.csv", "edges.csv", "metrics.csv"}) {
    EXPECT_EQ(ReadAll(std::filesystem::path(second) / file), ReadAll(std::filesystem::path(first) / file)) << file;
  }
  EXPECT_NE(ReadAll(std::filesystem::path(first) / "metrics.csv").find(",versus\n"), std::string::npos);
}

TEST(CsvWriter, ReplacesOnlyAPreviousConversion) {
  const PartnershipGraph graph = MustLoad({ExampleDir()});
  TempDir dir;
  std::string error;
  const std::string out = (dir.Path() / "out").string();
  ASSERT_TRUE(WriteCsvFolder(graph, out, &error)) << error;
  ASSERT_TRUE(WriteCsvFolder(graph, out + "/", &error)) << error;  // again: replaced
  dir.Write("out/notes.txt", "mine");
  EXPECT_FALSE(WriteCsvFolder(graph, out, &error));
  EXPECT_EQ(error, "cannot write " + out + ": the folder holds other files (notes.txt); name a new or empty folder");
  EXPECT_EQ(ReadAll(dir.Path() / "out" / "notes.txt"), "mine");
}

TEST(XlsxWriter, ExampleRoundTripsThroughAWorkbook) {
  const PartnershipGraph graph = MustLoad({ExampleDir()});
  TempDir dir;
  std::string error;
  const std::string path = (dir.Path() / "model.xlsx").string();
  ASSERT_TRUE(WriteXlsxModel(graph, path, &error)) << error;
  const PartnershipGraph again = MustLoad({path});
  EXPECT_EQ(again.Sources().size(), 3u);
  EXPECT_EQ(again.Sources()[1].sheet, "edges");
  EXPECT_EQ(ModelToJson(again), ModelToJson(graph));
  // Text that looks like a formula stays text in a workbook.
  const std::string nodes = dir.Write("nodes.csv", "id,description\nA,=1+1\n");
  const std::string tricky = (dir.Path() / "tricky.xlsx").string();
  ASSERT_TRUE(WriteXlsxModel(MustLoad({nodes}), tricky, &error)) << error;
  const PartnershipGraph back = MustLoad({tricky});
  EXPECT_EQ(back.Text(back.GetNode(0).description), "=1+1");
}

// One entry of a zip archive as text, or "<missing>".
std::string ZipEntry(const std::string& path, const char* name) {
  int failure = 0;
  zip_t* zip = zip_open(path.c_str(), ZIP_RDONLY, &failure);
  if (zip == nullptr) return "<not a zip>";
  std::string text = "<missing>";
  if (zip_file_t* file = zip_fopen(zip, name, 0)) {
    text.clear();
    char buffer[4096];
    for (zip_int64_t n; (n = zip_fread(file, buffer, sizeof buffer)) > 0;) text.append(buffer, static_cast<std::size_t>(n));
    zip_fclose(file);
  }
  zip_discard(zip);
  return text;
}

TEST(XlsxWriter, WritesRowsInConstantMemoryAsInlineStringsThatReadBack) {
  const PartnershipGraph graph = MustLoad({ExampleDir()});
  TempDir dir;
  std::string error;
  const std::string path = (dir.Path() / "model.xlsx").string();
  ASSERT_TRUE(WriteXlsxModel(graph, path, &error)) << error;
  // Constant-memory mode keeps no shared-string table: every text cell is an inline string.
  EXPECT_EQ(ZipEntry(path, "xl/sharedStrings.xml"), "<missing>");
  const std::string edges = ZipEntry(path, "xl/worksheets/sheet2.xml");
  EXPECT_NE(edges.find(R"(<c r="A1" t="inlineStr"><is><t>from</t></is></c>)"), std::string::npos) << edges.substr(0, 2000);
  EXPECT_EQ(ModelToJson(MustLoad({path})), ModelToJson(graph));
}

TEST(XlsxWriter, RefusesATableLongerThanASheetBeforeWritingIt) {
  EXPECT_EQ(XlsxSheetTooLong("big.xlsx", "edges", 1048575), "");
  EXPECT_EQ(XlsxSheetTooLong("big.xlsx", "edges", 1048576),
            "cannot write big.xlsx: edges has 1048576 rows, more than the 1048575 a sheet holds under its header; "
            "write CSV or JSON instead");
}

// The golden text of the tests below is what the writers wrote when they built every table
// whole before writing (commit 1e7b216); made a row at a time, the bytes must not change.
// Kept attribute columns, a free type, roles, a qualified amount, a quarter, formula-like text
// and an `_xHHHH_` look-alike: every kind of cell the tables make.
PartnershipGraph Fixture(const TempDir& dir) {
  dir.Write("nodes.csv",
            "id,label,type,roles,markets,tags,description,hq\n"
            "A,Alpha Labs,company,company|investor,m1|m2,t1,\"=SUM(1,2)\",\n"
            "B,,Government,,,,\"  padded \",Paris\n"
            "C,,cloud,,,,_x0041_ ok,\"-5\"\n");
  dir.Write("edges.csv",
            "from,to,type,direction,amount_usd,stake_pct,start,end,reported,confidence,note,status,round\n"
            "A,B,invests,,~5B,0.25,2024-03,2025,2024-03-15,high,\"say \"\"hi\"\"\",announced,Series B\n"
            "B,C,competes,directed,,,,,,,,,\n"
            "C,A,supplies_compute,,1.5M,,2024-Q1,,,0.5,,,\n");
  dir.Write("metrics.csv",
            "entity,metric,value,unit,as_of,basis,source,confidence,note,versus\n"
            "A,revenue_usd,1000000,usd,2025,gross,report,high,,B\n");
  return MustLoad({dir.Path().string()});
}

constexpr const char* kNodesCsv =
    "id,label,type,roles,markets,tags,description,source,hq\n"
    "A,Alpha Labs,company,company|investor,m1|m2,t1,\"'=SUM(1,2)\",,\n"
    "B,,Government,,,,padded,,Paris\n"
    "C,,cloud,,,,_x0041_ ok,,-5\n";
constexpr const char* kEdgesCsv =
    "from,to,type,direction,amount_usd,stake_pct,share_pct,revenue_usd,capacity_gw,start,end,scope,source,"
    "reported,confidence,note,status,round\n"
    "A,B,invests,,~5000000000,0.25,,,,2024-03,2025,,,2024-03-15,0.9,\"say \"\"hi\"\"\",announced,Series B\n"
    "B,C,competes,directed,,,,,,,,,,,,,,\n"
    "C,A,supplies_compute,,1500000,,,,,2024-01,,,,,0.5,,,\n";
constexpr const char* kMetricsCsv =
    "entity,metric,value,unit,as_of,basis,source,confidence,note,versus\n"
    "A,revenue_usd,1000000,usd,2025,gross,report,0.9,,B\n";

TEST(CsvWriter, FolderHasTheBytesOfTheWholeTableWriter) {
  TempDir dir;
  const PartnershipGraph graph = Fixture(dir);
  std::string error;
  const std::filesystem::path out = dir.Path() / "out";
  ASSERT_TRUE(WriteCsvFolder(graph, out.string(), &error)) << error;
  EXPECT_EQ(ReadAll(out / "nodes.csv"), kNodesCsv);
  EXPECT_EQ(ReadAll(out / "edges.csv"), kEdgesCsv);
  EXPECT_EQ(ReadAll(out / "metrics.csv"), kMetricsCsv);
  const CsvModelFiles files = ModelToCsv(graph);
  EXPECT_EQ(files.nodes, kNodesCsv);
  EXPECT_EQ(files.edges, kEdgesCsv);
  EXPECT_EQ(files.metrics, kMetricsCsv);
}

TEST(KumuWriter, FolderHasTheBytesOfTheWholeTableWriter) {
  TempDir dir;
  const PartnershipGraph graph = Fixture(dir);
  std::string error;
  const std::filesystem::path out = dir.Path() / "kumu";
  ASSERT_TRUE(WriteCsvTables(out.string(), KumuCsvFiles(graph), CsvCells::kSafe, &error)) << error;
  EXPECT_EQ(ReadAll(out / "elements.csv"),
            "ID,Label,Type,Roles,Markets,Tags,Description,Source,hq\n"
            "A,Alpha Labs,company,company|investor,m1|m2,t1,\"'=SUM(1,2)\",,\n"
            "B,,Government,,,,padded,,Paris\n"
            "C,,cloud,,,,_x0041_ ok,,-5\n");
  EXPECT_EQ(ReadAll(out / "connections.csv"),
            "From,To,Type,Direction,amount_usd,stake_pct,share_pct,revenue_usd,capacity_gw,Start,End,Scope,Source,"
            "Reported,Confidence,Description,Status,round\n"
            "A,B,invests,directed,~5000000000,0.25,,,,2024-03,2025,,,2024-03-15,0.9,\"say \"\"hi\"\"\",announced,"
            "Series B\n"
            "B,C,competes,directed,,,,,,,,,,,,,,\n"
            "C,A,supplies_compute,directed,1500000,,,,,2024-01,,,,,0.5,,,\n");
  EXPECT_EQ(ReadAll(out / "metrics.csv"), kMetricsCsv);
}

// The part of a worksheet that holds the cells.
std::string SheetData(const std::string& xml) {
  const std::size_t begin = xml.find("<sheetData>");
  const std::size_t end = xml.find("</sheetData>");
  return begin == std::string::npos || end == std::string::npos ? xml : xml.substr(begin, end + 12 - begin);
}

TEST(XlsxWriter, SheetsHaveTheBytesOfTheWholeTableWriter) {
  TempDir dir;
  const PartnershipGraph graph = Fixture(dir);
  std::string error;
  const std::string path = (dir.Path() / "model.xlsx").string();
  ASSERT_TRUE(WriteXlsxModel(graph, path, &error)) << error;
  EXPECT_EQ(SheetData(ZipEntry(path, "xl/worksheets/sheet1.xml")),
    R"(<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>id</t></is></c><c r="B1" t="inlineStr"><is><t>l)"
    R"(abel</t></is></c><c r="C1" t="inlineStr"><is><t>type</t></is></c><c r="D1" t="inlineStr"><is><t>role)"
    R"(s</t></is></c><c r="E1" t="inlineStr"><is><t>markets</t></is></c><c r="F1" t="inlineStr"><is><t>tags)"
    R"(</t></is></c><c r="G1" t="inlineStr"><is><t>description</t></is></c><c r="H1" t="inlineStr"><is><t>s)"
    R"(ource</t></is></c><c r="I1" t="inlineStr"><is><t>hq</t></is></c></row><row r="2"><c r="A2" t="inline)"
    R"(Str"><is><t>A</t></is></c><c r="B2" t="inlineStr"><is><t>Alpha Labs</t></is></c><c r="C2" t="inlineS)"
    R"(tr"><is><t>company</t></is></c><c r="D2" t="inlineStr"><is><t>company|investor</t></is></c><c r="E2")"
    R"( t="inlineStr"><is><t>m1|m2</t></is></c><c r="F2" t="inlineStr"><is><t>t1</t></is></c><c r="G2" t="i)"
    R"(nlineStr"><is><t>=SUM(1,2)</t></is></c></row><row r="3"><c r="A3" t="inlineStr"><is><t>B</t></is></c)"
    R"(><c r="C3" t="inlineStr"><is><t>Government</t></is></c><c r="G3" t="inlineStr"><is><t>padded</t></is)"
    R"(></c><c r="I3" t="inlineStr"><is><t>Paris</t></is></c></row><row r="4"><c r="A4" t="inlineStr"><is><)"
    R"(t>C</t></is></c><c r="C4" t="inlineStr"><is><t>cloud</t></is></c><c r="G4" t="inlineStr"><is><t>_x00)"
    R"(5F_x0041_ ok</t></is></c><c r="I4" t="inlineStr"><is><t>-5</t></is></c></row></sheetData>)");
  EXPECT_EQ(SheetData(ZipEntry(path, "xl/worksheets/sheet2.xml")),
    R"(<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>from</t></is></c><c r="B1" t="inlineStr"><is><t)"
    R"(>to</t></is></c><c r="C1" t="inlineStr"><is><t>type</t></is></c><c r="D1" t="inlineStr"><is><t>direc)"
    R"(tion</t></is></c><c r="E1" t="inlineStr"><is><t>amount_usd</t></is></c><c r="F1" t="inlineStr"><is><)"
    R"(t>stake_pct</t></is></c><c r="G1" t="inlineStr"><is><t>share_pct</t></is></c><c r="H1" t="inlineStr")"
    R"(><is><t>revenue_usd</t></is></c><c r="I1" t="inlineStr"><is><t>capacity_gw</t></is></c><c r="J1" t=")"
    R"(inlineStr"><is><t>start</t></is></c><c r="K1" t="inlineStr"><is><t>end</t></is></c><c r="L1" t="inli)"
    R"(neStr"><is><t>scope</t></is></c><c r="M1" t="inlineStr"><is><t>source</t></is></c><c r="N1" t="inlin)"
    R"(eStr"><is><t>reported</t></is></c><c r="O1" t="inlineStr"><is><t>confidence</t></is></c><c r="P1" t=)"
    R"("inlineStr"><is><t>note</t></is></c><c r="Q1" t="inlineStr"><is><t>status</t></is></c><c r="R1" t="i)"
    R"(nlineStr"><is><t>round</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>A</t></is></c><c )"
    R"(r="B2" t="inlineStr"><is><t>B</t></is></c><c r="C2" t="inlineStr"><is><t>invests</t></is></c><c r="E)"
    R"(2" t="inlineStr"><is><t>~5000000000</t></is></c><c r="F2"><v>0.25</v></c><c r="J2" t="inlineStr"><is)"
    R"(><t>2024-03</t></is></c><c r="K2" t="inlineStr"><is><t>2025</t></is></c><c r="N2" t="inlineStr"><is>)"
    R"(<t>2024-03-15</t></is></c><c r="O2"><v>0.9</v></c><c r="P2" t="inlineStr"><is><t>say "hi"</t></is></)"
    R"(c><c r="Q2" t="inlineStr"><is><t>announced</t></is></c><c r="R2" t="inlineStr"><is><t>Series B</t></)"
    R"(is></c></row><row r="3"><c r="A3" t="inlineStr"><is><t>B</t></is></c><c r="B3" t="inlineStr"><is><t>)"
    R"(C</t></is></c><c r="C3" t="inlineStr"><is><t>competes</t></is></c><c r="D3" t="inlineStr"><is><t>dir)"
    R"(ected</t></is></c></row><row r="4"><c r="A4" t="inlineStr"><is><t>C</t></is></c><c r="B4" t="inlineS)"
    R"(tr"><is><t>A</t></is></c><c r="C4" t="inlineStr"><is><t>supplies_compute</t></is></c><c r="E4"><v>15)"
    R"(00000</v></c><c r="J4" t="inlineStr"><is><t>2024-01</t></is></c><c r="O4"><v>0.5</v></c></row></shee)"
    R"(tData>)");
  EXPECT_EQ(SheetData(ZipEntry(path, "xl/worksheets/sheet3.xml")),
    R"(<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>entity</t></is></c><c r="B1" t="inlineStr"><is>)"
    R"(<t>metric</t></is></c><c r="C1" t="inlineStr"><is><t>value</t></is></c><c r="D1" t="inlineStr"><is><)"
    R"(t>unit</t></is></c><c r="E1" t="inlineStr"><is><t>as_of</t></is></c><c r="F1" t="inlineStr"><is><t>b)"
    R"(asis</t></is></c><c r="G1" t="inlineStr"><is><t>source</t></is></c><c r="H1" t="inlineStr"><is><t>co)"
    R"(nfidence</t></is></c><c r="I1" t="inlineStr"><is><t>note</t></is></c><c r="J1" t="inlineStr"><is><t>)"
    R"(versus</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>A</t></is></c><c r="B2" t="inline)"
    R"(Str"><is><t>revenue_usd</t></is></c><c r="C2"><v>1000000</v></c><c r="D2" t="inlineStr"><is><t>usd</)"
    R"(t></is></c><c r="E2" t="inlineStr"><is><t>2025</t></is></c><c r="F2" t="inlineStr"><is><t>gross</t><)"
    R"(/is></c><c r="G2" t="inlineStr"><is><t>report</t></is></c><c r="H2"><v>0.9</v></c><c r="J2" t="inlin)"
    R"(eStr"><is><t>B</t></is></c></row></sheetData>)");
}

}  // namespace
}  // namespace pg
