#pragma once
// Calendar dates of partial precision: `2026`, `2026-02` or `2026-02-14`.

#include <cstdint>
#include <string>

namespace pg {

/// Packed as year*10000 + month*100 + day, month and day 0 when not given, so that ordering the
/// packed value orders dates. 0 means "no date".
class Date {
 public:
  constexpr Date() = default;
  static constexpr Date FromParts(int year, int month = 0, int day = 0) {
    return Date(year * 10000 + month * 100 + day);
  }
  constexpr bool Known() const { return packed_ != 0; }
  constexpr int Year() const { return packed_ / 10000; }
  constexpr int Month() const { return packed_ / 100 % 100; }
  constexpr int Day() const { return packed_ % 100; }
  constexpr std::int32_t Packed() const { return packed_; }

  /// The first and last full day the date stands for (`2026-02` -> 2026-02-01 .. 2026-02-28).
  Date FirstDay() const;
  Date LastDay() const;

  /// Months since year 0 at the middle of the period, as a real number, for trends.
  double MonthIndex() const;

  /// ISO text with the precision given: `2026`, `2026-02`, `2026-02-14`; empty when unknown.
  std::string ToString() const;

  friend constexpr bool operator==(Date a, Date b) { return a.packed_ == b.packed_; }
  friend constexpr auto operator<=>(Date a, Date b) { return a.packed_ <=> b.packed_; }

 private:
  constexpr explicit Date(std::int32_t packed) : packed_(packed) {}
  std::int32_t packed_ = 0;
};

int DaysInMonth(int year, int month);

/// Today's date by the system clock, in UTC (the CLI lets PARTNERGRAPH_TODAY override it).
Date Today();

}  // namespace pg
