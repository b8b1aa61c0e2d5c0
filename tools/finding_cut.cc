#include "tools/finding_cut.h"

#include <algorithm>
#include <iterator>
#include <numeric>

namespace pg {

void CutFindings::Add(std::string_view pass, Findings found, const CutOptions& options) {
  PassTally tally;
  tally.pass = pass;
  tally.found = found.size();
  for (const Finding& finding : found) tally.worst = std::max(tally.worst, finding.severity);
  std::erase_if(found, [&](const Finding& f) { return f.severity < options.min_severity; });
  tally.below_severity = tally.found - found.size();
  if (options.top != 0 && found.size() > options.top) {
    // The most severe first, ties in the pass's order; printed in the pass's order.
    std::vector<std::size_t> order(found.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return found[a].severity > found[b].severity; });
    order.resize(options.top);
    std::sort(order.begin(), order.end());
    tally.cut = found.size() - options.top;
    for (std::size_t i : order) shown.push_back(std::move(found[i]));
    tally.shown = options.top;
  } else {
    tally.shown = found.size();
    shown.insert(shown.end(), std::make_move_iterator(found.begin()), std::make_move_iterator(found.end()));
  }
  passes.push_back(std::move(tally));
}

const PassTally* CutFindings::Tally(std::string_view pass) const {
  for (const PassTally& tally : passes) {
    if (tally.pass == pass) return &tally;
  }
  return nullptr;
}

std::size_t CutFindings::Found() const {
  std::size_t total = 0;
  for (const PassTally& tally : passes) total += tally.found;
  return total;
}

bool CutFindings::AnyAtLeast(FindingSeverity threshold) const {
  return std::any_of(passes.begin(), passes.end(),
                     [&](const PassTally& t) { return t.found > 0 && t.worst >= threshold; });
}

}  // namespace pg
