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
// Markets: the rivals are grouped by the market they share (a market holding two or more of
// them; rivals tied by a competes edge but no shared market form the group "competes"),
// largest total first. Fact `markets` (the groups' names in that order, joined by ", "); figure
// `markets` and, with two or more, `market.<name>.total_usd` (a rival in two markets counts in
// both; `total_usd` counts it once). With one group the message lists the rivals ("Amazon
// backs 2 rivals: OpenAI ($50B), Anthropic ($8B); $58B in total"); with more, the markets
// ("Nvidia backs rivals in 3 markets: frontier-models (OpenAI, Anthropic: $110B), ...; $114B
// in total"), five names per market and "and N more".
// Owned rivals: when the investor's group (everything that rolls up to it) holds a rival of a
// backed company (Alphabet owns Google DeepMind, a rival of Anthropic), a note says so; that
// rival is owned, not backed: it is not among the rivals, amounts or totals.

#include "analysis/pass_registry.h"

namespace pg {

Findings RunDualBacking(const GraphView& view, const PassOptions& options);

}  // namespace pg
