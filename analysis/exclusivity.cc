#include "analysis/exclusivity.h"
#include "graph/counted_edges.h"
#include "graph/display_name.h"

#include <algorithm>
#include <unordered_map>

#include <fmt/format.h>

namespace pg {
namespace {

constexpr std::size_t kChannelsListed = 5;
constexpr std::size_t kEdgesPerChannel = 10;
constexpr std::size_t kNamesShown = 5;

constexpr RoleSet kChannelRoles = RoleBit(NodeType::kPlatform) | RoleBit(NodeType::kCloud);

struct Channel {
  VertexId node;
  VertexId owner;                   ///< rolled up
  std::vector<EdgeId> distributes;  ///< active distributes edges out of it, by supplier
  std::vector<VertexId> carries;    ///< distinct suppliers, sorted
  std::string description;          ///< DescribeChannel, once per channel
};

// "Bedrock (Amazon; carries Anthropic, OpenAI)"
std::string DescribeChannel(const PartnershipGraph& graph, const Channel& channel) {
  std::vector<std::string> names;
  for (VertexId carried : channel.carries) names.push_back(DisplayName(graph, carried));
  const std::size_t shown = std::min(names.size(), kNamesShown);
  std::partial_sort(names.begin(), names.begin() + static_cast<std::ptrdiff_t>(shown), names.end());
  names.resize(shown);
  const std::size_t more = channel.carries.size() - names.size();
  const std::string owner =
      channel.owner != channel.node ? fmt::format("{}; ", DisplayName(graph, channel.owner)) : std::string();
  return fmt::format("{} ({}carries {}{})", DisplayName(graph, channel.node), owner,
                     fmt::join(names, ", "), more ? fmt::format(" and {} more", more) : std::string());
}

// Every channel once, best first: most suppliers carried, then by id.
std::vector<Channel> FindChannels(const GraphView& view) {
  const PartnershipGraph& graph = view.Graph();
  std::vector<Channel> channels;
  std::vector<bool> is_parent_only(graph.NodeCount(), false);
  for (VertexId v = 0; v < graph.NodeCount(); ++v) {
    Channel channel{v, view.Ultimate(v), {}, {}};
    ForCountedOut(view, v, EdgeType::kDistributes, [&](VertexId to, EdgeId e) {
      if (to == v) return;
      channel.distributes.push_back(e);
      channel.carries.push_back(to);
    });
    if (channel.distributes.empty() && !(graph.GetNode(v).roles & kChannelRoles)) continue;
    std::sort(channel.carries.begin(), channel.carries.end());
    channel.carries.erase(std::unique(channel.carries.begin(), channel.carries.end()), channel.carries.end());
    channels.push_back(std::move(channel));
  }
  // A platform/cloud-role node that is the rolled-up owner of another channel is represented by
  // that channel (Amazon by AWS and Bedrock), unless it distributes something itself.
  for (const Channel& channel : channels) {
    if (channel.owner != channel.node) is_parent_only[channel.owner] = true;
  }
  std::erase_if(channels, [&](const Channel& c) { return is_parent_only[c.node] && c.distributes.empty(); });
  for (Channel& channel : channels) {
    if (!channel.carries.empty()) channel.description = DescribeChannel(graph, channel);
  }
  std::sort(channels.begin(), channels.end(), [&](const Channel& a, const Channel& b) {
    if (a.carries.size() != b.carries.size()) return a.carries.size() > b.carries.size();
    return graph.NodeName(a.node) < graph.NodeName(b.node);
  });
  return channels;
}

// "a, b, c and 12 more": messages stay one line on big graphs.
std::string ShortList(const std::vector<std::string>& items, std::size_t total) {
  constexpr std::size_t kShown = 8;
  const std::size_t shown = std::min(items.size(), kShown);
  std::string text = fmt::format("{}", fmt::join(items.begin(), items.begin() + static_cast<std::ptrdiff_t>(shown), ", "));
  if (total > shown) text += fmt::format(" and {} more", total - shown);
  return text;
}

// The channels, counted and grouped by rolled-up owner once, so that each exclusivity costs what
// it lists, not what the graph holds: the blocked set of holder -> grantor is every channel but
// those of the two owners.
class ChannelIndex {
 public:
  explicit ChannelIndex(const GraphView& view) : view_(view), channels_(FindChannels(view)) {
    for (std::size_t i = 0; i < channels_.size(); ++i) {
      Group& group = by_owner_[channels_[i].owner];
      group.members.push_back(i);
      if (!channels_[i].carries.empty()) ++group.distributing;
    }
    for (const Channel& channel : channels_) distributing_ += channel.carries.empty() ? 0 : 1;
  }

