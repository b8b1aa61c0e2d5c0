// diff, convert and validate as a user meets them; metric evidence in the findings JSON.

#include <fstream>
#include <sstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "io/json_model.h"
#include "tests/test_support.h"
#include "tools/cli.h"

namespace pg {
namespace {

using testing::ExampleDir;
using testing::MustLoad;
using testing::TempDir;

struct CliRun {
  int code;
  std::string out;
  std::string err;
};

CliRun Cli(const std::vector<std::string>& args) {
  std::ostringstream out, err;
  const int code = RunCli(args, CliIo{out, err});
  return {code, out.str(), err.str()};
}

TEST(DiffCli, TableShowsTheInvestmentBeginningAndDualBackingAppearing) {
  const CliRun run = Cli({"diff", ExampleDir(), "--from", "2026-01", "--to", "2026-04", "--pass", "dual-backing"});
  ASSERT_EQ(run.code, 0) << run.err;
  const std::string edges = ExampleDir() + "/edges.csv";
  EXPECT_EQ(run.out,
            "from 2026-01 to 2026-04: 2 edges began, 0 ended; 1 finding appeared, 0 disappeared, 0 changed\n"
            "\nedges began (2)\n"
            "  + Amazon -invests-> OpenAI $50B (from 2026-02; CNBC, as cited in marsbit 2026-04-14; confidence 0.9; " +
                edges + ":2)\n"
                "  + Amazon Web Services -exclusive-> Frontier (from 2026-02; CNBC, as cited in marsbit 2026-04-14; "
                "confidence 0.9; " +
                edges + ":15)\n"
                "\nfindings appeared (1)\n"
                "  + dual-backing: Amazon backs 2 rivals: OpenAI ($50B), Anthropic ($8B); $58B in total\n");
}

TEST(DiffCli, JsonListsEdgesAndFindings) {
  const CliRun run = Cli({"diff", ExampleDir(), "--from", "2026-01", "--to", "2026-04", "--format", "json"});
  ASSERT_EQ(run.code, 0) << run.err;
  const nlohmann::json json = nlohmann::json::parse(run.out);
  EXPECT_EQ(json["from"], "2026-01");
  ASSERT_EQ(json["edges"]["began"].size(), 2u);
  EXPECT_EQ(json["edges"]["began"][0]["from"], "Amazon");
  EXPECT_EQ(json["edges"]["began"][0]["to"], "OpenAI");
  EXPECT_EQ(json["findings"]["appeared"][0]["pass"], "dual-backing");
  EXPECT_DOUBLE_EQ(json["findings"]["appeared"][0]["figures"]["total_usd"].get<double>(), 58e9);
  EXPECT_EQ(json["findings"]["disappeared"].size(), 0u);
}

TEST(DiffCli, BadDatesExitTwo) {
  const CliRun backwards = Cli({"diff", ExampleDir(), "--from", "2026-04", "--to", "2026-01"});
  EXPECT_EQ(backwards.code, 2);
  EXPECT_EQ(backwards.err, "error: --from 2026-04 must be before --to 2026-01\n");
  const CliRun bad = Cli({"diff", ExampleDir(), "--from", "soon", "--to", "2026-01"});
  EXPECT_EQ(bad.code, 2);
  EXPECT_EQ(bad.err, "error: --from: bad date \"soon\": expected YYYY, YYYY-MM or YYYY-MM-DD\n");
}

TEST(AnalyzeCli, AsOfJanuaryHasNoDualBacking) {
  const CliRun run = Cli({"analyze", ExampleDir(), "--as-of", "2026-01", "--pass", "dual-backing", "--format", "json"});
  ASSERT_EQ(run.code, 0) << run.err;
  EXPECT_EQ(nlohmann::json::parse(run.out)["findings"].size(), 0u);
}

TEST(AnalyzeCli, MetricFindingsCarryTheirRowsWithSources) {
  const CliRun run = Cli({"analyze", ExampleDir(), "--pass", "revenue-basis", "--format", "json"});
  ASSERT_EQ(run.code, 0) << run.err;
  const nlohmann::json finding = nlohmann::json::parse(run.out)["findings"][0];
  EXPECT_EQ(finding["topic"], "revenue_annualized_usd");
  ASSERT_EQ(finding["metrics"].size(), 2u);
  const nlohmann::json& gross = finding["metrics"][0];
  EXPECT_EQ(gross["entity"], "Anthropic");
  EXPECT_DOUBLE_EQ(gross["value"].get<double>(), 30e9);
  EXPECT_EQ(gross["basis"], "gross");
  EXPECT_EQ(gross["as_of"], "2026-04");
  EXPECT_EQ(gross["source"], "Anthropic, as reported in marsbit 2026-04-14");
  EXPECT_EQ(gross["file"], ExampleDir() + "/metrics.csv");
  EXPECT_EQ(gross["line"], 2);
  const CliRun why = Cli({"analyze", ExampleDir(), "--pass", "revenue-basis", "--why"});
  EXPECT_NE(why.out.find("why:  Anthropic revenue_annualized_usd $22B net, as of 2026-04 (OpenAI memo"),
            std::string::npos)
      << why.out;
}

TEST(ValidateCli, WarnsAboutMetricConflicts) {
  TempDir dir;
  const std::string nodes = dir.Write("nodes.csv", "id\nOpenAI\n");
  const std::string metrics = dir.Write("metrics.csv",
                                        "entity,metric,value,unit,as_of,basis\n"
                                        "OpenAI,compute_gw,1.9,gw,2026-04,actual\n"
                                        "OpenAI,compute_gw,2.1,gw,2026-04,actual\n");
  const CliRun run = Cli({"validate", nodes, metrics});
  EXPECT_EQ(run.code, 0);
  EXPECT_EQ(run.err, metrics + ":3: warning: conflicting claim: OpenAI compute_gw (actual) as of 2026-04 2.1 gw here, "
                               "1.9 gw at " + metrics + ":2; counting the latter (higher confidence or first)\n");
}

TEST(ConvertCli, WritesEachFormatAndReadsBackTheSameModel) {
  TempDir dir;
  const nlohmann::json expected = ModelToJson(MustLoad({ExampleDir()}));
  for (const std::string name : {"out/", "model.json", "model.xlsx"}) {
    const std::string out = (dir.Path() / name).string();
    const CliRun run = Cli({"convert", ExampleDir(), "-o", out});
    ASSERT_EQ(run.code, 0) << run.err;
    EXPECT_EQ(ModelToJson(MustLoad({out})), expected) << name;
  }
  const CliRun to = Cli({"convert", ExampleDir(), "-o", (dir.Path() / "plain").string(), "--to", "json"});
  ASSERT_EQ(to.code, 0) << to.err;
  EXPECT_EQ(nlohmann::json::parse(std::ifstream(dir.Path() / "plain")), expected);
  const CliRun csv = Cli({"convert", ExampleDir(), "-o", "deals.csv"});
  EXPECT_EQ(csv.code, 2);
  EXPECT_EQ(csv.err, "error: -o deals.csv: a CSV model is a folder of three files; name a folder (-o deals/)\n");
}

}  // namespace
}  // namespace pg
