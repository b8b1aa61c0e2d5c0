#include "analysis/dual_backing.h"

#include <algorithm>

#include <fmt/format.h>

#include "analysis/evidence.h"
#include "graph/display_name.h"
#include "graph/value_parser.h"
#include "graph/counted_edges.h"

namespace pg {
namespace {

struct Investment {
  VertexId investee;
  EdgeId edge;
};

double SumKnown(double a, double b) { return Known(a) ? (Known(b) ? a + b : a) : b; }

constexpr std::size_t kNamesPerMarket = 5;

double PartAmount(const FindingPart& part) {
  for (const Figure& figure : part.figures) {
    if (figure.name == "amount_usd") return figure.value;
  }
  return kMissing;
}

/// Rivals of one finding that share a market (or a competes edge: the group "competes").
struct MarketGroup {
  std::string name;
  std::vector<std::size_t> members;  ///< indexes into the finding's rivals, ascending
  double total = kMissing;
};

// The pass walks the CSR adjacency in vertex order and tests edges through the view's compact
// kinds, so the edge records are read only for the investments that end up in a finding.
class DualBacking {
 public:
  DualBacking(const GraphView& view, const PassOptions& options)
      : view_(view),
        graph_(view.Graph()),
        options_(options),
        seen_(graph_.NodeCount(), kNoVertex),
        is_rival_(graph_.NodeCount(), false),
        rivals_(view.Rivals()),
        finder_(view.Rivals()) {
    GroupControlled();
  }

  Findings Run() {
    std::vector<std::pair<VertexId, std::vector<VertexId>>> found;  // investor, rivals backed
    for (VertexId investor = 0; investor < graph_.NodeCount(); ++investor) {
      if (view_.Ultimate(investor) != investor) continue;  // its investments count for its owner
      CollectInvestees(investor);
      if (investees_.size() < 2) continue;
      std::vector<VertexId> rivals = finder_.MembersWithRival(investees_);
      if (rivals.size() < 2) continue;
      found.emplace_back(investor, std::move(rivals));
    }
    ComputeFunding(found);
    Findings findings;
    findings.reserve(found.size());
    for (const auto& [investor, rivals] : found) findings.push_back(Describe(investor, rivals));
    std::stable_sort(findings.begin(), findings.end(), [](const Finding& a, const Finding& b) {
      const double ta = a.FigureValue("total_usd").value_or(-1), tb = b.FigureValue("total_usd").value_or(-1);
      return ta != tb ? ta > tb : a.subjects.front() < b.subjects.front();
    });
    return findings;
  }

 private:
  // Vertices rolled up into another, grouped by their ultimate parent (counting sort).
  void GroupControlled() {
    const std::size_t n = graph_.NodeCount();
    for (VertexId v = 0; v < n && !any_controlled_; ++v) any_controlled_ = view_.Ultimate(v) != v;
    if (!any_controlled_) return;
    controlled_offsets_.assign(n + 1, 0);
    for (VertexId v = 0; v < n; ++v) {
      if (view_.Ultimate(v) != v) ++controlled_offsets_[view_.Ultimate(v) + 1];
    }
    for (std::size_t v = 0; v < n; ++v) controlled_offsets_[v + 1] += controlled_offsets_[v];
    controlled_.resize(controlled_offsets_.back());
    std::vector<std::uint32_t> fill(controlled_offsets_.begin(), controlled_offsets_.end() - 1);
    for (VertexId v = 0; v < n; ++v) {
      if (view_.Ultimate(v) != v) controlled_[fill[view_.Ultimate(v)]++] = v;
    }
  }

  // Calls fn(investee, edge) for each counted investment of `investor` (rolled up) that the pass
  // includes: not into itself, the investor or something the investor controls.
  template <typename Fn> void ForInvestments(VertexId investor, Fn&& fn) const {
    auto from = [&](VertexId source) {
      ForCountedOut(view_, source, EdgeType::kInvests, [&](VertexId to, EdgeId e) {
        if (to == source || to == investor) return;
        if ((any_controlled_ && view_.Ultimate(to) == investor) || !AboveMinimum(e)) return;
        fn(to, e);
      });
    };
    from(investor);
    if (!any_controlled_) return;
    for (std::uint32_t k = controlled_offsets_[investor]; k < controlled_offsets_[investor + 1]; ++k) {
      from(controlled_[k]);
    }
  }

