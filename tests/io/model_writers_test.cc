// convert's writers: CSV folder, JSON and XLSX round trips, and formula neutralising.

#include "io/csv_writer.h"

#include <fstream>
#include <sstream>

#include <gtest/gtest.h>
#include <zip.h>

#include "io/json_model.h"
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

}  // namespace
}  // namespace pg
