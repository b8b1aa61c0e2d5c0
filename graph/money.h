#pragma once
// Money as people write it: a figure with its currency and a qualifier (`€15M`, `up to $100B`,
// `~£2B`, `$10B+`, `5 bn USD`), and the rates that turn other currencies into dollars. Free of
// file knowledge like value_parser: the caller adds the place to the message.
//
// Currencies are the ISO codes listed in KnownCurrencies() (any case, before or after the
// number) and four symbols: `$` and `US$` (USD), `€` (EUR), `£` (GBP), `¥` (JPY: write CNY for
// yuan). Three letters that are not listed are refused as an unknown unit, not guessed.

#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "graph/types.h"

namespace pg {

/// A figure as stated: `up to €15M` is {15e6, "EUR", kUpTo}.
struct StatedAmount {
  double value = 0;                ///< in `currency`, at most kMaxAmountUsd
  std::string currency;            ///< ISO code; empty for US dollars
  AmountQualifier qualifier = AmountQualifier::kExact;
};

/// Qualifiers: `up to`, `as much as`, `max`, `under`, `less than`, `<`, `≤` (a ceiling);
/// `~`, `≈`, `about`, `approx.`, `approximately`, `around`, `circa`, `c.`, `roughly`,
/// `nearly`, `almost`, `some` (approximate); `at least`, `over`, `more than`, `>`, `≥`, `min`,
/// a trailing `+` or `or more` (a floor). The number itself as ParseAmount.
std::optional<StatedAmount> ParseStatedAmount(std::string_view text, std::string* error);

/// True for the words people put in an amount cell when there is no figure: `undisclosed`,
/// `not disclosed`, `n/a`, `tbd`, `unknown`, `?`, a lone `-` or `—` (any case). The amount is
/// then missing, as for an empty cell: kept, never read as zero.
bool SaysUndisclosed(std::string_view text);

/// The ISO code a currency word or symbol stands for (`eur`, `€` -> "EUR", `US$` -> "USD"), or
/// empty when it is none we know.
std::string CurrencyCode(std::string_view word);

/// The codes accepted, comma-separated, for messages and docs.
std::string_view KnownCurrencies();

/// A figure in its currency for people: (15e6, "EUR") -> "€15M", (2e9, "CHF") -> "CHF 2B".
std::string FormatMoney(double amount, std::string_view currency);

/// "up to", "approximately", "at least"; empty for kExact.
std::string_view QualifierName(AmountQualifier qualifier);
/// "announced", "signed", ...; empty for kUnknown.
std::string_view DealStatusName(DealStatus status);
/// A status word (any case): announced, signed, closed, paid, deployed; also `completed` and
/// `done` (closed), `funded` (paid). nullopt for any other word.
std::optional<DealStatus> ParseDealStatus(std::string_view word);

/// A stated figure with its qualifier: "$100B up to", "~$10B", "$10B+", "€15M".
std::string FormatQualified(std::string_view money, AmountQualifier qualifier);

/// An amount with its qualifier as an input cell states it (`up to 100000000000`, `~5e9`,
/// `2e9+`), so that a model written out reads back the same; the plain number when exact.
std::string QualifiedAmountCell(double amount, AmountQualifier qualifier);

/// USD per unit of each currency, from `--fx EUR=1.08` items or an fx table's rows. USD itself
/// is always 1.
class FxRates {
 public:
  /// One `CUR=RATE` item (`EUR=1.08`, `eur = 1.08`). False with `*error` for an unknown
  /// currency, a rate that is not a positive number, or a second rate for one currency that
  /// disagrees with the first (the same rate twice is fine).
  bool Parse(std::string_view item, std::string* error);
  /// A rate for an ISO code or symbol; the same checks as Parse.
  bool Add(std::string_view currency, std::string_view rate_text, std::string* error);
  /// USD per unit, or nullopt when no rate was given (USD is 1).
  std::optional<double> Rate(std::string_view code) const;
  const std::map<std::string, double>& All() const { return rates_; }

 private:
  std::map<std::string, double> rates_;
};

}  // namespace pg
