#include "io/snapshot_codec.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <new>
#include <optional>
#include <type_traits>

#include <fmt/format.h>

#include "graph/huge_pages.h"
#include "io/snapshot_format.h"
#include "io/xxh64.h"

namespace pg {
namespace {

using namespace snapshot;

// A field added to a record must be added to its list below (and kSchema bumped), or it would
// be written as zero: these sizes make the compiler say so.
static_assert(sizeof(Edge) == 56, "Edge changed: update EdgeFields and bump kSchema");
static_assert(sizeof(EdgeDetails) == 72, "EdgeDetails changed: update DetailFields and bump kSchema");
static_assert(sizeof(Metric) == 56, "Metric changed: update MetricFields and bump kSchema");
static_assert(std::is_trivially_copyable_v<Edge> && std::is_trivially_copyable_v<EdgeDetails> &&
              std::is_trivially_copyable_v<Metric>);
constexpr std::uint64_t kSchema = 1;

template <typename Visit> void EdgeFields(const Edge& e, Visit&& v) {
  v(e.from), v(e.to), v(e.type), v(e.directed), v(e.amount_usd), v(e.confidence), v(e.start), v(e.end);
  v(e.source), v(e.details), v(e.origin);
}
template <typename Visit> void DetailFields(const EdgeDetails& d, Visit&& v) {
  v(d.stake_pct), v(d.share_pct), v(d.revenue_usd), v(d.capacity_gw), v(d.reported), v(d.scope), v(d.note);
  v(d.attributes), v(d.type_label), v(d.original_amount), v(d.currency), v(d.qualifier), v(d.status);
}
template <typename Visit> void MetricFields(const Metric& m, Visit&& v) {
  v(m.entity), v(m.metric), v(m.value), v(m.unit), v(m.as_of), v(m.basis), v(m.source), v(m.confidence);
  v(m.note), v(m.attributes), v(m.origin);
}

/// Where each field of `record` sits, in order.
template <typename Record, typename Fields> void AddOffsets(const Record& record, Fields fields, std::vector<std::uint64_t>* out) {
  fields(record, [&](const auto& field) {
    out->push_back(reinterpret_cast<const char*>(&field) - reinterpret_cast<const char*>(&record));
    out->push_back(sizeof field);
  });
}

/// Appends sections to the file, each at an aligned offset, and notes them in the header.
class SectionWriter {
 public:
  SectionWriter(std::string* out, Header* header) : out_(out), header_(header) {}

  template <typename T> void Put(Section section, const T* data, std::size_t count) {
    char* at = Open(section, sizeof(T), count);
    if (count > 0) std::memcpy(at, data, count * sizeof(T));
  }
  template <typename T> void Put(Section section, const std::vector<T>& data) { Put(section, data.data(), data.size()); }
  /// Records copied field by field into zeroed space, so that no padding byte of memory leaks
  /// into the file and the same model always gives the same bytes.
  template <typename T, typename Fields> void PutScrubbed(Section section, const std::vector<T>& records, Fields fields) {
    char* base = Open(section, sizeof(T), records.size());
    for (std::size_t i = 0; i < records.size(); ++i) {
      const T& record = records[i];
      char* to = base + i * sizeof(T);
      fields(record, [&](const auto& field) {
        std::memcpy(to + (reinterpret_cast<const char*>(&field) - reinterpret_cast<const char*>(&record)), &field, sizeof field);
      });
    }
  }

