// Column: one read interface over an owned vector or a view kept alive by a shared handle.

#include "graph/column.h"

#include <array>
#include <memory>
#include <vector>

#include <gtest/gtest.h>

namespace pg {
namespace {

TEST(Column, OwnedColumnGrowsLikeAVector) {
  Column<int> column{1, 2};
  column.push_back(3);
  column[0] = 7;
  EXPECT_TRUE(column.Owned());
  EXPECT_EQ(std::vector<int>(column.begin(), column.end()), (std::vector<int>{7, 2, 3}));
  EXPECT_EQ(column.back(), 3);
}

TEST(Column, ViewReadsTheMemoryAndKeepsItAlive) {
  auto memory = std::make_shared<std::array<int, 3>>(std::array<int, 3>{4, 5, 6});
  Column<int> view(std::span<const int>(memory->data(), 3), memory);
  Column<int> copy = view;
  view = Column<int>();
  EXPECT_EQ(memory.use_count(), 2);  // the test's handle and the copy's
  EXPECT_FALSE(copy.Owned());
  EXPECT_EQ(std::as_const(copy).data(), memory->data());  // no copy of the items
  EXPECT_EQ(std::as_const(copy)[2], 6);
  copy.MakeOwned();
  EXPECT_EQ(memory.use_count(), 1);
  EXPECT_NE(std::as_const(copy).data(), memory->data());
  EXPECT_EQ(std::vector<int>(std::as_const(copy).begin(), std::as_const(copy).end()), (std::vector<int>{4, 5, 6}));
}

TEST(Column, WritingAViewWritesACopy) {
  const std::array<int, 2> memory{1, 2};
  Column<int> view(std::span<const int>(memory), std::make_shared<int>(0));
  view[0] = 9;
  view.push_back(3);
  EXPECT_TRUE(view.Owned());
  EXPECT_EQ(memory[0], 1);
  EXPECT_EQ(std::vector<int>(std::as_const(view).begin(), std::as_const(view).end()), (std::vector<int>{9, 2, 3}));
}

TEST(Column, MovedFromColumnIsEmpty) {
  Column<int> column(std::vector<int>{1, 2, 3});
  const int* items = column.data();
  Column<int> moved = std::move(column);
  EXPECT_EQ(moved.data(), items);  // the vector's buffer moved with it
  EXPECT_EQ(moved.size(), 3u);
  EXPECT_EQ(column.size(), 0u);  // NOLINT(bugprone-use-after-move): what a moved-from column holds
}

}  // namespace
}  // namespace pg
