#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 DragDropDeploy authors
# SPDX-License-Identifier: Apache-2.0
"""Webhook benchmark on a real ddd-agent with a loopback receiver (Python's
threading HTTP server): what queueing costs a deploy request (a small
deploy with ?activate=true, which publishes deploy.created and
version.activated, with 0 and with 4 subscribed webhooks), how long an
event takes to reach the receiver, and how fast a burst of 200 pings drains.
The figures go into docs/performance.md. Not a test: nothing asserts time.

    python3 bench/webhook_bench.py build/agent/ddd-agent
"""
import http.server, io, json, os, shutil, statistics, sys, tempfile, threading, time, zipfile

sys.path.insert(0, os.path.dirname(__file__))
from paging_bench import Agent  # noqa: E402

RUNS = 30


class Receiver(http.server.ThreadingHTTPServer):
    def __init__(self):
        super().__init__(("127.0.0.1", 0), Handler)
        self.arrivals = []  # (time, event)
        self.lock = threading.Lock()
        threading.Thread(target=self.serve_forever, daemon=True).start()

    def count(self, event=None):
        with self.lock:
            return sum(1 for _, e in self.arrivals if event is None or e == event)

    def wait(self, n, event=None, timeout=60):
        end = time.time() + timeout
        while self.count(event) < n and time.time() < end:
            time.sleep(0.001)
        return self.count(event) >= n


class Handler(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        with self.server.lock:
            self.server.arrivals.append((time.perf_counter(), self.headers.get("X-DDD-Event")))
        self.send_response(204)
        self.end_headers()

    def log_message(self, *args):
        pass


def small_zip(i):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("index.html", f"<h1>{i}</h1>")
    return buffer.getvalue()


def deploy(agent, project, i):
    start = time.perf_counter()
    status, body = agent.raw("POST", f"/api/v1/projects/{project}/deploys?activate=true", small_zip(i),
                             {"Content-Type": "application/zip"})
    if status != 201:
        sys.exit(f"deploy: {status} {body[:200]!r}")
    return start, time.perf_counter() - start


def main():
    binary = sys.argv[1]
    data = tempfile.mkdtemp(prefix="ddd-webhook-bench-")
    os.environ["DDD_WEBHOOKS_ALLOW_PRIVATE_TARGETS"] = "true"
    agent, receiver = Agent(binary, data), Receiver()
    try:
        json_headers = {"Content-Type": "application/json"}
        make = lambda name: json.loads(agent.raw("POST", "/api/v1/projects", json.dumps({"name": name}).encode(),
                                                 json_headers)[1])["id"]
        bare, hooked = make("bare"), make("hooked")
        url = f"http://127.0.0.1:{receiver.server_address[1]}/hook"
        events = ["deploy.created", "build.finished", "version.activated", "version.rolled_back"]
        hooks = [json.loads(agent.raw("POST", f"/api/v1/projects/{hooked}/webhooks",
                                      json.dumps({"url": url, "events": events}).encode(), json_headers)[1])["id"]
                 for _ in range(4)]
        without = [deploy(agent, bare, i)[1] for i in range(RUNS)]
        with_hooks, latency = [], []
        for i in range(RUNS):
            before = receiver.count("version.activated")
            start, took = deploy(agent, hooked, i)
            with_hooks.append(took)
            receiver.wait(before + 4, "version.activated")
            latency.append(receiver.arrivals[-1][0] - start - took)
        ms = lambda values: f"{statistics.median(values) * 1000:.1f} ms"
        print(f"deploy ?activate=true, median of {RUNS}: no webhook {ms(without)}, 4 webhooks {ms(with_hooks)}")
        print(f"response sent -> 4th version.activated received, median: {ms(latency)}")
        start, before = time.perf_counter(), receiver.count()
        for _ in range(50):
            for hook in hooks:
                agent.raw("POST", f"/api/v1/webhooks/{hook}/ping", b"")
        queued = time.perf_counter() - start
        receiver.wait(before + 200)
        drained = time.perf_counter() - start
        print(f"200 pings: queued in {queued:.2f} s, all received after {drained:.2f} s "
              f"({200 / drained:.0f} deliveries/s)")
    finally:
        agent.stop()
        receiver.shutdown()
        shutil.rmtree(data, ignore_errors=True)


if __name__ == "__main__":
    main()
