#include "graph/metric_claims.h"

#include <algorithm>
#include <string>
#include <tuple>

#include "graph/text.h"

namespace pg {
namespace {

double Rank(const Metric& metric) { return Known(metric.confidence) ? metric.confidence : -1.0; }

}  // namespace

bool IsForecastBasis(std::string_view basis) {
  for (std::string_view forecast : {"plan", "estimate", "forecast", "target", "projection"}) {
    if (EqualsIgnoreCase(Trim(basis), forecast)) return true;
  }
  return false;
}

bool MetricVisibleAsOf(const PartnershipGraph& graph, const Metric& metric, Date as_of) {
  if (!as_of.Known() || !metric.as_of.Known()) return true;
  if (metric.basis != kNoString && IsForecastBasis(graph.Text(metric.basis))) return true;
  return metric.as_of.FirstDay() <= as_of.LastDay();
}

MetricClaims::MetricClaims(const PartnershipGraph& graph, Date as_of)
    : graph_(graph), visible_(graph.Metrics().size(), false), counted_(graph.Metrics().size(), false) {
  const auto& metrics = graph.Metrics();
  std::vector<std::string> basis(metrics.size());
  std::vector<MetricId> ids;
  ids.reserve(metrics.size());
  for (MetricId m = 0; m < metrics.size(); ++m) {
    visible_[m] = MetricVisibleAsOf(graph, metrics[m], as_of);
    if (!visible_[m]) continue;
    basis[m] = ToLower(Trim(graph.Text(metrics[m].basis)));
    ids.push_back(m);
  }
  auto key = [&](MetricId m) {
    const Metric& metric = metrics[m];
    return std::tie(metric.entity, metric.metric, metric.as_of, basis[m]);
  };
  std::sort(ids.begin(), ids.end(), [&](MetricId a, MetricId b) {
    return key(a) != key(b) ? key(a) < key(b) : a < b;
  });
  for (std::size_t i = 0; i < ids.size();) {
    std::size_t j = i + 1;
    while (j < ids.size() && key(ids[j]) == key(ids[i])) ++j;
    MetricId chosen = ids[i];
    for (std::size_t k = i + 1; k < j; ++k) {
      if (Rank(metrics[ids[k]]) > Rank(metrics[chosen])) chosen = ids[k];
    }
    counted_[chosen] = true;
    order_.push_back(chosen);
    for (std::size_t k = i; k < j; ++k) {
      if (ids[k] != chosen && metrics[ids[k]].value != metrics[chosen].value) conflicts_[chosen].push_back(ids[k]);
    }
    i = j;
  }
}

const std::vector<MetricId>& MetricClaims::ConflictsOf(MetricId m) const {
  static const std::vector<MetricId> kNone;
  auto found = conflicts_.find(m);
  return found == conflicts_.end() ? kNone : found->second;
}

std::vector<MetricId> MetricClaims::ConflictedFacts() const {
  std::vector<MetricId> out;
  out.reserve(conflicts_.size());
  for (const auto& [m, others] : conflicts_) out.push_back(m);
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<MetricId> MetricClaims::Series(VertexId entity, StrId metric) const {
  const auto& metrics = graph_.Metrics();
  auto lower = std::lower_bound(order_.begin(), order_.end(), std::make_pair(entity, metric),
                                [&](MetricId m, const std::pair<VertexId, StrId>& k) {
                                  return std::tie(metrics[m].entity, metrics[m].metric) < std::tie(k.first, k.second);
                                });
  std::vector<MetricId> out;
  for (auto it = lower; it != order_.end() && metrics[*it].entity == entity && metrics[*it].metric == metric; ++it) {
    out.push_back(*it);
  }
  return out;
}

std::optional<MetricId> MetricClaims::Latest(VertexId entity, StrId metric, std::string_view basis) const {
  std::optional<MetricId> latest;
  for (MetricId m : Series(entity, metric)) {
    if (EqualsIgnoreCase(Trim(graph_.Text(graph_.Metrics()[m].basis)), Trim(basis))) latest = m;
  }
  return latest;
}

}  // namespace pg
