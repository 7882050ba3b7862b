#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 DragDropDeploy authors
# SPDX-License-Identifier: Apache-2.0
"""Load under churn (issue 11), the long version of tests/agent/tst_churn.cpp.

10 sites are served to CLIENTS threads, each fetching a page and right after
it the asset the page names (both carry the version's marker), first for
QUIET_SECONDS with nothing else happening, then while CYCLES deploy,
ready-then-activate, rollback and build (plain site) cycles run through the
API (two drivers, each owning half the sites). Reports, in one run: 5xx
answers, failed requests, marker mismatches (the definition of
tests/agent/churnhistory.h), the agent's RSS and open descriptors sampled every
second (growth from the end of the quiet run to the end of the churn, after a
settle), and the site listener's p50/p99 during the churn against the quiet
run. Not a test: it asserts nothing about time; it exits 1 on any 5xx,
failure or mismatch.
Usage: bench/churn.py [ddd-agent binary]   (CYCLES=200 CLIENTS=4 QUIET_SECONDS=30)
"""
import http.client, io, json, os, re, shutil, statistics, subprocess, sys, tempfile, threading, time, zipfile

CYCLES = int(os.environ.get("CYCLES", "200"))
CLIENTS = int(os.environ.get("CLIENTS", "4"))
QUIET_SECONDS = float(os.environ.get("QUIET_SECONDS", "30"))
SITES, DRIVERS = 10, 2
MARKER = re.compile(rb"M:([a-z0-9-]+)")


def site_zip(marker):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("index.html", f'<html><script src="/app.js"></script>M:{marker}</html>')
        archive.writestr("app.js", f"/* M:{marker} */")
    return buffer.getvalue()


class Agent:
    def __init__(self, binary, data_dir, log_path):
        add = subprocess.run([binary, "user", "add", "bench@example.com", "--data-dir", data_dir],
                             input=b"bench-password-123\n", capture_output=True)
        if add.returncode != 0:
            sys.exit(add.stderr.decode())
        self.proc = subprocess.Popen([binary, "--data-dir", data_dir, "--api-port", "0", "--site-port", "0",
                                      "--site-https-port", "0", "--log-level", "warning",
                                      "--log-site-access", "false"],
                                     stdout=subprocess.PIPE, stderr=open(log_path, "ab"))
        line = ""
        while "sites on" not in line:
            line += self.proc.stdout.readline().decode()
            if self.proc.poll() is not None:
                sys.exit("agent exited: see " + log_path)
        self.port = int(re.search(r"API on http://[^:]+:(\d+)", line).group(1))
        self.site_port = int(re.search(r"sites on http://[^:]+:(\d+)", line).group(1))
        self.token = None
        self.token = self.call("POST", "/api/v1/auth/login",
                               {"email": "bench@example.com", "password": "bench-password-123"})[1]["token"]

    def call(self, method, path, body=None, raw=None, ctype=None):
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=300)
        headers = {"Authorization": "Bearer " + self.token} if self.token else {}
        if body is not None:
            raw, ctype = json.dumps(body).encode(), "application/json"
        if ctype:
            headers["Content-Type"] = ctype
        conn.request(method, path, body=raw, headers=headers)
        response = conn.getresponse()
        payload = response.read()
        conn.close()
        return response.status, (json.loads(payload) if payload else None)

    def sample(self):
        with open(f"/proc/{self.proc.pid}/status") as status:
            rss = int(re.search(r"VmRSS:\s+(\d+)", status.read()).group(1))
        return rss, len(os.listdir(f"/proc/{self.proc.pid}/fd"))

    def descriptor_kinds(self):
        """Open descriptors by kind (socket, pipe, anon_inode:..., or the file's folder)."""
        kinds = {}
        for fd in os.listdir(f"/proc/{self.proc.pid}/fd"):
            try:
                target = os.readlink(f"/proc/{self.proc.pid}/fd/{fd}")
            except OSError:
                continue
            kind = target.split(":")[0] if ":" in target else os.path.dirname(target)
            kinds[kind] = kinds.get(kind, 0) + 1
        return kinds

    def stop(self):
        self.proc.terminate()
        self.proc.wait(60)


