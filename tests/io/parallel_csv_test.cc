// A big edges table read on several threads gives what one thread gives: the same model, the
// same messages in the same order (PARTNERGRAPH_THREADS=1 against 2).

#include <gtest/gtest.h>

#include <cstdlib>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "graph/graph_builder.h"
#include "io/csv_reader.h"
#include "io/json_model.h"
#include "io/table_loader.h"
#include "tests/test_support.h"

namespace pg {
namespace {

using testing::TempDir;

/// Sets PARTNERGRAPH_THREADS for the scope.
class Threads {
 public:
  explicit Threads(int count) { setenv("PARTNERGRAPH_THREADS", std::to_string(count).c_str(), 1); }
  ~Threads() { unsetenv("PARTNERGRAPH_THREADS"); }
};

struct Read {
  std::string messages;  ///< every diagnostic, formatted, one a line
  std::string model;     ///< the built model as JSON (rows with errors dropped as Build drops them)
  std::string strings;   ///< the string pool in id order (passes sort and group by string id)
};

/// Reads the files through the loader and builds, errors or not.
Read ReadOn(int threads, const std::vector<std::string>& files) {
  Threads forced(threads);
  Diagnostics diagnostics;
  GraphBuilder builder(&diagnostics);
  TableLoader loader(&builder, &diagnostics, /*lenient=*/false);
  for (const std::string& file : files) ReadCsvFile(file, loader, &diagnostics);
  const PartnershipGraph graph = loader.Build();
  Read read;
  for (const Diagnostic& d : diagnostics.All()) read.messages += FormatDiagnostic(d) + "\n";
  read.model = ModelJsonText(graph);
  for (std::uint32_t id = 0; id < graph.Strings().Size(); ++id) {
    read.strings += std::string(graph.Strings().View(StrId{id})) + "\n";
  }
  return read;
}

std::string Nodes() {
  std::string text = "id,label,type\n";
  for (int i = 0; i < 300; ++i) text += fmt::format("n{},Node {},company\n", i, i);
  return text;
}

/// Planted in the edges table: bad cells in several stretches, each a message on its row.
constexpr int kRows = 40000;
bool BadAmount(int i) { return i % 4001 == 17; }
bool BadDate(int i) { return i % 7919 == 5; }
bool BadText(int i) { return i == 10007 || i == 30011; }

/// ~2.4 MB: quoted notes with commas and line feeds every third row, and one quoted cell of 400
/// lines across the first cut (64 KiB), free types, euros without a rate, quarters, an extra
/// column that looks like amounts, unknown endpoints, invalid text in two rows.
std::string Edges(std::size_t* long_cell_end) {
  std::string text = "from,to,type,amount_usd,start,note,weight\n";
  const char* types[] = {"investment", "Invests In", "licenses", "competes"};
  for (int i = 0; i < kRows; ++i) {
    std::string note = i % 3 == 0 ? "\"first line, with a comma\nsecond line\"" : "ok";
    if (text.size() > 62000 && *long_cell_end == 0) {
      note = "\"";
      for (int k = 0; k < 400; ++k) note += fmt::format("line {}, of the long note\n", k);
      note += "\"";
    }
    if (BadText(i)) note = "bad \xff byte";
    const std::string to = i % 9973 == 11 ? fmt::format("n{}x", i % 300) : fmt::format("n{}", (i * 7 + 1) % 300);
    const std::string amount = BadAmount(i) ? "12 apples" : i % 6007 == 3 ? "\xE2\x82\xAC" "15M" : "$1.5B";
    const std::string start = BadDate(i) ? "2025-13-45" : i % 3001 == 2 ? "Q3 2025" : "2024-03-01";
    const std::string weight = i % 5003 == 1 ? "$2M" : std::to_string(i % 10);
    text += fmt::format("n{},{},{},{},{},{},{}\n", i % 300, to, types[i % 4], amount, start, note, weight);
    if (*long_cell_end == 0 && note.size() > 1000) *long_cell_end = text.size();
  }
  return text;
}

TEST(ParallelCsv, CutsAtRowsOutsideQuotes) {
  TempDir dir;
  std::size_t long_cell_end = 0;
  const std::string text = Edges(&long_cell_end);
  const std::string edges = dir.Write("edges.csv", text);
  ASSERT_GT(text.size(), 2u << 20);
  ASSERT_GT(long_cell_end, 64u << 10);  // the long quoted cell spans the first cut
  const std::vector<std::uint64_t> starts = CsvStretchStarts(edges, 2);
  ASSERT_GE(starts.size(), 3u);
  EXPECT_GE(starts.front(), long_cell_end);
  for (const std::uint64_t start : starts) {
    EXPECT_EQ(text[start - 1], '\n');
    EXPECT_EQ(text[start], 'n') << "a stretch starts inside a quoted cell at byte " << start;
  }
  EXPECT_TRUE(CsvStretchStarts(edges, 1).empty());
  EXPECT_TRUE(CsvStretchStarts(dir.Write("small.csv", "from,to\na,b\n"), 2).empty());
}

TEST(ParallelCsv, OneThreadAndTwoReadTheSame) {
  TempDir dir;
  std::size_t long_cell_end = 0;
  const std::string nodes = dir.Write("nodes.csv", Nodes());
  const std::string edges = dir.Write("edges.csv", Edges(&long_cell_end));
  const Read one = ReadOn(1, {nodes, edges});
  const Read two = ReadOn(2, {nodes, edges});
  EXPECT_EQ(one.messages, two.messages);
  EXPECT_TRUE(one.model == two.model) << "the models differ";
  EXPECT_TRUE(one.strings == two.strings) << "strings are numbered differently";
  EXPECT_NE(two.strings.find("\nn84x\n"), std::string::npos);  // an unknown endpoint: new in a later stretch

  // The planted problems, each once, in row order (the line of row i is i + 2, past the
  // header, plus the 400 extra lines of the long note and one a multi-line note before it).
  std::vector<std::uint32_t> lines;
  std::size_t bad_amounts = 0, bad_dates = 0;
  for (std::size_t at = 0; (at = two.messages.find("edges.csv:", at)) != std::string::npos; ++at) {
    const std::size_t end = two.messages.find('\n', at);
    const std::string message = two.messages.substr(at, end - at);
    if (message.find("apples") == std::string::npos && message.find("2025-13-45") == std::string::npos) continue;
    bad_amounts += message.find("apples") != std::string::npos;
    bad_dates += message.find("2025-13-45") != std::string::npos;
    lines.push_back(static_cast<std::uint32_t>(std::stoul(message.substr(message.find(':') + 1))));
  }
  std::size_t planted_amounts = 0, planted_dates = 0;
  for (int i = 0; i < kRows; ++i) {
    planted_amounts += BadAmount(i);
    planted_dates += BadDate(i);
  }
  EXPECT_EQ(bad_amounts, planted_amounts);
  EXPECT_EQ(bad_dates, planted_dates);
  EXPECT_GE(planted_amounts + planted_dates, 10u);
  EXPECT_TRUE(std::is_sorted(lines.begin(), lines.end()));
  // What a table says once, counted over every stretch.
  EXPECT_NE(two.messages.find("1 more row holds invalid UTF-8 or control characters"), std::string::npos)
      << two.messages;
  EXPECT_NE(two.messages.find("no rate for EUR (7 amounts, the first here)"), std::string::npos) << two.messages;
  EXPECT_NE(two.messages.find("edge type \"Invests In\" read as invests (10000 rows in this table)"),
            std::string::npos)
      << two.messages;
  EXPECT_NE(two.messages.find("column \"weight\" looks like amounts"), std::string::npos) << two.messages;
  EXPECT_NE(two.messages.find("14 dates given as quarters"), std::string::npos) << two.messages;
}

TEST(ParallelCsv, ABrokenQuoteLateInTheFileStopsWhereOneThreadStops) {
  TempDir dir;
  std::string text = "from,to,amount_usd\n";
  for (int i = 0; i < 70000; ++i) {
    text += i == 60000 ? "a,b\"c,1\n" : fmt::format("n{},n{},\"{} dollars\"\n", i % 50, i % 7, i % 11 ? "5" : "five");
  }
  const std::string edges = dir.Write("edges.csv", text);
  ASSERT_GE(CsvStretchStarts(edges, 2).size(), 2u);
  const Read one = ReadOn(1, {edges});
  const Read two = ReadOn(2, {edges});
  EXPECT_EQ(one.messages, two.messages);
  EXPECT_NE(two.messages.find("edges.csv:60002: error: malformed quoted field"), std::string::npos)
      << two.messages.substr(two.messages.size() - 400);
}

TEST(ParallelCsv, AnEdgeRowsStringsAreNumberedInReadingOrder) {
  // An edge row's strings are interned in batches; the numbering is still one Intern each, in
  // the order of the row's cells as the loader reads them (note, attributes, then endpoints),
  // and a wording new to the table (interned at once) comes after the rows before it.
  TempDir dir;
  const std::string edges =
      dir.Write("edges.csv", "from,to,note,type,weight\na,b,first,,w1\nc,a,second,licenses,w1\nd,e,,,\n");
  const Read read = ReadOn(1, {edges});
  EXPECT_EQ(read.strings, "\nfrom\nto\nnote\ntype\nweight\nfirst\nw1\na\nb\nlicenses\nsecond\nc\nd\ne\n");
}

}  // namespace
}  // namespace pg
