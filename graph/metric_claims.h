#pragma once
// Claims of one metric fact: metrics with the same entity, metric name, as_of and basis report
// one figure (Anthropic's gross annualised revenue in 2026-04). Exactly one claim per fact is
// counted: the highest confidence (missing ranks lowest), ties to the first row. Claims whose
// value differs from the counted one are conflicts. A different basis is a different fact:
// $30B gross and $22B net for the same month do not conflict. Basis compares case-insensitively.
//
// Time: a view as of D sees a metric when it has no date, when its as_of began by D (first day
// <= D's last day, the rule edges use for start), or when its basis is a forecast (plan,
// estimate, forecast, target, projection): a forecast is dated by the period it forecasts, not
// by when it was stated, so it is kept whatever the view's date.

#include <cstdint>
#include <optional>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "graph/partnership_graph.h"

namespace pg {

using MetricId = std::uint32_t;

/// plan, estimate, forecast, target, projection (case-insensitive).
bool IsForecastBasis(std::string_view basis);

/// The visibility rule above, for one metric.
bool MetricVisibleAsOf(const PartnershipGraph& graph, const Metric& metric, Date as_of);

class MetricClaims {
 public:
  /// Groups the metrics visible as of `as_of` (unknown date: all).
  MetricClaims(const PartnershipGraph& graph, Date as_of);

  bool Visible(MetricId m) const { return visible_[m]; }
  /// True for the one counted claim of each fact (invisible metrics are never counted).
  bool Counted(MetricId m) const { return counted_[m]; }
  /// The claims that disagree with counted claim `m` (empty for most metrics).
  const std::vector<MetricId>& ConflictsOf(MetricId m) const;
  /// Every counted claim that has conflicts, in input order.
  std::vector<MetricId> ConflictedFacts() const;

  /// Counted metrics of `entity` named `metric` (any basis), by as_of (then basis).
  std::vector<MetricId> Series(VertexId entity, StrId metric) const;
  /// The counted claim with the latest as_of for entity, metric and basis; nullopt if none.
  std::optional<MetricId> Latest(VertexId entity, StrId metric, std::string_view basis) const;
  /// Counted metrics in (entity, metric, as_of, basis) order: for passes that scan every series.
  const std::vector<MetricId>& CountedInOrder() const { return order_; }

 private:
  const PartnershipGraph& graph_;
  std::vector<bool> visible_;
  std::vector<bool> counted_;
  std::unordered_map<MetricId, std::vector<MetricId>> conflicts_;
  std::vector<MetricId> order_;  ///< counted claims sorted by entity, metric, as_of, row
};

}  // namespace pg
