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
/// anything above kMaxAmountUsd (`1e999` included).
std::optional<double> ParseAmount(std::string_view text, std::string* error);

/// A fraction 0..1. `26.7%` is 0.267; a bare number from 0 to 1 is taken as the fraction
/// (`0.267`), a bare number above 1 and up to 100 as percent points (`26.7`). Outside 0..100%
/// is refused, and so are `-0`, `inf` and `nan`.
std::optional<double> ParsePercent(std::string_view text, std::string* error);

/// `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (also with `/`), checked against the calendar; a time of
/// day after the date (`T09:30:00`) is ignored.
std::optional<Date> ParseDate(std::string_view text, std::string* error);

/// A confidence 0..1: a number or percentage as ParsePercent, or `high` (0.9), `medium` (0.6),
/// `low` (0.3).
std::optional<double> ParseConfidence(std::string_view text, std::string* error);

/// A plain real number (metric values, capacities), signed, allowing thousands separators and,
/// for convenience, the same k/M/B/T suffixes as amounts. Only finite values: `inf`, `nan`,
/// `1e999` are refused.
std::optional<double> ParseNumber(std::string_view text, std::string* error);

/// Short money label for diagrams and tables: 58000000000 -> "$58B", 1.4e12 -> "$1.4T".
std::string FormatUsd(double amount);

/// A percentage for people: 0.267 -> "26.7%".
std::string FormatPercent(double fraction);

}  // namespace pg
