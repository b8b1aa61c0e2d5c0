// `exposure NODE`'s table is bounded: --top N items per list with "+N more", --top 0 for all,
// the JSON never cut.

#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "tests/test_support.h"

namespace pg {
namespace {

using testing::Cli;
using testing::CliRun;
using testing::TempDir;

/// X and three rivals in one market; A funds X and all three rivals, B and C fund only X; B's
/// and C's later rounds are planned for 2030 (two notes as of 2026).
std::string WriteThreeRivals(const TempDir& dir) {
  dir.Write("nodes.csv", "id,type,markets\nX,company,m\nR1,company,m\nR2,company,m\nR3,company,m\n"
                         "A,investor,\nB,investor,\nC,investor,\n");
  dir.Write("edges.csv",
            "from,to,type,amount_usd,start\n"
            "A,X,invests,1M,\nB,X,invests,2M,\nC,X,invests,3M,\n"
            "A,R1,invests,1M,\nA,R2,invests,1M,\nA,R3,invests,1M,\n"
            "B,X,invests,5M,2030\nC,X,invests,5M,2030\n");
  return dir.Path().string();
}

TEST(ExposureCommand, TableCutsEachListAtTopAndCountsTheRest) {
  TempDir dir;
  const CliRun run = Cli({"exposure", "X", WriteThreeRivals(dir), "--as-of", "2026", "--top", "2", "-q"});
  ASSERT_EQ(run.code, 0) << run.err;
  EXPECT_EQ(run.out,
            "X: exposure to parties that also serve its rivals (as of 2026)\n"
            "rivals: R1, R2 and 1 more (--top 0 lists them all)\n"
            "\n"
            "  dimension     rival-tied  basis   tied / total\n"
            "  funding            16.7%  amount  $1M / $6M\n"
            "  distribution           -  none    no distributes edges\n"
            "  compute                -  none    no supplies_compute edges\n"
            "  score              16.7%  mean of the 1 dimension with data\n"
            "\n"
            "parties (3, rolled up to ultimate parents)\n"
            "  A  RIVAL-TIED  (funding $1M)\n"
            "    to X:  A -invests-> X $1M\n"
            "    to rival R1:  A -invests-> R1 $1M\n"
            "    to rival R2:  A -invests-> R2 $1M\n"
            "    +1 more ties to rivals (--top 0 lists them all)\n"
            "  B  not tied  (funding $2M)\n"
            "    to X:  B -invests-> X $2M\n"
            "  +1 more parties (--top 0 lists them all)\n"
            "note: B -invests-> X $5M is planned from 2030: funding counts current edges only (as of 2026)\n"
            "note: C -invests-> X $5M is planned from 2030: funding counts current edges only (as of 2026)\n");
}

TEST(ExposureCommand, TopOneCutsNotesAndTopZeroListsEverything) {
  TempDir dir;
  const std::string input = WriteThreeRivals(dir);
  const CliRun one = Cli({"exposure", "X", input, "--as-of", "2026", "--top", "1", "-q"});
  ASSERT_EQ(one.code, 0) << one.err;
  EXPECT_NE(one.out.find("rivals: R1 and 2 more (--top 0 lists them all)\n"), std::string::npos) << one.out;
  EXPECT_NE(one.out.find("  +2 more parties (--top 0 lists them all)\n"), std::string::npos) << one.out;
  EXPECT_NE(one.out.find("note: +1 more notes (--top 0 lists them all)\n"), std::string::npos) << one.out;

  const CliRun all = Cli({"exposure", "X", input, "--as-of", "2026", "--top", "0", "-q"});
  ASSERT_EQ(all.code, 0) << all.err;
  EXPECT_NE(all.out.find("rivals: R1, R2, R3\n"), std::string::npos) << all.out;
  EXPECT_NE(all.out.find("    to rival R3:  A -invests-> R3 $1M\n"), std::string::npos) << all.out;
  EXPECT_NE(all.out.find("  C  not tied  (funding $3M)\n"), std::string::npos) << all.out;
  EXPECT_EQ(all.out.find("more"), std::string::npos) << all.out;
}

TEST(ExposureCommand, JsonIsNeverCut) {
  TempDir dir;
  const CliRun run = Cli({"exposure", "X", WriteThreeRivals(dir), "--as-of", "2026", "--top", "1", "--format", "json"});
  ASSERT_EQ(run.code, 0) << run.err;
  const nlohmann::json json = nlohmann::json::parse(run.out);
  EXPECT_EQ(json["rivals"], nlohmann::json({"R1", "R2", "R3"}));
  EXPECT_EQ(json["parties"].size(), 3u);
  EXPECT_EQ(json["parties"][0]["ties_to_rivals"].size(), 3u);
  EXPECT_EQ(json["notes"].size(), 2u);
}

}  // namespace
}  // namespace pg
