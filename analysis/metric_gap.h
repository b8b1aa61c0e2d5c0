#pragma once
// metric-gap: for any metric two rivals both report, the ratio and gap between their latest
// values as of the view's date, the history of the gap, and a crossover: past or projected.
//
// Per metric name, per pair of rivals that both have it, per basis (case-insensitive):
//  - actual-like bases (actual, gross, net, none, ...):
//    Now: each rival's latest counted value at or before the view's date (undated values rank
//    oldest), whatever their dates: OpenAI $20B (2025-12) vs Anthropic $14B (2026-04) is 1.43×,
//    not the ratio of the last date both happened to report. The leader is the larger
//    (a tie: the first by vertex). Figures: leader_value, other_value, ratio (leader / other,
//    only when other > 0), gap; facts as_of (the later of the two dates) and, when the two
//    dates differ, leader_as_of and other_as_of.
//    History: one observation per date either rival reported, each side's latest value at that
//    date carried forward (no observation before both have one). Stated gaps count too: a
//    metric row of A with basis `gap` and a `versus` column naming B says "A's metric minus B's
//    was X at that date" (the example's 2026-02 enterprise-share gap of 11 points); it fills a
//    date without an observation or replaces carried-forward values, and an equal stated gap
//    corroborates two values reported that same day.
//    Crossover: when the sign of the gap changed between two observations, the leader changed:
//    "Anthropic overtook OpenAI between 2025-06 and 2025-12" (the last observation the old
//    leader led, the first the new one did), facts crossover_from, crossover_to, new_leader,
//    severity warning. A change of leader is never called widening.
//    Trend, with two or more observations, the latest at the latest value's date and no
//    crossover: least-squares slope of the leader's gap per month (Date::MonthIndex: month
//    precision dates sit mid-month), figures first_gap and trend_per_month; when the gap is
//    closing (slope < 0, gap > 0), crossover_months = gap / −slope after the latest observation
//    and the fact crossover_date (month precision), severity warning. Otherwise "widening" or
//    "not closing".
//  - forecast bases (plan, estimate, ...): the latest forecast of each rival, whatever their
//    target dates (30 GW by 2030 vs 7.5 GW by 2027-12): ratio and gap; facts name both dates.
// Each finding is about one metric and basis (topic `metric basis`), subjects leader first,
// evidence the metric rows (the history by date, then the latest values). Severity info unless
// a crossover happened or is projected.
// Values: the counted claim of each fact visible as of the view's date (metric_claims.h).
// Self-comparison and non-rivals are skipped; a metric one rival lacks gives no finding.

#include "analysis/pass_registry.h"

namespace pg {

Findings RunMetricGap(const GraphView& view, const PassOptions& options);

/// The month-precision date at a real month index (inverse of Date::MonthIndex's mid-month).
Date DateAtMonthIndex(double month_index);

}  // namespace pg
