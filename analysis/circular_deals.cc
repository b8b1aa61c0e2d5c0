#include "analysis/circular_deals.h"

#include <algorithm>
#include <climits>
#include <tuple>

#include <fmt/format.h>

#include "analysis/evidence.h"
#include "graph/display_name.h"
#include "graph/value_parser.h"

namespace pg {
namespace {

/// One counted edge between two groups: `from` and `to` are ultimate parents (for supply ties,
/// `from` is the supplier and `to` the customer whatever the edge's own direction).
struct Tie {
  VertexId from;
  VertexId to;
  EdgeId edge;
};

/// Stable counting sort of ties by one end (`key` is &Tie::from or &Tie::to), O(ties + nodes).
void CountingSort(std::vector<Tie>* ties, VertexId Tie::*key, std::size_t nodes) {
  std::vector<std::uint32_t> start(nodes + 1, 0);
  for (const Tie& tie : *ties) ++start[tie.*key + 1];
  for (std::size_t v = 0; v < nodes; ++v) start[v + 1] += start[v];
  std::vector<Tie> sorted(ties->size());
  for (const Tie& tie : *ties) sorted[start[tie.*key]++] = tie;
  ties->swap(sorted);
}

/// Ties made in edge order, sorted by (first, second, edge): two stable passes, least key first.
void SortBy(std::vector<Tie>* ties, VertexId Tie::*first, VertexId Tie::*second, std::size_t nodes) {
  CountingSort(ties, second, nodes);
  CountingSort(ties, first, nodes);
}

std::string QualifiedUsd(double amount, AmountQualifier qualifier) {
  switch (qualifier) {
    case AmountQualifier::kUpTo: return fmt::format("up to {}", FormatUsd(amount));
    case AmountQualifier::kApprox: return fmt::format("~{}", FormatUsd(amount));
    case AmountQualifier::kAtLeast: return fmt::format("{}+", FormatUsd(amount));
    case AmountQualifier::kExact: break;
  }
  return FormatUsd(amount);
}

std::string_view StatusName(DealStatus status) {
  switch (status) {
    case DealStatus::kAnnounced: return "announced";
    case DealStatus::kSigned: return "signed";
    case DealStatus::kClosed: return "closed";
    case DealStatus::kPaid: return "paid";
    case DealStatus::kDeployed: return "deployed";
    case DealStatus::kUnknown: break;
  }
  return "";
}

/// From this much money out a loop is a warning (as dual-backing's findings are); critical
/// stays for broken inputs (a closed ownership cycle), so --fail-on critical keeps its meaning.
constexpr double kWarningUsd = 1e9;

double SumKnown(double a, double b) { return Known(a) ? (Known(b) ? a + b : a) : b; }

/// The period some leg of one side is active: from the earliest start to the latest end, open
/// where a leg has no date.
struct Period {
  std::int32_t first = INT_MIN, last = INT_MAX;  ///< packed days; INT_MIN/INT_MAX: open
  Date start, end;                               ///< as written, for messages
};

Period Hull(const PartnershipGraph& graph, std::span<const EdgeId> legs) {
  Period hull{INT_MAX, INT_MIN, {}, {}};
  for (EdgeId e : legs) {
    const Edge& edge = graph.GetEdge(e);
    const std::int32_t first = edge.start.Known() ? edge.start.FirstDay().Packed() : INT_MIN;
    const std::int32_t last = edge.end.Known() ? edge.end.LastDay().Packed() : INT_MAX;
    if (first < hull.first) hull.first = first, hull.start = edge.start;
    if (last > hull.last) hull.last = last, hull.end = edge.end;
  }
  return hull;
}

/// "undated", "from 2027", "until 2025-12", "2026-02 to 2027", or "never (...)".
std::string Together(const PartnershipGraph& graph, std::span<const EdgeId> out, std::span<const EdgeId> back,
                     bool* overlap) {
  const Period a = Hull(graph, out), b = Hull(graph, back);
  const Period& from = a.first >= b.first ? a : b;
  const Period& until = a.last <= b.last ? a : b;
  *overlap = from.first <= until.last;
  if (!*overlap) {
    const Period& earlier = a.last < b.first ? a : b;
    const Period& later = a.last < b.first ? b : a;
    return fmt::format("never (money {} ended {}, money {} began {})", &earlier == &a ? "out" : "back",
                       earlier.end.ToString(), &later == &a ? "out" : "back", later.start.ToString());
  }
  const bool open_start = from.first == INT_MIN, open_end = until.last == INT_MAX;
  if (open_start && open_end) return "undated";
  if (open_end) return "from " + from.start.ToString();
  if (open_start) return "until " + until.end.ToString();
  return fmt::format("{} to {}", from.start.ToString(), until.end.ToString());
}

/// A finding being assembled: its legs by role.
struct Loop {
  VertexId investor, investee, holding = kNoVertex;  ///< holding: the third party C, if any
  std::vector<EdgeId> out, back, bought, held;
};

class CircularDeals {
 public:
  explicit CircularDeals(const GraphView& view) : view_(view), graph_(view.Graph()) {}

