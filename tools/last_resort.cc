#include "tools/last_resort.h"

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <new>
#include <ostream>
#include <stdexcept>
#include <system_error>

#include <fmt/format.h>
#include <unistd.h>

#include "io/atomic_file.h"
#include "tools/cli.h"

namespace pg {
namespace {

std::string ErrnoText(int error) { return std::error_code(error, std::generic_category()).message(); }

[[noreturn]] void TerminateQuietly() {
  RemoveLiveTemporaries();
  std::string what = "an exception escaped where none may (std::terminate)";
  if (const std::exception_ptr current = std::current_exception()) {
    try {
      std::rethrow_exception(current);
    } catch (const std::exception& error) {
      what = error.what();
    } catch (...) {
      what = "an exception of unknown type";
    }
  }
  std::fputs(fmt::format("error: internal error: {}; please report it\n", what).c_str(), stderr);
  std::_Exit(kExitInternal);
}

}  // namespace

int RunGuarded(std::string_view command, std::ostream& err, const std::function<int()>& body) {
  try {
    return body();
  } catch (const std::bad_alloc&) {
    err << fmt::format("error: out of memory while running \"{}\"\n", command);
    return kExitBadInput;
  } catch (const std::filesystem::filesystem_error& error) {
    err << fmt::format("error: while running \"{}\": {}\n", command, error.what());
    return kExitBadInput;
  } catch (const std::exception& error) {
    err << fmt::format("error: internal error while running \"{}\": {}; please report it\n", command, error.what());
    return kExitInternal;
  } catch (...) {
    err << fmt::format("error: internal error while running \"{}\": an exception of unknown type; please report it\n",
                       command);
    return kExitInternal;
  }
}

void InstallTerminateHandler() { std::set_terminate(TerminateQuietly); }

DescriptorBuffer::DescriptorBuffer(int descriptor) : descriptor_(descriptor) {
  setp(buffer_.data(), buffer_.data() + buffer_.size());
}

DescriptorBuffer::~DescriptorBuffer() { Drain(); }

DescriptorBuffer::int_type DescriptorBuffer::overflow(int_type c) {
  if (!Drain()) return traits_type::eof();
  if (!traits_type::eq_int_type(c, traits_type::eof())) {
    *pptr() = traits_type::to_char_type(c);
    pbump(1);
  }
  return traits_type::not_eof(c);
}

int DescriptorBuffer::sync() { return Drain() ? 0 : -1; }

bool DescriptorBuffer::Drain() {
  const char* data = pbase();
  std::size_t size = static_cast<std::size_t>(pptr() - pbase());
  setp(buffer_.data(), buffer_.data() + buffer_.size());
  while (size > 0 && failure_ == 0) {
    const ssize_t written = ::write(descriptor_, data, size);
    if (written < 0 && errno == EINTR) continue;
    if (written < 0) failure_ = errno;
    if (written <= 0) break;
    data += written;
    size -= static_cast<std::size_t>(written);
  }
  if (failure_ == 0 && size > 0) failure_ = EIO;  // write returned 0
  return failure_ == 0;
}

int FinishStandardOutput(std::ostream& out, const DescriptorBuffer& buffer, std::ostream& err, int exit_code) {
  out.flush();
  if (buffer.Failure() == 0 && out) return exit_code;
  err << "error: cannot write to standard output: " << ErrnoText(buffer.Failure() ? buffer.Failure() : EIO) << '\n';
  return exit_code == kExitInternal ? kExitInternal : kExitBadInput;
}

}  // namespace pg
