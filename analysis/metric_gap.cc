#include "analysis/metric_gap.h"

#include <algorithm>
#include <cmath>
#include <map>

#include <fmt/format.h>

#include "analysis/evidence.h"
#include "graph/text.h"
#include "graph/value_parser.h"

namespace pg {
namespace {

struct Observation {
  Date as_of;
  double gap = 0;  ///< a − b
  std::vector<MetricId> rows;
};

std::string Lower(const PartnershipGraph& graph, StrId id) { return ToLower(Trim(graph.Text(id))); }

// The node a stated gap row compares against: its `versus` (or `vs`) attribute.
VertexId Versus(const PartnershipGraph& graph, const Metric& metric) {
  for (const auto& [key, value] : graph.AttributeSet(metric.attributes)) {
    const std::string_view name = Trim(graph.Text(key));
    if (EqualsIgnoreCase(name, "versus") || EqualsIgnoreCase(name, "vs")) {
      return graph.FindNode(Trim(graph.Text(value))).value_or(kNoVertex);
    }
  }
  return kNoVertex;
}

std::string Number(double value) { return fmt::format("{:g}", std::round(value * 1000) / 1000); }

std::string WithUnit(const PartnershipGraph& graph, const Metric& metric, double value) {
  const std::string_view unit = graph.Text(metric.unit);
  if (EqualsIgnoreCase(unit, "usd")) return FormatUsd(value);
  return unit.empty() ? Number(value) : fmt::format("{} {}", Number(value), unit);
}

// Least-squares slope of y over x.
double Slope(const std::vector<std::pair<double, double>>& points) {
  double mx = 0, my = 0;
  for (const auto& [x, y] : points) { mx += x; my += y; }
  mx /= points.size();
  my /= points.size();
  double sxy = 0, sxx = 0;
  for (const auto& [x, y] : points) {
    sxy += (x - mx) * (y - my);
    sxx += (x - mx) * (x - mx);
  }
  return sxx > 0 ? sxy / sxx : 0;
}

struct PairContext {
  const GraphView& view;
  VertexId a, b;
  StrId metric;
};

void Base(Finding& finding, const PartnershipGraph& graph, VertexId leader, VertexId other, StrId metric,
          const std::string& basis) {
  finding.pass = "metric-gap";
  finding.subjects = {std::string(graph.NodeName(leader)), std::string(graph.NodeName(other))};
  finding.topic = basis.empty() ? std::string(graph.Text(metric)) : fmt::format("{} {}", graph.Text(metric), basis);
  finding.facts.emplace_back("metric", graph.Text(metric));
  if (!basis.empty()) finding.facts.emplace_back("basis", basis);
}

void AddRatioAndGap(Finding& finding, double leader_value, double other_value) {
  finding.figures.push_back({"leader_value", leader_value});
  finding.figures.push_back({"other_value", other_value});
  if (other_value > 0) finding.figures.push_back({"ratio", leader_value / other_value});
  finding.figures.push_back({"gap", leader_value - other_value});
}

std::string RatioText(double leader_value, double other_value) {
  return other_value > 0 ? fmt::format("{}×, ", Number(leader_value / other_value)) : "";
}

std::optional<Finding> Forecast(const PairContext& c, const std::vector<MetricId>& a_rows,
                                const std::vector<MetricId>& b_rows, const std::string& basis) {
  const PartnershipGraph& graph = c.view.Graph();
  const auto& metrics = graph.Metrics();
  if (a_rows.empty() || b_rows.empty()) return std::nullopt;
  MetricId ma = a_rows.back(), mb = b_rows.back();  // series are by as_of: the latest forecast
  if (metrics[ma].value < metrics[mb].value) std::swap(ma, mb);
  const Metric &lead = metrics[ma], &other = metrics[mb];
  Finding finding;
  Base(finding, graph, lead.entity, other.entity, c.metric, basis);
  AddRatioAndGap(finding, lead.value, other.value);
  finding.facts.emplace_back("leader_as_of", lead.as_of.ToString());
  finding.facts.emplace_back("other_as_of", other.as_of.ToString());
  finding.metrics = {ma, mb};
  auto when = [](const Metric& m) { return m.as_of.Known() ? " by " + m.as_of.ToString() : std::string(); };
  finding.message = fmt::format("{} ({}): {} {}{} vs {} {}{}: {}gap {}", graph.Text(c.metric), basis, finding.subjects[0],
                                WithUnit(graph, lead, lead.value), when(lead), finding.subjects[1],
                                WithUnit(graph, other, other.value), when(other), RatioText(lead.value, other.value),
                                WithUnit(graph, lead, lead.value - other.value));
  return finding;
}

std::optional<Finding> Actual(const PairContext& c, const std::vector<MetricId>& a_rows,
                              const std::vector<MetricId>& b_rows, const std::vector<MetricId>& stated,
                              const std::string& basis) {
  const PartnershipGraph& graph = c.view.Graph();
  const auto& metrics = graph.Metrics();
  std::map<Date, Observation> observations;
  std::map<Date, std::pair<MetricId, MetricId>> values;
  for (MetricId ma : a_rows) {
    for (MetricId mb : b_rows) {
      if (metrics[ma].as_of != metrics[mb].as_of) continue;
      Observation& o = observations[metrics[ma].as_of];
      o.as_of = metrics[ma].as_of;
      o.gap = metrics[ma].value - metrics[mb].value;
      o.rows = {ma, mb};
      values[o.as_of] = {ma, mb};
    }
  }
  for (MetricId m : stated) {
    const Metric& metric = metrics[m];
    const double gap = metric.entity == c.a ? metric.value : -metric.value;
    auto found = observations.find(metric.as_of);
    if (found == observations.end()) {
      observations[metric.as_of] = Observation{metric.as_of, gap, {m}};
    } else if (std::abs(found->second.gap - gap) < 1e-9 * std::max(1.0, std::abs(gap))) {
      found->second.rows.push_back(m);  // corroborates the computed gap
    }
  }
  if (observations.empty() || values.empty()) return std::nullopt;
  const auto& [latest_date, latest_values] = *values.rbegin();
  const Observation& latest = observations.rbegin()->second;
  const bool a_leads = latest.gap >= 0;
  const double sign = a_leads ? 1.0 : -1.0;
  const Metric& a_value = metrics[latest_values.first];
  const Metric& b_value = metrics[latest_values.second];
  const Metric& lead = a_leads ? a_value : b_value;
  const Metric& other = a_leads ? b_value : a_value;

  Finding finding;
  Base(finding, graph, lead.entity, other.entity, c.metric, basis);
  AddRatioAndGap(finding, lead.value, other.value);
  finding.facts.emplace_back("as_of", latest_date.ToString());
  for (const auto& [date, o] : observations) finding.metrics.insert(finding.metrics.end(), o.rows.begin(), o.rows.end());
  std::string message = fmt::format("{} ({}{}): {} {} vs {} {}: {}gap {}", graph.Text(c.metric), basis.empty() ? "" : basis + ", ",
                                    latest_date.ToString(), finding.subjects[0], WithUnit(graph, lead, lead.value),
                                    finding.subjects[1], WithUnit(graph, other, other.value),
                                    RatioText(lead.value, other.value), WithUnit(graph, lead, lead.value - other.value));
  if (observations.size() >= 2 && latest_date == latest.as_of) {
    std::vector<std::pair<double, double>> points;
    for (const auto& [date, o] : observations) points.emplace_back(date.MonthIndex(), sign * o.gap);
    const double slope = Slope(points);
    const Observation& first = observations.begin()->second;
    const double months = latest.as_of.MonthIndex() - first.as_of.MonthIndex();
    finding.figures.push_back({"first_gap", sign * first.gap});
    finding.facts.emplace_back("first_as_of", first.as_of.ToString());
    finding.figures.push_back({"trend_per_month", slope});
    message += fmt::format("; gap {} → {} from {} to {} ({} months, {:+g} per month)", Number(sign * first.gap),
                           Number(sign * latest.gap), first.as_of.ToString(), latest.as_of.ToString(), Number(months),
                           std::round(slope * 1000) / 1000);
    const double gap = sign * latest.gap;
    if (slope < 0 && gap > 0) {
      const double crossover = gap / -slope;
      const Date when = DateAtMonthIndex(latest.as_of.MonthIndex() + crossover);
      finding.figures.push_back({"crossover_months", crossover});
      finding.facts.emplace_back("crossover_date", when.ToString());
      finding.severity = FindingSeverity::kWarning;
      message += fmt::format(": at that pace {} overtakes {} in about {} months ({})", finding.subjects[1],
                             finding.subjects[0], fmt::format("{:.1f}", crossover), when.ToString());
    } else {
      message += slope > 0 ? ": widening" : ": not closing";
    }
  }
  finding.message = std::move(message);
  return finding;
}

}  // namespace

Date DateAtMonthIndex(double month_index) {
  const long whole = static_cast<long>(std::floor(month_index));
  return Date::FromParts(static_cast<int>(whole / 12), static_cast<int>(whole % 12) + 1);
}

Findings RunMetricGap(const GraphView& view, const PassOptions& options) {
  const PartnershipGraph& graph = view.Graph();
  const auto& metrics = graph.Metrics();
  // metric name -> entity -> basis -> counted rows by as_of; stated gaps apart.
  std::map<StrId, std::map<VertexId, std::map<std::string, std::vector<MetricId>>>> table;
  std::map<StrId, std::vector<MetricId>> stated_gaps;
  for (MetricId m : view.Metrics().CountedInOrder()) {
    const Metric& metric = metrics[m];
    const std::string basis = Lower(graph, metric.basis);
    if (basis == "gap") {
      if (Versus(graph, metric) != kNoVertex) stated_gaps[metric.metric].push_back(m);
      continue;
    }
    table[metric.metric][metric.entity][basis].push_back(m);
  }
  Findings findings;
  for (const auto& [name, by_entity] : table) {
    if (by_entity.size() < 2) continue;
    for (auto i = by_entity.begin(); i != by_entity.end(); ++i) {
      for (auto j = std::next(i); j != by_entity.end(); ++j) {
        const VertexId a = i->first, b = j->first;
        if (a == b || !view.Rivals().AreRivals(a, b)) continue;
        const PairContext context{view, a, b, name};
        std::vector<MetricId> stated;
        for (MetricId m : stated_gaps[name]) {
          const VertexId entity = metrics[m].entity, versus = Versus(graph, metrics[m]);
          if ((entity == a && versus == b) || (entity == b && versus == a)) stated.push_back(m);
        }
        for (const auto& [basis, a_rows] : i->second) {
          auto other = j->second.find(basis);
          if (other == j->second.end()) continue;
          std::optional<Finding> finding =
              IsForecastBasis(basis) ? Forecast(context, a_rows, other->second, basis)
                                     : Actual(context, a_rows, other->second, stated, basis);
          if (finding) findings.push_back(std::move(*finding));
        }
      }
    }
  }
  return findings;
}

}  // namespace pg