  Findings Run() {
    Collect();
    std::vector<Loop> loops = TwoPartyLoops();
    ThreePartyLoops(&loops);
    Findings findings;
    findings.reserve(loops.size());
    for (const Loop& loop : loops) findings.push_back(Describe(loop));
    std::stable_sort(findings.begin(), findings.end(), [](const Finding& a, const Finding& b) {
      const double sa = a.FigureValue("size_usd").value_or(-1), sb = b.FigureValue("size_usd").value_or(-1);
      return sa != sb ? sa > sb : a.subjects < b.subjects;
    });
    return findings;
  }

 private:
  // One pass over the edges, reading a record only for the counted edges of the four types.
  void Collect() {
    for (EdgeId e = 0; e < graph_.EdgeCount(); ++e) {
      const bool invests = view_.CountedAs(e, EdgeType::kInvests), owns = view_.CountedAs(e, EdgeType::kOwns);
      const bool compute = view_.CountedAs(e, EdgeType::kSuppliesCompute);
      const bool distributes = view_.CountedAs(e, EdgeType::kDistributes);
      if (!invests && !owns && !compute && !distributes) continue;
      const Edge& edge = graph_.GetEdge(e);
      const VertexId from = view_.Ultimate(edge.from), to = view_.Ultimate(edge.to);
      if (from == to) continue;  // within a group, or a controlling stake
      if (invests) investments_.push_back({from, to, e});
      if (invests || owns) equity_.push_back({from, to, e});
      if (compute) supply_.push_back({from, to, e});
      if (distributes) supply_.push_back({to, from, e});  // the channel is the supplier's customer
    }
    const std::size_t n = graph_.NodeCount();
    SortBy(&investments_, &Tie::from, &Tie::to, n);
    SortBy(&equity_, &Tie::to, &Tie::from, n);
    supply_by_customer_ = supply_;  // in edge order still
    SortBy(&supply_, &Tie::from, &Tie::to, n);
    SortBy(&supply_by_customer_, &Tie::to, &Tie::from, n);
  }

  // The edges of the ties from `from` to `to` in a list sorted by (from, to).
  static std::vector<EdgeId> Between(const std::vector<Tie>& sorted, VertexId from, VertexId to) {
    auto range = std::equal_range(sorted.begin(), sorted.end(), Tie{from, to, 0}, [](const Tie& a, const Tie& b) {
      return std::tie(a.from, a.to) < std::tie(b.from, b.to);
    });
    std::vector<EdgeId> edges;
    for (auto it = range.first; it != range.second; ++it) edges.push_back(it->edge);
    return edges;
  }

  // For each investor/investee pair, the supply ties between them either way.
  std::vector<Loop> TwoPartyLoops() const {
    std::vector<Loop> loops;
    for (std::size_t i = 0; i < investments_.size();) {
      Loop loop{investments_[i].from, investments_[i].to};
      for (; i < investments_.size() && investments_[i].from == loop.investor && investments_[i].to == loop.investee;
           ++i) {
        loop.out.push_back(investments_[i].edge);
      }
      loop.back = Between(supply_, loop.investor, loop.investee);
      loop.bought = Between(supply_, loop.investee, loop.investor);
      if (!loop.back.empty() || !loop.bought.empty()) loops.push_back(std::move(loop));
    }
    return loops;
  }

