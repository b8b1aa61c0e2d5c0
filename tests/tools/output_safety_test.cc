// The CLI's outputs as a shell meets them: standard output that cannot be written, SIGTERM
// while an output is pending, `-o` naming devices, FIFOs and links, bytes that are not UTF-8;
// and the last resort that turns any exception into one line and an exit code.

#include "tools/last_resort.h"

#include <csignal>
#include <filesystem>
#include <fstream>
#include <new>
#include <sstream>
#include <stdexcept>
#include <thread>

#include <fcntl.h>
#include <gtest/gtest.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "tests/test_support.h"
#include "tools/cli.h"

extern char** environ;

namespace pg {
namespace {

namespace fs = std::filesystem;
using testing::Cli;
using testing::CliRun;
using testing::ExampleDir;
using testing::ReadAll;
using testing::TempDir;

// Starts the partnergraph binary with standard output to `out`, standard error to `err` and
// TMPDIR set to `tmpdir` when given.
pid_t StartCli(const std::vector<std::string>& args, const std::string& out, const std::string& err,
               const std::string& tmpdir = "") {
  std::vector<std::string> strings = {PG_CLI_PATH};
  strings.insert(strings.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (std::string& s : strings) argv.push_back(s.data());
  argv.push_back(nullptr);
  std::vector<std::string> environment;
  for (char** e = environ; *e; ++e) {
    if (tmpdir.empty() || std::string_view(*e).rfind("TMPDIR=", 0) != 0) environment.emplace_back(*e);
  }
  if (!tmpdir.empty()) environment.push_back("TMPDIR=" + tmpdir);
  std::vector<char*> envp;
  for (std::string& s : environment) envp.push_back(s.data());
  envp.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  pid_t pid = -1;
  const int failure = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), envp.data());
  posix_spawn_file_actions_destroy(&actions);
  return failure == 0 ? pid : -1;
}

// How the process ended: its exit code, or 128 + the signal that killed it.
int WaitFor(pid_t pid) {
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

TEST(CliOutput, AFullStandardOutputIsAnError) {
  TempDir dir;
  const std::string err = (dir.Path() / "err").string();
  for (const char* format : {"json", "table"}) {
    const pid_t pid = StartCli({"analyze", ExampleDir(), "--format", format, "-q"}, "/dev/full", err);
    ASSERT_GT(pid, 0);
    EXPECT_EQ(WaitFor(pid), 2) << format;
    EXPECT_EQ(ReadAll(err), "error: cannot write to standard output: No space left on device\n") << format;
  }
}

TEST(CliOutput, DevStdoutIsTheStandardOutput) {
  TempDir dir;
  const std::string out = (dir.Path() / "out").string();
  const std::string err = (dir.Path() / "err").string();
  const pid_t pid = StartCli({"convert", ExampleDir(), "--to", "json", "-o", "/dev/stdout", "-q"}, out, err);
  ASSERT_GT(pid, 0);
  EXPECT_EQ(WaitFor(pid), 0) << ReadAll(err);
  EXPECT_EQ(ReadAll(out).rfind("{\n  \"edges\": [", 0), 0u);
  EXPECT_EQ(ReadAll(err), "");
}

// SIGTERM while the output waits for a reader of the FIFO it names: the complete temporary copy
// is removed, the process dies of the signal, the FIFO is still a FIFO.
TEST(CliOutput, SigtermLeavesNoTemporary) {
  TempDir dir;
  const fs::path tmp = dir.Path() / "tmp";
  fs::create_directory(tmp);
  const fs::path fifo = dir.Path() / "model.json";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  const std::string err = (dir.Path() / "err").string();
  const pid_t pid = StartCli({"convert", ExampleDir(), "-o", fifo.string(), "-q"}, "/dev/null", err, tmp.string());
  ASSERT_GT(pid, 0);
  // The copy appears before the output is opened; nobody ever reads the FIFO, so it waits there.
  bool exited = false;
  for (int polls = 0; polls < 6000 && fs::is_empty(tmp) && !exited; ++polls) {
    int status = 0;
    exited = ::waitpid(pid, &status, WNOHANG) == pid;
    if (!exited) ::usleep(10000);
  }
  ASSERT_FALSE(exited) << ReadAll(err);
  ASSERT_FALSE(fs::is_empty(tmp));
  ::kill(pid, SIGTERM);
  EXPECT_EQ(WaitFor(pid), 128 + SIGTERM);
  EXPECT_TRUE(fs::is_empty(tmp));
  EXPECT_TRUE(fs::is_fifo(fifo));
  EXPECT_EQ(ReadAll(err), "");
}

TEST(CliOutput, OutputThroughLinksAndIntoDevices) {
  TempDir dir;
  const std::string real = dir.Write("real.svg", "old");
  fs::create_symlink("real.svg", dir.Path() / "map.svg");
  const std::string link = (dir.Path() / "map.svg").string();
  const CliRun through = Cli({"render", ExampleDir(), "-o", link, "-q"});
  EXPECT_EQ(through.code, 0) << through.err;
  EXPECT_TRUE(fs::is_symlink(link));
  EXPECT_NE(ReadAll(real).find("<svg"), std::string::npos);

  fs::create_symlink("nowhere.svg", dir.Path() / "dangling.svg");
  const std::string dangling = (dir.Path() / "dangling.svg").string();
  const CliRun to_nowhere = Cli({"render", ExampleDir(), "-o", dangling, "-q"});
  EXPECT_EQ(to_nowhere.code, 2);
  EXPECT_EQ(to_nowhere.err,
            "error: cannot write " + dangling + ": it is a symbolic link to nowhere.svg, which does not exist\n");

  fs::create_directory(dir.Path() / "folder.svg");
  const std::string folder = (dir.Path() / "folder.svg").string();
  const CliRun to_folder = Cli({"render", ExampleDir(), "-o", folder, "-q"});
  EXPECT_EQ(to_folder.code, 2);
  EXPECT_EQ(to_folder.err, "error: cannot write " + folder + ": it is a folder, not a file\n");
  EXPECT_EQ(std::distance(fs::directory_iterator(dir.Path()), fs::directory_iterator()), 4);

  const CliRun to_full = Cli({"convert", ExampleDir(), "--to", "json", "-o", "/dev/full", "-q"});
  EXPECT_EQ(to_full.code, 2);
  EXPECT_EQ(to_full.err, "error: cannot write /dev/full: No space left on device\n");

  const CliRun to_null = Cli({"convert", ExampleDir(), "--to", "json", "-o", "/dev/null"});
  EXPECT_EQ(to_null.code, 0) << to_null.err;
  EXPECT_EQ(to_null.out, "wrote 13 nodes, 20 edges, 21 metrics to /dev/null (json)\n");
  struct stat null_device = {};
  ASSERT_EQ(::lstat("/dev/null", &null_device), 0);
  EXPECT_TRUE(S_ISCHR(null_device.st_mode));
}

// Bytes that are not UTF-8 are refused where they are read (one policy for every reader), so no
// writer ever sees them: convert exits 2 with the place and writes nothing.
TEST(CliOutput, BytesThatAreNotUtf8AreRefusedWithThePlaceAndNothingIsWritten) {
  TempDir dir;
  const std::string nodes = dir.Write("nodes.csv", "id,label\nA,Caf\xe9 Capital\nB,B\n");
  const std::string edges = dir.Write("edges.csv", "from,to,type\nA,B,invests\n");
  const std::string model = (dir.Path() / "model.json").string();
  const CliRun convert = Cli({"convert", nodes, edges, "-o", model, "-q"});
  EXPECT_EQ(convert.code, 2);
  EXPECT_EQ(convert.err.substr(0, convert.err.find('\n')),
            nodes + ":2:3: error: invalid UTF-8 (byte 0xE9) in cell: save the file as UTF-8");
  EXPECT_FALSE(std::filesystem::exists(model));
  const CliRun neighbors = Cli({"neighbors", "B", nodes, edges, "--format", "json", "-q"});
  EXPECT_EQ(neighbors.code, 2);
  EXPECT_EQ(neighbors.out, "");
}

TEST(CliOutput, HelpDocumentsEveryExitStatus) {
  const CliRun run = Cli({"--help"});
  EXPECT_NE(run.out.find("Exit status: 0 ok, 1 a finding matched --fail-on, 2 bad usage or input (or output that\n"
                         "could not be written), 3 an internal error (a bug; please report it)."),
            std::string::npos)
      << run.out;
}

struct Guarded {
  int code;
  std::string err;
};

Guarded Guard(const std::function<int()>& body) {
  std::ostringstream err;
  const int code = RunGuarded("convert", err, body);
  return {code, err.str()};
}

TEST(LastResort, EveryExceptionBecomesOneLineAndAnExitCode) {
  EXPECT_EQ(Guard([] { return 1; }).code, 1);
  const Guarded bug = Guard([]() -> int { throw std::logic_error("vertex 7 out of range"); });
  EXPECT_EQ(bug.code, 3);
  EXPECT_EQ(bug.err, "error: internal error while running \"convert\": vertex 7 out of range; please report it\n");
  const Guarded unexpected = Guard([]() -> int { throw std::runtime_error("odd"); });
  EXPECT_EQ(unexpected.code, 3);
  EXPECT_EQ(unexpected.err, "error: internal error while running \"convert\": odd; please report it\n");
  const Guarded unknown = Guard([]() -> int { throw 42; });
  EXPECT_EQ(unknown.code, 3);
  EXPECT_EQ(unknown.err,
            "error: internal error while running \"convert\": an exception of unknown type; please report it\n");
  const Guarded memory = Guard([]() -> int { throw std::bad_alloc(); });
  EXPECT_EQ(memory.code, 2);
  EXPECT_EQ(memory.err, "error: out of memory while running \"convert\"\n");
  const Guarded files = Guard([]() -> int {
    throw fs::filesystem_error("cannot create directories", fs::path("out/x"),
                               std::make_error_code(std::errc::permission_denied));
  });
  EXPECT_EQ(files.code, 2);
  EXPECT_EQ(files.err, "error: while running \"convert\": filesystem error: cannot create directories: Permission "
                       "denied [out/x]\n");
}

TEST(LastResortDeathTest, AnExceptionInAThreadExitsWithThree) {
  EXPECT_EXIT(
      {
        InstallTerminateHandler();
        std::thread([] { throw std::runtime_error("boom"); }).join();
      },
      ::testing::ExitedWithCode(3), "^error: internal error: boom; please report it\n$");
}

TEST(LastResort, AFailedStandardOutputIsReportedWithItsReason) {
  const int full = ::open("/dev/full", O_WRONLY);
  if (full < 0) GTEST_SKIP() << "no /dev/full";
  {
    DescriptorBuffer buffer(full);
    std::ostream out(&buffer);
    out << "findings\n";
    std::ostringstream err;
    EXPECT_EQ(FinishStandardOutput(out, buffer, err, 0), 2);
    EXPECT_EQ(err.str(), "error: cannot write to standard output: No space left on device\n");
    EXPECT_EQ(FinishStandardOutput(out, buffer, err, 3), 3);  // a bug stays a bug
  }
  ::close(full);

  int pipe_ends[2];
  ASSERT_EQ(::pipe(pipe_ends), 0);
  {
    DescriptorBuffer buffer(pipe_ends[1]);
    std::ostream out(&buffer);
    out << "findings\n";
    std::ostringstream err;
    EXPECT_EQ(FinishStandardOutput(out, buffer, err, 1), 1);
    EXPECT_EQ(err.str(), "");
  }
  char text[16] = {};
  EXPECT_EQ(::read(pipe_ends[0], text, sizeof text), 9);
  EXPECT_EQ(std::string(text), "findings\n");
  ::close(pipe_ends[0]);
  ::close(pipe_ends[1]);
}

}  // namespace
}  // namespace pg
