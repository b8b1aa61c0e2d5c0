// --min-amount takes amounts as the data writes them and drops only known figures below it.

#include <gtest/gtest.h>

#include "tests/test_support.h"

namespace pg {
namespace {

using testing::Cli;
using testing::TestDataDir;

std::string ValuesDir() { return TestDataDir() + "/values"; }

// The finding messages of one pass, one per line.
std::string Messages(const std::vector<std::string>& extra) {
  std::vector<std::string> args = {"analyze", ValuesDir(), "--pass", "dual-backing"};
  args.insert(args.end(), extra.begin(), extra.end());
  const testing::CliRun run = Cli(args);
  EXPECT_EQ(run.code, 0) << run.err;
  std::string messages;
  std::size_t at = 0;
  while ((at = run.out.find("WARNING  ", at)) != std::string::npos) {
    const std::size_t end = run.out.find('\n', at);
    messages += run.out.substr(at + 9, end - at - 9) + "\n";
    at = end;
  }
  return messages;
}

TEST(MinAmount, TakesAmountsAsWrittenAndKeepsUndisclosedDeals) {
  // Google's Mistral deal has no figure: kept at any floor; its €15M ($16.2M) Anthropic deal is
  // below 5B, and so is Amazon's £2B ($2.54B) Mistral deal.
  EXPECT_EQ(Messages({"--min-amount", "5B"}),
            "Amazon backs 2 rivals: Anthropic ($100B), OpenAI ($10B); $110B in total (of which $100B up to, $110B "
            "announced or signed)\n"
            "Google backs 2 rivals: OpenAI ($10B), Mistral; $10B in total\n");
  EXPECT_EQ(Messages({"--min-amount", "$5,000M"}), Messages({"--min-amount", "5e9"}));
  EXPECT_EQ(Messages({"--min-amount", "$20B"}), "");
  // A floor of one dollar drops nothing, undisclosed deals included.
  EXPECT_EQ(Messages({"--min-amount", "1"}), Messages({}));
}

TEST(MinAmount, ABadFloorIsBadUsage) {
  const testing::CliRun run = Cli({"analyze", ValuesDir(), "--min-amount", "lots"});
  EXPECT_EQ(run.code, 2);
  EXPECT_EQ(run.err, "error: --min-amount: bad amount \"lots\": expected a number such as 50B, $8 bn, 1.9e9 or 350M\n");
}

TEST(MinAmount, TotalsSayHowMuchIsCeilingsOrNotClosed) {
  EXPECT_EQ(Messages({}),
            "Amazon backs 3 rivals: Anthropic ($100B), OpenAI ($10B), Mistral ($2.54B); $112.54B in total (of which "
            "$100B up to, $110B announced or signed)\n"
            "Google backs 3 rivals: Anthropic ($16.2M), OpenAI ($10B), Mistral; $10.016B in total\n");
}

}  // namespace
}  // namespace pg
