// The reference scenario's headline findings, asserted on the bundled example.

#include <gtest/gtest.h>

#include "tests/test_support.h"

namespace pg {
namespace {

using testing::ExampleDir;
using testing::FindingAbout;
using testing::MustLoad;
using testing::RunPass;

TEST(HeadlineFindings, AmazonBacksOpenAIAndAnthropicFor58B) {
  const PartnershipGraph graph = MustLoad({ExampleDir()});
  const Findings findings = RunPass(graph, "dual-backing");
  ASSERT_EQ(findings.size(), 1u);
  const Finding& amazon = findings[0];
  EXPECT_EQ(amazon.subjects, (std::vector<std::string>{"Amazon", "OpenAI", "Anthropic"}));
  EXPECT_DOUBLE_EQ(*amazon.FigureValue("total_usd"), 58e9);
  ASSERT_NE(amazon.Part("OpenAI"), nullptr);
  EXPECT_DOUBLE_EQ(amazon.Part("OpenAI")->figures[0].value, 50e9);
  EXPECT_DOUBLE_EQ(amazon.Part("Anthropic")->figures[0].value, 8e9);
  // The $80B claim is reported, not summed.
  ASSERT_EQ(amazon.notes.size(), 1u);
  EXPECT_NE(amazon.notes[0].find("$80B"), std::string::npos) << amazon.notes[0];
  EXPECT_NE(amazon.notes[0].find("Q&A"), std::string::npos) << amazon.notes[0];
  EXPECT_EQ(amazon.message, "Amazon backs 2 rivals: OpenAI ($50B), Anthropic ($8B); $58B in total");
}

TEST(HeadlineFindings, BedrockOwnedByAmazonCarriesBothRivals) {
  const PartnershipGraph graph = MustLoad({ExampleDir()});
  const Findings findings = RunPass(graph, "shared-channel");
  ASSERT_EQ(findings.size(), 1u);
  const Finding& bedrock = findings[0];
  EXPECT_EQ(bedrock.subjects, (std::vector<std::string>{"Bedrock", "OpenAI", "Anthropic"}));
  ASSERT_EQ(bedrock.facts.size(), 1u);
  EXPECT_EQ(bedrock.facts[0], (std::pair<std::string, std::string>{"owner", "Amazon"}));
  ASSERT_EQ(bedrock.notes.size(), 1u);
  EXPECT_EQ(bedrock.notes[0],
            "Amazon (owner of Amazon Bedrock) also invests in OpenAI and Anthropic: investor and channel at once");
}

TEST(HeadlineFindings, BeforeFebruary2026AmazonBacksOnlyAnthropic) {
  const PartnershipGraph graph = MustLoad({ExampleDir()});
  EXPECT_TRUE(RunPass(graph, "dual-backing", "2026-01").empty());
  EXPECT_EQ(RunPass(graph, "dual-backing", "2026-02").size(), 1u);
}

}  // namespace
}  // namespace pg
