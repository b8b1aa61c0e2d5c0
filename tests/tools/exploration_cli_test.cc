// exposure, common, paths and neighbors from the command line: exit codes, messages, JSON shape.

#include <sstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "tests/pinned_today.h"
#include "tests/test_support.h"
#include "tools/cli.h"

namespace pg {
namespace {

using testing::ExampleDir;

using testing::Cli;
using testing::CliRun;

TEST(ExplorationCli, UnknownNodesGetDidYouMeanAndExitTwo) {
  const std::string dir = ExampleDir();
  const std::string hint = "error: unknown node \"Antropic\" (did you mean \"Anthropic\"?)\n";
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"exposure", "Antropic", dir}, {"common", "OpenAI", "Antropic", dir},
        {"paths", "Antropic", "OpenAI", dir}, {"neighbors", "Antropic", dir}}) {
    const CliRun run = Cli(args);
    EXPECT_EQ(run.code, 2) << args[0];
    EXPECT_NE(run.err.find(hint), std::string::npos) << args[0] << ": " << run.err;
    EXPECT_EQ(run.out, "") << args[0];
  }
  const CliRun nothing_close = Cli({"exposure", "Zzzzzzzz", dir, "-q"});
  EXPECT_EQ(nothing_close.code, 2);
  EXPECT_EQ(nothing_close.err, "error: unknown node \"Zzzzzzzz\"\n");
  const CliRun same = Cli({"common", "OpenAI", "OpenAI", dir, "-q"});
  EXPECT_EQ(same.code, 2);
  EXPECT_EQ(same.err, "error: \"OpenAI\" and \"OpenAI\" are the same node; name two different nodes\n");
  EXPECT_EQ(Cli({"paths", "Amazon", "OpenAI", dir, "--max-depth", "0"}).code, 2);
  EXPECT_EQ(Cli({"exposure", "OpenAI", dir, "--as-of", "soon"}).code, 2);
}

