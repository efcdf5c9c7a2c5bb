// The clocks the benchmarks that time a whole run read themselves (those
// that report through Google Benchmark use its timers). Header-only.
#ifndef HEARSAY_BENCH_CLOCK_H_
#define HEARSAY_BENCH_CLOCK_H_

#include <ctime>

namespace hearsay::bench {

// CPU time of the process so far, in seconds.
inline double CpuSeconds() {
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + ts.tv_nsec / 1e9;
}

// A monotonic wall clock, in seconds.
inline double WallSeconds() {
  timespec ts{};
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return static_cast<double>(ts.tv_sec) + ts.tv_nsec / 1e9;
}

}  // namespace hearsay::bench

#endif  // HEARSAY_BENCH_CLOCK_H_
