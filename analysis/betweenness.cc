#include "analysis/betweenness.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>
#include <thread>

namespace pg {
namespace {

// Brandes' accumulation from one source over the CSR arrays, adding `weight` times each
// vertex's dependency to `score`. Every edge looks at its far end's level, so that is one byte:
// a neighbour of a level-d vertex lies on d-1, d or d+1, and the level mod 3 (1..3; 0: not
// reached) tells them apart. The forward pass writes each vertex's successors (neighbours one
// level further) in a list, so the way back reads only shortest-path edges, never the whole
// adjacency again: each vertex pulls (1 + delta) / sigma from its successors, which they left in
// their `sigma` slot once done. Only reached vertices are reset.
class SourceScratch {
 public:
  SourceScratch(std::size_t n, std::size_t arcs) : level_(n, 0), sigma_(n, 0.0) {
    order_.reserve(n);
    successors_end_.reserve(n);
    successors_.reserve(arcs);
  }

  /// Returns how many vertices the source reaches (itself included).
  /// With `squares`, also adds each dependency's square (for the sampling variance).
  std::size_t Accumulate(const UndirectedGraph& g, VertexId source, double weight, std::vector<double>& score,
                         double* squares = nullptr) {
    const std::uint32_t* offsets = g.offsets.data();
    const VertexId* targets = g.targets.data();
    std::uint8_t* level = level_.data();
    double* sigma = sigma_.data();
    order_.clear();
    successors_.clear();
    successors_end_.clear();
    order_.push_back(source);
    level[source] = 1;
    sigma[source] = 1;
    for (std::size_t head = 0; head < order_.size(); ++head) {
      const VertexId v = order_[head];
      const std::uint8_t next = Next(level[v]);
      const double sigma_v = sigma[v];
      for (std::uint32_t i = offsets[v], end = offsets[v + 1]; i < end; ++i) {
        const VertexId w = targets[i];
        if (level[w] == 0) {
          level[w] = next;
          sigma[w] = sigma_v;
          order_.push_back(w);
          successors_.push_back(w);
        } else if (level[w] == next) {
          sigma[w] += sigma_v;
          successors_.push_back(w);
        }
      }
      successors_end_.push_back(static_cast<std::uint32_t>(successors_.size()));
    }
    const VertexId* successors = successors_.data();
    for (std::size_t k = order_.size(); k-- > 1;) {  // order_[0] is the source
      const VertexId w = order_[k];
      double pulled = 0;
      for (std::uint32_t i = successors_end_[k - 1], end = successors_end_[k]; i < end; ++i) pulled += sigma[successors[i]];
      const double delta = sigma[w] * pulled;
      score[w] += weight * delta;
      if (squares) squares[w] += delta * delta;
      sigma[w] = (1.0 + delta) / sigma[w];
    }
    for (VertexId v : order_) level[v] = 0;
    return order_.size();
  }

 private:
  static std::uint8_t Next(std::uint8_t level) { return level == 3 ? 1 : level + 1; }

  std::vector<std::uint8_t> level_;
  std::vector<double> sigma_;  ///< path counts; on the way back, (1 + delta) / sigma
  std::vector<VertexId> order_;
  std::vector<VertexId> successors_;            ///< per vertex in `order_`, its neighbours one level further
  std::vector<std::uint32_t> successors_end_;  ///< where each vertex's successors end
};

// K distinct vertices from a partial Fisher-Yates shuffle; `rng() % range` keeps the draw the
// same on every standard library (the modulo bias is below 2^-40 for any real graph).
std::vector<VertexId> SampleSources(std::size_t n, std::size_t k, std::uint64_t seed) {
  std::vector<VertexId> all(n);
  std::iota(all.begin(), all.end(), VertexId{0});
  std::mt19937_64 rng(seed);
  for (std::size_t i = 0; i < k; ++i) {
    const std::size_t j = i + static_cast<std::size_t>(rng() % (n - i));
    std::swap(all[i], all[j]);
  }
  all.resize(k);
  return all;
}

}  // namespace

std::vector<VertexId> TopScores(const PartnershipGraph& graph, const std::vector<double>& scores, std::size_t top) {
  std::vector<VertexId> order;
  std::vector<double> key(scores.size());
  for (VertexId v = 0; v < scores.size(); ++v) {
    if (!(scores[v] > 0)) continue;
    order.push_back(v);
    const double magnitude = std::pow(10.0, std::floor(std::log10(scores[v])) - 9);
    key[v] = std::round(scores[v] / magnitude) * magnitude;
  }
  auto better = [&](VertexId a, VertexId b) {
    return key[a] != key[b] ? key[a] > key[b] : graph.NodeName(a) < graph.NodeName(b);
  };
  top = std::min(top, order.size());
  std::partial_sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(top), order.end(), better);
  order.resize(top);
  return order;
}

bool BetweennessSampled(std::size_t vertex_count, const BetweennessOptions& options) {
  return options.samples > 0 && options.samples < vertex_count;
}