  bool AboveMinimum(EdgeId e) const {
    return !options_.BelowMinAmount(graph_.GetEdge(e));
  }

  // Only investees that may have a rival at all: the others can be nobody's rival, so leaving
  // them out changes no answer and spares RivalFinder most of its lookups.
  void CollectInvestees(VertexId investor) {
    investees_.clear();
    ForInvestments(investor, [&](VertexId to, EdgeId) {
      if (!rivals_.MayHaveRival(to) || seen_[to] == investor) return;
      seen_[to] = investor;
      investees_.push_back(to);
    });
  }

  // Each backed rival's known funding (every included investment into it): the denominator
  // of share_of_funding. All rivals at once, their edges read in ascending id order, so each
  // sum adds up in input order (as a scan of the edges would) and the reads stay near-sequential.
  void ComputeFunding(const std::vector<std::pair<VertexId, std::vector<VertexId>>>& found) {
    // seen_ is done with: it now maps each wanted rival to its slot in funding_known_.
    // The edges are marked in a bitmap over edge ids (128 KB for a million edges) and read
    // back in id order: sorted without a sort, and the reads ascend through the edge records.
    std::vector<bool> wanted(graph_.NodeCount(), false);
    std::vector<std::uint64_t> marked((graph_.EdgeCount() + 63) / 64, 0);
    for (const auto& [investor, rivals] : found) {
      for (VertexId company : rivals) {
        if (wanted[company]) continue;
        wanted[company] = true;
        seen_[company] = static_cast<VertexId>(funding_known_.size());
        funding_known_.push_back(kMissing);
        ForCountedIn(view_, company, EdgeType::kInvests, [&](VertexId from, EdgeId e) {
          const VertexId backer = any_controlled_ ? view_.Ultimate(from) : from;
          if (from == company || backer == company) return;
          if ((any_controlled_ && view_.Ultimate(company) == backer) || !AboveMinimum(e)) return;
          marked[e / 64] |= std::uint64_t{1} << (e % 64);
        });
      }
    }
    // Gapped ascending ids defeat the hardware prefetcher: prefetch a few edges ahead by hand.
    constexpr int kAhead = 16;
    const auto& edges = graph_.Edges();
    EdgeId ring[kAhead];  // prefetched, not yet added; FIFO so sums keep id order
    int head = 0, queued = 0;
    auto add = [&](EdgeId e) {
      const Edge& edge = edges[e];
      double& sum = funding_known_[seen_[edge.to]];
      sum = SumKnown(sum, edge.amount_usd);
    };
    for (std::size_t word = 0; word < marked.size(); ++word) {
      for (std::uint64_t bits = marked[word]; bits != 0; bits &= bits - 1) {
        const EdgeId e = static_cast<EdgeId>(word * 64 + static_cast<std::size_t>(__builtin_ctzll(bits)));
        __builtin_prefetch(&edges[e]);
        if (queued < kAhead) {
          ring[(head + queued++) % kAhead] = e;
          continue;
        }
        add(ring[head]);
        ring[head] = e;
        head = (head + 1) % kAhead;
      }
    }
    for (int k = 0; k < queued; ++k) add(ring[(head + k) % kAhead]);
  }

