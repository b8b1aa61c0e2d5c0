#pragma once
// dual-backing: which investors back two or more rivals?
//
// Investors are rolled up to their ultimate parent (an AWS investment counts as Amazon's). For
// each investor, its investees are grouped into rivals (competes edges or a shared market;
// markets are never expanded into pairs). A finding lists every investee that has a rival among
// the investor's other investees, with the amount per rival, the total, and the rival's share
// of its known funding. Amounts: only the counted claim of each fact (claims.h); separate
// tranches add up; edges without amount count as backing with amount unknown. An investment
// into the investor's own subsidiary, or into itself, is ignored.

#include "analysis/pass_registry.h"

namespace pg {

Findings RunDualBacking(const GraphView& view, const PassOptions& options);

}  // namespace pg