  struct Blocked {
    std::size_t total = 0;
    std::size_t distributing = 0;
    std::vector<const Channel*> listed;  ///< best first
  };

  /// Channels owned by neither `a` nor `b` (rolled-up owners); at most `limit` listed (0: all).
  Blocked Outside(VertexId a, VertexId b, std::size_t limit) const {
    Blocked blocked;
    blocked.total = channels_.size();
    blocked.distributing = distributing_;
    const Group* group_a = Find(a);
    const Group* group_b = a != b ? Find(b) : nullptr;
    for (const Group* group : {group_a, group_b}) {
      if (!group) continue;
      blocked.total -= group->members.size();
      blocked.distributing -= group->distributing;
    }
    // Skips at most the two owners' channels on the way to `limit` others.
    for (const Channel& channel : channels_) {
      if (limit != 0 && blocked.listed.size() >= limit) break;
      if (channel.owner == a || channel.owner == b) continue;
      blocked.listed.push_back(&channel);
    }
    return blocked;
  }

  /// The names of the channels `owner` owns, in ranking order.
  std::vector<std::string> OwnedNames(VertexId owner, std::size_t limit, std::size_t* total) const {
    std::vector<std::string> names;
    const Group* group = Find(owner);
    *total = group ? group->members.size() : 0;
    if (!group) return names;
    for (std::size_t i : group->members) {
      if (names.size() >= limit) break;
      names.push_back(DisplayName(view_.Graph(), channels_[i].node));
    }
    return names;
  }

  bool Empty() const { return channels_.empty(); }

 private:
  struct Group {
    std::vector<std::size_t> members;  ///< indexes into channels_, best first
    std::size_t distributing = 0;
  };
  const Group* Find(VertexId owner) const {
    auto it = by_owner_.find(owner);
    return it == by_owner_.end() ? nullptr : &it->second;
  }

