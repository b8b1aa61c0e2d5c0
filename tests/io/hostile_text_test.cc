// Hostile text input (issue 8): one UTF-8 policy at the reader seam, UTF-16 files, duplicate
// columns, the CSV input limits, character columns recorded by the reader, and inputs named
// twice or unreadable inside a folder. Every message is asserted word for word.

#include <filesystem>
#include <string>

#include <gtest/gtest.h>

#include "graph/text.h"
#include "io/csv_reader.h"
#include "io/input_limits.h"
#include "io/model_reader.h"
#include "tests/test_support.h"

namespace pg {
namespace {

using testing::LoadErrors;
using testing::MustLoad;
using testing::TempDir;

std::string Errors(const std::vector<std::string>& inputs, const InputLimits& limits) {
  Diagnostics diagnostics;
  const auto graph = LoadModel(inputs, &diagnostics, {.limits = limits});
  std::string text;
  for (const Diagnostic& d : diagnostics.All()) text += FormatDiagnostic(d) + "\n";
  return text;
}

TEST(TextFault, AsciiUtf8AndControls) {
  EXPECT_FALSE(FindTextFault("plain ascii, longer than eight bytes\tand\r\nlines"));
  EXPECT_FALSE(FindTextFault("Zürich — 東京 🚀 and more text after it"));
  const TextFault latin1 = FindTextFault("caf\xE9 au lait, longer than eight");
  EXPECT_EQ(TextFaultMessage(latin1), "invalid UTF-8 (byte 0xE9) in cell: save the file as UTF-8");
  EXPECT_EQ(TextFaultMessage(FindTextFault(std::string("C\0", 2))), "control character U+0000 in cell");
  EXPECT_EQ(TextFaultMessage(FindTextFault("0123456789abcde\x7F")), "control character U+007F in cell");
  EXPECT_EQ(TextFaultMessage(FindTextFault("\xC2\x85")), "control character U+0085 in cell");
  EXPECT_EQ(TextFaultMessage(FindTextFault("\xC0\xAF")), "invalid UTF-8 (byte 0xC0) in cell: save the file as UTF-8");
  EXPECT_EQ(TextFaultMessage(FindTextFault("\xED\xA0\x80")), "invalid UTF-8 (byte 0xED) in cell: save the file as UTF-8");
  EXPECT_EQ(TextFaultMessage(FindTextFault("ok\xF0\x9F\x9A")), "invalid UTF-8 (byte 0xF0) in cell: save the file as UTF-8");
}

TEST(HostileText, InvalidUtf8CellIsAnErrorAtItsColumn) {
  TempDir dir;
  const std::string edges = dir.Write("edges.csv", "from,to,type\nA,Caf\xE9,invests\nB,C\xE9,invests\n");
  EXPECT_EQ(LoadErrors({edges}),
            edges + ":2:3: error: invalid UTF-8 (byte 0xE9) in cell: save the file as UTF-8\n" + edges +
                ": note: 1 more row holds invalid UTF-8 or control characters (only the first is shown)\n");
}

TEST(HostileText, NulInAnIdIsAnError) {
  TempDir dir;
  const std::string edges = dir.Write("edges.csv", std::string("from,to,type\nC,D,invests\n\"C\0\",D,owns\n", 37));
  EXPECT_EQ(LoadErrors({edges}), edges + ":3:1: error: control character U+0000 in cell\n");
}

TEST(HostileText, Utf16FileIsNamed) {
  TempDir dir;
  const std::string bom = dir.Write("data.csv", std::string("\xFF\xFEi\0d\0\n\0", 8));
  EXPECT_EQ(LoadErrors({bom}), bom + ": error: the file is UTF-16 encoded; save it as UTF-8 (Excel: \"CSV UTF-8\")\n");
  const std::string big_endian = dir.Write("be.csv", std::string("\0i\0d\0,\0x\0\n", 10));
  EXPECT_EQ(LoadErrors({big_endian}),
            big_endian + ": error: the file is UTF-16 encoded; save it as UTF-8 (Excel: \"CSV UTF-8\")\n");
}

TEST(HostileText, DuplicateColumnsAreErrorsAtTheSecond) {
  TempDir dir;
  const std::string same = dir.Write("edges.csv", "from,to,type,amount_usd,note,amount_usd\nA,B,invests,1,,2\n");
  EXPECT_EQ(LoadErrors({same}), same + ":1:30: error: duplicate column \"amount_usd\" (also column 4)\n");
  const std::string alias = dir.Write("e2.csv", "from,to,amount_usd,type,amount\nA,B,1,invests,2\n");
  EXPECT_EQ(LoadErrors({alias}),
            alias + ":1:25: error: duplicate column \"amount\": column 3 (\"amount_usd\") gives the same field\n");
  const std::string unknown = dir.Write("e3.csv", "from,to,weight,Weight\nA,B,1,2\n");
  EXPECT_EQ(LoadErrors({unknown}), unknown + ":1:16: error: duplicate column \"Weight\" (also column 3)\n");
}

TEST(HostileText, UnknownColumnOfAFourColumnTableSurvives) {
  TempDir dir;
  const std::string edges = dir.Write("edges.csv", "from,to,type,weight\nA,B,invests,7\n");
  const PartnershipGraph graph = MustLoad({edges});
  ASSERT_EQ(graph.EdgeCount(), 1u);
  const EdgeDetails& details = graph.Details(graph.GetEdge(0));
  ASSERT_NE(details.attributes, 0u);
  const auto attributes = graph.AttributeSet(details.attributes);
  ASSERT_EQ(attributes.size(), 1u);
  EXPECT_EQ(graph.Text(attributes[0].key), "weight");
  EXPECT_EQ(graph.Text(attributes[0].value), "7");
}

TEST(HostileText, CharacterColumnsFollowQuotesMultilineCellsBomAndUtf8) {
  TempDir dir;
  const std::string nodes = dir.Write("nodes.csv", "id\nAnthropic\nOpenAI\n");
  const std::string edges = dir.Write(
      "edges.csv",
      "\xEF\xBB\xBF" "from,to,type\r\n"
      "\"Open, \"\"AI\"\"\",Antropic,invests\r\n"   // quoted cell with a comma and doubled quotes
      "Zürich,Antropic,invests\r\n"                  // a two-byte character counts as one column
      "\"two\nlines\",Antropic,invests\r\n"          // a cell after a multi-line cell: column unknown
      "OpenAI,  Antropic,invests\r\n");              // blanks before the cell are its start
  // Names far from every node become nodes (issue 9): one warning at the first of them.
  EXPECT_EQ(LoadErrors({nodes, edges}),
            edges + ":2:16: error: unknown node \"Antropic\" (did you mean \"Anthropic\"?)\n" +
            edges + ":3:8: error: unknown node \"Antropic\" (did you mean \"Anthropic\"?)\n" +
            edges + ":4: error: unknown node \"Antropic\" (did you mean \"Anthropic\"?)\n" +
            edges + ":6:8: error: unknown node \"Antropic\" (did you mean \"Anthropic\"?)\n" +
            edges + ":2:1: warning: 3 nodes named only in connections were created (type other): \"Open, \"AI\"\", "
                    "\"Zürich\", \"two\nlines\"; add them to a nodes table to give them a type\n");
}

TEST(HostileText, CharacterColumnsStayInStepOnTheThreadedPathAcrossFeeds) {
  // Past 4 MiB the file is parsed on a second thread, fed to libcsv 64 KiB at a time: quoted
  // cells, doubled quotes and two-byte characters straddle every boundary on the way.
  std::string text = "from,to,type\n";
  for (int row = 0; row < 200000; ++row) text += "A\xC3\xA9,\"B, \"\"q\"\"\",invests\n";
  text += "Z\xC3\xA9,\"B, \"\"q\"\"\",bogus\n";
  ASSERT_GT(text.size(), 4u << 20);
  TempDir dir;
  const std::string edges = dir.Write("edges.csv", text);
  Diagnostics diagnostics;
  ASSERT_TRUE(LoadModel({edges}, &diagnostics).has_value());
  ASSERT_EQ(diagnostics.All().size(), 1u);
  const std::string warning = FormatDiagnostic(diagnostics.All()[0]);
  EXPECT_EQ(warning.substr(0, warning.find(" is not one of ours")),
            edges + ":200002:15: warning: edge type \"bogus\"") << warning;
}

TEST(HostileText, HeaderColumnAfterBom) {
  TempDir dir;
  const std::string edges = dir.Write("edges.csv", "\xEF\xBB\xBF" "from,to,to\nA,B\n");
  EXPECT_EQ(LoadErrors({edges}), edges + ":1:9: error: duplicate column \"to\" (also column 2)\n");
}

TEST(HostileText, CellLimitStopsAHugeCell) {
  TempDir dir;
  const std::string edges = dir.Write("edges.csv", "from,to,type\nA,B," + std::string(300000, 'x') + "\n");
  InputLimits limits;
  limits.cell_bytes = 100000;
  EXPECT_EQ(Errors({edges}, limits),
            edges + ":2:5: error: cell is longer than 100000 bytes; the limit is 100000 (cell_bytes); raise it with "
                    "PARTNERGRAPH_LIMITS=cell_bytes=200000\n");
}

TEST(HostileText, CellLimitCountsACellThatEndsInOneFeed) {
  TempDir dir;
  const std::string edges = dir.Write("edges.csv", "from,to,type\nA,B," + std::string(200, 'x') + ",\n");
  InputLimits limits;
  limits.cell_bytes = 100;
  EXPECT_EQ(Errors({edges}, limits),
            edges + ":2:5: error: cell is longer than 100 bytes; the limit is 100 (cell_bytes); raise it with "
                    "PARTNERGRAPH_LIMITS=cell_bytes=200\n");
}

TEST(HostileText, DevZeroFailsFastWithTheCellLimit) {
  if (!std::filesystem::exists("/dev/zero")) GTEST_SKIP() << "no /dev/zero";
  EXPECT_EQ(LoadErrors({"/dev/zero"}),
            "/dev/zero:1:1: error: cell is longer than 1048576 bytes; the limit is 1M (cell_bytes); raise it with "
            "PARTNERGRAPH_LIMITS=cell_bytes=2M\n");
  TempDir dir;
  const std::filesystem::path link = dir.Path() / "zero.csv";
  std::filesystem::create_symlink("/dev/zero", link);
  EXPECT_EQ(LoadErrors({link.string()}),
            link.string() + ":1:1: error: cell is longer than 1048576 bytes; the limit is 1M (cell_bytes); raise it with "
                            "PARTNERGRAPH_LIMITS=cell_bytes=2M\n");
}

TEST(HostileText, ColumnAndRowLimits) {
  TempDir dir;
  const std::string edges = dir.Write("edges.csv", "from,to,type\nA,B,invests,x,y\nB,C,invests\nC,D,invests\n");
  InputLimits columns;
  columns.columns = 4;
  EXPECT_EQ(Errors({edges}, columns),
            edges + ":2:15: error: more than 4 cells in this row; the limit is 4 (columns); raise it with "
                    "PARTNERGRAPH_LIMITS=columns=8\n");
  InputLimits rows;
  rows.rows_per_table = 2;
  EXPECT_EQ(Errors({edges}, rows),
            edges + ":4: error: more than 2 rows in this file; the limit is 2 (rows_per_table); raise it with "
                    "PARTNERGRAPH_LIMITS=rows_per_table=4\n");
}

TEST(HostileInputs, SameInputTwiceIsReadOnce) {
  TempDir dir;
  const std::string edges = dir.Write("edges.csv", "from,to,type\nA,B,invests\n");
  const std::string folder = dir.Path().string();
  Diagnostics diagnostics;
  const auto graph = LoadModel({folder, folder + "/", edges}, &diagnostics);
  ASSERT_TRUE(graph);
  EXPECT_EQ(graph->EdgeCount(), 1u);
  ASSERT_EQ(diagnostics.All().size(), 2u);
  EXPECT_EQ(FormatDiagnostic(diagnostics.All()[0]), folder + "/: warning: named more than once; read once");
  EXPECT_EQ(FormatDiagnostic(diagnostics.All()[1]), edges + ": warning: named more than once; read once");
}

TEST(HostileInputs, SymlinkLoopInAFolderIsAWarning) {
  TempDir dir;
  dir.Write("edges.csv", "from,to,type\nA,B,invests\n");
  const std::filesystem::path loop = dir.Path() / "loop.csv";
  std::filesystem::create_symlink(loop, loop);
  Diagnostics diagnostics;
  const auto graph = LoadModel({dir.Path().string()}, &diagnostics);
  ASSERT_TRUE(graph);
  EXPECT_EQ(graph->EdgeCount(), 1u);
  ASSERT_EQ(diagnostics.All().size(), 1u);
  EXPECT_EQ(FormatDiagnostic(diagnostics.All()[0]),
            loop.string() + ": warning: skipped: cannot resolve: Too many levels of symbolic links");
}

TEST(HostileInputs, SelfLoops) {
  TempDir dir;
  const std::string owns = dir.Write("edges.csv", "from,to,type\nA,B,invests\nB,B,owns\n");
  EXPECT_EQ(LoadErrors({owns}),
            owns + ":3: error: ownership cycle: B -> B (a company cannot ultimately own itself)\n");
  const std::string invests = dir.Write("e2.csv", "from,to,type\nX,X,invests\n");
  Diagnostics diagnostics;
  const auto graph = LoadModel({invests}, &diagnostics);
  ASSERT_TRUE(graph);
  EXPECT_EQ(graph->EdgeCount(), 1u);
  ASSERT_EQ(diagnostics.All().size(), 1u);
  EXPECT_EQ(FormatDiagnostic(diagnostics.All()[0]),
            invests + ":2: warning: self-loop: this invests edge joins \"X\" to itself; kept");
}

TEST(Location, FormatsWithoutOpeningFiles) {
  EXPECT_EQ(FormatLocation({"no/such/file.csv", "", 3, 8}), "no/such/file.csv:3:8");
  EXPECT_EQ(FormatLocation({"book.xlsx", "edges", 14, 3}), "book.xlsx[edges]!C14");
  EXPECT_EQ(FormatLocation({"model.json", "edges", 4, 2}), "model.json: edges[3]");
}

}  // namespace
}  // namespace pg

namespace pg {
namespace {

TEST(HostileValues, NegativeCapacityIsRefusedWithItsPlace) {
  testing::TempDir dir;
  const std::string edges = dir.Write("edges.csv", "from,to,type,capacity_gw\nA,B,supplies_compute,-3.5\n");
  EXPECT_EQ(testing::LoadErrors({edges}), edges + ":2:22: error: negative capacity \"-3.5\"\n");
}

}  // namespace
}  // namespace pg
