"""Memory soak driver for bench/memory-soak.sh: keeps the largest allowed runs going for a while, with a new seed
each, samples the heap after a full GC, then checks that every run SUCCEEDED in one attempt. Prints JSON lines."""
import argparse, json, subprocess, time, urllib.request, urllib.error

WORKLOADS = ["memcached", "apache", "netperf-tcp-rr", "mysql", "hackbench", "netperf-tcp-stream"]


def call(base, method, path, body=None):
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(base + path, data=data, method=method, headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(req, timeout=60) as r:
            return r.status, r.read().decode()
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode()


def heap_after_gc(base, pid):
    subprocess.run(["jcmd", str(pid), "GC.run"], capture_output=True, timeout=60)
    _, text = call(base, "GET", "/actuator/prometheus")
    used = sum(float(l.split()[-1]) for l in text.splitlines() if l.startswith('jvm_memory_used_bytes{') and 'area="heap"' in l)
    return used / 2**20


def main():
    a = argparse.ArgumentParser()
    a.add_argument("--base"); a.add_argument("--vm"); a.add_argument("--pid", type=int)
    a.add_argument("--seconds", type=float, default=600); a.add_argument("--outstanding", type=int, default=2)
    a.add_argument("--sample", type=float, default=30)
    o = a.parse_args()
    _, catalogue = call(o.base, "GET", "/api/v1/workloads")
    limits = {w["name"]: w for w in json.loads(catalogue)["items"]}
    start = time.time(); submitted = []; active = []; seed = 1000; samples = []; next_sample = start
    i = 0
    while time.time() - start < o.seconds:
        if time.time() >= next_sample:
            samples.append((round(time.time() - start), round(heap_after_gc(o.base, o.pid), 1)))
            print(json.dumps({"t": samples[-1][0], "heapAfterGcMiB": samples[-1][1], "submitted": len(submitted)}), flush=True)
            next_sample += o.sample
        active = [r for r in active if json.loads(call(o.base, "GET", "/api/v1/runs/" + r)[1])["status"] in ("QUEUED", "RUNNING")]
        if len(active) < o.outstanding:
            w = WORKLOADS[i % len(WORKLOADS)]; i += 1; seed += 1
            maxrep = limits[w].get("maxReplications", 30)
            params = {"durationSeconds": 10} if any(p["name"] == "durationSeconds" for p in limits[w].get("parameters", [])) else {}
            code, body = call(o.base, "POST", "/api/v1/runs", {"target": {"vmId": o.vm}, "workload": w, "replications": maxrep,
                                                              "seed": seed, "parameters": params})
            if code == 202:
                rid = json.loads(body)["id"]; submitted.append(rid); active.append(rid)
            else:
                print(json.dumps({"refused": code, "workload": w, "body": body[:200]}), flush=True)
        time.sleep(1)
    while active:
        time.sleep(2)
        active = [r for r in active if json.loads(call(o.base, "GET", "/api/v1/runs/" + r)[1])["status"] in ("QUEUED", "RUNNING")]
    samples.append((round(time.time() - start), round(heap_after_gc(o.base, o.pid), 1)))
    runs = [json.loads(call(o.base, "GET", "/api/v1/runs/" + r)[1]) for r in submitted]
    statuses = {}
    for r in runs:
        statuses[r["status"]] = statuses.get(r["status"], 0) + 1
    print(json.dumps({"runs": len(runs), "statuses": statuses, "attempts": sorted({r.get("attempts") for r in runs}),
                      "workloads": sorted({r["workload"] for r in runs}), "heapAfterGcMiB": [s[1] for s in samples],
                      "seconds": round(time.time() - start)}), flush=True)


if __name__ == "__main__":
    main()
