#pragma once
// Parsing of cell values, free of any file knowledge: the caller adds the place to the message.
// Each function returns the value, or nullopt with `*error` set to a short reason. An empty or
// blank cell is not an error: callers check for it first (missing values are NaN / unknown).

#include <optional>
#include <string>
#include <string_view>

#include "graph/date.h"

namespace pg {

/// The largest amount taken (amount_usd, revenue_usd): 1e15 USD, a thousand trillion, some ten
/// times the world's yearly output. Anything larger is a unit mistake, and sums and squares
/// of such figures (HHI) would overflow to inf or nan.
inline constexpr double kMaxAmountUsd = 1e15;

/// US dollars. Accepts `50B`, `$8 bn`, `1.9e9`, `350M`, `1,000,000`, `$1.4 trillion`, `500k`,
/// `USD 2B`. Suffixes: k/thousand, m/mn/mm/million, b/bn/billion, t/tn/trillion. Refused:
/// every negative form (`-5B`, `$ -5B`, `- $5B`, `(5B)`, `5B-`, even `-0`), `inf`/`nan`, and
/// anything above kMaxAmountUsd (`1e999` included). Messages quote `as_written` when given (the
/// whole cell, when a caller has taken a currency or qualifier off `text`). Other currencies and
/// qualifiers (`€15M`, `up to $100B`) are ParseStatedAmount's, in graph/money.h.
std::optional<double> ParseAmount(std::string_view text, std::string* error, std::string_view as_written = {});

/// A fraction 0..1. `26.7%` is 0.267; a bare number from 0 to 1 is taken as the fraction
/// (`0.267`), a bare number above 1 and up to 100 as percent points (`26.7`). Outside 0..100%
/// is refused, and so are `-0`, `inf` and `nan`.
std::optional<double> ParsePercent(std::string_view text, std::string* error);

/// Which end of a span (`Q3 2025`, `H2 2026`) a date cell stands for: a start is the span's
/// first month, an end (and an as-of) its last month.
enum class DateRole { kStart, kEnd };

/// `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (also with `/`), checked against the calendar; a time of
/// day after the date (`T09:30:00`) is ignored. Also as people write them: `Sept 2025`,
/// `September 2025`, `Sep-2025`, `22 Sep 2025`, `Sep 22, 2025`; `22/09/2025` or `09/22/2025`
/// (also with `.` or `-`) only when one of the first two numbers is above 12 (`09/10/2025` is
/// refused, asking for ISO); quarters and halves `Q3 2025`, `2025-Q3`, `H2 2026` as the span's
/// first or last month by `role` (Q3 2025: 2025-07 as a start, 2025-09 as an end); `FY2025` as
/// the calendar year 2025 (fiscal years are read as calendar years). Two-digit years are refused.
std::optional<Date> ParseDate(std::string_view text, std::string* error, DateRole role = DateRole::kStart);

/// True when ParseDate reads `text` as a span it narrows to a month or a calendar year (`Q3 2025`,
/// `H2 2026`, `FY2025`), so that the loader can say what it assumed.
bool IsDateSpan(std::string_view text);

/// A confidence 0..1: a number or percentage as ParsePercent, or `high` (0.9), `medium` (0.6),
/// `low` (0.3).
std::optional<double> ParseConfidence(std::string_view text, std::string* error);

/// A plain real number (metric values, capacities), signed, allowing thousands separators and,
/// for convenience, the same k/M/B/T suffixes and a `$`, `US$` or `USD` as amounts (`$60.9B`,
/// `$1.4 trillion`). Only finite values: `inf`, `nan`, `1e999` are refused.
std::optional<double> ParseNumber(std::string_view text, std::string* error);

/// Short money label for diagrams and tables: 58000000000 -> "$58B", 1.4e12 -> "$1.4T",
/// 1.25e9 -> "$1.25B": up to three decimals of the unit, so a stated $13.75B keeps its digits.
std::string FormatUsd(double amount);

/// A percentage for people: 0.267 -> "26.7%".
std::string FormatPercent(double fraction);

}  // namespace pg
