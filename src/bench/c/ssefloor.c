/*
 * ssefloor: the floor of the simulator's token-timing benchmark for the exact workload that
 * sseload drives (scripts/bench-sim.sh).
 *
 * A one-thread HTTP/1.1 server in C that does for each request what the simulator does for the
 * bench profile's `bench/paced` model, and nothing else: it stamps the request's arrival when its
 * last byte is read, answers with an SSE head at once, then writes one ~330-byte chunk (the
 * simulator's size, with "finish_reason":null) 100 ms after the arrival and every 20 ms after
 * that, 100 in all, then `data: [DONE]` and the last chunk, keeping the connection open for the
 * next request. It sleeps in epoll_pwait2 to the next due time (woken 50 us early) and writes each
 * chunk with one write(2). No JVM, no JSON, no profile: what sseload measures against it is this
 * machine's wake-ups, loopback and scheduling under the same requests and token events.
 *
 * Usage: ssefloor PORT   (serves on 127.0.0.1:PORT until killed; prints "ready" once listening)
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

#define MAX_FD 4096
#define TOKENS 100
#define TTFT_NS 100000000L
#define GAP_NS 20000000L
#define EARLY_NS 50000L

typedef struct {
  char in[4096];
  int in_len;
  long arrival;
  int sent;  // chunks written for the current request
  int streaming;
} conn;

static conn *conns[MAX_FD];

static const char HEAD[] =
    "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-cache\r\n"
    "Transfer-Encoding: chunked\r\nConnection: keep-alive\r\n\r\n";
static const char TOKEN[] =
    "data: {\"id\":\"gen-1700000000-abcdefghijklmnopqrst\",\"provider\":\"Bench\",\"model\":"
    "\"bench/paced\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,\"choices\":[{"
    "\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\" word\"},\"finish_reason\":null,"
    "\"native_finish_reason\":null,\"logprobs\":null}],\"system_fingerprint\":\"fp_0123456789\"}"
    "\n\n";
static const char DONE[] = "data: [DONE]\n\n";

static long now_ns(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec * 1000000000L + t.tv_nsec;
}

static void write_all(int fd, const char *data, size_t len) {
  while (len > 0) {
    ssize_t w = write(fd, data, len);
    if (w <= 0) return;  // the client went away; its read side closes the connection
    data += w;
    len -= (size_t)w;
  }
}

/* One chunk of Transfer-Encoding: chunked, with the last (empty) chunk after it when `last`. */
static void write_chunk(int fd, const char *data, int len, int last) {
  char buf[1024];
  int n = sprintf(buf, "%x\r\n", len);
  memcpy(buf + n, data, len);
  n += len;
  memcpy(buf + n, "\r\n", 2);
  n += 2;
  if (last) {
    memcpy(buf + n, "0\r\n\r\n", 5);
    n += 5;
  }
  write_all(fd, buf, n);
}

/* Starts the next request on this connection once it is wholly read (head and Content-Length). */
static void start_if_complete(int fd, conn *c) {
  char *end = memmem(c->in, c->in_len, "\r\n\r\n", 4);
  if (end == NULL) return;
  int head_len = (int)(end + 4 - c->in);
  int body_len = 0;
  char *cl = strcasestr(c->in, "content-length:");
  if (cl != NULL && cl < end) body_len = atoi(cl + 15);
  if (c->in_len < head_len + body_len) return;
  c->arrival = now_ns();
  c->sent = 0;
  c->streaming = 1;
  memmove(c->in, c->in + head_len + body_len, c->in_len - head_len - body_len);
  c->in_len -= head_len + body_len;
  write_all(fd, HEAD, sizeof HEAD - 1);
}

static long due_of(const conn *c) { return c->arrival + TTFT_NS + (long)c->sent * GAP_NS; }

int main(int argc, char **argv) {
  if (argc != 2) {
    fprintf(stderr, "usage: ssefloor PORT\n");
    return 2;
  }
  int listener = socket(AF_INET, SOCK_STREAM, 0);
  int one = 1;
  setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
  struct sockaddr_in addr = {0};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = htons(atoi(argv[1]));
  if (bind(listener, (struct sockaddr *)&addr, sizeof addr) != 0 || listen(listener, 4096) != 0) {
    perror("ssefloor: bind");
    return 1;
  }
  int epoll = epoll_create1(0);
  struct epoll_event e = {.events = EPOLLIN, .data.fd = listener};
  epoll_ctl(epoll, EPOLL_CTL_ADD, listener, &e);
  printf("ready\n");
  fflush(stdout);
  struct epoll_event ready[256];
  for (;;) {
    long now = now_ns();
    long next = now + 1000000000L;
    for (int fd = 0; fd < MAX_FD; fd++) {
      conn *c = conns[fd];
      if (c == NULL || !c->streaming) continue;
      while (c->streaming && due_of(c) <= now + EARLY_NS) {
        write_chunk(fd, TOKEN, sizeof TOKEN - 1, 0);
        if (++c->sent == TOKENS) {
          write_chunk(fd, DONE, sizeof DONE - 1, 1);
          c->streaming = 0;
          start_if_complete(fd, c);  // a request that came in while this one streamed
        }
      }
      if (c->streaming && due_of(c) < next) next = due_of(c);
    }
    long wait = next - EARLY_NS - now_ns();
    struct timespec timeout = {wait > 0 ? wait / 1000000000L : 0, wait > 0 ? wait % 1000000000L : 0};
    int r = epoll_pwait2(epoll, ready, 256, &timeout, NULL);
    for (int j = 0; j < r; j++) {
      int fd = ready[j].data.fd;
      if (fd == listener) {
        int client = accept(listener, NULL, NULL);
        if (client < 0 || client >= MAX_FD) {
          if (client >= 0) close(client);
          continue;
        }
        setsockopt(client, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        conns[client] = calloc(1, sizeof(conn));
        struct epoll_event ce = {.events = EPOLLIN, .data.fd = client};
        epoll_ctl(epoll, EPOLL_CTL_ADD, client, &ce);
        continue;
      }
      conn *c = conns[fd];
      ssize_t got = read(fd, c->in + c->in_len, sizeof c->in - c->in_len);
      if (got <= 0) {
        epoll_ctl(epoll, EPOLL_CTL_DEL, fd, NULL);
        close(fd);
        free(c);
        conns[fd] = NULL;
        continue;
      }
      c->in_len += (int)got;
      if (!c->streaming) start_if_complete(fd, c);
    }
  }
}
