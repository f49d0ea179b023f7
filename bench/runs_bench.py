#!/usr/bin/env python3
"""Runs benchmark client (stdlib only), driven by bench/runs-bench.sh and bench/runs-scaleout.sh.

  latency:    submits runs one after the other; for each, polls GET /api/v1/runs/{id} every POLL seconds until it is
              SUCCEEDED; reports submit-to-SUCCEEDED latency as the client saw it (p50, p90, p99, max) and as the
              service recorded it (finishedAt - createdAt).
  throughput: submits COUNT runs at once from CONCURRENCY client threads (round-robin over the bases when there are
              several instances), then waits until all are SUCCEEDED; reports runs/s from the first submission to the
              last finishedAt, and how many runs each executor did.
Prints one JSON object.
"""
import argparse, json, threading, time, urllib.request
from datetime import datetime


def call(method, url, body=None):
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(url, data=data, method=method, headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=60) as r:
        return r.status, json.loads(r.read() or b"null")


def ts(s):
    return datetime.fromisoformat(s.replace("Z", "+00:00")).timestamp()


def pct(xs, p):
    xs = sorted(xs)
    return xs[min(len(xs) - 1, max(0, int(round(p / 100.0 * len(xs) + 0.5)) - 1))]


def run_body(a, seed):
    body = {"target": {"vmId": a.vm}, "workload": a.workload, "replications": a.replications, "seed": seed}
    if a.params:
        body["parameters"] = json.loads(a.params)
    return body


def wait_succeeded(base, rid, poll, bound=600):
    end = time.time() + bound
    while time.time() < end:
        _, run = call("GET", f"{base}/api/v1/runs/{rid}")
        if run["status"] in ("SUCCEEDED", "FAILED", "CANCELLED"):
            return run
        time.sleep(poll)
    raise SystemExit(f"run {rid} not finished within {bound} s")


def latency(a):
    base = a.base.split(",")[0]
    for i in range(a.warmup):
        _, r = call("POST", f"{base}/api/v1/runs", run_body(a, 10_000 + i))
        wait_succeeded(base, r["id"], a.poll)
    client, server = [], []
    for i in range(a.count):
        t0 = time.perf_counter()
        code, r = call("POST", f"{base}/api/v1/runs", run_body(a, i))
        run = wait_succeeded(base, r["id"], a.poll)
        client.append((time.perf_counter() - t0) * 1000)
        assert run["status"] == "SUCCEEDED", run
        server.append((ts(run["finishedAt"]) - ts(run["createdAt"])) * 1000)
    return {"mode": "latency", "runs": a.count, "workload": a.workload, "replications": a.replications, "pollMs": a.poll * 1000,
            "clientMs": {"p50": round(pct(client, 50), 1), "p90": round(pct(client, 90), 1), "p99": round(pct(client, 99), 1),
                         "max": round(max(client), 1)},
            "serverMs": {"p50": round(pct(server, 50), 1), "p90": round(pct(server, 90), 1), "p99": round(pct(server, 99), 1),
                         "max": round(max(server), 1)}}


def throughput(a):
    bases = a.base.split(",")
    ids, lock, errors = [], threading.Lock(), []
    counter = iter(range(a.count))

    def submitter():
        while True:
            with lock:
                i = next(counter, None)
            if i is None:
                return
            base = bases[i % len(bases)]
            try:
                code, r = call("POST", f"{base}/api/v1/runs", run_body(a, i))
                with lock:
                    ids.append(r["id"])
            except Exception as e:  # a 429 or a transport error: counted, not retried
                with lock:
                    errors.append(str(e))

    start = time.time()
    threads = [threading.Thread(target=submitter) for _ in range(a.concurrency)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    submitted = time.time()
    runs = [wait_succeeded(bases[0], rid, 0.05) for rid in ids]
    last = max(ts(r["finishedAt"]) for r in runs)
    first = min(ts(r["createdAt"]) for r in runs)
    executors = {}
    for r in runs:
        executors[r.get("executor", "?").split("/")[-1]] = executors.get(r.get("executor", "?").split("/")[-1], 0) + 1
    return {"mode": "throughput", "runs": len(ids), "refused": len(errors), "instances": len(bases), "workload": a.workload,
            "replications": a.replications, "params": a.params, "submitSeconds": round(submitted - start, 2),
            "seconds": round(last - first, 2), "runsPerSecond": round(len(ids) / (last - first), 1),
            "succeeded": sum(1 for r in runs if r["status"] == "SUCCEEDED"),
            "attemptsOtherThanOne": sum(1 for r in runs if r["attempts"] != 1), "runsPerExecutor": executors}


if __name__ == "__main__":
    p = argparse.ArgumentParser()
    p.add_argument("mode", choices=["latency", "throughput"])
    p.add_argument("--base", required=True, help="service base URL(s), comma-separated")
    p.add_argument("--vm", required=True)
    p.add_argument("--workload", default="device-notify")
    p.add_argument("--replications", type=int, default=3)
    p.add_argument("--params", default="")
    p.add_argument("--count", type=int, default=100)
    p.add_argument("--warmup", type=int, default=20)
    p.add_argument("--concurrency", type=int, default=8)
    p.add_argument("--poll", type=float, default=0.005)
    a = p.parse_args()
    print(json.dumps(latency(a) if a.mode == "latency" else throughput(a)))
