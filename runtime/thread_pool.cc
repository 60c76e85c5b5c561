#include "runtime/thread_pool.h"

#include <cerrno>
#include <cstring>
#include <utility>

namespace weft::runtime {
namespace {

// Makes `attributes` start a thread on any core of `cores` but the calling thread's. Returns
// false, and leaves them alone, when no such core is left.
bool AvoidCallersCore(const cpu_set_t& cores, pthread_attr_t& attributes) {
  int own = sched_getcpu();
  if (own < 0 || own >= CPU_SETSIZE) return false;
  cpu_set_t others = cores;
  CPU_CLR(own, &others);
  if (CPU_COUNT(&others) == 0) return false;
  return pthread_attr_setaffinity_np(&attributes, sizeof others, &others) == 0;
}

}  // namespace

ThreadPool::ThreadPool(size_t threads) {
  know_cores_ = sched_getaffinity(0, sizeof cores_, &cores_) == 0;
  for (size_t i = 0; i < threads; ++i) {
    pthread_t thread;
    pthread_attr_t attributes;
    pthread_attr_init(&attributes);
    int error = EINVAL;
    if (know_cores_ && AvoidCallersCore(cores_, attributes))
      error = pthread_create(&thread, &attributes, &ThreadPool::Main, this);
    pthread_attr_destroy(&attributes);
    // A sandbox may reject setting the cores. The thread then starts where Linux puts it.
    if (error != 0) error = pthread_create(&thread, nullptr, &ThreadPool::Main, this);
    if (error != 0) {
      start_error_ = std::strerror(error);
      return;
    }
    threads_.push_back(thread);
  }
}

ThreadPool::~ThreadPool() { Stop(); }

void ThreadPool::Stop() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
  }
  queued_.notify_all();
  for (pthread_t thread : threads_) pthread_join(thread, nullptr);
  threads_.clear();
}

void ThreadPool::Start(std::function<void()> task) {
  if (threads_.empty()) {
    task();
    return;
  }
  {
    std::lock_guard<std::mutex> lock(mutex_);
    tasks_.push_back(std::move(task));
    ++unfinished_;
  }
  queued_.notify_one();
}

void ThreadPool::Wait() {
  std::unique_lock<std::mutex> lock(mutex_);
  finished_.wait(lock, [this] { return unfinished_ == 0; });
}

void* ThreadPool::Main(void* pool) {
  auto& self = *static_cast<ThreadPool*>(pool);
  if (self.know_cores_) sched_setaffinity(0, sizeof self.cores_, &self.cores_);
  self.Run();
  return nullptr;
}

void ThreadPool::Run() {
  std::unique_lock<std::mutex> lock(mutex_);
  while (true) {
    queued_.wait(lock, [this] { return stopping_ || !tasks_.empty(); });
    // Queued tasks run before the threads stop, so that Wait always returns.
    if (tasks_.empty()) return;
    std::function<void()> task = std::move(tasks_.front());
    tasks_.pop_front();
    lock.unlock();
    task();
    lock.lock();
    if (--unfinished_ == 0) finished_.notify_all();
  }
}

}  // namespace weft::runtime
