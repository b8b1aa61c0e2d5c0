#include "tools/phase_clock.h"

#include <iostream>
#include <ostream>

#include <fmt/format.h>
#include <sys/resource.h>
#include <unistd.h>

namespace pg {

std::uint64_t PeakRssKb() {
  rusage usage{};
  if (getrusage(RUSAGE_SELF, &usage) != 0) return 0;
  return static_cast<std::uint64_t>(usage.ru_maxrss);
}

bool ErrIsTerminal(const CliIo& io) { return &io.err == &std::cerr && ::isatty(STDERR_FILENO) == 1; }

PhaseClock::PhaseClock(CliIo& io, const PhaseClockOptions& options, bool show_progress)
    : io_(io), options_(options), show_progress_(show_progress && !options.quiet) {
  if (show_progress_) watcher_ = std::thread([this] { Watch(); });
}

PhaseClock::~PhaseClock() {
  if (running_) End();
  if (watcher_.joinable()) {
    {
      std::lock_guard lock(mutex_);
      stop_ = true;
    }
    wake_.notify_all();
    watcher_.join();
  }
}

void PhaseClock::Begin(std::string_view phase, std::string_view what) {
  if (running_) End();
  {
    std::lock_guard lock(mutex_);
    phase_ = phase;
    what_ = what;
    start_ = std::chrono::steady_clock::now();
    running_ = true;
    shown_ = false;
    ++generation_;
  }
  wake_.notify_all();
}

void PhaseClock::End() {
  if (!running_) return;
  std::unique_lock lock(mutex_);
  running_ = false;
  ++generation_;
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  if (shown_) io_.err << fmt::format("partnergraph: {} done in {:.1f} s\n", what_, seconds);
  if (options_.timings) {
    io_.err << fmt::format("phase={} seconds={:.4f} maxrss_kb={}\n", phase_, seconds, PeakRssKb());
  }
  io_.err.flush();
  lock.unlock();
  wake_.notify_all();
}

void PhaseClock::Watch() {
  std::unique_lock lock(mutex_);
  while (!stop_) {
    if (!running_) {
      wake_.wait(lock);
      continue;
    }
    const std::uint64_t generation = generation_;
    // First report after progress_after, then every 5 seconds while the phase lasts.
    const auto next = shown_ ? std::chrono::steady_clock::now() + std::chrono::seconds(5)
                             : start_ + options_.progress_after;
    if (wake_.wait_until(lock, next, [&] { return stop_ || generation_ != generation; })) continue;
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
    io_.err << fmt::format("partnergraph: {}... {:.0f} s\n", what_, seconds);
    io_.err.flush();
    shown_ = true;
  }
}

}  // namespace pg
