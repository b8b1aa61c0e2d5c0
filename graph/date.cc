#include "graph/date.h"

#include <chrono>

#include <fmt/format.h>

namespace pg {

int DaysInMonth(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

Date Today() {
  const std::chrono::year_month_day day{std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now())};
  return Date::FromParts(static_cast<int>(day.year()), static_cast<int>(static_cast<unsigned>(day.month())),
                         static_cast<int>(static_cast<unsigned>(day.day())));
}

Date Date::FirstDay() const {
  if (!Known()) return *this;
  return FromParts(Year(), Month() == 0 ? 1 : Month(), Day() == 0 ? 1 : Day());
}

Date Date::LastDay() const {
  if (!Known()) return *this;
  const int month = Month() == 0 ? 12 : Month();
  return FromParts(Year(), month, Day() == 0 ? DaysInMonth(Year(), month) : Day());
}

double Date::MonthIndex() const {
  const double year_months = Year() * 12.0;
  if (Month() == 0) return year_months + 6.0;
  if (Day() == 0) return year_months + Month() - 1 + 0.5;
  return year_months + Month() - 1 + (Day() - 0.5) / DaysInMonth(Year(), Month());
}

std::string Date::ToString() const {
  if (!Known()) return {};
  if (Month() == 0) return fmt::format("{:04d}", Year());
  if (Day() == 0) return fmt::format("{:04d}-{:02d}", Year(), Month());
  return fmt::format("{:04d}-{:02d}-{:02d}", Year(), Month(), Day());
}

}  // namespace pg
