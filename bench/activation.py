#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 DragDropDeploy authors
# SPDX-License-Identifier: Apache-2.0
"""Activation benchmark (issue 14): for sites of 10, 10,000 and 100,000 files,
alternating activations of two versions through the API while wrk serves the
site, p50/p99 per size; then 100 projects x 10,000 files: the agent's idle
private memory (RssAnon) after a restart, the private memory per live file, and
the start-up reconciliation time the agent logs. Not a test: nothing here
asserts time. Usage: bench/activation.py [ddd-agent binary]
(ACTIVATIONS=200, ACTIVATIONS_100K=200, PROJECTS=100)."""
import hashlib, http.client, json, os, re, shutil, signal, statistics, subprocess, sys, tempfile, time

ACTIVATIONS = int(os.environ.get("ACTIVATIONS", "200"))
ACTIVATIONS_100K = int(os.environ.get("ACTIVATIONS_100K", str(ACTIVATIONS)))
PROJECTS = int(os.environ.get("PROJECTS", "100"))
SIZES = (10, 10_000, 100_000)


def path_of(i):
    return f"d{i % 97}/f{i}.html"


def content_of(i, tag):
    # Eight distinct small pages: few blobs to send (a blob PUT costs time proportional to the
    # session's manifest), every path still its own entry.
    return f"<p>{tag} {i % 8}</p>\n".encode()


def site_files(count, tag):
    files = {path_of(i): content_of(i, "page") for i in range(count - 1)}
    files["index.html"] = f"<h1>{tag}</h1>".encode()
    return files


