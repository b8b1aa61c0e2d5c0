#pragma once
// metric-gap: for any metric two rivals both report, the ratio and gap between them at each
// date, and a linear trend of the gap with the projected crossover date.
//
// Per metric name, per pair of rivals that both have it, per basis (case-insensitive):
//  - actual-like bases (actual, gross, net, none, ...): one gap observation per as_of at which
//    both have a counted value: gap = leader − other. Stated gaps count too: a metric row of A
//    with basis `gap` and a `versus` column naming B says "A's metric minus B's was X at that
//    date" (the example's 2026-02 enterprise-share gap of 11 points). At a date with both values
//    the computed gap is used and an equal stated one corroborates.
//    The leader is the one ahead at the latest observation; figures there: leader_value,
//    other_value, ratio (leader / other, only when other > 0), gap.
//    Trend, with two or more observation dates: least-squares slope of the gap per month
//    (Date::MonthIndex: month precision dates sit mid-month); when the gap is closing
//    (slope < 0, gap > 0), crossover_months = gap / −slope after the latest observation and the
//    fact crossover_date (month precision). A widening or flat gap has no crossover.
//  - forecast bases (plan, estimate, ...): the latest forecast of each rival, whatever their
//    target dates (30 GW by 2030 vs 7.5 GW by 2027-12): ratio and gap; facts name both dates.
// Each finding is about one metric and basis (topic `metric basis`), subjects leader first,
// evidence the metric rows. Severity warning when a crossover is projected, else info.
// Values: the counted claim of each fact visible as of the view's date (metric_claims.h).
// Self-comparison and non-rivals are skipped; a metric one rival lacks gives no finding.

#include "analysis/pass_registry.h"

namespace pg {

Findings RunMetricGap(const GraphView& view, const PassOptions& options);

/// The month-precision date at a real month index (inverse of Date::MonthIndex's mid-month).
Date DateAtMonthIndex(double month_index);

}  // namespace pg
