// control: integrated ownership as pure maths on small matrices, and the latest stake as of a date.

#include "analysis/integrated_ownership.h"

#include <gtest/gtest.h>

#include "tests/test_support.h"

namespace pg {
namespace {

using testing::FindingAbout;
using testing::MustLoad;
using testing::PartFigure;
using testing::RunPass;
using testing::TempDir;

TEST(IntegratedOwnership, ThreeByThreeWithACycle) {
  // W: 0 holds 50% of 1, 1 holds 30% of 2, 2 holds 20% of 1 (1 and 2 hold each other).
  // By hand, row i of Ĩ solves x = W_i + x W: for owner 0, x1 = 0.5 + 0.2 x2 and x2 = 0.3 x1,
  // so x1 = 0.5 / 0.94 and x2 = 0.15 / 0.94; owner 1: x2 = 0.3 + 0.3 (0.06 / 0.94) = 0.3 / 0.94;
  // owner 2: x1 = 0.2 + 0.06 x1 = 0.2 / 0.94. The diagonal (1 in 1 via 2) is not returned.
  const IntegratedOwnership io = ComputeIntegratedOwnership(3, {{0, 1, 0.5}, {1, 2, 0.3}, {2, 1, 0.2}});
  ASSERT_EQ(io.holdings.size(), 4u);
  const std::uint32_t expected[4][2] = {{0, 1}, {0, 2}, {1, 2}, {2, 1}};
  const double value[4] = {0.5 / 0.94, 0.15 / 0.94, 0.3 / 0.94, 0.2 / 0.94};
  for (int k = 0; k < 4; ++k) {
    EXPECT_EQ(io.holdings[k].owner, expected[k][0]) << k;
    EXPECT_EQ(io.holdings[k].owned, expected[k][1]) << k;
    EXPECT_NEAR(io.holdings[k].integrated, value[k], 1e-12) << k;
  }
  EXPECT_TRUE(io.closed_loops.empty());
  EXPECT_EQ(io.used, (std::vector<bool>{true, true, true}));
}

TEST(IntegratedOwnership, ChainMultipliesStakes) {
  // 0 holds 60% of 1, which holds 50% of 2: Ĩ_02 = 0.3, no cycle.
  const IntegratedOwnership io = ComputeIntegratedOwnership(3, {{0, 1, 0.6}, {1, 2, 0.5}});
  ASSERT_EQ(io.holdings.size(), 3u);
  EXPECT_NEAR(io.holdings[1].integrated, 0.3, 1e-12);
  EXPECT_EQ(io.holdings[1].owner, 0u);
  EXPECT_EQ(io.holdings[1].owned, 2u);
}

TEST(IntegratedOwnership, ClosedLoopIsReturnedAndLeftOut) {
  // 0 and 1 own each other outright; 0 also holds 40% of 2.
  const IntegratedOwnership io = ComputeIntegratedOwnership(3, {{0, 1, 1.0}, {1, 0, 1.0}, {0, 2, 0.4}});
  ASSERT_EQ(io.closed_loops.size(), 1u);
  EXPECT_EQ(io.closed_loops[0].members, (std::vector<std::uint32_t>{0, 1}));
  EXPECT_EQ(io.closed_loops[0].stakes, (std::vector<std::size_t>{0, 1}));
  EXPECT_EQ(io.used, (std::vector<bool>{false, false, true}));
  ASSERT_EQ(io.holdings.size(), 1u);  // 1 reaches 2 only through the loop
  EXPECT_EQ(io.holdings[0].owner, 0u);
  EXPECT_NEAR(io.holdings[0].integrated, 0.4, 1e-12);
}

TEST(Control, LatestStakeAsOfTheDateNotTheLargest) {
  // 14% in 2023, diluted to 10% in 2025; an undated 20% ranks oldest.
  TempDir dir;
  dir.Write("nodes.csv", "id\nFund\nCo\n");
  dir.Write("edges.csv",
            "from,to,type,amount_usd,stake_pct,start\n"
            "Fund,Co,invests,1B,20%,\nFund,Co,invests,2B,14%,2023\nFund,Co,invests,1B,10%,2025-03\n");
  const PartnershipGraph graph = MustLoad({dir.Path().string()});
  auto stake = [&](const std::string& as_of) {
    const Findings findings = RunPass(graph, "control", as_of);
    const Finding* co = FindingAbout(findings, "Co");
    return co ? PartFigure(*co, "Fund", "direct_stake") : -1.0;
  };
  EXPECT_DOUBLE_EQ(stake("2025-06"), 0.10);
  EXPECT_DOUBLE_EQ(stake("2024"), 0.14);
  EXPECT_DOUBLE_EQ(stake("2022"), 0.20);  // only the undated row is known then
  EXPECT_DOUBLE_EQ(stake(""), 0.10);      // every row: still the latest
  const Findings findings = RunPass(graph, "control", "2025-06");
  const Finding* co = FindingAbout(findings, "Co");
  ASSERT_NE(co, nullptr);
  EXPECT_EQ(co->message, "Co: integrated ownership Fund 10%");
  ASSERT_EQ(co->related.size(), 1u);
  EXPECT_EQ(co->related[0], 2u);  // the 2025-03 row
}

}  // namespace
}  // namespace pg
