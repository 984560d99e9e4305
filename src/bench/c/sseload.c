/*
 * sseload: a one-thread C load generator for the simulator's token timing (scripts/bench-sim.sh).
 *
 * The same measurement as StreamLoad (src/bench/java/dev/pitwall/sim/bench), without a JVM on the
 * client side: N keep-alive connections each stream the bench profile's `bench/paced` model (first
 * token 100 ms after the request, then one every 20 ms), a new request as soon as the last ends;
 * the first requests are spread evenly over SPREAD_MS (default 20, one token gap). Each token
 * event's arrival is compared with its due time (request written + 100 ms + k x 20 ms). One epoll
 * thread at about 0.12 of a CPU, so the figure is mostly the server's.
 *
 * Two schedules, both 200 streams and 10,000 token events/s:
 * - SPREAD_MS 20 (the default): token events evenly 0.1 ms apart, but every stream lasts the same
 *   2.08 s, so all 200 streams end, and ask again, within the same 20 ms: a burst of 200 requests
 *   (10,000 requests/s for 20 ms) every 2.08 s;
 * - SPREAD_MS 2080 (a stream's life): the same token events, and requests at an even ~96/s.
 *
 * Usage: sseload PORT STREAMS SECONDS WARMUP_SECONDS [SPREAD_MS]
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define TTFT_NS 100000000L
#define GAP_NS 20000000L

static const char TOKEN_MARK[] = "\"finish_reason\":null";
static const char DONE_MARK[] = "data: [DONE]";

typedef struct {
  int fd;
  long sent, first;
  int tokens, token_match, done_match;
} conn;

typedef struct {
  long *v;
  long n, cap;
} samples;

static long now_ns(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec * 1000000000L + t.tv_nsec;
}

static void add(samples *s, long x) {
  if (s->n < s->cap) s->v[s->n++] = x < 0 ? -x : x;
}

static int by_value(const void *a, const void *b) {
  long x = *(const long *)a, y = *(const long *)b;
  return x < y ? -1 : x > y;
}

static void print_line(const char *what, samples *s) {
  if (s->n == 0) {
    printf("%s: none\n", what);
    return;
  }
  qsort(s->v, s->n, sizeof(long), by_value);
  printf("%s: p50 %.3f  p90 %.3f  p99 %.3f  p99.9 %.3f  max %.3f\n", what,
         s->v[s->n / 2] / 1e6, s->v[s->n * 9 / 10] / 1e6, s->v[s->n * 99 / 100] / 1e6,
         s->v[s->n * 999 / 1000] / 1e6, s->v[s->n - 1] / 1e6);
}

int main(int argc, char **argv) {
  if (argc != 5 && argc != 6) {
    fprintf(stderr, "usage: sseload PORT STREAMS SECONDS WARMUP_SECONDS [SPREAD_MS]\n");
    return 2;
  }
  int port = atoi(argv[1]), n = atoi(argv[2]), seconds = atoi(argv[3]), warmup = atoi(argv[4]);
  long spread_ns = argc == 6 ? atol(argv[5]) * 1000000L : GAP_NS;
  if (spread_ns <= 0) {
    fprintf(stderr, "sseload: SPREAD_MS must be a positive number of milliseconds\n");
    return 2;
  }
  const char *body =
      "{\"model\":\"bench/paced\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"go\"}]}";
  char request[512];
  int request_len = snprintf(request, sizeof request,
                             "POST /api/v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                             "Content-Type: application/json\r\nContent-Length: %zu\r\n\r\n%s",
                             strlen(body), body);
  struct sockaddr_in addr = {0};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = htons(port);
  int epoll = epoll_create1(0);
  conn *conns = calloc(n, sizeof(conn));
  int one = 1;
  for (int i = 0; i < n; i++) {
    conns[i].fd = socket(AF_INET, SOCK_STREAM, 0);
    setsockopt(conns[i].fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    if (connect(conns[i].fd, (struct sockaddr *)&addr, sizeof addr) != 0) {
      perror("sseload: connect");
      return 1;
    }
    struct epoll_event e = {.events = EPOLLIN, .data.u32 = (unsigned)i};
    epoll_ctl(epoll, EPOLL_CTL_ADD, conns[i].fd, &e);
  }
  long start = now_ns();
  long record_from = start + warmup * 1000000000L;
  long end = record_from + seconds * 1000000000L;
  int started = 0;  // stream i starts i/n of the spread after stream 0, between reads
  long cap = (long)n * (seconds + warmup + 2) * (1000000000L / GAP_NS);
  samples late = {malloc(cap * sizeof(long)), 0, cap};
  samples gap = {malloc(cap * sizeof(long)), 0, cap};
  samples first = {malloc(cap * sizeof(long)), 0, cap};
  long completed = 0, broken = 0;
  int open = n;
  struct epoll_event ready[256];
  static char buf[65536];
  // A stream lasts about 2.1 s; one still open 30 s after the end never finished.
  while (open > 0 && now_ns() < end + 30000000000L) {
    int timeout_ms = 100;
    while (started < n) {
      long wait = start + (long)started * spread_ns / n - now_ns();
      if (wait > 0) {  // sleep to the last millisecond before the next start, then poll
        timeout_ms = wait > 1000000L ? (int)(wait / 1000000L) - 1 : 0;
        break;
      }
      conns[started].sent = now_ns();
      if (write(conns[started].fd, request, request_len) != request_len) {
        perror("sseload: write");
        return 1;
      }
      started++;
    }
    int r = epoll_wait(epoll, ready, 256, timeout_ms);
    for (int j = 0; j < r; j++) {
      conn *c = &conns[ready[j].data.u32];
      ssize_t got = read(c->fd, buf, sizeof buf);
      long t = now_ns();  // per read, not per wake-up: walking the ready list takes a while
      if (got <= 0) {
        broken++;
        close(c->fd);
        open--;
        continue;
      }
      for (ssize_t q = 0; q < got; q++) {
        char ch = buf[q];
        c->token_match = ch == TOKEN_MARK[c->token_match] ? c->token_match + 1
                                                          : (ch == TOKEN_MARK[0] ? 1 : 0);
        if (c->token_match == (int)sizeof TOKEN_MARK - 1) {
          c->token_match = 0;
          long due = c->sent + TTFT_NS + c->tokens * GAP_NS;
          if (c->tokens == 0) c->first = t;
          if (t >= record_from) {
            if (c->tokens == 0) {
              add(&first, t - due);
            } else {
              add(&late, t - due);
              add(&gap, t - c->first - c->tokens * GAP_NS);
            }
          }
          c->tokens++;
        }
        c->done_match =
            ch == DONE_MARK[c->done_match] ? c->done_match + 1 : (ch == DONE_MARK[0] ? 1 : 0);
        if (c->done_match == (int)sizeof DONE_MARK - 1) {
          c->done_match = 0;
          c->tokens = 0;
          if (t >= record_from) completed++;
          if (t < end) {
            c->sent = t;
            if (write(c->fd, request, request_len) != request_len) broken++;
          } else {
            close(c->fd);
            open--;
            break;
          }
        }
      }
    }
  }
  broken += open;  // never finished
  printf("streams: %d concurrent, %ld completed, %ld broken; one C reader thread\n", n, completed,
         broken);
  printf("token events: %ld; ", late.n);
  print_line("|arrival - profile| ms", &late);
  print_line("same, against the stream's own first token", &gap);
  print_line("first token |arrival - profile| ms", &first);
  return broken > 0 ? 1 : 0;
}
