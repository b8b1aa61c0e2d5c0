#include "graph/money.h"

#include <cctype>
#include <cmath>

#include <fmt/format.h>

#include "graph/text.h"
#include "graph/value_parser.h"

namespace pg {
namespace {

constexpr std::string_view kCodes[] = {"USD", "EUR", "GBP", "JPY", "CNY", "CHF", "CAD", "AUD", "NZD",
                                       "INR", "KRW", "HKD", "SGD", "TWD", "SEK", "NOK", "DKK", "PLN",
                                       "CZK", "AED", "SAR", "ILS", "BRL", "MXN", "ZAR"};

struct Symbol {
  std::string_view text;
  std::string_view code;
};
// Longest first: `US$` before `$`.
constexpr Symbol kSymbols[] = {{"US$", "USD"}, {"$", "USD"}, {"\xe2\x82\xac", "EUR"}, {"\xc2\xa3", "GBP"},
                               {"\xc2\xa5", "JPY"}};

struct QualifierWord {
  std::string_view text;
  AmountQualifier qualifier;
};
// Longest first where one begins another (`approximately` before `approx`).
constexpr QualifierWord kPrefixes[] = {
    {"up to", AmountQualifier::kUpTo},          {"as much as", AmountQualifier::kUpTo},
    {"maximum", AmountQualifier::kUpTo},        {"max", AmountQualifier::kUpTo},
    {"less than", AmountQualifier::kUpTo},      {"under", AmountQualifier::kUpTo},
    {"\xe2\x89\xa4", AmountQualifier::kUpTo},   {"<=", AmountQualifier::kUpTo},
    {"<", AmountQualifier::kUpTo},              {"approximately", AmountQualifier::kApprox},
    {"approx.", AmountQualifier::kApprox},      {"approx", AmountQualifier::kApprox},
    {"about", AmountQualifier::kApprox},        {"around", AmountQualifier::kApprox},
    {"circa", AmountQualifier::kApprox},        {"ca.", AmountQualifier::kApprox},
    {"c.", AmountQualifier::kApprox},           {"roughly", AmountQualifier::kApprox},
    {"nearly", AmountQualifier::kApprox},       {"almost", AmountQualifier::kApprox},
    {"some", AmountQualifier::kApprox},         {"~", AmountQualifier::kApprox},
    {"\xe2\x89\x88", AmountQualifier::kApprox}, {"at least", AmountQualifier::kAtLeast},
    {"more than", AmountQualifier::kAtLeast},   {"over", AmountQualifier::kAtLeast},
    {"minimum", AmountQualifier::kAtLeast},     {"min", AmountQualifier::kAtLeast},
    {"\xe2\x89\xa5", AmountQualifier::kAtLeast}, {">=", AmountQualifier::kAtLeast},
    {">", AmountQualifier::kAtLeast},
};

bool IsLetter(char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; }

// Removes `prefix` (any case) from the front of `text` when it is a whole word there.
bool TakePrefix(std::string_view& text, std::string_view prefix) {
  if (text.size() < prefix.size() || !EqualsIgnoreCase(text.substr(0, prefix.size()), prefix)) return false;
  if (IsLetter(prefix.back()) && text.size() > prefix.size() && IsLetter(text[prefix.size()])) return false;
  text = Trim(text.substr(prefix.size()));
  return true;
}

AmountQualifier TakeQualifier(std::string_view& text) {
  for (const QualifierWord& word : kPrefixes) {
    if (TakePrefix(text, word.text)) return word.qualifier;
  }
  return AmountQualifier::kExact;
}

// A currency symbol or code at the front of `text` (`€15M`, `EUR 15M`, `US$5bn`).
std::string TakeCurrencyPrefix(std::string_view& text) {
  for (const Symbol& symbol : kSymbols) {
    if (TakePrefix(text, symbol.text)) return std::string(symbol.code);
  }
  if (text.size() >= 3 && IsLetter(text[0]) && IsLetter(text[1]) && IsLetter(text[2]) &&
      (text.size() == 3 || !IsLetter(text[3]))) {
    std::string code = CurrencyCode(text.substr(0, 3));
    if (!code.empty()) text = Trim(text.substr(3));
    return code;
  }
  return {};
}

// A currency symbol or code at the end of `text` (`5 bn USD`, `15M EUR`, `15 €`).
std::string TakeCurrencySuffix(std::string_view& text) {
  for (const Symbol& symbol : kSymbols) {
    if (symbol.text.size() > 1 && text.size() > symbol.text.size() && text.ends_with(symbol.text)) {
      text = Trim(text.substr(0, text.size() - symbol.text.size()));
      return std::string(symbol.code);
    }
  }
  const std::size_t n = text.size();
  if (n > 3 && IsLetter(text[n - 1]) && IsLetter(text[n - 2]) && IsLetter(text[n - 3]) && !IsLetter(text[n - 4])) {
    std::string code = CurrencyCode(text.substr(n - 3));
    if (!code.empty()) text = Trim(text.substr(0, n - 3));
    return code;
  }
  return {};
}

// A floor written after the number: `$10B+`, `$10B or more`.
bool TakeFloorSuffix(std::string_view& text) {
  if (!text.empty() && text.back() == '+') {
    text = Trim(text.substr(0, text.size() - 1));
    return true;
  }
  for (std::string_view words : {"or more", "and up", "or above"}) {
    if (text.size() > words.size() && EqualsIgnoreCase(text.substr(text.size() - words.size()), words)) {
      text = Trim(text.substr(0, text.size() - words.size()));
      return true;
    }
  }
  return false;
}

}  // namespace

bool SaysUndisclosed(std::string_view text) {
  text = Trim(text);
  for (std::string_view word : {"undisclosed", "not disclosed", "n/a", "na", "tbd", "unknown", "?", "-",
                                "\xe2\x80\x94" /* em dash */, "\xe2\x80\x93" /* en dash */}) {
    if (EqualsIgnoreCase(text, word)) return true;
  }
  return false;
}

std::string CurrencyCode(std::string_view word) {
  word = Trim(word);
  for (const Symbol& symbol : kSymbols) {
    if (EqualsIgnoreCase(word, symbol.text)) return std::string(symbol.code);
  }
  for (std::string_view code : kCodes) {
    if (EqualsIgnoreCase(word, code)) return std::string(code);
  }
  return {};
}

std::string_view KnownCurrencies() {
  return "USD, EUR, GBP, JPY, CNY, CHF, CAD, AUD, NZD, INR, KRW, HKD, SGD, TWD, SEK, NOK, DKK, PLN, CZK, "
         "AED, SAR, ILS, BRL, MXN, ZAR";
}

std::optional<StatedAmount> ParseStatedAmount(std::string_view text, std::string* error) {
  const std::string_view written = Trim(text);
  std::string_view rest = written;
  StatedAmount amount;
  amount.qualifier = TakeQualifier(rest);
  std::string before = TakeCurrencyPrefix(rest);
  if (amount.qualifier == AmountQualifier::kExact) amount.qualifier = TakeQualifier(rest);  // `$~10B`
  if (TakeFloorSuffix(rest)) {
    if (amount.qualifier != AmountQualifier::kExact && amount.qualifier != AmountQualifier::kAtLeast) {
      *error = fmt::format("bad amount \"{}\": \"{}\" and a trailing \"+\" disagree", written,
                           QualifierName(amount.qualifier));
      return std::nullopt;
    }
    amount.qualifier = AmountQualifier::kAtLeast;
  }
  std::string after = TakeCurrencySuffix(rest);
  if (!after.empty() && TakeFloorSuffix(rest)) amount.qualifier = AmountQualifier::kAtLeast;  // `10B+ EUR`
  if (!before.empty() && !after.empty() && before != after) {
    *error = fmt::format("bad amount \"{}\": two currencies, {} and {}", written, before, after);
    return std::nullopt;
  }
  std::string code = before.empty() ? after : before;
  if (!code.empty() && !rest.empty() && (rest.front() == '$' || TakeCurrencyPrefix(rest) != "")) {
    *error = fmt::format("bad amount \"{}\": two currency marks", written);
    return std::nullopt;
  }
  const std::optional<double> value = ParseAmount(rest, error, written);
  if (!value) return std::nullopt;
  amount.value = *value;
  if (code != "USD") amount.currency = std::move(code);
  return amount;
}

std::string FormatMoney(double amount, std::string_view currency) {
  const std::string usd = FormatUsd(amount);  // "$15M"
  if (currency.empty() || currency == "USD") return usd;
  for (const Symbol& symbol : kSymbols) {
    if (symbol.code == currency && symbol.code != "USD") return std::string(symbol.text) + usd.substr(1);
  }
  return fmt::format("{} {}", currency, usd.substr(1));
}

std::string_view QualifierName(AmountQualifier qualifier) {
  switch (qualifier) {
    case AmountQualifier::kExact: return "";
    case AmountQualifier::kUpTo: return "up to";
    case AmountQualifier::kApprox: return "approximately";
    case AmountQualifier::kAtLeast: return "at least";
  }
  return "";
}

std::string_view DealStatusName(DealStatus status) {
  switch (status) {
    case DealStatus::kUnknown: return "";
    case DealStatus::kAnnounced: return "announced";
    case DealStatus::kSigned: return "signed";
    case DealStatus::kClosed: return "closed";
    case DealStatus::kPaid: return "paid";
    case DealStatus::kDeployed: return "deployed";
  }
  return "";
}

std::optional<DealStatus> ParseDealStatus(std::string_view word) {
  word = Trim(word);
  struct Entry {
    std::string_view word;
    DealStatus status;
  };
  static constexpr Entry kWords[] = {
      {"announced", DealStatus::kAnnounced}, {"signed", DealStatus::kSigned},   {"closed", DealStatus::kClosed},
      {"completed", DealStatus::kClosed},    {"done", DealStatus::kClosed},     {"paid", DealStatus::kPaid},
      {"funded", DealStatus::kPaid},         {"deployed", DealStatus::kDeployed},
  };
  for (const Entry& entry : kWords) {
    if (EqualsIgnoreCase(word, entry.word)) return entry.status;
  }
  return std::nullopt;
}

std::string FormatQualified(std::string_view money, AmountQualifier qualifier) {
  switch (qualifier) {
    case AmountQualifier::kExact: return std::string(money);
    case AmountQualifier::kUpTo: return fmt::format("{} up to", money);
    case AmountQualifier::kApprox: return fmt::format("~{}", money);
    case AmountQualifier::kAtLeast: return fmt::format("{}+", money);
  }
  return std::string(money);
}

std::string QualifiedAmountCell(double amount, AmountQualifier qualifier) {
  const std::string number = fmt::format("{}", amount);
  switch (qualifier) {
    case AmountQualifier::kExact: return number;
    case AmountQualifier::kUpTo: return "up to " + number;
    case AmountQualifier::kApprox: return "~" + number;
    case AmountQualifier::kAtLeast: return number + "+";
  }
  return number;
}

bool FxRates::Parse(std::string_view item, std::string* error) {
  const std::size_t equals = item.find('=');
  if (equals == std::string_view::npos) {
    *error = fmt::format("bad rate \"{}\": expected CUR=RATE in USD per unit, such as EUR=1.08", Trim(item));
    return false;
  }
  return Add(item.substr(0, equals), item.substr(equals + 1), error);
}

bool FxRates::Add(std::string_view currency, std::string_view rate_text, std::string* error) {
  currency = Trim(currency);
  rate_text = Trim(rate_text);
  const std::string code = CurrencyCode(currency);
  if (code.empty()) {
    *error = fmt::format("unknown currency \"{}\" (expected one of: {})", currency, KnownCurrencies());
    return false;
  }
  std::string reason;
  const std::optional<double> rate = ParseNumber(rate_text, &reason);
  if (!rate || !(*rate > 0) || rate_text.find_first_of("kKmMbBtT") != std::string_view::npos) {
    *error = fmt::format("bad rate \"{}\" for {}: expected a positive number of USD per unit, such as {}=1.08",
                         rate_text, code, code == "USD" ? "EUR" : code);
    return false;
  }
  if (code == "USD" && *rate != 1) {
    *error = fmt::format("bad rate \"{}\" for USD: a dollar is 1 USD", rate_text);
    return false;
  }
  const auto [it, added] = rates_.emplace(code, *rate);
  if (!added && it->second != *rate) {
    *error = fmt::format("two rates for {}: {:g} and {:g}", code, it->second, *rate);
    return false;
  }
  return true;
}

std::optional<double> FxRates::Rate(std::string_view code) const {
  if (code.empty() || code == "USD") return 1.0;
  const auto it = rates_.find(std::string(code));
  if (it == rates_.end()) return std::nullopt;
  return it->second;
}

}  // namespace pg