 private:
  char* Open(Section section, std::size_t size, std::size_t count) {
    const std::size_t offset = (out_->size() + kAlignment - 1) / kAlignment * kAlignment;
    out_->resize(offset + size * count, '\0');
    header_->sections[section] = SectionEntry{offset, size * count, count};
    return out_->data() + offset;
  }
  std::string* out_;
  Header* header_;
};

/// Texts back to back with their start offsets (one more than texts).
template <typename Texts> void PutTexts(SectionWriter& writer, Section bytes, Section offsets, const Texts& texts) {
  std::string joined;
  std::vector<std::uint64_t> starts{0};
  for (std::string_view text : texts) {
    joined += text;
    starts.push_back(joined.size());
  }
  writer.Put(bytes, joined.data(), joined.size());
  writer.Put(offsets, starts);
}

/// The EdgeId stored with each out-edge entry (Boost keeps the vector itself protected).
std::vector<EdgeId> OutBundles(const PartnershipGraph::Topology& topo) {
  std::vector<EdgeId> bundles(topo.m_forward.m_column.size());
  for (EdgeId k = 0; k < bundles.size(); ++k) bundles[k] = topo[boost::detail::csr_edge_descriptor<VertexId, EdgeId>(0, k)];
  return bundles;
}
/// What each in-edge entry stores: the index of the same edge among the out-edges.
std::vector<EdgeId> InBundles(const PartnershipGraph::Topology& topo) {
  std::vector<EdgeId> bundles;
  bundles.reserve(topo.m_backward.m_column.size());
  for (VertexId v = 0; v + 1 < topo.m_backward.m_rowstart.size(); ++v) {
    for (auto e : boost::make_iterator_range(boost::in_edges(v, topo))) bundles.push_back(e.idx);
  }
  return bundles;
}

}  // namespace

std::uint64_t snapshot::LayoutFingerprint() {
  std::vector<std::uint64_t> layout{kSchema, sizeof(Edge), sizeof(EdgeDetails), sizeof(Metric), sizeof(NodeRecord),
                                    sizeof(StrId), sizeof(VertexId), sizeof(EdgeId), sizeof(Header)};
  AddOffsets(Edge{}, [](const Edge& e, auto&& v) { EdgeFields(e, v); }, &layout);
  AddOffsets(EdgeDetails{}, [](const EdgeDetails& d, auto&& v) { DetailFields(d, v); }, &layout);
  AddOffsets(Metric{}, [](const Metric& m, auto&& v) { MetricFields(m, v); }, &layout);
  return Xxh64({reinterpret_cast<const char*>(layout.data()), layout.size() * sizeof(std::uint64_t)});
}

std::string SnapshotCodec::Encode(const PartnershipGraph& graph) {
  Header header{};
  std::memcpy(header.magic, kMagic, sizeof kMagic);
  header.version = kFormatVersion;
  header.byte_order = kByteOrderMark;
  header.fingerprint = LayoutFingerprint();
  header.section_count = kSectionCount;
  std::string out(sizeof(Header), '\0');
  SectionWriter writer(&out, &header);

  const StringPool& pool = graph.strings_;
  PutTexts(writer, kStringBytes, kStringOffsets, pool.views_);
  writer.Put(kStringSlots, pool.slots_.get(), pool.slot_count_);
  std::vector<std::string_view> source_texts;
  for (const SourceFile& source : graph.sources_) source_texts.insert(source_texts.end(), {source.file, source.sheet});
  PutTexts(writer, kSourceBytes, kSourceOffsets, source_texts);

  std::vector<NodeRecord> nodes;
  std::vector<StrId> lists;
  nodes.reserve(graph.nodes_.size());
  for (const Node& n : graph.nodes_) {
    NodeRecord r{};
    r.id = n.id, r.label = n.label, r.type_label = n.type_label, r.description = n.description, r.source = n.source;
    r.attributes = n.attributes, r.origin_source = n.origin.source, r.origin_line = n.origin.line;
    r.markets_begin = static_cast<std::uint32_t>(lists.size()), r.markets_count = static_cast<std::uint32_t>(n.markets.size());
    lists.insert(lists.end(), n.markets.begin(), n.markets.end());
    r.tags_begin = static_cast<std::uint32_t>(lists.size()), r.tags_count = static_cast<std::uint32_t>(n.tags.size());
    lists.insert(lists.end(), n.tags.begin(), n.tags.end());
    r.roles = n.roles, r.type = static_cast<std::uint8_t>(n.type);
    nodes.push_back(r);
  }
  writer.Put(kNodes, nodes);
  writer.Put(kNodeLists, lists);
  writer.PutScrubbed(kEdges, graph.edges_, [](const Edge& e, auto&& v) { EdgeFields(e, v); });
  writer.PutScrubbed(kEdgeDetails, graph.edge_details_, [](const EdgeDetails& d, auto&& v) { DetailFields(d, v); });
  writer.PutScrubbed(kMetrics, graph.metrics_, [](const Metric& m, auto&& v) { MetricFields(m, v); });

  std::vector<std::uint64_t> set_starts{0};
  std::vector<StrId> pairs;
  for (const Attributes& set : graph.attribute_sets_) {
    for (const auto& [column, value] : set) pairs.insert(pairs.end(), {column, value});
    set_starts.push_back(pairs.size() / 2);
  }
  writer.Put(kAttributeStarts, set_starts);
  writer.Put(kAttributePairs, pairs);
  writer.Put(kVertexById, graph.vertex_by_id_);
  writer.Put(kVertexByLabel, graph.vertex_by_label_);

  const PartnershipGraph::Topology& topo = graph.topology_;
  writer.Put(kOutRowStart, topo.m_forward.m_rowstart);
  writer.Put(kOutColumn, topo.m_forward.m_column);
  writer.Put(kOutEdge, OutBundles(topo));
  writer.Put(kInRowStart, topo.m_backward.m_rowstart);
  writer.Put(kInColumn, topo.m_backward.m_column);
  writer.Put(kInEdge, InBundles(topo));

  header.payload_offset = sizeof(Header);
  header.file_bytes = out.size();
  header.payload_checksum = Xxh64(std::string_view(out).substr(sizeof(Header)));
  std::memcpy(out.data(), &header, sizeof header);
  header.header_checksum = Xxh64(std::string_view(out.data(), offsetof(Header, header_checksum)));
  std::memcpy(out.data(), &header, sizeof header);
  return out;
}

}  // namespace pg

