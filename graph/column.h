#pragma once
// One array of the graph, held either as an owned std::vector (a graph built from text) or as a
// read-only view over memory that a shared handle keeps alive (a snapshot's mapping). Readers
// see one interface; loading a snapshot then points at its arrays instead of copying them.

#include <cstddef>
#include <initializer_list>
#include <memory>
#include <span>
#include <type_traits>
#include <utility>
#include <vector>

namespace pg {

template <typename T>
class Column {
  static_assert(std::is_trivially_copyable_v<T>, "a column may view a file's bytes: trivially copyable records only");

 public:
  using value_type = T;

  Column() = default;
  explicit Column(std::vector<T> owned) : owned_(std::move(owned)) { Sync(); }
  Column(std::initializer_list<T> items) : owned_(items) { Sync(); }
  /// A view of `items`, valid as long as `keep_alive` (which owns the memory) lives.
  Column(std::span<const T> items, std::shared_ptr<const void> keep_alive)
      : data_(items.data()), size_(items.size()), keep_alive_(std::move(keep_alive)) {}

  Column(const Column& other) : owned_(other.owned_), keep_alive_(other.keep_alive_) {
    if (keep_alive_) {
      data_ = other.data_, size_ = other.size_;
    } else {
      Sync();
    }
  }
  Column(Column&& other) noexcept
      : owned_(std::move(other.owned_)), data_(other.data_), size_(other.size_), keep_alive_(std::move(other.keep_alive_)) {
    other.Sync();  // a moved std::vector keeps its buffer, so data_ stays right here
  }
  Column& operator=(const Column& other) { return *this = Column(other); }
  Column& operator=(Column&& other) noexcept {
    owned_ = std::move(other.owned_);
    data_ = other.data_, size_ = other.size_;
    keep_alive_ = std::move(other.keep_alive_);
    other.Sync();
    return *this;
  }

  std::size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  const T* data() const { return data_; }
  const T* begin() const { return data_; }
  const T* end() const { return data_ + size_; }
  const T& operator[](std::size_t i) const { return data_[i]; }
  const T& front() const { return data_[0]; }
  const T& back() const { return data_[size_ - 1]; }
  std::span<const T> Span() const { return {data_, size_}; }
  /// False for a view over someone else's memory.
  bool Owned() const { return !keep_alive_; }
  /// Turns a view into an owned copy (for the rare writer of a loaded graph).
  void MakeOwned() {
    if (Owned()) return;
    owned_.assign(data_, data_ + size_);
    keep_alive_.reset();
    Sync();
  }

  // Writing (GraphBuilder fills a column like a vector). A view is copied first: its memory is
  // read-only, and a write must not reach the file.
  std::size_t capacity() const { return owned_.capacity(); }
  T* data() { return Vector().data(); }
  T* begin() { return Vector().data(); }
  T* end() { return Vector().data() + size_; }
  T& operator[](std::size_t i) { return Vector()[i]; }
  T& back() { return Vector().back(); }
  void push_back(const T& item) { Vector().push_back(item), Sync(); }
  template <typename... Args> T& emplace_back(Args&&... args) {
    T& item = Vector().emplace_back(std::forward<Args>(args)...);
    Sync();
    return item;
  }
  void reserve(std::size_t count) { Vector().reserve(count), Sync(); }
  void resize(std::size_t count) { Vector().resize(count), Sync(); }
  void resize(std::size_t count, const T& item) { Vector().resize(count, item), Sync(); }
  void assign(std::size_t count, const T& item) { Vector().assign(count, item), Sync(); }
  void clear() { Vector().clear(), Sync(); }

 private:
  std::vector<T>& Vector() {
    MakeOwned();
    return owned_;
  }
  void Sync() {
    data_ = owned_.data();
    size_ = owned_.size();
  }

  std::vector<T> owned_;
  const T* data_ = nullptr;
  std::size_t size_ = 0;
  std::shared_ptr<const void> keep_alive_;
};

}  // namespace pg
