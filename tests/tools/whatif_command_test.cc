// whatif as a user meets it: the example's two questions, scenario files and every refusal.

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "tests/test_support.h"

namespace pg {
namespace {

using testing::Cli;
using testing::CliRun;
using testing::ExampleDir;
using testing::TempDir;

bool Has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

TEST(WhatIf, DroppingAmazonsOpenAIMoneyEndsItsDualBackingAndMovesOpenAIsExposure) {
  const CliRun run = Cli({"whatif", ExampleDir(), "--drop", "Amazon->OpenAI:invests", "--pass", "dual-backing,exposure"});
  EXPECT_EQ(run.code, 0) << run.err;
  EXPECT_EQ(run.out,
            "what if (as of 2026-11-29): 1 edge dropped, 0 added; 0 findings appeared, 1 disappeared, 1 changed\n"
            "\n"
            "edges dropped (1)\n"
            "  - Amazon -invests-> OpenAI $50B (from 2026-02; CNBC, as cited in marsbit 2026-04-14; confidence 0.9; "
            + ExampleDir() + "/edges.csv:2)\n"
            "\n"
            "findings disappeared (1)\n"
            "  - dual-backing: Amazon backs 2 rivals: OpenAI ($50B), Anthropic ($8B); $58B in total\n"
            "\n"
            "findings changed (1)\n"
            "  ~ exposure: OpenAI: rival-tied distribution 50%, compute 0%; score 25%\n"
            "      funding_share: 100% -> (none)\n"
            "      score: 50% -> 25%\n");
}

TEST(WhatIf, AllPassesByDefaultIncludingCircularDeals) {
  const CliRun run = Cli({"whatif", ExampleDir(), "--drop", "Amazon->OpenAI:invests"});
  EXPECT_EQ(run.code, 0) << run.err;
  EXPECT_TRUE(Has(run.out, "\n  - dual-backing: Amazon backs 2 rivals: OpenAI ($50B), Anthropic ($8B); $58B in total\n"))
      << run.out;
  EXPECT_TRUE(Has(run.out, "\n  - circular-deals: Amazon ↔ OpenAI: Amazon invests in its supplier;")) << run.out;
  EXPECT_TRUE(Has(run.out, "\n      funding_share: 100% -> (none)\n")) << run.out;
}

TEST(WhatIf, AnEdgeOutsideTheAsOfDateIsMarkedAndChangesNothing) {
  const CliRun run = Cli({"whatif", ExampleDir(), "--drop", "Amazon->OpenAI:invests", "--as-of", "2026-01"});
  EXPECT_EQ(run.code, 0) << run.err;
  EXPECT_TRUE(Has(run.out, "what if (as of 2026-01): 1 edge dropped, 0 added; 0 findings appeared, 0 disappeared, 0 "
                           "changed\n"))
      << run.out;
  EXPECT_TRUE(Has(run.out, "edges.csv:2) [not active as of 2026-01]\n")) << run.out;
  const CliRun json = Cli({"whatif", ExampleDir(), "--drop", "Amazon->OpenAI:invests", "--as-of", "2026-01",
                           "--format", "json", "--pass", "dual-backing"});
  EXPECT_EQ(nlohmann::json::parse(json.out)["edges"]["dropped"][0]["active"], false);
}

// Anthropic is no endpoint of these edits: its exposure is compared as a rival of OpenAI's.
TEST(WhatIf, ExposureOfTheEndpointsRivalsIsComparedToo) {
  const CliRun run = Cli({"whatif", ExampleDir(), "--drop", "Amazon->OpenAI", "--drop", "Bedrock->OpenAI", "--drop",
                          "AWS->Frontier", "--pass", "exposure"});
  EXPECT_EQ(run.code, 0) << run.err;
  EXPECT_TRUE(Has(run.out,
                  "  ~ exposure: Anthropic: rival-tied funding 0%, distribution 0%, compute 0%; score 0%\n"
                  "      funding_share: 100% -> 0%\n"
                  "      distribution_share: 50% -> 0%\n"
                  "      compute_share: 100% -> 0%\n"  // Broadcom's 2027 supply is planned, not current
                  "      score: 83.3% -> 0%\n"))
      << run.out;
}

TEST(WhatIf, EndingMicrosoftsExclusivityEndsTheExclusivityFindingForOpenAI) {
  const CliRun run = Cli({"whatif", ExampleDir(), "--drop", "Microsoft->OpenAI:exclusive", "--pass", "exclusivity"});
  EXPECT_EQ(run.code, 0) << run.err;
  EXPECT_TRUE(Has(run.out, "what if (as of 2026-11-29): 1 edge dropped, 0 added; 0 findings appeared, 1 disappeared, 0 changed\n"))
      << run.out;
  EXPECT_TRUE(Has(run.out, "\nfindings disappeared (1)\n  - exclusivity: Microsoft holds exclusive rights over OpenAI "))
      << run.out;
}

TEST(WhatIf, ScenarioFileAddsAndDropsJsonHasBothGraphsEvidence) {
  TempDir dir;
  const std::string scenario = dir.Write("scenario.txt",
                                         "# Amazon's $50B does not close; Google puts money into Anthropic\n"
                                         "drop Amazon->OpenAI:invests\n"
                                         "\n"
                                         "add Google->Anthropic:invests:2B\n");
  const CliRun run = Cli({"whatif", ExampleDir(), "--scenario", scenario, "--pass", "circular-deals", "--format", "json"});
  ASSERT_EQ(run.code, 0) << run.err;
  const nlohmann::json doc = nlohmann::json::parse(run.out);
  EXPECT_EQ(doc["edges"]["dropped"].size(), 1u);
  EXPECT_EQ(doc["edges"]["dropped"][0]["line"], 2);
  ASSERT_EQ(doc["edges"]["added"].size(), 1u);
  EXPECT_EQ(doc["edges"]["added"][0]["file"], scenario);
  EXPECT_EQ(doc["edges"]["added"][0]["line"], 4);
  EXPECT_EQ(doc["edges"]["added"][0]["amount_usd"], 2e9);
  ASSERT_EQ(doc["findings"]["appeared"].size(), 1u);
  EXPECT_EQ(doc["findings"]["appeared"][0]["message"],
            "Google ↔ Anthropic: Google invests in its supplier; out Google -invests-> Anthropic $2B; bought Google "
            "Cloud -distributes-> Anthropic (no amount); together undated, current as of 2026-11-29");
  ASSERT_EQ(doc["findings"]["disappeared"].size(), 1u);
  EXPECT_EQ(doc["findings"]["disappeared"][0]["subjects"], (std::vector<std::string>{"Amazon", "OpenAI"}));
  EXPECT_TRUE(doc["findings"]["changed"].empty());
}

TEST(WhatIf, DropWithoutTypeTakesEveryEdgeAndUndirectedOnesEitherWay) {
  const CliRun all = Cli({"whatif", ExampleDir(), "--drop", "Oracle->OpenAI", "--pass", "conflicts"});
  EXPECT_TRUE(Has(all.out, "what if (as of 2026-11-29): 2 edges dropped, 0 added;")) << all.out;  // both claims of the contract
  const CliRun reversed = Cli({"whatif", ExampleDir(), "--drop", "Anthropic->OpenAI:competes", "--pass", "conflicts"});
  EXPECT_EQ(reversed.code, 0) << reversed.err;
  EXPECT_TRUE(Has(reversed.out, "what if (as of 2026-11-29): 1 edge dropped, 0 added;")) << reversed.out;
  const CliRun by_label = Cli({"whatif", ExampleDir(), "--drop", "Amazon Web Services->Anthropic", "--pass", "conflicts"});
  EXPECT_TRUE(Has(by_label.out, "what if (as of 2026-11-29): 1 edge dropped, 0 added;")) << by_label.err;
}

TEST(WhatIf, DropNamingNoEdgeIsAnErrorWithDidYouMean) {
  const CliRun run = Cli({"whatif", ExampleDir(), "--drop", "Amazon->OpenAI:exclusive"});
  EXPECT_EQ(run.code, 2);
  EXPECT_EQ(run.out, "");
  EXPECT_EQ(run.err,
            "--drop \"Amazon->OpenAI:exclusive\": error: no exclusive edge from \"Amazon\" to \"OpenAI\" (did you "
            "mean \"Amazon->OpenAI:invests\"?)\n");
  const CliRun unknown = Cli({"whatif", ExampleDir(), "--drop", "Amazn->OpenAI"});
  EXPECT_EQ(unknown.code, 2);
  EXPECT_EQ(unknown.err, "--drop \"Amazn->OpenAI\": error: unknown node \"Amazn\" (did you mean \"Amazon\"?)\n");
}

TEST(WhatIf, MalformedEditsAreRefusedWithTheirPlace) {
  TempDir dir;
  const std::string scenario = dir.Write("s.txt", "drop Amazon->OpenAI\nremove A->B\nadd A->B\n");
  const CliRun bad_scenario = Cli({"whatif", ExampleDir(), "--scenario", scenario});
  EXPECT_EQ(bad_scenario.code, 2);
  EXPECT_EQ(bad_scenario.err, scenario + ":2: error: expected \"drop\" or \"add\", got \"remove\"\n" + scenario +
                                  ":3: error: expected FROM->TO:TYPE[:AMOUNT], got \"A->B\"\n");
  const CliRun bad_add = Cli({"whatif", ExampleDir(), "--add", "Google->Anthropic:invests:ten", "--add",
                              "Google->Anthropic:buys"});
  EXPECT_EQ(bad_add.code, 2);
  EXPECT_EQ(bad_add.err,
            "--add \"Google->Anthropic:invests:ten\": error: bad amount \"ten\": expected a number such as 50B, $8 bn, "
            "1.9e9 or 350M\n"
            "--add \"Google->Anthropic:buys\": error: unknown edge type \"buys\" (expected one of invests, owns, "
            "distributes, exclusive, supplies_compute, competes, partners)\n");
  const CliRun shape = Cli({"whatif", ExampleDir(), "--drop", "Amazon OpenAI"});
  EXPECT_EQ(shape.err, "--drop \"Amazon OpenAI\": error: expected FROM->TO[:TYPE], got \"Amazon OpenAI\"\n");
  const CliRun nothing = Cli({"whatif", ExampleDir()});
  EXPECT_EQ(nothing.code, 2);
  EXPECT_EQ(nothing.err, "error: nothing to change: give --drop, --add or --scenario\n");
  const CliRun missing = Cli({"whatif", ExampleDir(), "--scenario", dir.Path().string() + "/none.txt"});
  EXPECT_EQ(missing.code, 2);
  EXPECT_EQ(missing.err, "error: --scenario: cannot read \"" + dir.Path().string() + "/none.txt\"\n");
  const CliRun folder = Cli({"whatif", ExampleDir(), "--scenario", dir.Path().string()});
  EXPECT_EQ(folder.code, 2);
  EXPECT_EQ(folder.err, "error: --scenario: cannot read \"" + dir.Path().string() + "\"\n");
}

TEST(WhatIf, AnAddedOwnershipCycleIsRefusedAsAnyInputWouldBe) {
  const CliRun run = Cli({"whatif", ExampleDir(), "--add", "AWS->Amazon:owns"});
  EXPECT_EQ(run.code, 2);
  EXPECT_EQ(run.err, ExampleDir() +
                         "/edges.csv:5: error: ownership cycle: Amazon -> AWS -> Amazon (a company cannot ultimately "
                         "own itself)\n--add \"AWS->Amazon:owns\": error: the graph with this edge is refused (see "
                         "above)\n");
}

}  // namespace
}  // namespace pg