// ---- reading ------------------------------------------------------------------------------

namespace pg {
namespace snapshot {

/// The sections of a file, each checked against the file's bounds before anything is read, and
/// the first problem found.
class SectionReader {
 public:
  SectionReader(std::string_view file, std::string* problem) : file_(file), problem_(problem) {
    std::memcpy(&header_, file.data(), sizeof header_);
  }
  /// Every section inside the file, aligned, and a whole number of `sizes[s]`-byte records.
  bool CheckBounds(const std::size_t (&sizes)[kSectionCount]) {
    for (std::uint32_t s = 0; s < kSectionCount; ++s) {
      const SectionEntry& e = header_.sections[s];
      const bool inside = e.offset >= sizeof(Header) && e.offset <= file_.size() && e.bytes <= file_.size() - e.offset;
      if (!inside || e.offset % kAlignment != 0 || e.bytes % sizes[s] != 0 || e.bytes / sizes[s] != e.count) {
        return Fail(fmt::format("section {} (offset {}, {} bytes) does not fit the file of {} bytes", s, e.offset, e.bytes,
                                file_.size()));
      }
    }
    return true;
  }
  std::size_t Count(Section s) const { return header_.sections[s].count; }
  const char* Raw(Section s) const { return file_.data() + header_.sections[s].offset; }
  /// A copy of the section's records. Straight from the file when it is aligned for T (a
  /// mapping always is): one pass over fresh memory instead of a zeroing pass and a copy.
  template <typename T> std::vector<T> Get(Section s) const {
    const char* raw = Raw(s);
    if (reinterpret_cast<std::uintptr_t>(raw) % alignof(T) == 0) {
      const T* first = reinterpret_cast<const T*>(raw);
      return std::vector<T>(first, first + Count(s));
    }
    std::vector<T> out(Count(s));
    if (!out.empty()) std::memcpy(static_cast<void*>(out.data()), raw, out.size() * sizeof(T));
    return out;
  }
  bool Fail(std::string problem) {
    if (problem_->empty()) *problem_ = std::move(problem);
    return false;
  }

