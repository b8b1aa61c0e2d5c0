#pragma once
// The CLI's last line of defence: no exception escapes as an abort, and output that never
// reached standard output is an error, not a silent exit 0.

#include <array>
#include <functional>
#include <iosfwd>
#include <streambuf>
#include <string_view>

namespace pg {

/// Runs `body`; what escapes it becomes one line on `err` and an exit code: 2 for exhausted
/// memory (`error: out of memory while running "convert"`) or a file-system error on a path
/// the user named, 3 for a bug (std::logic_error, anything else:
/// `error: internal error while running "convert": WHAT; please report it`).
int RunGuarded(std::string_view command, std::ostream& err, const std::function<int()>& body);

/// Makes std::terminate (an exception escaping a thread or a noexcept function) remove the live
/// temporaries, print one `error: internal error ...; please report it` line and exit 3.
void InstallTerminateHandler();

/// A buffered stream over a file descriptor that remembers the errno of the first failed write
/// (std::cout forgets it); later output is dropped.
class DescriptorBuffer : public std::streambuf {
 public:
  explicit DescriptorBuffer(int descriptor);
  ~DescriptorBuffer() override;
  DescriptorBuffer(const DescriptorBuffer&) = delete;
  DescriptorBuffer& operator=(const DescriptorBuffer&) = delete;
  /// 0, or the errno of the first write that failed.
  int Failure() const { return failure_; }

 protected:
  int_type overflow(int_type c) override;
  int sync() override;

 private:
  bool Drain();

  int descriptor_;
  int failure_ = 0;
  std::array<char, 1 << 16> buffer_;
};

/// Flushes `out`; when any of it was lost prints `error: cannot write to standard output: WHY`
/// on `err` and returns 2 (3 stays 3); otherwise returns `exit_code`.
int FinishStandardOutput(std::ostream& out, const DescriptorBuffer& buffer, std::ostream& err, int exit_code);

}  // namespace pg
