// Snapshots are viewed, not copied: the graph points at the mapped file's arrays, outlives the
// read and the file's name, and every range it would follow is checked first.

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <filesystem>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "io/snapshot.h"
#include "io/snapshot_format.h"
#include "tests/test_support.h"

namespace pg {
namespace {

using testing::Cli;
using testing::CliRun;
using testing::ExampleDir;
using testing::MustLoad;
using testing::ReadAll;
using testing::RunPass;
using testing::TempDir;

class SnapshotView : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = (dir_.Path() / "big.pgraph").string();
    const CliRun run = Cli({"convert", ExampleDir(), "-o", path_});
    ASSERT_EQ(run.code, 0) << run.err;
    bytes_ = ReadAll(path_);
    std::memcpy(&header_, bytes_.data(), sizeof header_);
  }
  /// `bytes_` with `value` written `at` bytes into `section`, as analyze refuses it.
  template <typename T> std::string RefusalWith(snapshot::Section section, std::size_t at, T value) {
    std::string changed = bytes_;
    std::memcpy(changed.data() + header_.sections[section].offset + at, &value, sizeof value);
    dir_.Write("big.pgraph", changed);
    const CliRun run = Cli({"analyze", path_});
    EXPECT_EQ(run.code, 2);
    return run.err;
  }
  std::string Expected(const std::string& what) const {
    return fmt::format("{}: error: corrupted snapshot ({}); re-create it with: partnergraph convert SOURCES -o big.pgraph\n",
                       path_, what);
  }
  TempDir dir_;
  std::string path_;
  std::string bytes_;
  snapshot::Header header_{};
};

TEST_F(SnapshotView, GraphOutlivesTheFileName) {
  const PartnershipGraph source = MustLoad({ExampleDir()});
  Diagnostics diagnostics;
  std::optional<PartnershipGraph> graph = ReadSnapshotFile(path_, &diagnostics);
  ASSERT_TRUE(graph);
  std::filesystem::remove(path_);  // the mapping keeps the data; the graph holds the mapping
  const PartnershipGraph moved = std::move(*graph);
  graph.reset();
  ASSERT_EQ(moved.EdgeCount(), source.EdgeCount());
  EXPECT_EQ(moved.NodeLabel(*moved.FindNode("Anthropic")), "Anthropic");
  EXPECT_EQ(RunPass(moved, "dual-backing").size(), RunPass(source, "dual-backing").size());
  for (VertexId v = 0; v < source.NodeCount(); ++v) {
    const auto a = source.Markets(source.GetNode(v)), b = moved.Markets(moved.GetNode(v));
    ASSERT_EQ(a.size(), b.size()) << v;
    for (std::size_t k = 0; k < a.size(); ++k) EXPECT_EQ(source.Text(a[k]), moved.Text(b[k]));
  }
}

TEST_F(SnapshotView, BytesAnywhereInMemoryAreReadFromAnAlignedCopy) {
  std::string shifted = "x" + bytes_;  // the snapshot one byte past an aligned address
  Diagnostics diagnostics;
  const std::optional<PartnershipGraph> graph =
      ReadSnapshot(std::string_view(shifted).substr(1), "big.pgraph", &diagnostics);
  ASSERT_TRUE(graph);
  EXPECT_EQ(graph->EdgeCount(), 20u);
  EXPECT_EQ(graph->NodeLabel(*graph->FindNode("Amazon")), "Amazon");
}

TEST_F(SnapshotView, MarketsBeyondTheListAreRefused) {
  const StrList far{1u << 30, 1};
  EXPECT_EQ(RefusalWith(snapshot::kNodes, offsetof(Node, markets), far),
            Expected("node 0 refers to something the file does not hold"));
}

TEST_F(SnapshotView, StringBeyondTheBytesIsRefused) {
  const std::uint64_t far = std::uint64_t{1} << 40;
  EXPECT_EQ(RefusalWith(snapshot::kStringEntries, 16, far), Expected("the string table is out of bounds"));
}

TEST_F(SnapshotView, InEdgeNamingNoEdgeIsRefused) {
  const EdgeId far = 20;  // the example has edges 0..19
  EXPECT_EQ(RefusalWith(snapshot::kInEdge, 0, far), Expected("the topology's arrays do not match its nodes and edges"));
}

}  // namespace
}  // namespace pg