class History:
    """Each site's generations (marker, window of the switch); see churnhistory.h."""

    def __init__(self):
        self.sites, self.lock = {}, threading.Lock()

    def record(self, site, marker, start, end):
        with self.lock:
            self.sites.setdefault(site, []).append((marker, start, end))

    def consistent(self, site, page, t0, t1, asset, t2, t3):
        log = self.sites[site]

        def live(g, a, b):
            return log[g][1] <= b and (g + 1 == len(log) or log[g + 1][2] >= a)
        for a in range(len(log)):
            if log[a][0] == page and live(a, t0, t1):
                if any(log[b][0] == asset and live(b, t2, t3) for b in range(a, len(log))):
                    return True
        return False


class Clients:
    def __init__(self, agent, hosts):
        self.agent, self.hosts = agent, hosts
        self.stop, self.phase = threading.Event(), "quiet"
        self.latency = {"quiet": [], "churn": []}
        self.pairs, self.errors5xx, self.failures = [], 0, 0
        self.lock = threading.Lock()

    def fetch(self, conn, site, path):
        start = time.monotonic_ns()
        conn.request("GET", path, headers={"Host": self.hosts[site]})
        response = conn.getresponse()
        body = response.read()
        return response.status, body, start, time.monotonic_ns()

    def visit(self, first):
        i = first
        while not self.stop.is_set():
            site, phase = i % SITES, self.phase
            i += 1
            try:
                conn = http.client.HTTPConnection("127.0.0.1", self.agent.site_port, timeout=60)
                page = self.fetch(conn, site, "/")
                asset = self.fetch(conn, site, "/app.js")
                conn.close()
            except (OSError, http.client.HTTPException):
                with self.lock:
                    self.failures += 1
                continue
            with self.lock:
                for status, _, start, end in (page, asset):
                    self.latency[phase].append((end - start) / 1e6)
                    self.errors5xx += status >= 500
                if page[0] != 200 or asset[0] != 200:
                    self.failures += 1
                    continue
                self.pairs.append((site, MARKER.search(page[1]).group(1).decode(), page[2], page[3],
                                   MARKER.search(asset[1]).group(1).decode(), asset[2], asset[3]))


class Driver:
    def __init__(self, agent, projects, history):
        self.agent, self.projects, self.history = agent, projects, history
        self.versions, self.failures, self.lock = {}, [], threading.Lock()

    def deploy(self, site, marker, activate):
        status, version = self.agent.call("POST", f"/api/v1/projects/{self.projects[site]}/deploys?activate="
                                          + ("true" if activate else "false"), raw=site_zip(marker),
                                          ctype="application/zip")
        if status != 201:
            raise RuntimeError(f"deploy {status} {version}")
        with self.lock:
            self.versions[version["id"]] = marker
        return version["id"]

    def build(self, site, marker):
        status, started = self.agent.call("POST", f"/api/v1/projects/{self.projects[site]}/sources?build=1&activate=1",
                                          raw=site_zip(marker), ctype="application/zip")
        if status != 201:
            raise RuntimeError(f"build {status} {started}")
        while True:
            _, build = self.agent.call("GET", f"/api/v1/builds/{started['build']['id']}")
            if build["status"] not in ("queued", "running"):
                break
            time.sleep(0.05)
        if build["status"] != "succeeded":
            raise RuntimeError(f"build {build['status']} {build.get('error')}")
        with self.lock:
            self.versions[build["versionId"]] = marker

    def cycle(self, site, number):
        marker, kind = f"s{site}-c{number}", number % 4
        ready = self.deploy(site, marker, False) if kind == 1 else None
        start, live = time.monotonic_ns(), marker
        if kind == 0:
            self.deploy(site, marker, True)
        elif kind == 1:
            status, body = self.agent.call("POST", f"/api/v1/deploys/{ready}/activate", {})
            if status != 200:
                raise RuntimeError(f"activate {status} {body}")
        elif kind == 2:
            status, body = self.agent.call("POST", f"/api/v1/projects/{self.projects[site]}/rollback", {})
            if status != 200:
                raise RuntimeError(f"rollback {status} {body}")
            with self.lock:
                live = self.versions[body["id"]]
        else:
            self.build(site, marker)
        self.history.record(site, live, start, time.monotonic_ns())

    def run(self, d):
        for k in range(CYCLES):
            if k % SITES % DRIVERS == d:
                try:
                    self.cycle(k % SITES, k // SITES + 1)
                except Exception as error:  # reported, the run goes on
                    self.failures.append(str(error))


def blob_fds(kinds):
    return sum(count for kind, count in kinds.items() if "/blobs/" in kind)


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * p))] if ordered else 0.0


