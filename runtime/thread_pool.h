#pragma once

#include <pthread.h>
#include <sched.h>

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <string>
#include <vector>

namespace weft::runtime {

// Threads that wait for tasks, so that a program can start them before their work is ready.
//
// On the 2-core VM of docs/benchmarks.md, a new thread often ran only 3 ms after it was made, when
// the scheduler next balanced the cores, while the thread that made it kept its core busy. That
// was 2% of a 0.13 s run. So each thread is started on another core than its maker's, where the
// process may use one, and then allowed every core of the process again. A program that starts the
// pool before it parses its files has the threads waiting when the first batch is ready.
class ThreadPool {
 public:
  // Starts up to `threads` threads. Fewer start when the system cannot start one, as at a limit
  // on processes, and start_error() then gives the reason.
  explicit ThreadPool(size_t threads);
  // Waits for the running tasks to return, then stops the threads.
  ~ThreadPool();
  ThreadPool(const ThreadPool&) = delete;
  ThreadPool& operator=(const ThreadPool&) = delete;

  size_t size() const { return threads_.size(); }
  const std::string& start_error() const { return start_error_; }

  // Runs `task` on a thread of the pool. A task waits for a free thread, so a caller that needs
  // its tasks to run at the same time starts at most size() of them. A pool without threads runs
  // the task on the calling thread before it returns.
  void Start(std::function<void()> task);
  // Returns when every task started so far has returned.
  void Wait();

 private:
  static void* Main(void* pool);
  // Runs the queued tasks, then joins the threads.
  void Stop();
  void Run();

  std::mutex mutex_;
  std::condition_variable queued_;
  std::condition_variable finished_;
  std::deque<std::function<void()>> tasks_;
  // Tasks started and not yet returned, queued ones included.
  size_t unfinished_ = 0;
  bool stopping_ = false;
  // The cores the process may use, which each thread is allowed again once it runs.
  cpu_set_t cores_;
  bool know_cores_ = false;
  std::vector<pthread_t> threads_;
  std::string start_error_;
};

}  // namespace weft::runtime