TEST(ExplorationCli, ExposureTableForPeople) {
  const CliRun run = Cli({"exposure", "Anthropic", ExampleDir(), "-q"});
  ASSERT_EQ(run.code, 0) << run.err;
  EXPECT_NE(run.out.find("rivals: OpenAI\n"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("  funding             100%  amount  $8B / $8B\n"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("  distribution         50%  count   1 edge / 2 edges (no revenue_usd)\n"), std::string::npos)
      << run.out;
  // Broadcom's compute starts in 2027: planned on the pinned today, so compute is AWS alone.
  EXPECT_NE(run.out.find("  compute             100%  count   1 edge / 1 edge (no amount_usd)\n"), std::string::npos)
      << run.out;
  EXPECT_NE(run.out.find("  score              83.3%  mean of the 3 dimensions with data\n"), std::string::npos) << run.out;
  const CliRun all = Cli({"exposure", "Anthropic", ExampleDir(), "-q", "--as-of", "all"});
  EXPECT_NE(all.out.find("  score              66.7%  mean of the 3 dimensions with data\n"), std::string::npos) << all.out;
  EXPECT_NE(run.out.find("  Amazon  RIVAL-TIED  (funding $8B; distribution 1 edge; compute 1 edge)\n"), std::string::npos)
      << run.out;
  EXPECT_NE(run.out.find("    to rival OpenAI:  Amazon Bedrock -distributes-> OpenAI\n"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("  Google  not tied  (distribution 1 edge)\n"), std::string::npos) << run.out;
}

TEST(ExplorationCli, ExposureJsonFollowsTheDocumentedShape) {
  const CliRun run = Cli({"exposure", "OpenAI", ExampleDir(), "--format", "json", "-q"});
  ASSERT_EQ(run.code, 0) << run.err;
  const nlohmann::json json = nlohmann::json::parse(run.out);
  EXPECT_EQ(json["node"], "OpenAI");
  EXPECT_EQ(json["as_of"], testing::kPinnedToday);
  EXPECT_EQ(json["rivals"], nlohmann::json({"Anthropic"}));
  EXPECT_EQ(json["dimensions"]["funding"]["basis"], "amount");
  EXPECT_DOUBLE_EQ(json["dimensions"]["funding"]["share"].get<double>(), 1.0);
  EXPECT_DOUBLE_EQ(json["dimensions"]["funding"]["rival_tied"].get<double>(), 50e9);
  EXPECT_EQ(json["dimensions"]["compute"]["basis"], "count");
  EXPECT_DOUBLE_EQ(json["dimensions"]["compute"]["share"].get<double>(), 0.0);
  EXPECT_EQ(json["dimensions"]["compute"]["edges_with_weight"], 1);
  EXPECT_DOUBLE_EQ(json["dimensions"]["compute"]["known_weight_usd"].get<double>(), 30e9);
  EXPECT_DOUBLE_EQ(json["score"].get<double>(), 0.5);
  ASSERT_EQ(json["parties"].size(), 4u);
  const nlohmann::json& amazon = json["parties"][0];
  EXPECT_EQ(amazon["party"], "Amazon");
  EXPECT_EQ(amazon["rival_tied"], true);
  EXPECT_DOUBLE_EQ(amazon["weights"]["funding"].get<double>(), 50e9);
  EXPECT_EQ(amazon["ties_to_node"][0]["type"], "invests");
  EXPECT_EQ(amazon["ties_to_node"][0]["line"], 2);
  EXPECT_EQ(amazon["ties_to_rivals"][0]["kind"], "edge");
  EXPECT_EQ(amazon["ties_to_rivals"][0]["rival"], "Anthropic");
  EXPECT_EQ(amazon["ties_to_rivals"][0]["via"], "Amazon");
  EXPECT_DOUBLE_EQ(amazon["ties_to_rivals"][0]["edge"]["amount_usd"].get<double>(), 8e9);
  EXPECT_EQ(json["parties"][1]["party"], "Microsoft");
  EXPECT_EQ(json["parties"][1]["rival_tied"], false);
  EXPECT_EQ(json["parties"][2]["party"], "Oracle");
  EXPECT_EQ(json["parties"][2]["rival_tied"], false);
  EXPECT_EQ(json["parties"][3]["party"], "Stargate");
  ASSERT_EQ(json["notes"].size(), 1u);
}

TEST(ExplorationCli, CommonListsAmazonAndBedrockWithEvidence) {
  const CliRun run = Cli({"common", "OpenAI", "Anthropic", ExampleDir(), "-q"});
  ASSERT_EQ(run.code, 0) << run.err;
  EXPECT_NE(run.out.find(std::string("OpenAI and Anthropic share 1 party (rolled up to ultimate parents) as of ") +
                         testing::kPinnedToday + ": Amazon\n"),
            std::string::npos)
      << run.out;
  EXPECT_NE(run.out.find("  shared, same node: Amazon Bedrock\n"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("    Amazon (ultimate owner of Amazon Bedrock, shown above)\n"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("      Anthropic: Amazon -invests-> Anthropic $8B (marsbit 2026-04-14, article body; "
                         "confidence 0.9; "),
            std::string::npos)
      << run.out;
  EXPECT_NE(run.out.find("  Anthropic only: Amazon\n"), std::string::npos) << run.out;  // Broadcom: from 2027
  const CliRun all = Cli({"common", "OpenAI", "Anthropic", ExampleDir(), "-q", "--as-of", "all"});
  EXPECT_NE(all.out.find("  Anthropic only: Amazon, Broadcom\n"), std::string::npos) << all.out;

  const CliRun json_run = Cli({"common", "OpenAI", "Anthropic", ExampleDir(), "--format", "json", "-q"});
  ASSERT_EQ(json_run.code, 0) << json_run.err;
  const nlohmann::json json = nlohmann::json::parse(json_run.out);
  EXPECT_EQ(json["roles"]["investors"]["shared_raw"][0]["party"], "Amazon");
  EXPECT_EQ(json["roles"]["channels"]["shared_raw"][0]["party"], "Bedrock");
  EXPECT_EQ(json["roles"]["channels"]["shared_rolled_up"][0]["party"], "Amazon");
  EXPECT_TRUE(json["roles"]["compute_suppliers"]["shared_rolled_up"].empty());
  EXPECT_EQ(json["roles"]["compute_suppliers"]["only_b"][0]["party"], "Amazon");
  EXPECT_EQ(json["parties"][0]["b_edges"].size(), 3u);
  EXPECT_EQ(json["direct"][0]["type"], "competes");
}

TEST(ExplorationCli, PathsAndNeighbors) {
  const CliRun paths = Cli({"paths", "Amazon", "OpenAI", ExampleDir(), "--max-depth", "3", "-q"});
  ASSERT_EQ(paths.code, 0) << paths.err;
  EXPECT_EQ(paths.out,
            std::string("4 paths from Amazon to OpenAI (following edge direction, at most 3 edges) as of ") +
                testing::kPinnedToday + "\n"
            "  Amazon -invests-> OpenAI\n"
            "  Amazon -invests-> Anthropic -competes- OpenAI\n"
            "  Amazon -owns-> Amazon Web Services -supplies_compute-> Anthropic -competes- OpenAI\n"
            "  Amazon -owns-> Amazon Web Services -owns-> Amazon Bedrock -distributes-> OpenAI\n");
  const CliRun limited = Cli({"paths", "Amazon", "OpenAI", ExampleDir(), "--limit", "1", "--format", "json", "-q"});
  ASSERT_EQ(limited.code, 0);
  const nlohmann::json json = nlohmann::json::parse(limited.out);
  EXPECT_EQ(json["truncated"], true);
  EXPECT_EQ(json["paths"][0]["text"], "Amazon -invests-> OpenAI");
  EXPECT_EQ(json["paths"][0]["nodes"], nlohmann::json({"Amazon", "OpenAI"}));

  const CliRun neighbors = Cli({"neighbors", "Amazon", ExampleDir(), "-q"});
  ASSERT_EQ(neighbors.code, 0) << neighbors.err;
  EXPECT_EQ(neighbors.out,
            std::string("Amazon: 3 neighbours within 1 step (as of ") + testing::kPinnedToday + ")\n"
            "  depth node                 dir   edge\n"
            "  1     Amazon Web Services  out   Amazon -owns-> Amazon Web Services\n"
            "  1     Anthropic            out   Amazon -invests-> Anthropic $8B\n"
            "  1     OpenAI               out   Amazon -invests-> OpenAI $50B, from 2026-02\n");
}

}  // namespace
}  // namespace pg
