#include "io/input_limits.h"

#include <gtest/gtest.h>

namespace pg {
namespace {

TEST(InputLimits, DefaultsWithOverridesInPowersOf1024) {
  std::string error;
  const std::optional<InputLimits> limits = ParseInputLimits("cell_bytes=4M, json_depth=200,sheets=2k", &error);
  ASSERT_TRUE(limits) << error;
  EXPECT_EQ(limits->cell_bytes, 4u << 20);
  EXPECT_EQ(limits->json_depth, 200u);
  EXPECT_EQ(limits->sheets, 2048u);
  EXPECT_EQ(limits->columns, InputLimits{}.columns);
}

TEST(InputLimits, UnknownNamesAndBadValuesAreErrors) {
  std::string error;
  EXPECT_FALSE(ParseInputLimits("cells=4M", &error));
  EXPECT_EQ(error, "PARTNERGRAPH_LIMITS: unknown limit \"cells\" (expected one of: cell_bytes, rows_per_table, "
                   "columns, json_depth, sheets)");
  EXPECT_FALSE(ParseInputLimits("cell_bytes=lots", &error));
  EXPECT_EQ(error, "PARTNERGRAPH_LIMITS: bad value in \"cell_bytes=lots\": expected cell_bytes=NUMBER (k, M, G allowed)");
  EXPECT_FALSE(ParseInputLimits("json_depth=0", &error));
  EXPECT_FALSE(ParseInputLimits("sheets=99999999999999999999", &error));
}

TEST(InputLimits, AdviceNamesTheLimitAndHowToRaiseIt) {
  EXPECT_EQ(LimitAdvice("cell_bytes", 1u << 20),
            "the limit is 1M (cell_bytes); raise it with PARTNERGRAPH_LIMITS=cell_bytes=2M");
  EXPECT_EQ(LimitAdvice("json_depth", 64), "the limit is 64 (json_depth); raise it with PARTNERGRAPH_LIMITS=json_depth=128");
}

}  // namespace
}  // namespace pg
