/*
 * looppair: the machine's floor for the simulator's token-timing benchmark (scripts/bench-sim.sh).
 *
 * The least a server and a client can do for the same schedule: a sender process writes an
 * 8-byte deadline on each of N loopback TCP connections at its due time (connection i at
 * i/N of a 20 ms gap, then every 20 ms: 10,000 events/s for N = 200), sleeping to each deadline
 * with clock_nanosleep; a receiver process reads with epoll and records arrival - deadline. No
 * HTTP, no JSON, no JVM: what is left is this machine's wake-ups, loopback and scheduling.
 *
 * Usage: looppair STREAMS SECONDS   (the first 2 s are not recorded)
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define GAP_NS 20000000L
#define WARMUP_S 2

static long now_ns(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec * 1000000000L + t.tv_nsec;
}

static int by_value(const void *a, const void *b) {
  long x = *(const long *)a, y = *(const long *)b;
  return x < y ? -1 : x > y;
}

int main(int argc, char **argv) {
  if (argc != 3) {
    fprintf(stderr, "usage: looppair STREAMS SECONDS\n");
    return 2;
  }
  int n = atoi(argv[1]), seconds = atoi(argv[2]);
  int listener = socket(AF_INET, SOCK_STREAM, 0);
  struct sockaddr_in addr = {0};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t len = sizeof addr;
  if (bind(listener, (struct sockaddr *)&addr, len) != 0 || listen(listener, 4096) != 0 ||
      getsockname(listener, (struct sockaddr *)&addr, &len) != 0) {
    perror("looppair: listen");
    return 1;
  }
  long t0 = now_ns() + 500000000L;
  long end = t0 + (long)(seconds + WARMUP_S) * 1000000000L;
  pid_t sender = fork();
  if (sender == 0) {
    int one = 1;
    int *fds = malloc(n * sizeof(int));
    for (int i = 0; i < n; i++) {
      fds[i] = socket(AF_INET, SOCK_STREAM, 0);
      setsockopt(fds[i], IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
      if (connect(fds[i], (struct sockaddr *)&addr, sizeof addr) != 0) {
        perror("looppair: connect");
        return 1;
      }
    }
    for (long k = 0;; k++) {
      for (int i = 0; i < n; i++) {
        long due = t0 + k * GAP_NS + (long)i * GAP_NS / n;
        if (due > end) return 0;
        struct timespec ts = {due / 1000000000L, due % 1000000000L};
        clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &ts, NULL);
        if (write(fds[i], &due, sizeof due) != sizeof due) return 1;
      }
    }
  }
  int epoll = epoll_create1(0);
  for (int i = 0; i < n; i++) {
    struct epoll_event e = {.events = EPOLLIN, .data.fd = accept(listener, NULL, NULL)};
    epoll_ctl(epoll, EPOLL_CTL_ADD, e.data.fd, &e);
  }
  long cap = (long)n * (seconds + WARMUP_S + 1) * (1000000000L / GAP_NS);
  long *late = malloc(cap * sizeof(long)), count = 0;
  long record_from = t0 + WARMUP_S * 1000000000L;
  struct epoll_event ready[256];
  while (now_ns() < end + 100000000L) {
    int r = epoll_wait(epoll, ready, 256, 50);
    for (int j = 0; j < r; j++) {
      long dues[64];
      ssize_t got = read(ready[j].data.fd, dues, sizeof dues);
      long t = now_ns();
      for (ssize_t q = 0; q < got / (ssize_t)sizeof(long); q++) {
        if (dues[q] >= record_from && count < cap) late[count++] = t - dues[q];
      }
    }
  }
  waitpid(sender, NULL, 0);
  if (count == 0) {
    fprintf(stderr, "looppair: no events\n");
    return 1;
  }
  qsort(late, count, sizeof(long), by_value);
  printf("loopback floor (C sender + C receiver, %d connections, same schedule): %ld events, "
         "late ms: p50 %.3f  p90 %.3f  p99 %.3f  p99.9 %.3f  max %.3f\n",
         n, count, late[count / 2] / 1e6, late[count * 9 / 10] / 1e6, late[count * 99 / 100] / 1e6,
         late[count * 999 / 1000] / 1e6, late[count - 1] / 1e6);
  return 0;
}
