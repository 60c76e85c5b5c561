#include "runtime/thread_pool.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <future>
#include <thread>

namespace weft::runtime {
namespace {

TEST(ThreadPoolTest, RunsTasksAtOnce) {
  ThreadPool pool(2);
  ASSERT_EQ(pool.size(), 2u);
  // Each task waits for the other, so they return only when both run at the same time.
  std::promise<void> first_running, second_running;
  std::shared_future<void> first = first_running.get_future().share();
  std::shared_future<void> second = second_running.get_future().share();
  std::atomic<int> met{0};
  pool.Start([&] {
    first_running.set_value();
    if (second.wait_for(std::chrono::seconds(20)) == std::future_status::ready) ++met;
  });
  pool.Start([&] {
    second_running.set_value();
    if (first.wait_for(std::chrono::seconds(20)) == std::future_status::ready) ++met;
  });
  pool.Wait();
  EXPECT_EQ(met.load(), 2);
}

TEST(ThreadPoolTest, WaitCoversQueuedTasks) {
  ThreadPool pool(1);
  std::atomic<int> done{0};
  for (int i = 0; i < 50; ++i) {
    pool.Start([&] {
      std::this_thread::sleep_for(std::chrono::microseconds(100));
      ++done;
    });
  }
  pool.Wait();
  EXPECT_EQ(done.load(), 50);
  // The pool takes tasks again after a Wait.
  pool.Start([&] { ++done; });
  pool.Wait();
  EXPECT_EQ(done.load(), 51);
}

TEST(ThreadPoolTest, DestructorRunsQueuedTasks) {
  std::atomic<int> done{0};
  {
    ThreadPool pool(1);
    for (int i = 0; i < 10; ++i) pool.Start([&] { ++done; });
  }
  EXPECT_EQ(done.load(), 10);
}

TEST(ThreadPoolTest, TasksRunOffCaller) {
  ThreadPool pool(1);
  std::thread::id ran_on;
  pool.Start([&] { ran_on = std::this_thread::get_id(); });
  pool.Wait();
  EXPECT_NE(ran_on, std::this_thread::get_id());
}

TEST(ThreadPoolTest, EmptyPoolRunsTasksOnCaller) {
  ThreadPool pool(0);
  EXPECT_EQ(pool.size(), 0u);
  std::thread::id ran_on;
  pool.Start([&] { ran_on = std::this_thread::get_id(); });
  EXPECT_EQ(ran_on, std::this_thread::get_id());
  pool.Wait();
}

}  // namespace
}  // namespace weft::runtime
