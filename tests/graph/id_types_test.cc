// A string's id and a vertex are both 32-bit numbers underneath; the types keep them apart.

#include <gtest/gtest.h>

#include <type_traits>

#include "graph/partnership_graph.h"

namespace pg {
namespace {

static_assert(!std::is_convertible_v<StrId, VertexId>, "a name's id is no vertex");
static_assert(!std::is_convertible_v<VertexId, StrId>, "a vertex is no name's id");
static_assert(!std::is_convertible_v<StrId, std::uint32_t>, "a name's id is no index without StrIndex");

TEST(IdTypes, AStringIdIsAnIndexOnlyWhenAskedTo) {
  StringPool pool;
  const StrId anthropic = pool.Intern("Anthropic");
  EXPECT_EQ(StrIndex(kNoString), 0u);
  EXPECT_EQ(StrIndex(anthropic), 1u);
  EXPECT_EQ(pool.View(StrId{1}), "Anthropic");
}

}  // namespace
}  // namespace pg