std::uint32_t SourcesWithin(std::size_t vertex_count, std::size_t edge_count, double exact_work, double sample_work,
                            std::uint32_t minimum) {
  const double edges = static_cast<double>(std::max<std::size_t>(edge_count, 1));
  if (static_cast<double>(vertex_count) * edges <= exact_work) return 0;
  const double k = std::max(static_cast<double>(minimum), std::floor(sample_work / edges));
  return k >= static_cast<double>(vertex_count) ? 0 : static_cast<std::uint32_t>(k);
}

std::vector<double> BetweennessCentrality(const UndirectedGraph& given, const BetweennessOptions& options) {
  return EstimateBetweenness(given, options).score;
}

BetweennessEstimate EstimateBetweenness(const UndirectedGraph& given, const BetweennessOptions& options) {
  const std::size_t n = given.VertexCount();
  BetweennessEstimate estimate;
  std::vector<double>& score = estimate.score;
  score.assign(n, 0.0);
  if (n < 3) return estimate;
  // Renumbered so that each search walks memory in order: on the 1M bench graph the searches
  // run about twice as fast, for the price of two linear passes. Scores are mapped back at the end.
  const std::vector<VertexId> new_id = LocalityOrder(given);
  const UndirectedGraph graph = Renumbered(given, new_id);
  std::vector<VertexId> sources;
  const bool sampled = BetweennessSampled(n, options);
  if (sampled) {
    sources = SampleSources(n, options.samples, options.seed);  // drawn by the given ids
    for (VertexId& s : sources) s = new_id[s];
  } else {
    sources.resize(n);
    std::iota(sources.begin(), sources.end(), VertexId{0});
  }
  unsigned threads = options.threads ? options.threads : std::max(1u, std::thread::hardware_concurrency());
  threads = static_cast<unsigned>(std::min<std::size_t>(threads, (sources.size() + 63) / 64));
  threads = std::max(1u, threads);

  // Exact mode skips degree-1 sources: a leaf l hanging on u sees every vertex through u, so
  // its dependencies are u's, plus (reached - 2) on u itself. u's run counts 1 + its leaves.
  std::vector<double> weight(n, 1.0);
  if (!sampled) {
    for (VertexId v = 0; v < n; ++v) {
      if (graph.Degree(v) == 1 && graph.Degree(graph.targets[graph.offsets[v]]) > 1) {
        weight[v] = 0;
        weight[graph.targets[graph.offsets[v]]] += 1;
      }
    }
    std::erase_if(sources, [&](VertexId v) { return weight[v] == 0 || graph.Degree(v) == 0; });
  }

  // Sources interleaved across threads, each with its own scratch and scores, summed in thread
  // order: the same thread count always gives the same bits.
  std::vector<std::vector<double>> partial(threads), squares(sampled ? threads : 0);
  auto work = [&](unsigned t) {
    std::vector<double>& mine = t == 0 ? score : partial[t];
    if (t != 0) mine.assign(n, 0.0);
    double* my_squares = nullptr;
    if (sampled) {
      squares[t].assign(n, 0.0);
      my_squares = squares[t].data();
    }
    SourceScratch scratch(n, graph.targets.size());
    for (std::size_t i = t; i < sources.size(); i += threads) {
      const VertexId s = sources[i];
      const std::size_t reached = scratch.Accumulate(graph, s, weight[s], mine, my_squares);
      if (weight[s] > 1) mine[s] += (weight[s] - 1) * static_cast<double>(reached - 2);
    }
  };
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work, t);
  work(0);
  for (std::thread& thread : pool) thread.join();
  for (unsigned t = 1; t < threads; ++t) {
    for (std::size_t v = 0; v < n; ++v) score[v] += partial[t][v];
    if (sampled) {
      for (std::size_t v = 0; v < n; ++v) squares[0][v] += squares[t][v];
    }
  }
  if (sampled) {
    // Per vertex: sample mean and variance of its dependency over the K sources (a source's own
    // dependency is 0 and counts as an observation), then the finite-population standard error.
    const double k = static_cast<double>(sources.size()), population = static_cast<double>(n);
    estimate.standard_error.assign(n, 0.0);
    for (VertexId v = 0; v < n; ++v) {
      const VertexId local = new_id[v];
      const double mean = score[local] / k;
      const double variance = k > 1 ? std::max(0.0, (squares[0][local] - k * mean * mean) / (k - 1)) : 0.0;
      estimate.standard_error[v] = 0.5 * population * std::sqrt((1.0 - k / population) * variance / k);
    }
  }
  // Undirected: every pair was seen from both ends. Sampled: scale up to all n sources.
  const double scale = 0.5 * (sampled ? static_cast<double>(n) / static_cast<double>(sources.size()) : 1.0);
  std::vector<double> out(n);
  for (VertexId v = 0; v < n; ++v) out[v] = score[new_id[v]] * scale;
  score = std::move(out);
  return estimate;
}

std::vector<double> BetweennessCentrality(const PartnershipGraph& graph, const BetweennessOptions& options) {
  UndirectedGraph simple = BuildUndirectedGraph(graph, options.active);
  simple.weights = {};  // betweenness counts hops, not tie strength: no need to carry them along
  return BetweennessCentrality(simple, options);
}

}  // namespace pg