  Finding Describe(VertexId investor, const std::vector<VertexId>& rivals) {
    for (VertexId rival : rivals) is_rival_[rival] = true;
    std::vector<Investment> backing;
    ForInvestments(investor, [&](VertexId to, EdgeId e) {
      if (is_rival_[to]) backing.push_back({to, e});
    });
    for (VertexId rival : rivals) is_rival_[rival] = false;
    std::sort(backing.begin(), backing.end(), [](const Investment& a, const Investment& b) {
      return a.investee != b.investee ? a.investee < b.investee : a.edge < b.edge;
    });

    // Names and amounts first, in tight loops whose iterations do not depend on each other, so
    // the CPU overlaps their cache misses (node record, then name; edge record); the loop below
    // allocates and formats, and would otherwise wait on each miss in turn.
    std::vector<std::string_view> ids(rivals.size());
    for (std::size_t k = 0; k < rivals.size(); ++k) ids[k] = graph_.NodeName(rivals[k]);
    std::vector<double> amounts(backing.size());
    for (std::size_t k = 0; k < backing.size(); ++k) amounts[k] = graph_.GetEdge(backing[k].edge).amount_usd;

    Finding finding;
    finding.pass = "dual-backing";
    finding.severity = FindingSeverity::kWarning;
    finding.subjects.reserve(rivals.size() + 1);
    finding.subjects.emplace_back(graph_.NodeName(investor));
    finding.parts.reserve(rivals.size());
    finding.related.reserve(backing.size());
    double total = kMissing;
    std::string described;
    std::vector<std::string> names;  // for people: labels
    names.reserve(rivals.size());
    std::size_t next = 0;
    for (std::size_t r = 0; r < rivals.size(); ++r) {
      const VertexId rival = rivals[r];
      FindingPart part;
      part.node = ids[r];
      double amount = kMissing;
      for (; next < backing.size() && backing[next].investee == rival; ++next) {
        amount = SumKnown(amount, amounts[next]);
        part.edges.push_back(backing[next].edge);
        finding.related.push_back(backing[next].edge);
      }
      if (Known(amount)) {
        part.figures.push_back({"amount_usd", amount});
        const double funding = funding_known_[seen_[rival]];
        if (funding > 0) part.figures.push_back({"share_of_funding", amount / funding});
      }
      total = SumKnown(total, amount);
      if (!described.empty()) described += ", ";
      names.push_back(DisplayName(graph_, rival));
      described += names.back();
      if (Known(amount)) fmt::format_to(std::back_inserter(described), " ({})", FormatUsd(amount));
      finding.subjects.push_back(part.node);
      finding.parts.push_back(std::move(part));
    }
    if (Known(total)) finding.figures.push_back({"total_usd", total});
    finding.figures.push_back({"rivals", static_cast<double>(rivals.size())});
    const std::vector<MarketGroup> markets = GroupByMarket(rivals, finding.parts);
    finding.figures.push_back({"markets", static_cast<double>(markets.size())});
    std::vector<std::string_view> market_names;
    for (const MarketGroup& market : markets) market_names.push_back(market.name);
    if (!markets.empty()) finding.facts.emplace_back("markets", fmt::format("{}", fmt::join(market_names, ", ")));
    for (const MarketGroup& market : markets) {
      if (markets.size() > 1 && Known(market.total)) {
        finding.figures.push_back({"market." + market.name + ".total_usd", market.total});
      }
    }
    // How firm the total is: ceilings ("up to") and deals only announced or signed.
    const AmountSum sum = SumAmounts(graph_, finding.related);
    if (sum.ceiling_usd > 0) finding.figures.push_back({"ceiling_usd", sum.ceiling_usd});
    if (sum.unclosed_usd > 0) finding.figures.push_back({"unclosed_usd", sum.unclosed_usd});
    const std::string firmness = DescribeFirmness(sum);
    NoteConflicts(view_, finding.related).AppendTo(&finding);
    for (std::string& note : OwnedRivals(investor, rivals)) finding.notes.push_back(std::move(note));
    const std::string in_total = (Known(total) ? fmt::format("; {} in total", FormatUsd(total)) : "") +
                                 (firmness.empty() ? "" : fmt::format(" ({})", firmness));
    if (markets.size() <= 1) {
      finding.message = fmt::format("{} backs {} rivals: {}{}", DisplayName(graph_, investor), rivals.size(), described,
                                    in_total);
    } else {
      finding.message = fmt::format("{} backs rivals in {} markets: {}{}", DisplayName(graph_, investor),
                                    markets.size(), DescribeMarkets(markets, names), in_total);
    }
    return finding;
  }

