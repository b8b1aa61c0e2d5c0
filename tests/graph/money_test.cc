#include "graph/money.h"

#include <gtest/gtest.h>

namespace pg {
namespace {

StatedAmount Stated(std::string_view text) {
  std::string error;
  const std::optional<StatedAmount> amount = ParseStatedAmount(text, &error);
  EXPECT_TRUE(amount.has_value()) << text << ": " << error;
  return amount.value_or(StatedAmount{-1, "?", AmountQualifier::kExact});
}

std::string StatedError(std::string_view text) {
  std::string error;
  EXPECT_FALSE(ParseStatedAmount(text, &error).has_value()) << text;
  return error;
}

TEST(ParseStatedAmount, CurrenciesBeforeOrAfterTheNumber) {
  const struct {
    const char* text;
    double value;
    const char* currency;
  } cases[] = {
      {"\xe2\x82\xac" "15M", 15e6, "EUR"}, {"EUR 15M", 15e6, "EUR"}, {"eur15m", 15e6, "EUR"},
      {"\xc2\xa3" "2B", 2e9, "GBP"},       {"\xc2\xa5" "100B", 100e9, "JPY"}, {"US$5bn", 5e9, ""},
      {"5 bn USD", 5e9, ""},                {"15M EUR", 15e6, "EUR"}, {"15M \xe2\x82\xac", 15e6, "EUR"},
      {"CHF 2.5B", 2.5e9, "CHF"},           {"CNY 10B", 10e9, "CNY"}, {"$8 bn", 8e9, ""},
      {"50B", 50e9, ""},                    {"USD 2B", 2e9, ""},
  };
  for (const auto& c : cases) {
    const StatedAmount amount = Stated(c.text);
    EXPECT_DOUBLE_EQ(amount.value, c.value) << c.text;
    EXPECT_EQ(amount.currency, c.currency) << c.text;
    EXPECT_EQ(amount.qualifier, AmountQualifier::kExact) << c.text;
  }
}

TEST(ParseStatedAmount, QualifiersAreData) {
  const struct {
    const char* text;
    double value;
    AmountQualifier qualifier;
  } cases[] = {
      {"up to $100B", 100e9, AmountQualifier::kUpTo},      {"Up to \xe2\x82\xac" "5B", 5e9, AmountQualifier::kUpTo},
      {"as much as $4B", 4e9, AmountQualifier::kUpTo},     {"<$1B", 1e9, AmountQualifier::kUpTo},
      {"~$10B", 10e9, AmountQualifier::kApprox},          {"about $10B", 10e9, AmountQualifier::kApprox},
      {"approx. 10B", 10e9, AmountQualifier::kApprox},    {"nearly $10B", 10e9, AmountQualifier::kApprox},
      {"$~10B", 10e9, AmountQualifier::kApprox},          {"$10B+", 10e9, AmountQualifier::kAtLeast},
      {"at least $10B", 10e9, AmountQualifier::kAtLeast}, {"over $10B", 10e9, AmountQualifier::kAtLeast},
      {">10B", 10e9, AmountQualifier::kAtLeast},          {"$10B or more", 10e9, AmountQualifier::kAtLeast},
      {"10B+ EUR", 10e9, AmountQualifier::kAtLeast},
  };
  for (const auto& c : cases) {
    const StatedAmount amount = Stated(c.text);
    EXPECT_DOUBLE_EQ(amount.value, c.value) << c.text;
    EXPECT_EQ(amount.qualifier, c.qualifier) << c.text;
  }
}

TEST(ParseStatedAmount, RefusesWhatItCannotReadWithTheCellQuoted) {
  EXPECT_EQ(StatedError("lots of $5B"),
            "bad amount \"lots of $5B\": expected a number such as 50B, $8 bn, 1.9e9 or 350M");
  EXPECT_EQ(StatedError("5B XYZ"), "bad amount \"5B XYZ\": expected a number such as 50B, $8 bn, 1.9e9 or 350M");
  EXPECT_EQ(StatedError("\xe2\x82\xac" "5B USD"), "bad amount \"\xe2\x82\xac" "5B USD\": two currencies, EUR and USD");
  EXPECT_EQ(StatedError("EUR $5B"), "bad amount \"EUR $5B\": two currency marks");
  EXPECT_EQ(StatedError("-\xe2\x82\xac" "5M"), "negative amount \"-\xe2\x82\xac" "5M\"");
  EXPECT_EQ(StatedError("up to $5B+"), "bad amount \"up to $5B+\": \"up to\" and a trailing \"+\" disagree");
  EXPECT_EQ(StatedError("\xe2\x82\xac" "2000T"),
            "bad amount \"\xe2\x82\xac" "2000T\": larger than 1e15 USD (a thousand trillion); check the unit");
}

TEST(SaysUndisclosed, WordsForNoFigure) {
  for (const char* text : {"undisclosed", "Not disclosed", "n/a", "TBD", "unknown", "?", "-", " \xe2\x80\x94 "}) {
    EXPECT_TRUE(SaysUndisclosed(text)) << text;
  }
  EXPECT_FALSE(SaysUndisclosed("0"));
  EXPECT_FALSE(SaysUndisclosed("-5B"));
}

TEST(FormatMoney, SymbolsForTheCommonOnesCodesForTheRest) {
  EXPECT_EQ(FormatMoney(15e6, "EUR"), "\xe2\x82\xac" "15M");
  EXPECT_EQ(FormatMoney(2e9, "GBP"), "\xc2\xa3" "2B");
  EXPECT_EQ(FormatMoney(100e9, "JPY"), "\xc2\xa5" "100B");
  EXPECT_EQ(FormatMoney(2.5e9, "CHF"), "CHF 2.5B");
  EXPECT_EQ(FormatMoney(5e9, ""), "$5B");
  EXPECT_EQ(FormatQualified("$100B", AmountQualifier::kUpTo), "$100B up to");
  EXPECT_EQ(FormatQualified("$10B", AmountQualifier::kApprox), "~$10B");
  EXPECT_EQ(FormatQualified("$10B", AmountQualifier::kAtLeast), "$10B+");
}

TEST(DealStatus, WordsAndNames) {
  EXPECT_EQ(ParseDealStatus("Announced"), DealStatus::kAnnounced);
  EXPECT_EQ(ParseDealStatus("completed"), DealStatus::kClosed);
  EXPECT_EQ(ParseDealStatus("funded"), DealStatus::kPaid);
  EXPECT_EQ(ParseDealStatus("rumoured"), std::nullopt);
  EXPECT_EQ(DealStatusName(DealStatus::kDeployed), "deployed");
}

std::string FxError(std::string_view item, FxRates* rates) {
  std::string error;
  EXPECT_FALSE(rates->Parse(item, &error)) << item;
  return error;
}

TEST(FxRates, ParsesItemsAndRefusesBadOnes) {
  FxRates rates;
  std::string error;
  EXPECT_TRUE(rates.Parse("EUR=1.08", &error)) << error;
  EXPECT_TRUE(rates.Parse("gbp = 1.27", &error)) << error;
  EXPECT_TRUE(rates.Parse("EUR=1.08", &error)) << error;  // the same rate again is fine
  EXPECT_DOUBLE_EQ(*rates.Rate("EUR"), 1.08);
  EXPECT_DOUBLE_EQ(*rates.Rate("GBP"), 1.27);
  EXPECT_DOUBLE_EQ(*rates.Rate(""), 1.0);
  EXPECT_EQ(rates.Rate("JPY"), std::nullopt);
  EXPECT_EQ(FxError("EUR=abc", &rates),
            "bad rate \"abc\" for EUR: expected a positive number of USD per unit, such as EUR=1.08");
  EXPECT_EQ(FxError("EUR=-1", &rates),
            "bad rate \"-1\" for EUR: expected a positive number of USD per unit, such as EUR=1.08");
  EXPECT_EQ(FxError("EUR=1k", &rates),
            "bad rate \"1k\" for EUR: expected a positive number of USD per unit, such as EUR=1.08");
  EXPECT_EQ(FxError("XXX=2", &rates), "unknown currency \"XXX\" (expected one of: " + std::string(KnownCurrencies()) + ")");
  EXPECT_EQ(FxError("EUR", &rates), "bad rate \"EUR\": expected CUR=RATE in USD per unit, such as EUR=1.08");
  EXPECT_EQ(FxError("EUR=1.1", &rates), "two rates for EUR: 1.08 and 1.1");
  EXPECT_EQ(FxError("USD=2", &rates), "bad rate \"2\" for USD: a dollar is 1 USD");
}

}  // namespace
}  // namespace pg