  // Per investee B: its investors stamped, then each supplier C of B and C's holders H; a
  // stamped H makes (H, B, C). Work: every supplier's customers times its holders.
  void ThreePartyLoops(std::vector<Loop>* loops) const {
    std::vector<VertexId> stamp(graph_.NodeCount(), kNoVertex);
    std::vector<Tie> by_investee = investments_;
    CountingSort(&by_investee, &Tie::to, graph_.NodeCount());  // stable: by (to, from)
    std::vector<std::tuple<VertexId, VertexId, VertexId>> found;  // investor, investee, holding
    for (std::size_t i = 0; i < by_investee.size();) {
      const VertexId investee = by_investee[i].to;
      for (; i < by_investee.size() && by_investee[i].to == investee; ++i) stamp[by_investee[i].from] = investee;
      auto suppliers = std::equal_range(supply_by_customer_.begin(), supply_by_customer_.end(), Tie{0, investee, 0},
                                        [](const Tie& a, const Tie& b) { return a.to < b.to; });
      VertexId last_supplier = kNoVertex;
      for (auto s = suppliers.first; s != suppliers.second; ++s) {
        if (s->from == last_supplier) continue;
        last_supplier = s->from;
        auto holders = std::equal_range(equity_.begin(), equity_.end(), Tie{0, s->from, 0},
                                        [](const Tie& a, const Tie& b) { return a.to < b.to; });
        for (auto h = holders.first; h != holders.second; ++h) {
          if (stamp[h->from] != investee || h->from == investee) continue;
          if (found.empty() || found.back() != std::tuple(h->from, investee, s->from)) {
            found.emplace_back(h->from, investee, s->from);
          }
        }
      }
    }
    for (const auto& [investor, investee, holding] : found) {
      Loop loop{investor, investee, holding};
      loop.out = Between(investments_, investor, investee);
      loop.back = Between(supply_, holding, investee);
      loop.held = Held(investor, holding);
      loops->push_back(std::move(loop));
    }
  }

  // The equity edges from `holder` into `held` (equity_ is sorted by (to, from)).
  std::vector<EdgeId> Held(VertexId holder, VertexId held) const {
    auto range = std::equal_range(equity_.begin(), equity_.end(), Tie{holder, held, 0}, [](const Tie& a, const Tie& b) {
      return std::tie(a.to, a.from) < std::tie(b.to, b.from);
    });
    std::vector<EdgeId> edges;
    for (auto it = range.first; it != range.second; ++it) edges.push_back(it->edge);
    return edges;
  }

  Finding Describe(const Loop& loop) const;
  std::string Legs(std::span<const EdgeId> legs) const;

