#pragma once
// Phase timing and progress for long commands: `--timings` prints one machine-readable line per
// phase (`phase=load seconds=0.1234 maxrss_kb=51200`, the format the bench peers print), and
// progress lines appear on stderr for a phase that runs past about a second, so a big load
// never looks hung. Progress is shown on a terminal or with `--progress`, never with `--quiet`.
// The same watcher guards memory: past `memory_limit_kb` of resident memory it stops the command
// with a message naming the phase (a pass) and the options that shrink it, instead of leaving the
// kernel to kill it.

#include <atomic>
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
  std::uint64_t memory_limit_kb = 0;  ///< 0: no memory guard
  std::string command;                ///< names the command in the guard's message
};

/// Resident memory of this process now, in KiB (/proc/self/statm; 0 when unknown).
std::uint64_t CurrentRssKb();

/// The default guard: PG_MEMORY_LIMIT_MB when set (0 turns the guard off), else half of RAM.
/// Sets `*source` to how the limit was chosen, for the message.
std::uint64_t DefaultMemoryLimitKb(std::string* source);

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
  /// For the current phase: how much of `total` is done, read by progress lines ("42%"). The
  /// counter must outlive the phase; Begin forgets it.
  void Track(const std::atomic<std::uint64_t>* done, std::uint64_t total);
  /// Ends the current phase: prints its timing line (with --timings) and, when progress was
  /// shown for it, a closing "done in" line.
  void End();

 private:
  void Watch();
  void CheckMemory();  ///< called by the watcher with the mutex held

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
  std::string limit_source_;
  const std::atomic<std::uint64_t>* done_ = nullptr;
  std::uint64_t total_ = 0;
  std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point next_progress_;
};

}  // namespace pg