def main():
    binary = sys.argv[1] if len(sys.argv) > 1 else "build/agent/ddd-agent"
    work = tempfile.mkdtemp(prefix="ddd-churn-")
    agent = Agent(binary, os.path.join(work, "data"), os.path.join(work, "agent.log"))
    history, projects, hosts = History(), [], []
    try:
        for site in range(SITES):
            _, project = agent.call("POST", "/api/v1/projects", {"name": f"Churn {site}"})
            projects.append(project["id"])
            hosts.append(project["stagingHost"])
        driver = Driver(agent, projects, history)
        for site in range(SITES):
            driver.deploy(site, f"s{site}-c0", True)
            history.record(site, f"s{site}-c0", 0, time.monotonic_ns())
        clients = Clients(agent, hosts)
        threads = [threading.Thread(target=clients.visit, args=(c * 3,)) for c in range(CLIENTS)]
        for thread in threads:
            thread.start()
        time.sleep(QUIET_SECONDS)
        baseline, baseline_kinds = agent.sample(), agent.descriptor_kinds()
        clients.phase = "churn"
        samples, started = [], time.monotonic()
        drivers = [threading.Thread(target=driver.run, args=(d,)) for d in range(DRIVERS)]
        for thread in drivers:
            thread.start()
        while any(thread.is_alive() for thread in drivers):
            samples.append(agent.sample())
            time.sleep(1)
        churn_seconds = time.monotonic() - started
        clients.stop.set()
        for thread in threads + drivers:
            thread.join()
        time.sleep(5)  # background work after the last cycle (variants, retention)
        settled, settled_kinds = agent.sample(), agent.descriptor_kinds()
        mismatches = sum(not history.consistent(*pair) for pair in clients.pairs)
        switched = sum(pair[1] != pair[4] for pair in clients.pairs)
        quiet, churn = clients.latency["quiet"], clients.latency["churn"]
        report = {
            "cycles": CYCLES, "clients": CLIENTS, "churnSeconds": round(churn_seconds, 1),
            "pairs": len(clients.pairs), "pairsAcrossAnActivation": switched,
            "5xx": clients.errors5xx, "failedRequests": clients.failures, "mismatches": mismatches,
            "driverFailures": driver.failures[:5],
            "rssKiB": {"afterQuiet": baseline[0], "halfwayThroughChurn": samples[len(samples) // 2][0],
                       "maxDuringChurn": max(s[0] for s in samples), "settled": settled[0],
                       "growth": settled[0] - baseline[0]},
            "fds": {"afterQuiet": baseline[1], "maxDuringChurn": max(s[1] for s in samples), "settled": settled[1],
                    "growth": settled[1] - baseline[1],
                    # The site listener keeps up to 1,000 blob descriptors open (BlobDescriptorCache, an
                    # LRU): every new version's files fill it up to that cap. Growth elsewhere is a leak.
                    "blobCache": {"afterQuiet": blob_fds(baseline_kinds), "settled": blob_fds(settled_kinds)},
                    "growthOutsideBlobCache": (settled[1] - blob_fds(settled_kinds)) - (baseline[1] - blob_fds(baseline_kinds)),
                    "grownKindsOutsideBlobCache": {
                        kind: settled_kinds.get(kind, 0) - baseline_kinds.get(kind, 0)
                        for kind in set(settled_kinds) | set(baseline_kinds)
                        if "/blobs/" not in kind and settled_kinds.get(kind, 0) != baseline_kinds.get(kind, 0)}},
            "siteLatencyMs": {
                "quiet": {"requests": len(quiet), "p50": round(statistics.median(quiet), 2),
                          "p99": round(percentile(quiet, 0.99), 2)},
                "churn": {"requests": len(churn), "p50": round(statistics.median(churn), 2),
                          "p99": round(percentile(churn, 0.99), 2)}},
            "loadAverage": os.getloadavg(),
        }
        print(json.dumps(report, indent=2))
        bad = clients.errors5xx or clients.failures or mismatches or driver.failures
        return 1 if bad else 0
    finally:
        agent.stop()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
