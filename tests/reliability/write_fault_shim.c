/* Test-only LD_PRELOAD shim: makes write() to folio's temporary output files fail or crawl.
 *
 * FOLIO_TEST_ENOSPC_AFTER=N  writes to a "*.tmp-*" file fail with ENOSPC once N bytes of
 *                            such writes have gone through (a disk filling up mid-output).
 * FOLIO_TEST_ENOSPC_MATCH=S  with FOLIO_TEST_ENOSPC_AFTER: only temporary files whose path
 *                            contains S fail (".pdf.tmp-": the PDF stage fails, the EPUB not).
 * FOLIO_TEST_WRITE_DELAY_MS=M each write to a "*.tmp-*" file first sleeps M ms, so a test can
 *                            signal the build while its temporary file exists.
 * FOLIO_TEST_THREADS=N       pthread_create fails with EAGAIN once N of folio's own threads
 *                            have been started (a process or thread limit reached mid-build):
 *                            those started through libstdc++ (std::thread, std::async); GLib's
 *                            (GLib aborts when one fails) and folio's startup check are left alone.
 * Other files (stderr, caches) are left alone, and folio itself needs no test hook. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static size_t written_so_far;

static int is_temporary_output(int fd) {
  const char* match = getenv("FOLIO_TEST_ENOSPC_MATCH");
  char link[64], target[4096];
  snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
  ssize_t n = readlink(link, target, sizeof target - 1);
  if (n <= 0) return 0;
  target[n] = '\0';
  return strstr(target, ".tmp-") != NULL && (!match || strstr(target, match) != NULL);
}

ssize_t write(int fd, const void* buf, size_t count) {
  static ssize_t (*real_write)(int, const void*, size_t);
  if (!real_write) real_write = (ssize_t(*)(int, const void*, size_t))dlsym(RTLD_NEXT, "write");
  if (fd > 2 && is_temporary_output(fd)) {
    const char* delay = getenv("FOLIO_TEST_WRITE_DELAY_MS");
    if (delay) {
      long ms = atol(delay);
      struct timespec ts = {ms / 1000, (ms % 1000) * 1000000L};
      nanosleep(&ts, NULL);
    }
    const char* limit = getenv("FOLIO_TEST_ENOSPC_AFTER");
    if (limit) {
      size_t room = (size_t)atoll(limit);
      if (written_so_far >= room) {
        errno = ENOSPC;
        return -1;
      }
      if (count > room - written_so_far) count = room - written_so_far; /* a short write */
      written_so_far += count;
    }
  }
  return real_write(fd, buf, count);
}

static int threads_started;

int pthread_create(pthread_t* thread, const pthread_attr_t* attr, void* (*start)(void*),
                   void* arg) {
  static int (*real_create)(pthread_t*, const pthread_attr_t*, void* (*)(void*), void*);
  if (!real_create)
    real_create = (int (*)(pthread_t*, const pthread_attr_t*, void* (*)(void*), void*))dlsym(
        RTLD_NEXT, "pthread_create");
  /* Only folio's own threads (std::thread, std::async: started from libstdc++): GLib aborts
   * the process when a thread of its own (Pango's fontconfig helpers) cannot start, which no
   * caller can catch. */
  const char* most = getenv("FOLIO_TEST_THREADS");
  /* folio's workers are std::thread / std::async, started from libstdc++; folio's startup
   * check (can_start_threads, before the limit is "reached") calls pthread_create itself. */
  Dl_info caller;
  int from_libstdcxx = dladdr(__builtin_return_address(0), &caller) && caller.dli_fname &&
                       strstr(caller.dli_fname, "libstdc++") != NULL;
  if (most && from_libstdcxx &&
      __atomic_fetch_add(&threads_started, 1, __ATOMIC_SEQ_CST) >= atoi(most))
    return EAGAIN;
  return real_create(thread, attr, start, arg);
}
