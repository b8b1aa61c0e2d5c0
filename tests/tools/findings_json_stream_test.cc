// `analyze --format json` streams its output: it must be byte for byte what the documented
// nlohmann tree (FindingsToJson) dumps, and --timings must print one line per phase.

#include <regex>
#include <sstream>

#include <gtest/gtest.h>

#include "analysis/pass_registry.h"
#include "graph/graph_view.h"
#include "tests/pinned_today.h"
#include "tests/test_support.h"
#include "tools/cli.h"
#include "tools/findings_format.h"

namespace pg {
namespace {

std::string Streamed(const PartnershipGraph& graph, const Findings& findings) {
  std::ostringstream out;
  WriteFindingsJson(graph, findings, out);
  return out.str();
}

Findings AllFindings(const PartnershipGraph& graph) {
  Findings all;
  for (const PassInfo& pass : AllPasses()) {
    Findings found = testing::RunPass(graph, std::string(pass.name));
    all.insert(all.end(), found.begin(), found.end());
  }
  return all;
}

TEST(FindingsJsonStream, ByteIdenticalToTheTreeOnTheExampleAndTheBenchInput) {
  const PartnershipGraph example = testing::MustLoad({testing::ExampleDir()});
  const Findings findings = AllFindings(example);
  ASSERT_GE(findings.size(), 2u);
  EXPECT_EQ(Streamed(example, findings), FindingsToJson(example, findings).dump(2) + "\n");

  const std::string dir = testing::TestDataDir() + "/bench10k";
  const PartnershipGraph bench = testing::MustLoad({dir + "/nodes.csv", dir + "/edges.csv"});
  const Findings many = AllFindings(bench);
  ASSERT_GE(many.size(), 62u);  // 49 investors backing rivals, 13 channels carrying rivals, and more
  EXPECT_EQ(Streamed(bench, many), FindingsToJson(bench, many).dump(2) + "\n");
  EXPECT_EQ(Streamed(bench, {}), FindingsToJson(bench, {}).dump(2) + "\n");
}

TEST(FindingsJsonStream, EscapesQuotesControlCharactersAndKeepsUtf8) {
  testing::TempDir dir;
  dir.Write("nodes.csv",
            "id,type,markets\n\"Q \"\"Lab\"\"\",company,m\n\"Zo\xC3\xA9\tAI\",company,m\n"
            "\"V\\\\C\",investor,\n");
  dir.Write("edges.csv",
            "from,to,type,amount_usd,source,start,confidence\n"
            "\"V\\\\C\",\"Q \"\"Lab\"\"\",invests,1.5e9,\"memo \xE2\x80\x94 \"\"x\"\"\",2025-03,0.8\n"
            "\"V\\\\C\",\"Zo\xC3\xA9\tAI\",invests,,,,\n");
  const PartnershipGraph graph = testing::MustLoad({dir.Path().string()});
  const Findings findings = AllFindings(graph);
  ASSERT_GE(findings.size(), 1u);
  const std::string streamed = Streamed(graph, findings);
  EXPECT_EQ(streamed, FindingsToJson(graph, findings).dump(2) + "\n");
  EXPECT_NE(streamed.find("\"Zo\xC3\xA9\\tAI\""), std::string::npos) << streamed;
  EXPECT_NE(streamed.find("\"amount_usd\": 1500000000.0"), std::string::npos) << streamed;
}

TEST(FindingsJsonStream, TimingsPrintOneLinePerPhase) {
  std::ostringstream out, err;
  const int code = RunCli({"analyze", testing::ExampleDir(), "--pass", "dual-backing,shared-channel", "--format", "json", "--timings",
                           "--quiet"},
                          CliIo{out, err});
  ASSERT_EQ(code, 0) << err.str();
  const std::regex line(R"(phase=([a-z-]+) seconds=[0-9]+\.[0-9]{4} maxrss_kb=[1-9][0-9]*)");
  std::vector<std::string> phases;
  std::istringstream lines(err.str());
  for (std::string text; std::getline(lines, text);) {
    std::smatch match;
    ASSERT_TRUE(std::regex_match(text, match, line)) << text;
    phases.push_back(match[1]);
  }
  EXPECT_EQ(phases, (std::vector<std::string>{"load", "view", "dual-backing", "shared-channel", "output"}));
  EXPECT_EQ(out.str().substr(0, 40), std::string("{\n  \"as_of\": \"") + testing::kPinnedToday + "\",\n  \"findings\":");
}

}  // namespace
}  // namespace pg