 private:
  std::string_view file_;
  std::string* problem_;
  Header header_;
};

}  // namespace snapshot

namespace {

using namespace snapshot;

/// Starts of a list of ranges: `count` + 1 of them, from 0, never decreasing, ending at `total`.
bool ValidStarts(const std::vector<std::uint64_t>& starts, std::size_t count, std::uint64_t total) {
  if (starts.size() != count + 1 || starts.front() != 0 || starts.back() != total) return false;
  for (std::size_t i = 1; i < starts.size(); ++i) {
    if (starts[i] < starts[i - 1]) return false;
  }
  return true;
}

bool ValidDate(Date date) {
  return date.Packed() >= 0 && date.Month() <= 12 && date.Day() <= 31 && (date.Day() == 0 || date.Month() > 0);
}

/// What the records may refer to: how many strings, nodes, details, attribute sets and sources.
struct Bounds {
  std::size_t strings, nodes, details, sets, sources;
  bool Str(StrId id) const { return id < strings; }
  bool Set(std::uint32_t set) const { return set < sets; }
  bool From(const Origin& origin) const { return origin.source < sources || (sources == 0 && origin.source == 0); }
};

std::optional<std::vector<SourceFile>> DecodeSources(SectionReader& in) {
  const std::vector<std::uint64_t> starts = in.Get<std::uint64_t>(kSourceOffsets);
  if (starts.empty() || starts.size() % 2 != 1 || !ValidStarts(starts, starts.size() - 1, in.Count(kSourceBytes))) {
    in.Fail("the source file names are out of bounds");
    return std::nullopt;
  }
  const char* bytes = in.Raw(kSourceBytes);
  const auto text = [&](std::size_t i) { return std::string(bytes + starts[i], starts[i + 1] - starts[i]); };
  std::vector<SourceFile> sources;
  for (std::size_t i = 0; i + 1 < starts.size(); i += 2) sources.push_back(SourceFile{text(i), text(i + 1)});
  return sources;
}

std::optional<std::vector<Node>> DecodeNodes(SectionReader& in, const Bounds& bounds) {
  const std::vector<NodeRecord> records = in.Get<NodeRecord>(kNodes);
  const std::vector<StrId> lists = in.Get<StrId>(kNodeLists);
  for (StrId id : lists) {
    if (!bounds.Str(id)) return in.Fail(fmt::format("a node's market or tag is string {} of {}", id, bounds.strings)), std::nullopt;
  }
  std::vector<Node> nodes(records.size());
  for (std::size_t v = 0; v < records.size(); ++v) {
    const NodeRecord& r = records[v];
    Node& n = nodes[v];
    const bool texts = bounds.Str(r.id) && bounds.Str(r.label) && bounds.Str(r.type_label) && bounds.Str(r.description) &&
                       bounds.Str(r.source);
    const bool ranges = std::uint64_t{r.markets_begin} + r.markets_count <= lists.size() &&
                        std::uint64_t{r.tags_begin} + r.tags_count <= lists.size();
    n.origin = Origin{r.origin_source, r.origin_line};
    if (!texts || !ranges || r.type >= kNodeTypeCount || !bounds.Set(r.attributes) || !bounds.From(n.origin)) {
      return in.Fail(fmt::format("node {} refers to something the file does not hold", v)), std::nullopt;
    }
    n.id = r.id, n.label = r.label, n.type = static_cast<NodeType>(r.type), n.type_label = r.type_label;
    n.roles = r.roles, n.description = r.description, n.source = r.source, n.attributes = r.attributes;
    n.markets.assign(lists.begin() + r.markets_begin, lists.begin() + r.markets_begin + r.markets_count);
    n.tags.assign(lists.begin() + r.tags_begin, lists.begin() + r.tags_begin + r.tags_count);
  }
  return nodes;
}

bool CheckEdges(SectionReader& in, const std::vector<Edge>& edges, const Bounds& bounds) {
  const char* raw = in.Raw(kEdges);
  for (std::size_t i = 0; i < edges.size(); ++i) {
    // A bool must hold 0 or 1; look at the byte before the copy is read as a bool.
    const unsigned char directed = static_cast<unsigned char>(raw[i * sizeof(Edge) + offsetof(Edge, directed)]);
    const Edge& e = edges[i];
    if (directed > 1 || e.from >= bounds.nodes || e.to >= bounds.nodes || static_cast<int>(e.type) >= kEdgeTypeCount ||
        !bounds.Str(e.source) || e.details >= bounds.details || !bounds.From(e.origin) || !ValidDate(e.start) ||
        !ValidDate(e.end)) {
      return in.Fail(fmt::format("edge {} refers to something the file does not hold", i));
    }
  }
  return true;
}

bool CheckDetails(SectionReader& in, const std::vector<EdgeDetails>& details, const Bounds& bounds) {
  if (details.empty()) return in.Fail("the edge details lack the empty entry 0");
  for (std::size_t i = 0; i < details.size(); ++i) {
    const EdgeDetails& d = details[i];
    if (!bounds.Str(d.scope) || !bounds.Str(d.note) || !bounds.Str(d.type_label) || !bounds.Str(d.currency) ||
        !bounds.Set(d.attributes) || static_cast<int>(d.qualifier) > 3 || static_cast<int>(d.status) > 5 ||
        !ValidDate(d.reported)) {
      return in.Fail(fmt::format("edge details {} refer to something the file does not hold", i));
    }
  }
  return true;
}

bool CheckMetrics(SectionReader& in, const std::vector<Metric>& metrics, const Bounds& bounds) {
  for (std::size_t i = 0; i < metrics.size(); ++i) {
    const Metric& m = metrics[i];
    if (m.entity >= bounds.nodes || !bounds.Str(m.metric) || !bounds.Str(m.unit) || !bounds.Str(m.basis) ||
        !bounds.Str(m.source) || !bounds.Str(m.note) || !bounds.Set(m.attributes) || !bounds.From(m.origin) ||
        !ValidDate(m.as_of)) {
      return in.Fail(fmt::format("metric {} refers to something the file does not hold", i));
    }
  }
  return true;
}

std::optional<std::vector<Attributes>> DecodeAttributes(SectionReader& in, std::size_t strings) {
  const std::vector<std::uint64_t> starts = in.Get<std::uint64_t>(kAttributeStarts);
  const std::vector<StrId> pairs = in.Get<StrId>(kAttributePairs);
  if (starts.size() < 2 || pairs.size() % 2 != 0 || !ValidStarts(starts, starts.size() - 1, pairs.size() / 2) ||
      starts[1] != 0) {
    return in.Fail("the attribute sets are out of bounds"), std::nullopt;
  }
  for (StrId id : pairs) {
    if (id >= strings) return in.Fail(fmt::format("an attribute is string {} of {}", id, strings)), std::nullopt;
  }
  std::vector<Attributes> sets(starts.size() - 1);
  for (std::size_t s = 0; s < sets.size(); ++s) {
    for (std::uint64_t k = starts[s]; k < starts[s + 1]; ++k) sets[s].emplace_back(pairs[2 * k], pairs[2 * k + 1]);
  }
  return sets;
}

/// One direction of the topology as (row, column) pairs in row order, after checking it; the
/// bundles (EdgeId of each entry) in `*bundles`.
std::optional<std::vector<std::pair<VertexId, VertexId>>> RowPairs(SectionReader& in, Section row_start, Section column,
                                                                   Section bundle, std::size_t vertices,
                                                                   std::size_t edges, std::vector<EdgeId>* out) {
  const std::vector<EdgeId> starts = in.Get<EdgeId>(row_start);
  const std::vector<VertexId> columns = in.Get<VertexId>(column);
  std::vector<EdgeId>& bundles = *out;
  bundles = in.Get<EdgeId>(bundle);
  bool ok = starts.size() == vertices + 1 && starts.front() == 0 && starts.back() == edges && columns.size() == edges &&
            bundles.size() == edges;
  for (std::size_t v = 1; ok && v < starts.size(); ++v) ok = starts[v] >= starts[v - 1];
  for (std::size_t k = 0; ok && k < columns.size(); ++k) ok = columns[k] < vertices && bundles[k] < edges;
  if (!ok) return in.Fail("the topology's arrays do not match its nodes and edges"), std::nullopt;
  std::vector<std::pair<VertexId, VertexId>> pairs(edges);
  for (VertexId v = 0; v < vertices; ++v) {
    for (EdgeId k = starts[v]; k < starts[v + 1]; ++k) pairs[k] = {v, columns[k]};
  }
  return pairs;
}

}  // namespace

bool SnapshotCodec::DecodeStrings(SectionReader& in, StringPool* pool) {
  static_assert(sizeof(StringPool::Slot) == 16 && std::is_trivially_copyable_v<StringPool::Slot>);
  const std::vector<std::uint64_t> starts = in.Get<std::uint64_t>(kStringOffsets);
  const std::size_t total = in.Count(kStringBytes);
  if (starts.size() < 2 || !ValidStarts(starts, starts.size() - 1, total) || starts[1] != 0) {
    return in.Fail("the string table is out of bounds");
  }
  const std::size_t strings = starts.size() - 1;
  const std::size_t slots = in.Count(kStringSlots);
  std::size_t used = 0;
  for (std::size_t i = 0; i < slots; ++i) {
    StringPool::Slot slot;
    std::memcpy(&slot, in.Raw(kStringSlots) + i * sizeof slot, sizeof slot);
    if (slot.id != ~StrId{0} && slot.id >= strings) return in.Fail("the string index names a string the file does not hold");
    used += slot.id != ~StrId{0};
  }
  if (slots == 0 || (slots & (slots - 1)) != 0 || used > strings || strings * 4 > slots * 3) {
    return in.Fail("the string index does not match the strings");
  }
  auto block = std::make_unique<char[]>(std::max<std::size_t>(total, 1));
  if (total > 0) std::memcpy(block.get(), in.Raw(kStringBytes), total);
  pool->views_.resize(strings);
  for (std::size_t i = 0; i < strings; ++i) pool->views_[i] = std::string_view(block.get() + starts[i], starts[i + 1] - starts[i]);
  pool->blocks_.clear();
  pool->blocks_.push_back(std::move(block));
  pool->block_size_ = pool->block_used_ = total;
  pool->Grow(slots);  // allocates the table as the pool does (huge pages when big), then overwrite it
  std::memcpy(static_cast<void*>(pool->slots_.get()), in.Raw(kStringSlots), slots * sizeof(StringPool::Slot));
  return true;
}

bool SnapshotCodec::DecodeTopology(SectionReader& in, std::size_t vertices, std::size_t edges,
                                   PartnershipGraph::Topology* topology) {
  std::vector<EdgeId> forward, backward;
  const auto out = RowPairs(in, kOutRowStart, kOutColumn, kOutEdge, vertices, edges, &forward);
  const auto back = out ? RowPairs(in, kInRowStart, kInColumn, kInEdge, vertices, edges, &backward) : std::nullopt;
  if (!out || !back) return false;
  const boost::typed_identity_property_map<VertexId> identity;
  topology->m_forward.assign_from_sorted_edges(out->begin(), out->end(), forward.begin(), identity, boost::keep_all(),
                                               static_cast<VertexId>(vertices), static_cast<EdgeId>(edges));
  topology->m_backward.assign_from_sorted_edges(back->begin(), back->end(), backward.begin(), identity,
                                                boost::keep_all(), static_cast<VertexId>(vertices),
                                                static_cast<EdgeId>(edges));
  return true;
}

bool SnapshotCodec::Decode(std::string_view file, PartnershipGraph* graph, std::string* problem) {
  SectionReader in(file, problem);
  static constexpr std::size_t kSizes[kSectionCount] = {
      1, 8, sizeof(StringPool::Slot), 1, 8, sizeof(NodeRecord), sizeof(StrId), sizeof(Edge), sizeof(EdgeDetails),
      sizeof(Metric), 8, sizeof(StrId), sizeof(VertexId), sizeof(VertexId), sizeof(EdgeId), sizeof(VertexId),
      sizeof(EdgeId), sizeof(EdgeId), sizeof(VertexId), sizeof(EdgeId)};
  PartnershipGraph g;
  if (!in.CheckBounds(kSizes) || !DecodeStrings(in, &g.strings_)) return false;
  std::optional<std::vector<SourceFile>> sources = DecodeSources(in);
  std::optional<std::vector<Attributes>> sets = sources ? DecodeAttributes(in, g.strings_.Size()) : std::nullopt;
  if (!sets) return false;
  const Bounds bounds{g.strings_.Size(), in.Count(kNodes), in.Count(kEdgeDetails), sets->size(), sources->size()};
  std::optional<std::vector<Node>> nodes = DecodeNodes(in, bounds);
  if (!nodes) return false;
  g.edges_ = in.Get<Edge>(kEdges);
  g.edge_details_ = in.Get<EdgeDetails>(kEdgeDetails);
  g.metrics_ = in.Get<Metric>(kMetrics);
  if (!CheckEdges(in, g.edges_, bounds) || !CheckDetails(in, g.edge_details_, bounds) ||
      !CheckMetrics(in, g.metrics_, bounds)) {
    return false;
  }
  g.vertex_by_id_ = in.Get<VertexId>(kVertexById);
  g.vertex_by_label_ = in.Get<VertexId>(kVertexByLabel);
  for (VertexId v : g.vertex_by_id_) {
    if (v >= nodes->size() && v != kNoVertex) return in.Fail(fmt::format("the id index names node {} of {}", v, nodes->size()));
  }
  if (!DecodeTopology(in, nodes->size(), g.edges_.size(), &g.topology_)) return false;
  g.sources_ = std::move(*sources);
  g.attribute_sets_ = std::move(*sets);
  g.nodes_ = std::move(*nodes);
  *graph = std::move(g);
  return true;
}

}  // namespace pg
