// inotify watching on a real temporary folder; a pipe stands in for Ctrl-C so nothing hangs.
#include "cli/folder_watcher.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <future>
#include <thread>

using namespace folio::cli;
using namespace std::chrono_literals;
namespace fs = std::filesystem;

namespace {

class FolderWatcherTest : public ::testing::Test {
 protected:
  void SetUp() override {
    char templ[] = "/tmp/folio-watch-XXXXXX";
    ASSERT_NE(::mkdtemp(templ), nullptr);
    root_ = templ;
    ASSERT_EQ(::pipe(stop_), 0);
  }
  void TearDown() override {
    ::close(stop_[0]);
    ::close(stop_[1]);
    fs::remove_all(root_);
  }
  void write(const fs::path& rel, const std::string& text) { std::ofstream(root_ / rel) << text; }
  // Waits on another thread, and presses "stop" after `timeout` so a missed event fails
  // the test instead of hanging it.
  FolderWatcher::Result wait_with_timeout(FolderWatcher& w, std::chrono::milliseconds timeout) {
    auto result = std::async(std::launch::async, [&] { return w.wait(stop_[0], 50ms); });
    if (result.wait_for(timeout) == std::future_status::timeout) {
      char c = 's';
      EXPECT_EQ(::write(stop_[1], &c, 1), 1);
    }
    return result.get();
  }

  fs::path root_;
  int stop_[2] = {-1, -1};
};

TEST_F(FolderWatcherTest, ReportsAWrittenFile) {
  write("a.md", "one");
  FolderWatcher w(root_);
  ASSERT_EQ(w.error(), "");
  std::thread writer([&] {
    std::this_thread::sleep_for(50ms);
    write("a.md", "two");
  });
  auto r = wait_with_timeout(w, 5s);
  writer.join();
  EXPECT_EQ(r.wake, FolderWatcher::Wake::changed);
  EXPECT_EQ(r.changed, std::vector<std::string>{"a.md"});
}

TEST_F(FolderWatcherTest, FoldsABurstIntoOneWake) {
  FolderWatcher w(root_);
  std::thread writer([&] {
    for (int i = 0; i < 5; ++i) {
      write("b.md", std::to_string(i));
      write("c.md", std::to_string(i));
      std::this_thread::sleep_for(10ms);  // closer together than the 50 ms debounce
    }
  });
  auto r = wait_with_timeout(w, 5s);
  writer.join();
  EXPECT_EQ(r.wake, FolderWatcher::Wake::changed);
  EXPECT_EQ(r.changed, (std::vector<std::string>{"b.md", "c.md"}));
}

TEST_F(FolderWatcherTest, IgnoresEditorSideFilesAndStopsOnRequest) {
  FolderWatcher w(root_);
  write(".a.md.swp", "x");
  write("a.md~", "x");
  write("4913", "x");
  write("out.pdf.tmp-AbC123", "x");
  auto r = wait_with_timeout(w, 500ms);
  EXPECT_EQ(r.wake, FolderWatcher::Wake::stop);
  EXPECT_TRUE(r.changed.empty());
}

TEST_F(FolderWatcherTest, WatchesSubfoldersCreatedLater) {
  FolderWatcher w(root_);
  fs::create_directory(root_ / "images");
  auto first = wait_with_timeout(w, 5s);
  ASSERT_EQ(first.wake, FolderWatcher::Wake::changed);
  std::thread writer([&] {
    std::this_thread::sleep_for(50ms);
    write("images/map.png", "png");
  });
  auto second = wait_with_timeout(w, 5s);
  writer.join();
  EXPECT_EQ(second.wake, FolderWatcher::Wake::changed);
  EXPECT_EQ(second.changed, std::vector<std::string>{"images/map.png"});
}

TEST_F(FolderWatcherTest, ReportsTheRootGoingAway) {
  FolderWatcher w(root_);
  fs::path moved = root_.string() + "-moved";
  fs::rename(root_, moved);
  auto r = wait_with_timeout(w, 5s);
  fs::rename(moved, root_);
  EXPECT_EQ(r.wake, FolderWatcher::Wake::gone);
}

TEST_F(FolderWatcherTest, DoesNotFollowLinksToFolders) {
  // Two links to "." would make an endless tree of watches, a link to / a huge one.
  fs::create_directory(root_ / "images");
  fs::create_directory_symlink(".", root_ / "again");
  fs::create_directory_symlink(".", root_ / "images" / "up");
  fs::create_directory_symlink("/", root_ / "root");
  auto start = std::chrono::steady_clock::now();
  FolderWatcher w(root_);
  EXPECT_LT(std::chrono::steady_clock::now() - start, 2s);
  ASSERT_EQ(w.error(), "");
  write("images/map.png", "png");
  auto r = wait_with_timeout(w, 5s);
  EXPECT_EQ(r.wake, FolderWatcher::Wake::changed);
  EXPECT_EQ(r.changed, std::vector<std::string>{"images/map.png"});  // once, by its real path
}

TEST_F(FolderWatcherTest, StopsSettingUpOnRequest) {
  for (int i = 0; i < 200; ++i) fs::create_directories(root_ / std::to_string(i));
  char c = 's';
  ASSERT_EQ(::write(stop_[1], &c, 1), 1);
  FolderWatcher w(root_, stop_[0]);
  EXPECT_TRUE(w.stopped());
}

TEST_F(FolderWatcherTest, IgnoresTheOutputFolder) {
  fs::create_directories(root_ / "out" / "deeper");
  FolderWatcher w(root_);
  w.ignore(root_ / "out");
  write("out/book.epub", "x");
  write("out/deeper/book.pdf", "x");
  write("a.md", "x");
  auto r = wait_with_timeout(w, 5s);
  EXPECT_EQ(r.wake, FolderWatcher::Wake::changed);
  EXPECT_EQ(r.changed, std::vector<std::string>{"a.md"});
}

TEST(SideFiles, AreRecognised) {
  for (const char* name :
       {".book.yaml.swp", "a.md~", "#a.md#", "4913", "a.md.swx", "x.epub.tmp-123456", ".hidden"})
    EXPECT_TRUE(is_side_file(name)) << name;
  for (const char* name : {"a.md", "book.yaml", "map.png", "01-chapter.md"})
    EXPECT_FALSE(is_side_file(name)) << name;
}

}  // namespace
