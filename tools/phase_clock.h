#pragma once
// Phase timing and progress for long commands: `--timings` prints one machine-readable line per
// phase (`phase=load seconds=0.1234 maxrss_kb=51200`, the format the bench peers print), and
// progress lines appear on stderr for a phase that runs past about a second, so a big load
// never looks hung. Progress is shown on a terminal or with `--progress`, never with `--quiet`.

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>

#include "tools/cli.h"

namespace pg {

struct PhaseClockOptions {
  bool timings = false;   ///< print `phase=... seconds=... maxrss_kb=...` after each phase
  bool progress = false;  ///< show progress for slow phases even when stderr is not a terminal
  bool quiet = false;     ///< never show progress
  std::chrono::milliseconds progress_after{1000};
};

/// Peak resident memory of this process so far, in KiB (getrusage's ru_maxrss).
std::uint64_t PeakRssKb();

/// True when `io.err` is the process's stderr and that is a terminal.
bool ErrIsTerminal(const CliIo& io);

class PhaseClock {
 public:
  /// `show_progress` is decided by the caller (terminal or --progress, and not --quiet).
  PhaseClock(CliIo& io, const PhaseClockOptions& options, bool show_progress);
  ~PhaseClock();
  PhaseClock(const PhaseClock&) = delete;
  PhaseClock& operator=(const PhaseClock&) = delete;

  /// Starts a phase; `what` is how progress names it ("loading 2 files (39.0 MB)").
  void Begin(std::string_view phase, std::string_view what);
  /// Ends the current phase: prints its timing line (with --timings) and, when progress was
  /// shown for it, a closing "done in" line.
  void End();

 private:
  void Watch();

  CliIo& io_;
  PhaseClockOptions options_;
  bool show_progress_;
  std::mutex mutex_;
  std::condition_variable wake_;
  std::thread watcher_;
  bool stop_ = false;
  bool running_ = false;
  bool shown_ = false;
  std::uint64_t generation_ = 0;
  std::string phase_;
  std::string what_;
  std::chrono::steady_clock::time_point start_;
};

}  // namespace pg