  // The finding's rivals by market: a market holding two or more of them is a group, and so are
  // rivals tied by competes edges; largest total first, then by name. A rival in two markets is
  // in both groups (the finding's total counts it once).
  std::vector<MarketGroup> GroupByMarket(const std::vector<VertexId>& rivals, const std::vector<FindingPart>& parts) const {
    std::vector<MarketGroup> groups;
    std::vector<std::pair<StrId, std::size_t>> by_market;
    for (std::size_t k = 0; k < rivals.size(); ++k) {
      for (StrId market : graph_.Markets(graph_.GetNode(rivals[k]))) by_market.emplace_back(market, k);
    }
    std::sort(by_market.begin(), by_market.end());
    for (std::size_t i = 0; i < by_market.size();) {
      std::size_t j = i;
      MarketGroup group{std::string(graph_.Text(by_market[i].first)), {}, kMissing};
      for (; j < by_market.size() && by_market[j].first == by_market[i].first; ++j) group.members.push_back(by_market[j].second);
      if (group.members.size() >= 2) groups.push_back(std::move(group));
      i = j;
    }
    MarketGroup competes{"competes", {}, kMissing};
    for (std::size_t k = 0; k < rivals.size(); ++k) {
      for (VertexId other : rivals_.CompetesWith(rivals[k])) {
        // A pair that also shares a market is already in that market's group.
        if (other != kNoVertex && std::binary_search(rivals.begin(), rivals.end(), other) &&
            !ShareMarket(rivals[k], other)) {
          competes.members.push_back(k);
          break;
        }
      }
    }
    if (competes.members.size() >= 2) groups.push_back(std::move(competes));
    for (MarketGroup& group : groups) {
      for (std::size_t k : group.members) {
        group.total = SumKnown(group.total, PartAmount(parts[k]));
      }
    }
    std::stable_sort(groups.begin(), groups.end(), [](const MarketGroup& a, const MarketGroup& b) {
      const double ta = Known(a.total) ? a.total : -1, tb = Known(b.total) ? b.total : -1;
      return ta != tb ? ta > tb : a.name < b.name;
    });
    return groups;
  }

  bool ShareMarket(VertexId a, VertexId b) const {
    const auto theirs = graph_.Markets(graph_.GetNode(b));
    for (StrId market : graph_.Markets(graph_.GetNode(a))) {
      if (std::find(theirs.begin(), theirs.end(), market) != theirs.end()) return true;
    }
    return false;
  }

  // "frontier-models (OpenAI $50B, Anthropic $8B: $58B), ai-search (OpenAI, Perplexity and 2 more)".
  static std::string DescribeMarkets(const std::vector<MarketGroup>& markets, const std::vector<std::string>& rivals) {
    std::vector<std::string> described;
    for (const MarketGroup& market : markets) {
      std::vector<std::string> names;
      for (std::size_t k : market.members) {
        if (names.size() == kNamesPerMarket) break;
        names.push_back(rivals[k]);
      }
      const std::size_t more = market.members.size() - names.size();
      described.push_back(fmt::format("{} ({}{}{})", market.name, fmt::join(names, ", "),
                                      more ? fmt::format(" and {} more", more) : std::string(),
                                      Known(market.total) ? ": " + FormatUsd(market.total) : std::string()));
    }
    return fmt::format("{}", fmt::join(described, ", "));
  }

  // An investor whose own group holds a rival of a backed company: said, not counted as backing
  // (its money in its own subsidiary is ownership, and ForInvestments leaves it out).
  std::vector<std::string> OwnedRivals(VertexId investor, const std::vector<VertexId>& rivals) const {
    std::vector<std::string> notes;
    if (!any_controlled_) return notes;
    for (std::uint32_t k = controlled_offsets_[investor]; k < controlled_offsets_[investor + 1]; ++k) {
      const VertexId owned = controlled_[k];
      std::vector<std::string> of;
      for (VertexId rival : rivals) {
        if (rivals_.AreRivals(owned, rival)) of.push_back(DisplayName(graph_, rival));
      }
      if (of.empty()) continue;
      notes.push_back(fmt::format("{} owns {}, a rival of {}: ownership, not counted as backing",
                                  DisplayName(graph_, investor), DisplayName(graph_, owned), fmt::join(of, ", ")));
    }
    return notes;
  }

  const GraphView& view_;
  const PartnershipGraph& graph_;
  const PassOptions& options_;
  bool any_controlled_ = false;  ///< else every vertex is its own ultimate parent
  std::vector<std::uint32_t> controlled_offsets_;
  std::vector<VertexId> controlled_;
  std::vector<VertexId> seen_;  ///< per investee: the investor that last listed it
  std::vector<bool> is_rival_;  ///< per node: a rival in the finding being described
  std::vector<VertexId> investees_;
  std::vector<double> funding_known_;  ///< per backed rival (slot in seen_), see ComputeFunding
  const RivalIndex& rivals_;
  RivalFinder finder_;
};

}  // namespace

Findings RunDualBacking(const GraphView& view, const PassOptions& options) {
  return DualBacking(view, options).Run();
}

}  // namespace pg
