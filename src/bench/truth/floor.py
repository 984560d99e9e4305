#!/usr/bin/env python3
"""The floor of client timing error: the simplest reader of the same streams.

One keep-alive socket, pitwall's own request written with one sendall, the response read with recv into a
buffer, token events found by a plain byte search, every stamp from time.monotonic_ns(). It measures
TTFT and E2E as pitwall defines them (first and last token-bearing event after the send) and prints
one CSV line per call: generation_id,ttft_ns,e2e_ns.

usage: floor.py HOST PORT CALLS WARMUP [MODEL] [--pauses FILE]   (MODEL defaults to truth/model)

--pauses FILE: before call i, sleep the i-th number of FILE (ms, one a line; none: 0), so the floor
keeps another client's pace between calls (bench-truth.sh gives it pitwall's). Without it the next
request leaves as soon as the last response ended.
"""
import socket
import sys
import time

args = sys.argv[1:]
pauses = []
if "--pauses" in args:
    at = args.index("--pauses")
    pauses = [float(line) / 1000 for line in open(args[at + 1]) if line.strip()]
    del args[at:at + 2]
host, port, calls, warmup = args[0], int(args[1]), int(args[2]), int(args[3])
model = (args[4] if len(args) > 4 else "truth/model").encode()
# Byte for byte the request `pitwall run` sends for src/bench/truth/suite.yaml (its headers, its
# body's keys in its order): the server then runs the same code for both clients, and the server's
# warm-up with this reader compiles the code pitwall's requests take. With a request of its own
# shape, the floor measured a server warmed for it while pitwall met one still compiling.
body = (b'{"model":"' + model + b'","messages":[{"role":"user","content":"Say hello"}],'
        b'"max_tokens":500,"temperature":0.0,"stream":true,'
        b'"stream_options":{"include_usage":true},"usage":{"include":true}}')
request = (b"POST /api/v1/chat/completions HTTP/1.1\r\nHost: " + host.encode() + b":" + str(port).encode()
           + b"\r\nContent-Type: application/json\r\nAccept: text/event-stream\r\n"
           + b"User-Agent: pitwall\r\nHTTP-Referer: https://github.com/pitwall-dev/pitwall\r\n"
           + b"X-Title: pitwall\r\nX-OpenRouter-Title: pitwall\r\n"
           + b"Content-Length: " + str(len(body)).encode() + b"\r\n\r\n" + body)
TOKEN = b'"content":"'   # a delta with content; the role-only first chunk has "content":""
END = b"\r\n0\r\n\r\n"   # the chunked body's last chunk

sock = socket.create_connection((host, port))
sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
print("generation_id,ttft_ns,e2e_ns")
for i in range(warmup + calls):
    buf = bytearray()
    first = last = -1
    scanned = 0
    if i < len(pauses) and pauses[i] > 0:
        time.sleep(pauses[i])
    t_send = time.monotonic_ns()
    sock.sendall(request)
    while True:
        chunk = sock.recv(65536)
        now = time.monotonic_ns()
        if not chunk:
            sys.exit("server closed the connection")
        buf += chunk
        # a token event in the new bytes: content that is not empty
        pos = buf.find(TOKEN, max(0, scanned - len(TOKEN)))
        while pos >= 0:
            if buf[pos + len(TOKEN):pos + len(TOKEN) + 1] != b'"':
                if first < 0:
                    first = now
                last = now
            pos = buf.find(TOKEN, pos + 1)
        scanned = len(buf)
        if buf.endswith(END):
            break
    head = bytes(buf[:buf.find(b"\r\n\r\n")]).decode("latin-1")
    gen = next(l.split(":", 1)[1].strip() for l in head.split("\r\n")
               if l.lower().startswith("x-generation-id:"))
    if i >= warmup:
        print(f"{gen},{first - t_send},{last - t_send}", flush=True)
