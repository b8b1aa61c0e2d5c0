#pragma once
// The suite's today: commands without --as-of look at the graph as of today, so the tests pin
// it (test_support.cc sets PARTNERGRAPH_TODAY before any test runs) to stay reproducible.

#include <optional>
#include <string>

namespace pg::testing {

/// The date the whole suite takes as today.
inline constexpr const char* kPinnedToday = "2026-11-29";

/// Sets (or, with nullopt, unsets) an environment variable for a scope, restoring it after.
class ScopedEnv {
 public:
  ScopedEnv(std::string name, const std::optional<std::string>& value);
  ~ScopedEnv();
  ScopedEnv(const ScopedEnv&) = delete;
  ScopedEnv& operator=(const ScopedEnv&) = delete;

 private:
  std::string name_;
  std::optional<std::string> old_;
};

}  // namespace pg::testing
