#include "tools/phase_clock.h"

#include <atomic>
#include <sstream>
#include <thread>

#include <gtest/gtest.h>

namespace pg {
namespace {

// A phase that outlasts the progress threshold shows how far it is when the total is known.
TEST(PhaseClock, ProgressSaysThePercentageOfATrackedPhase) {
  std::ostringstream out, err;
  CliIo io{out, err};
  PhaseClockOptions options;
  options.progress_after = std::chrono::milliseconds(5);
  std::atomic<std::uint64_t> done{50};
  {
    PhaseClock clock(io, options, /*show_progress=*/true);
    clock.Begin("load", "loading 1 input (0.0 MB)");
    clock.Track(&done, 200);
    // Well past the threshold (the stream is only read after End: the watcher writes to it).
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    clock.End();
  }
  EXPECT_NE(err.str().find("partnergraph: loading 1 input (0.0 MB)... 25% 0 s\n"), std::string::npos) << err.str();
  EXPECT_NE(err.str().find("partnergraph: loading 1 input (0.0 MB) done in "), std::string::npos) << err.str();
}

TEST(PhaseClock, AnUntrackedPhaseShowsNoPercentage) {
  std::ostringstream out, err;
  CliIo io{out, err};
  PhaseClockOptions options;
  options.progress_after = std::chrono::milliseconds(5);
  {
    PhaseClock clock(io, options, /*show_progress=*/true);
    clock.Begin("view", "indexing");
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    clock.End();
  }
  EXPECT_NE(err.str().find("partnergraph: indexing... 0 s\n"), std::string::npos) << err.str();
}

}  // namespace
}  // namespace pg