class Agent:
    def __init__(self, binary, data_dir, log_path):
        self.binary, self.data_dir, self.log_path = binary, data_dir, log_path
        if not os.path.exists(os.path.join(data_dir, "agent.db")):
            add = subprocess.run([binary, "user", "add", "bench@example.com", "--data-dir", data_dir],
                                 input=b"bench-password-123\n", capture_output=True)
            if add.returncode != 0:
                sys.exit(add.stderr.decode())
        self.log = open(log_path, "ab")
        self.proc = subprocess.Popen([binary, "--data-dir", data_dir, "--api-port", "0", "--site-port", "0",
                                      "--log-level", "info", "--log-site-access", "false",
                                      "--uploads-max-entries", "200000", "--uploads-max-bytes", str(4 << 30),
                                      "--http-max-json-body", str(64 << 20)],
                                     stdout=subprocess.PIPE, stderr=self.log)
        line = ""
        while "sites on" not in line:
            line += self.proc.stdout.readline().decode()
            if self.proc.poll() is not None:
                sys.exit("agent exited: see " + log_path)
        self.port = int(re.search(r"API on http://[^:]+:(\d+)", line).group(1))
        self.site_port = int(re.search(r"sites on http://[^:]+:(\d+)", line).group(1))
        self.conn = None
        self.token = None
        self.token = self.call("POST", "/api/v1/auth/login",
                               {"email": "bench@example.com", "password": "bench-password-123"})["token"]

    def call(self, method, path, body=None, raw=None, headers=None):
        if self.conn is None:
            self.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=900)
        hdrs = dict(headers or {})
        if self.token:
            hdrs["Authorization"] = "Bearer " + self.token
        data = raw if raw is not None else (json.dumps(body).encode() if body is not None else None)
        if body is not None:
            hdrs["Content-Type"] = "application/json"
        try:
            self.conn.request(method, path, body=data, headers=hdrs)
            resp = self.conn.getresponse()
            payload = resp.read()
        except (http.client.HTTPException, OSError):
            self.conn = None
            raise
        if resp.status >= 300:
            sys.exit(f"{method} {path}: {resp.status} {payload[:300]!r}")
        return json.loads(payload) if payload else None

    def status(self, key):
        with open(f"/proc/{self.proc.pid}/status") as f:
            return int(re.search(key + r":\s+(\d+)", f.read()).group(1)) / 1024

    def cpu_ticks(self):
        with open(f"/proc/{self.proc.pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return int(fields[11]) + int(fields[12])

    def wait_idle(self, quiet_seconds=2.0, timeout=900):
        """Until the agent used no CPU for a while: the precompressor is done."""
        deadline, last, quiet = time.time() + timeout, self.cpu_ticks(), 0.0
        while quiet < quiet_seconds and time.time() < deadline:
            time.sleep(0.5)
            now = self.cpu_ticks()
            quiet = quiet + 0.5 if now - last <= 1 else 0.0
            last = now

    def stop(self):
        self.proc.terminate()
        self.proc.wait(60)
        self.log.close()


def deploy_manifest(agent, project, files):
    """The incremental protocol: the manifest, then only the blobs the agent lacks (a few), so building a 100,000-file version does not wait on unpacking."""
    hashes = {d: hashlib.sha256(d).hexdigest() for d in set(files.values())}
    by_hash = {h: d for d, h in hashes.items()}
    manifest = [{"path": p, "sha256": hashes[d], "size": len(d)} for p, d in files.items()]
    plan = agent.call("POST", f"/api/v1/projects/{project}/uploads", {"files": manifest})
    for digest in plan["missing"]:
        agent.call("PUT", f"/api/v1/uploads/{plan['uploadId']}/blobs/{digest}", raw=by_hash[digest])
    return agent.call("POST", f"/api/v1/uploads/{plan['uploadId']}/finalize", {"activate": True})["id"]


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def activation_run(agent, size, count):
    project = agent.call("POST", "/api/v1/projects", {"name": f"act{size}"})
    first = deploy_manifest(agent, project["id"], site_files(size, "a"))
    second = deploy_manifest(agent, project["id"], site_files(size, "b"))
    agent.wait_idle()
    wrk = subprocess.Popen(["wrk", "-t1", "-c8", "-d600s", "-H", f"Host: {project['stagingHost']}",
                            f"http://127.0.0.1:{agent.site_port}/{path_of(1)}"],
                           stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    time.sleep(1)
    times = []
    try:
        for n in range(count):
            target = first if n % 2 == 0 else second
            start = time.perf_counter()
            agent.call("POST", f"/api/v1/deploys/{target}/activate")
            times.append((time.perf_counter() - start) * 1000)
    finally:
        wrk.send_signal(signal.SIGINT)  # wrk prints its summary on SIGINT, not on SIGTERM
        out = wrk.communicate()[0].decode()
    served = re.search(r"Requests/sec:\s+([\d.]+)", out)
    return times, served.group(1) if served else "?"


def memory_run(binary, work):
    data = os.path.join(work, "many")
    os.makedirs(data)
    log = os.path.join(work, "many.log")
    agent = Agent(binary, data, log)
    agent.wait_idle(1.0)
    empty_anon = agent.status("RssAnon")
    files = site_files(10_000, "many")
    for n in range(PROJECTS):
        project = agent.call("POST", "/api/v1/projects", {"name": f"many{n}"})["id"]
        deploy_manifest(agent, project, files)
    agent.wait_idle()
    agent.stop()
    agent = Agent(binary, data, log)
    agent.wait_idle()
    anon, rss = agent.status("RssAnon"), agent.status("VmRSS")
    agent.stop()
    took = re.findall(r"Start-up reconciliation took (\d+) ms", open(log, errors="replace").read())
    indexes = re.findall(r"Version indexes: [^\"]*", open(log, errors="replace").read())
    return empty_anon, anon, rss, took[-1] if took else "?", indexes[-1] if indexes else ""


def main():
    binary = sys.argv[1] if len(sys.argv) > 1 else "build/agent/ddd-agent"
    if shutil.which("wrk") is None:
        sys.exit("missing wrk (make deps installs it)")
    work = tempfile.mkdtemp(prefix="ddd-activation-bench-")
    try:
        agent = Agent(binary, os.path.join(work, "sizes"), os.path.join(work, "sizes.log"))
        print(f"{'site':>14} {'activations':>11} {'p50 ms':>8} {'p99 ms':>8} {'max ms':>8} {'wrk req/s':>10}")
        for size in SIZES:
            count = ACTIVATIONS_100K if size >= 100_000 else ACTIVATIONS
            times, served = activation_run(agent, size, count)
            print(f"{size:>8} files {count:>11} {statistics.median(times):8.2f} {percentile(times, 0.99):8.2f}"
                  f" {max(times):8.2f} {served:>10}")
        agent.stop()
        empty, anon, rss, took, indexes = memory_run(binary, work)
        live_files = PROJECTS * 10_000
        print(f"{PROJECTS} projects x 10,000 files, after a restart, idle:")
        print(f"  RssAnon {anon:.1f} MiB (VmRSS {rss:.1f} MiB; RssAnon of an empty agent {empty:.1f} MiB)")
        print(f"  private memory per live file: {(anon - empty) * 1024 * 1024 / live_files:.1f} bytes")
        print(f"  start-up reconciliation: {took} ms ({indexes})")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
