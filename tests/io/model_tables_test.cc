// The model's tables made a row at a time, into one reused row, and writers that take the rows
// as they are made: a table too long for a sheet is refused before any row is made.

#include "io/model_tables.h"

#include <filesystem>

#include <gtest/gtest.h>

#include "io/csv_writer.h"
#include "io/xlsx_writer.h"
#include "tests/test_support.h"

namespace pg {
namespace {

namespace fs = std::filesystem;

using testing::MustLoad;
using testing::ReadAll;
using testing::TempDir;

// Three edges: an amount with a qualifier, none, and a plain one.
PartnershipGraph ThreeEdges(const TempDir& dir) {
  dir.Write("edges.csv",
            "from,to,type,amount_usd,round\n"
            "A,B,invests,~5B,Series B\n"
            "B,C,competes,,\n"
            "C,A,supplies_compute,1.5M,\n");
  return MustLoad({dir.Path().string()});
}

TEST(ModelTables, RowsAreMadeOneAtATimeInOneReusedRow) {
  TempDir dir;
  const PartnershipGraph graph = ThreeEdges(dir);
  const std::vector<ModelTable> tables = ModelToTables(graph);
  ASSERT_EQ(tables.size(), 3u);
  EXPECT_EQ(tables[0].rows, 3u);
  EXPECT_EQ(tables[1].rows, 3u);
  EXPECT_EQ(tables[2].rows, 0u);
  EXPECT_EQ(tables[1].header.back(), "round");
  std::vector<const TableRow*> buffers;
  std::vector<std::string> amounts;
  std::vector<bool> numeric;
  EXPECT_TRUE(tables[1].ForEachRow([&](const TableRow& row) {
    buffers.push_back(&row);
    EXPECT_EQ(row.size(), 18u);
    amounts.push_back(row[4].text);
    numeric.push_back(row[4].number);
    return true;
  }));
  EXPECT_EQ(buffers, (std::vector<const TableRow*>(3, buffers.front())));
  EXPECT_EQ(amounts, (std::vector<std::string>{"~5000000000", "", "1500000"}));  // a cell of the row before is cleared
  EXPECT_EQ(numeric, (std::vector<bool>{false, false, true}));
}

TEST(ModelTables, AVisitorThatSaysStopEndsTheRows) {
  TempDir dir;
  const PartnershipGraph graph = ThreeEdges(dir);
  int visited = 0;
  EXPECT_FALSE(ModelToTables(graph)[0].ForEachRow([&](const TableRow&) { return ++visited < 2; }));
  EXPECT_EQ(visited, 2);
}

// A table of `rows` rows `index,index*index` that nobody holds: each row is made when asked.
ModelTable CountingTable(std::size_t rows, std::vector<std::size_t>* made) {
  ModelTable table{"squares", {"n", "square"}, rows, {}};
  table.fill = [made](std::size_t index, TableRow& row) {
    made->push_back(index);
    row.resize(2);
    row[0].text = std::to_string(index);
    row[1].text = std::to_string(index * index);
  };
  return table;
}

TEST(CsvWriter, WritesATableAsItsRowsAreMade) {
  TempDir dir;
  const fs::path out = dir.Path() / "out";
  constexpr std::size_t kRows = 200000;  // ~2.6 MB of CSV
  std::vector<std::size_t> made;
  ModelTable table = CountingTable(kRows, &made);
  std::uintmax_t written_before_last_row = 0;
  table.fill = [fill = table.fill, &dir, &written_before_last_row](std::size_t index, TableRow& row) {
    if (index == kRows - 1) {  // what is already on disk in the staging folder
      for (const fs::directory_entry& entry : fs::recursive_directory_iterator(dir.Path())) {
        if (entry.is_regular_file()) written_before_last_row += entry.file_size();
      }
    }
    fill(index, row);
  };
  std::string error;
  ASSERT_TRUE(WriteCsvTables(out.string(), {{"squares.csv", table}}, CsvCells::kSafe, &error)) << error;
  ASSERT_EQ(made.size(), kRows);
  for (std::size_t i = 0; i < kRows; ++i) ASSERT_EQ(made[i], i);
  const std::string csv = ReadAll(out / "squares.csv");
  EXPECT_EQ(csv.substr(0, 20), "n,square\n0,0\n1,1\n2,4");
  EXPECT_EQ(csv.substr(csv.size() - 20), "\n199999,39999600001\n");
  EXPECT_GE(written_before_last_row, std::uintmax_t{2} << 20);  // all but the last buffer's worth
  EXPECT_LT(written_before_last_row, csv.size());
}

TEST(XlsxWriter, RefusesALongTableBeforeMakingAnyRowOrFile) {
  TempDir dir;
  std::vector<std::size_t> made;
  const std::vector<ModelTable> tables = {CountingTable(3, &made), CountingTable(1048576, &made)};
  const std::string path = (dir.Path() / "big.xlsx").string();
  std::string error;
  EXPECT_FALSE(WriteXlsxTables(tables, path, &error));
  EXPECT_EQ(error, "cannot write " + path + ": squares has 1048576 rows, more than the 1048575 a sheet holds "
                   "under its header; write CSV or JSON instead");
  EXPECT_TRUE(made.empty());              // not even the first, short table
  EXPECT_TRUE(fs::is_empty(dir.Path()));  // no temporary either
}

TEST(XlsxWriter, MakesEachRowOnceInOrderAsItWritesIt) {
  TempDir dir;
  std::vector<std::size_t> made;
  ModelTable table = CountingTable(3, &made);
  table.name = "nodes";
  table.header = {"id", "label"};
  const std::string path = (dir.Path() / "squares.xlsx").string();
  std::string error;
  ASSERT_TRUE(WriteXlsxTables({table}, path, &error)) << error;
  EXPECT_EQ(made, (std::vector<std::size_t>{0, 1, 2}));
  const PartnershipGraph back = MustLoad({path});
  ASSERT_EQ(back.NodeCount(), 3u);
  EXPECT_EQ(back.Text(back.GetNode(2).id), "2");
  EXPECT_EQ(back.Text(back.GetNode(2).label), "4");
}

}  // namespace
}  // namespace pg