  const GraphView& view_;
  const PartnershipGraph& graph_;
  std::vector<Tie> investments_;         ///< investor group -> investee group, by (from, to)
  std::vector<Tie> supply_;              ///< supplier group -> customer group, by (from, to)
  std::vector<Tie> supply_by_customer_;  ///< the same, by (to, from)
  std::vector<Tie> equity_;              ///< holder group -> held group, by (to, from)
};

// "Amazon -invests-> Anthropic up to $8B, from 2026-02 (announced)"; "Fund -owns-> Neo 20% stake";
// "(no amount)" when neither an amount nor a stake is known.
std::string CircularDeals::Legs(std::span<const EdgeId> legs) const {
  constexpr std::size_t kShown = 5;
  std::string text;
  for (std::size_t k = 0; k < legs.size() && k < kShown; ++k) {
    const Edge& edge = graph_.GetEdge(legs[k]);
    const EdgeDetails& details = graph_.Details(edge);
    if (!text.empty()) text += ", ";
    text += fmt::format("{} -{}-> {}", DisplayName(graph_, edge.from), EdgeTypeName(edge.type),
                        DisplayName(graph_, edge.to));
    if (Known(edge.amount_usd)) {
      text += fmt::format(" {}", QualifiedUsd(edge.amount_usd, details.qualifier));
    } else if (!Known(details.stake_pct)) {
      text += " (no amount)";
    }
    if (Known(details.stake_pct)) text += fmt::format(" {} stake", FormatPercent(details.stake_pct));
    if (Known(details.capacity_gw)) text += fmt::format(" {:g} GW", details.capacity_gw);
    if (edge.start.Known()) text += ", from " + edge.start.ToString();
    if (edge.end.Known()) text += ", until " + edge.end.ToString();
    if (details.status != DealStatus::kUnknown) text += fmt::format(" ({})", StatusName(details.status));
  }
  if (legs.size() > kShown) text += fmt::format(", +{} more", legs.size() - kShown);
  return text;
}

Finding CircularDeals::Describe(const Loop& loop) const {
  auto sum = [&](std::span<const EdgeId> legs, bool capacity) {
    double total = kMissing;
    for (EdgeId e : legs) {
      const Edge& edge = graph_.GetEdge(e);
      total = SumKnown(total, capacity ? graph_.Details(edge).capacity_gw : edge.amount_usd);
    }
    return total;
  };
  Finding finding;
  finding.pass = "circular-deals";
  finding.subjects = {std::string(graph_.NodeName(loop.investor)), std::string(graph_.NodeName(loop.investee))};
  if (loop.holding != kNoVertex) finding.subjects.emplace_back(graph_.NodeName(loop.holding));
  const double out = sum(loop.out, false);
  auto figure = [&](const char* name, double value) {
    if (Known(value)) finding.figures.push_back({name, value});
  };
  figure("size_usd", out);
  figure("invested_usd", out);
  figure("back_usd", sum(loop.back, false));
  figure("back_gw", sum(loop.back, true));
  figure("bought_usd", sum(loop.bought, false));
  figure("bought_gw", sum(loop.bought, true));
  figure("held_usd", sum(loop.held, false));

  // For people: labels, not ids.
  const std::string investor = DisplayName(graph_, loop.investor), investee = DisplayName(graph_, loop.investee);
  const std::string holding = loop.holding != kNoVertex ? DisplayName(graph_, loop.holding) : std::string();
  std::string kind;
  if (loop.holding != kNoVertex) {
    kind = fmt::format("funds a customer of its holding {}", holding);
  } else if (!loop.back.empty() && !loop.bought.empty()) {
    kind = "funds its customer and its supplier";
  } else {
    kind = loop.back.empty() ? "invests in its supplier" : "funds its customer";
  }
  std::vector<EdgeId> returned = loop.back;
  returned.insert(returned.end(), loop.bought.begin(), loop.bought.end());
  bool overlap = true;
  const std::string together = Together(graph_, loop.out, returned, &overlap);
  finding.facts = {{"kind", kind}, {"together", together}};
  if (view_.Options().as_of.Known() && overlap) finding.facts.push_back({"current", view_.Options().as_of.ToString()});

  finding.severity = overlap && Known(out) && out >= kWarningUsd ? FindingSeverity::kWarning : FindingSeverity::kInfo;
  for (const auto* legs : {&loop.out, &loop.back, &loop.bought, &loop.held}) {
    finding.related.insert(finding.related.end(), legs->begin(), legs->end());
  }
  NoteConflicts(view_, finding.related).AppendTo(&finding);

  std::string message = loop.holding != kNoVertex
                            ? fmt::format("{} → {} → {} → {}", investor, investee, holding, investor)
                            : fmt::format("{} ↔ {}", investor, investee);
  message += fmt::format(": {} {}; out {}", investor, kind, Legs(loop.out));
  if (!loop.back.empty()) message += "; back " + Legs(loop.back);
  if (!loop.bought.empty()) message += "; bought " + Legs(loop.bought);
  if (!loop.held.empty()) message += "; held " + Legs(loop.held);
  message += "; together " + together;
  if (view_.Options().as_of.Known() && overlap) message += ", current as of " + view_.Options().as_of.ToString();
  finding.message = std::move(message);
  return finding;
}

}  // namespace

Findings RunCircularDeals(const GraphView& view, const PassOptions&) { return CircularDeals(view).Run(); }

}  // namespace pg
