// AtomicFile against what `-o` may name: files, links, FIFOs, devices, folders, sockets; and
// the cleanup of live temporaries when a signal stops the process.

#include "io/atomic_file.h"

#include <algorithm>
#include <csignal>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/un.h>
#include <unistd.h>

#include "io/csv_writer.h"
#include "tests/test_support.h"

namespace pg {
namespace {

namespace fs = std::filesystem;
using testing::ReadAll;
using testing::TempDir;

std::vector<std::string> Names(const fs::path& folder) {
  std::vector<std::string> names;
  for (const fs::directory_entry& entry : fs::directory_iterator(folder)) names.push_back(entry.path().filename());
  std::sort(names.begin(), names.end());
  return names;
}

// Leftover device copies of this process in the system's temporary folder.
int OurTemporariesInTmp() {
  const std::string prefix = "partnergraph-" + std::to_string(::getpid());
  int count = 0;
  for (const fs::directory_entry& entry : fs::directory_iterator(fs::temp_directory_path())) {
    count += entry.path().filename().string().rfind(prefix, 0) == 0;
  }
  return count;
}

TEST(AtomicFile, ReplacesAFileAndKeepsItsMode) {
  TempDir dir;
  const std::string path = dir.Write("out.json", "old");
  ::chmod(path.c_str(), 0640);
  std::string error;
  ASSERT_TRUE(WriteFileAtomically(path, "new", &error)) << error;
  EXPECT_EQ(ReadAll(path), "new");
  EXPECT_EQ(fs::status(path).permissions(), fs::perms(0640));
  EXPECT_EQ(Names(dir.Path()), std::vector<std::string>{"out.json"});
}

TEST(AtomicFile, WritesThroughASymlinkWhichStaysALink) {
  TempDir dir;
  fs::create_directory(dir.Path() / "real");
  const std::string real = dir.Write("real/map.svg", "old");
  const fs::path link = dir.Path() / "map.svg";
  fs::create_symlink("real/map.svg", link);
  std::string error;
  ASSERT_TRUE(WriteFileAtomically(link.string(), "new", &error)) << error;
  EXPECT_TRUE(fs::is_symlink(link));
  EXPECT_EQ(fs::read_symlink(link), "real/map.svg");
  EXPECT_EQ(ReadAll(real), "new");
  EXPECT_EQ(Names(dir.Path()), (std::vector<std::string>{"map.svg", "real"}));
  EXPECT_EQ(Names(dir.Path() / "real"), std::vector<std::string>{"map.svg"});  // no temporary left
}

TEST(AtomicFile, RefusesADanglingSymlink) {
  TempDir dir;
  const fs::path link = dir.Path() / "map.svg";
  fs::create_symlink("nowhere.svg", link);
  std::string error;
  EXPECT_FALSE(WriteFileAtomically(link.string(), "new", &error));
  EXPECT_EQ(error, "cannot write " + link.string() + ": it is a symbolic link to nowhere.svg, which does not exist");
  EXPECT_TRUE(fs::is_symlink(link));
  EXPECT_EQ(Names(dir.Path()), std::vector<std::string>{"map.svg"});
  EXPECT_EQ(OurTemporariesInTmp(), 0);
}

TEST(AtomicFile, RefusesAFolderAndASocket) {
  TempDir dir;
  const fs::path folder = dir.Path() / "map.svg";
  fs::create_directory(folder);
  std::string error;
  EXPECT_FALSE(WriteFileAtomically(folder.string(), "new", &error));
  EXPECT_EQ(error, "cannot write " + folder.string() + ": it is a folder, not a file");
  EXPECT_TRUE(fs::is_empty(folder));

  const fs::path socket_path = dir.Path() / "s.svg";
  const int listener = ::socket(AF_UNIX, SOCK_STREAM, 0);
  sockaddr_un address = {};
  address.sun_family = AF_UNIX;
  ASSERT_LT(socket_path.string().size(), sizeof address.sun_path);
  std::strcpy(address.sun_path, socket_path.c_str());
  ASSERT_EQ(::bind(listener, reinterpret_cast<sockaddr*>(&address), sizeof address), 0);
  EXPECT_FALSE(WriteFileAtomically(socket_path.string(), "new", &error));
  EXPECT_EQ(error, "cannot write " + socket_path.string() + ": it is a socket, not a file");
  EXPECT_TRUE(fs::is_socket(socket_path));
  ::close(listener);
  EXPECT_EQ(Names(dir.Path()), (std::vector<std::string>{"map.svg", "s.svg"}));
  EXPECT_EQ(OurTemporariesInTmp(), 0);
}

TEST(AtomicFile, SaysWhyItCannotWrite) {
  TempDir dir;
  const std::string blocker = dir.Write("blocker", "x");
  std::string error;
  EXPECT_FALSE(WriteFileAtomically(blocker + "/map.svg", "new", &error));
  EXPECT_EQ(error, "cannot write " + blocker + "/map.svg: Not a directory");
  EXPECT_FALSE(WriteFileAtomically((dir.Path() / "out").string() + "/", "new", &error));
  EXPECT_EQ(error, "cannot write " + (dir.Path() / "out").string() + "/: a file name cannot end with /");
  EXPECT_EQ(Names(dir.Path()), std::vector<std::string>{"blocker"});
  EXPECT_EQ(OurTemporariesInTmp(), 0);
}

TEST(AtomicFile, StreamsTheWholeOutputIntoAFifo) {
  TempDir dir;
  const fs::path fifo = dir.Path() / "map.svg";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  std::string received;
  std::thread reader([&] { received = ReadAll(fifo); });
  const std::string contents(200000, 'x');  // more than a pipe holds
  std::string error;
  const bool written = WriteFileAtomically(fifo.string(), contents, &error);
  reader.join();
  ASSERT_TRUE(written) << error;
  EXPECT_EQ(received.size(), contents.size());
  EXPECT_EQ(received, contents);
  EXPECT_TRUE(fs::is_fifo(fifo));
  EXPECT_EQ(Names(dir.Path()), std::vector<std::string>{"map.svg"});
  EXPECT_EQ(OurTemporariesInTmp(), 0);
}

TEST(AtomicFile, AFailedWriterPutsNothingIntoAFifo) {
  TempDir dir;
  const fs::path fifo = dir.Path() / "map.svg";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  const int reader = ::open(fifo.c_str(), O_RDONLY | O_NONBLOCK);  // does not wait for a writer
  ASSERT_GE(reader, 0);
  {
    AtomicFile file(fifo.string());
    std::ofstream(file.TemporaryPath()) << "half a diagram";
    EXPECT_EQ(OurTemporariesInTmp(), 1);
  }  // no Commit: the render failed
  char byte = 0;
  EXPECT_EQ(::read(reader, &byte, 1), 0);  // end of file: no writer ever opened it
  ::close(reader);
  EXPECT_EQ(OurTemporariesInTmp(), 0);
}

TEST(AtomicFile, DevNullStaysACharacterDevice) {
  struct stat before = {};
  ASSERT_EQ(::stat("/dev/null", &before), 0);
  ASSERT_TRUE(S_ISCHR(before.st_mode));
  std::string error;
  EXPECT_TRUE(WriteFileAtomically("/dev/null", "diagram", &error)) << error;
  struct stat after = {};
  ASSERT_EQ(::lstat("/dev/null", &after), 0);
  EXPECT_TRUE(S_ISCHR(after.st_mode));
  EXPECT_EQ(after.st_rdev, before.st_rdev);
  EXPECT_EQ(after.st_ino, before.st_ino);
  EXPECT_EQ(OurTemporariesInTmp(), 0);
}

TEST(AtomicFile, DevFullSaysTheDeviceIsFull) {
  struct stat full = {};
  if (::stat("/dev/full", &full) != 0 || !S_ISCHR(full.st_mode)) GTEST_SKIP() << "no /dev/full";
  std::string error;
  EXPECT_FALSE(WriteFileAtomically("/dev/full", "diagram", &error));
  EXPECT_EQ(error, "cannot write /dev/full: No space left on device");
  EXPECT_EQ(OurTemporariesInTmp(), 0);
}

TEST(AtomicFile, ADescriptorAliasWritesToTheDescriptor) {
  int pipe_ends[2];
  ASSERT_EQ(::pipe(pipe_ends), 0);
  std::string error;
  EXPECT_TRUE(WriteFileAtomically("/dev/fd/" + std::to_string(pipe_ends[1]), "through fd", &error)) << error;
  ::close(pipe_ends[1]);
  char buffer[64] = {};
  EXPECT_EQ(::read(pipe_ends[0], buffer, sizeof buffer), 10);
  EXPECT_EQ(std::string(buffer), "through fd");
  ::close(pipe_ends[0]);
}

// A signal while the temporary exists: the handler removes it and the process still dies of
// the signal; the previous output is untouched.
TEST(AtomicFileDeathTest, SigtermRemovesTheTemporaryAndKeepsTheOldOutput) {
  TempDir dir;
  const std::string path = dir.Write("out.json", "old");
  EXPECT_EXIT(
      {
        InstallTemporaryCleanupOnSignals();
        AtomicFile file(path);
        std::string why;
        WriteAndSync(file.TemporaryPath(), "half of the new", &why);
        std::raise(SIGTERM);
      },
      ::testing::KilledBySignal(SIGTERM), "");
  EXPECT_EQ(Names(dir.Path()), std::vector<std::string>{"out.json"});
  EXPECT_EQ(ReadAll(path), "old");
}

// The registration a CSV folder's staging uses: its files, then the folder.
TEST(AtomicFileDeathTest, SighupRemovesATemporaryFolderWithItsFiles) {
  TempDir dir;
  const fs::path staging = dir.Path() / "out.tmp1";
  EXPECT_EXIT(
      {
        InstallTemporaryCleanupOnSignals();
        fs::create_directory(staging);
        for (const char* name : {"nodes.csv", "edges.csv"}) {
          RegisterTemporary((staging / name).string(), /*folder=*/false);
          std::ofstream(staging / name) << "id\n";
        }
        RegisterTemporary(staging.string(), /*folder=*/true);
        std::raise(SIGHUP);
      },
      ::testing::KilledBySignal(SIGHUP), "");
  EXPECT_TRUE(fs::is_empty(dir.Path()));
}

TEST(AtomicFileDeathTest, AnIgnoredSignalStaysIgnored) {
  EXPECT_EXIT(
      {
        std::signal(SIGHUP, SIG_IGN);
        InstallTemporaryCleanupOnSignals();
        std::raise(SIGHUP);
        std::_Exit(7);
      },
      ::testing::ExitedWithCode(7), "");
}

TEST(CsvWriter, SwapsAPreviousConversionAndFollowsALinkToIt) {
  const PartnershipGraph graph = testing::MustLoad({testing::ExampleDir()});
  TempDir dir;
  const fs::path out = dir.Path() / "out";
  std::string error;
  ASSERT_TRUE(WriteCsvFolder(graph, out.string(), &error)) << error;
  std::ofstream(out / "nodes.csv") << "id\nstale\n";
  fs::create_symlink("out", dir.Path() / "latest");
  ASSERT_TRUE(WriteCsvFolder(graph, (dir.Path() / "latest").string(), &error)) << error;
  EXPECT_TRUE(fs::is_symlink(dir.Path() / "latest"));
  EXPECT_EQ(Names(dir.Path()), (std::vector<std::string>{"latest", "out"}));  // nothing staged or old left
  EXPECT_EQ(Names(out), (std::vector<std::string>{"edges.csv", "metrics.csv", "nodes.csv"}));
  EXPECT_EQ(ReadAll(out / "nodes.csv"), ModelToCsv(graph).nodes);

  fs::create_symlink("gone", dir.Path() / "dangling");
  EXPECT_FALSE(WriteCsvFolder(graph, (dir.Path() / "dangling").string(), &error));
  EXPECT_EQ(error, "cannot write " + (dir.Path() / "dangling").string() +
                       ": it is a symbolic link to gone, which does not exist");
  EXPECT_FALSE(WriteCsvFolder(graph, (dir.Path() / "out" / "nodes.csv" / "x").string(), &error));
  EXPECT_EQ(error, "cannot write " + (dir.Path() / "out" / "nodes.csv" / "x").string() + ": Not a directory");
  EXPECT_EQ(Names(dir.Path()), (std::vector<std::string>{"dangling", "latest", "out"}));
}

}  // namespace
}  // namespace pg