  const GraphView& view_;
  std::vector<Channel> channels_;
  std::unordered_map<VertexId, Group> by_owner_;
  std::size_t distributing_ = 0;
};

// Blocked channels that already distribute the grantor, by name: found from the grantor's own
// in-edges, so the cost is its degree.
std::vector<std::string> AlreadyDistributing(const GraphView& view, VertexId grantor, VertexId holder_owner,
                                             VertexId grantor_owner) {
  const PartnershipGraph& graph = view.Graph();
  std::vector<std::string> names;
  ForCountedIn(view, grantor, EdgeType::kDistributes, [&](VertexId from, EdgeId) {
    if (from == grantor) return;
    const VertexId owner = view.Ultimate(from);
    if (owner == holder_owner || owner == grantor_owner) return;
    names.push_back(DisplayName(graph, from));
  });
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  return names;
}

Finding DescribeExclusivity(const GraphView& view, const ChannelIndex& index, EdgeId e, const PassOptions& options) {
  const PartnershipGraph& graph = view.Graph();
  const Edge& exclusive = graph.GetEdge(e);
  const VertexId holder = exclusive.from, grantor = exclusive.to;
  const VertexId holder_owner = view.Ultimate(holder), grantor_owner = view.Ultimate(grantor);

  Finding finding;
  finding.pass = "exclusivity";
  finding.severity = FindingSeverity::kWarning;
  finding.subjects = {std::string(graph.NodeName(grantor)), std::string(graph.NodeName(holder))};
  finding.related.push_back(e);
  const std::string scope =
      graph.Details(exclusive).scope != kNoString ? std::string(graph.Text(graph.Details(exclusive).scope)) : "";
  finding.facts.emplace_back("holder", graph.NodeName(holder));
  finding.facts.emplace_back("holder_owner", graph.NodeName(holder_owner));
  if (grantor_owner != grantor) finding.facts.emplace_back("grantor_owner", graph.NodeName(grantor_owner));
  if (!scope.empty()) finding.facts.emplace_back("scope", scope);

  const ChannelIndex::Blocked blocked =
      index.Outside(holder_owner, grantor_owner, options.full_detail ? 0 : kChannelsListed);
  std::vector<std::string> distributing, other;
  for (const Channel* channel : blocked.listed) {
    FindingPart part;
    part.node = graph.NodeName(channel->node);
    part.figures.push_back({"carries", static_cast<double>(channel->carries.size())});
    const std::size_t edges = std::min(channel->distributes.size(), kEdgesPerChannel);
    part.edges.assign(channel->distributes.begin(), channel->distributes.begin() + static_cast<std::ptrdiff_t>(edges));
    finding.related.insert(finding.related.end(), part.edges.begin(), part.edges.end());
    if (channel->carries.empty()) {
      other.push_back(DisplayName(graph, channel->node));
    } else {
      distributing.push_back(channel->description);
    }
    finding.facts.emplace_back("channel_owner:" + part.node, graph.NodeName(channel->owner));
    finding.subjects.push_back(part.node);
    finding.parts.push_back(std::move(part));
  }
  const std::vector<std::string> already = AlreadyDistributing(view, grantor, holder_owner, grantor_owner);
  for (std::size_t i = 0; i < already.size() && i < kChannelsListed; ++i) {
    finding.notes.push_back(fmt::format("{} already distributes {}: the exclusivity limits rather than prevents "
                                        "this channel",
                                        already[i], DisplayName(graph, grantor)));
  }
  if (already.size() > kChannelsListed) {
    finding.notes.push_back(fmt::format("+{} more blocked channels already distribute {}",
                                        already.size() - kChannelsListed, DisplayName(graph, grantor)));
  }
  std::size_t owned = 0;
  const std::vector<std::string> own = index.OwnedNames(holder_owner, 8, &owned);
  if (!own.empty()) finding.facts.emplace_back("holder_channels", ShortList(own, owned));

  const std::size_t total = blocked.total;
  finding.figures.push_back({"blocked_channels", static_cast<double>(total)});
  finding.figures.push_back({"distributing_channels", static_cast<double>(blocked.distributing)});
  finding.figures.push_back({"other_channels", static_cast<double>(total - blocked.distributing)});
  finding.figures.push_back({"listed_channels", static_cast<double>(blocked.listed.size())});
  finding.figures.push_back({"already_distributing", static_cast<double>(already.size())});

  const std::string holder_text =
      holder_owner != holder
          ? fmt::format("{} (owner {})", DisplayName(graph, holder), DisplayName(graph, holder_owner))
          : DisplayName(graph, holder);
  const std::string grantor_text =
      grantor_owner != grantor ? fmt::format("{} (a {} of {})", DisplayName(graph, grantor),
                                             NodeTypeName(graph.GetNode(grantor).type),
                                             DisplayName(graph, grantor_owner))
                               : DisplayName(graph, grantor);
  std::string message = fmt::format("{} holds exclusive rights over {}{}", holder_text, grantor_text,
                                    scope.empty() ? std::string() : fmt::format(" (scope: {})", scope));
  if (total == 0) {
    message += "; no channel outside " + DisplayName(graph, holder_owner) + " on record";
  } else {
    message += fmt::format(": {} is blocked from {} channel{} {} does not own", DisplayName(graph, grantor), total,
                           total == 1 ? "" : "s", DisplayName(graph, holder_owner));
    if (!distributing.empty()) message += fmt::format(" — {}", fmt::join(distributing, ", "));
    if (!other.empty()) {
      message += fmt::format("{}{}{}", distributing.empty() ? " — " : "; and ",
                             other.size() == 1 ? "cloud/platform " : "clouds/platforms ", fmt::join(other, ", "));
    }
    if (total > blocked.listed.size()) message += fmt::format("; +{} more", total - blocked.listed.size());
  }
  finding.message = std::move(message);
  return finding;
}

}  // namespace

Findings RunExclusivity(const GraphView& view, const PassOptions& options) {
  const PartnershipGraph& graph = view.Graph();
  std::optional<ChannelIndex> index;
  Findings findings;
  ForCounted(view, EdgeType::kExclusive, [&](EdgeId e) {
    const Edge& exclusive = graph.GetEdge(e);
    if (exclusive.from == exclusive.to) return;
    if (!index) index.emplace(view);
    findings.push_back(DescribeExclusivity(view, *index, e, options));
  });
  return findings;
}

}  // namespace pg
