#include "tools/phase_clock.h"

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <ostream>

#include <fmt/format.h>
#include <sys/resource.h>
#include <unistd.h>

#include "io/atomic_file.h"

namespace pg {

std::uint64_t CurrentRssKb() {
  std::ifstream statm("/proc/self/statm");
  std::uint64_t size = 0, resident = 0;
  if (!(statm >> size >> resident)) return 0;
  return resident * static_cast<std::uint64_t>(::sysconf(_SC_PAGESIZE)) / 1024;
}

std::uint64_t DefaultMemoryLimitKb(std::string* source) {
  if (const char* text = std::getenv("PG_MEMORY_LIMIT_MB")) {
    char* end = nullptr;
    const unsigned long long mb = std::strtoull(text, &end, 10);
    if (end != text && *end == '\0') {
      *source = "PG_MEMORY_LIMIT_MB";
      return mb * 1024;
    }
  }
  const long pages = ::sysconf(_SC_PHYS_PAGES), page = ::sysconf(_SC_PAGESIZE);
  *source = "half of RAM; PG_MEMORY_LIMIT_MB sets it";
  return pages > 0 && page > 0 ? static_cast<std::uint64_t>(pages) * static_cast<std::uint64_t>(page) / 2048 : 0;
}

std::uint64_t PeakRssKb() {
  rusage usage{};
  if (getrusage(RUSAGE_SELF, &usage) != 0) return 0;
  return static_cast<std::uint64_t>(usage.ru_maxrss);
}

bool ErrIsTerminal(const CliIo& io) { return &io.err == &std::cerr && ::isatty(STDERR_FILENO) == 1; }

PhaseClock::PhaseClock(CliIo& io, const PhaseClockOptions& options, bool show_progress)
    : io_(io), options_(options), show_progress_(show_progress && !options.quiet) {
  if (options_.memory_limit_kb != 0) DefaultMemoryLimitKb(&limit_source_);
  if (show_progress_ || options_.memory_limit_kb != 0) {
    // The watcher inherits a mask holding the cleanup signals, so a SIGTERM always lands on the
    // main thread: delivered here while the main thread holds them (between creating a
    // temporary and registering it), the handler would find nothing to remove.
    const CleanupSignalsHeld held;
    watcher_ = std::thread([this] { Watch(); });
  }
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
    next_progress_ = start_ + options_.progress_after;
    running_ = true;
    shown_ = false;
    done_ = nullptr;
    total_ = 0;
    ++generation_;
    CheckMemory();  // at every phase's start, then every 100 ms by the watcher
  }
  wake_.notify_all();
}

void PhaseClock::Track(const std::atomic<std::uint64_t>* done, std::uint64_t total) {
  std::lock_guard lock(mutex_);
  done_ = done;
  total_ = total;
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

void PhaseClock::CheckMemory() {
  if (options_.memory_limit_kb == 0) return;
  const std::uint64_t resident = CurrentRssKb();
  if (resident <= options_.memory_limit_kb) return;
  RemoveLiveTemporaries();
  io_.err << fmt::format("error: {} stopped in phase \"{}\": it holds {} MB, past the memory limit of {} MB ({}); "
                         "leave a pass out with --pass, or keep fewer findings with --top\n",
                         options_.command.empty() ? std::string("partnergraph") : options_.command, phase_,
                         resident / 1024, options_.memory_limit_kb / 1024, limit_source_);
  io_.err.flush();
  std::fflush(nullptr);
  std::_Exit(2);
}

void PhaseClock::Watch() {
  using std::chrono::steady_clock;
  constexpr auto kMemoryEvery = std::chrono::milliseconds(100);
  std::unique_lock lock(mutex_);
  while (!stop_) {
    if (!running_) {
      wake_.wait(lock);
      continue;
    }
    CheckMemory();
    const std::uint64_t generation = generation_;
    // Progress: first report after progress_after, then every 5 seconds while the phase lasts.
    const auto progress_at = next_progress_;
    auto next = show_progress_ ? progress_at : steady_clock::time_point::max();
    if (options_.memory_limit_kb != 0) next = std::min(next, steady_clock::now() + kMemoryEvery);
    if (wake_.wait_until(lock, next, [&] { return stop_ || generation_ != generation; })) continue;
    if (!show_progress_ || steady_clock::now() < progress_at) continue;
    const double seconds = std::chrono::duration<double>(steady_clock::now() - start_).count();
    std::string percent;
    if (done_ && total_ > 0) {
      const double fraction = std::min(1.0, static_cast<double>(done_->load(std::memory_order_relaxed)) / total_);
      percent = fmt::format(" {:.0f}%", 100 * fraction);
    }
    io_.err << fmt::format("partnergraph: {}...{} {:.0f} s\n", what_, percent, seconds);
    io_.err.flush();
    shown_ = true;
    next_progress_ = steady_clock::now() + std::chrono::seconds(5);
  }
}

}  // namespace pg
