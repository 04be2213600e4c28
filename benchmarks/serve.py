"""Benchmark: `summarize serve` under load on loopback, and a kill -9 during queued jobs.

    .venv/bin/python benchmarks/serve.py [--requests 200] [--concurrency 20] [--jobs 10]

1. Load: ``--requests`` extractive briefings (the FRANK dev articles in turn) posted by
   ``--concurrency`` client threads to a server started as a subprocess (``summarize serve``,
   one process, its default ``--concurrency 2``). Reported: latency p50/p95/p99, throughput,
   the server's peak RSS (VmHWM from /proc) and errors. ``/healthz`` is timed in the same run
   as the baseline (a request that does no work).
2. Durability: ``--jobs`` jobs queued for the embedded model (``--strategy guided``), the
   server killed with SIGKILL while it works on them, started again: every job must end
   ``succeeded``; how long the whole took.

Every request goes to 127.0.0.1 only; loops are bounded in count and time.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
KEY = "bench-key-0123456789"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start(port: int, env: dict[str, str], *args: str) -> subprocess.Popen[bytes]:
    proc = subprocess.Popen([sys.executable, "-m", "summarize", "serve", "--port", str(port),
                             "--rate-limit", "0", *args], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return proc
        except OSError:
            time.sleep(0.1)
    raise SystemExit("the server did not start")


def call(method: str, url: str, body: dict[str, Any] | None = None) -> tuple[int, Any]:
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(url, data=data, method=method, headers={
        "Authorization": f"Bearer {KEY}", "Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=300) as r:
            return r.status, json.loads(r.read())
    except urllib.error.HTTPError as e:
        return e.code, None


def peak_rss_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def load(base: str, texts: list[str], requests: int, concurrency: int, route: str
         ) -> dict[str, Any]:
    latencies: list[float] = []
    errors = 0
    lock = threading.Lock()
    counter = iter(range(requests))

    def client() -> None:
        nonlocal errors
        for i in counter:
            began = time.perf_counter()
            if route == "healthz":
                status, _ = call("GET", base + "/healthz")
            else:
                status, _ = call("POST", base + "/v1/briefings",
                                 {"text": texts[i % len(texts)], "id": f"doc-{i}"})
            with lock:
                latencies.append(time.perf_counter() - began)
                errors += status != 200

    began = time.perf_counter()
    threads = [threading.Thread(target=client) for _ in range(concurrency)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - began
    q = statistics.quantiles(latencies, n=100)
    return {"n": len(latencies), "p50": q[49], "p95": q[94], "p99": q[98],
            "rps": len(latencies) / wall, "errors": errors}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--requests", type=int, default=200)
    ap.add_argument("--concurrency", type=int, default=20)
    ap.add_argument("--jobs", type=int, default=10)
    ap.add_argument("--articles", default=str(ROOT.parent / "shared" / "eval" /
                                              "articles-frank.jsonl"))
    args = ap.parse_args()
    texts = [json.loads(line)["text"] for line in
             Path(args.articles).read_text(encoding="utf-8").splitlines() if line.strip()]
    state = Path(tempfile.mkdtemp(prefix="summarize-bench-"))
    env = {**os.environ, "SUMMARIZE_SERVER_KEYS": KEY, "SUMMARIZE_STATE_DIR": str(state),
           "SUMMARIZE_CACHE_DIR": str(state / "cache")}

    port = free_port()
    base = f"http://127.0.0.1:{port}"
    proc = start(port, env, "--strategy", "extractive")
    try:
        rows = [("healthz (baseline)", load(base, texts, args.requests, args.concurrency,
                                             "healthz")),
                ("POST /v1/briefings, extractive", load(base, texts, args.requests,
                                                         args.concurrency, "brief"))]
        rss = peak_rss_mib(proc.pid)
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=60)
    print("| route | requests | concurrency | p50 ms | p95 ms | p99 ms | req/s | errors |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for name, r in rows:
        print(f"| {name} | {r['n']} | {args.concurrency} | {1000 * r['p50']:.0f} | "
              f"{1000 * r['p95']:.0f} | {1000 * r['p99']:.0f} | {r['rps']:.1f} | {r['errors']} |")
    print(f"\nserver peak RSS: {rss:.0f} MiB")

    if args.jobs:
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        began = time.perf_counter()
        proc = start(port, env, "--strategy", "guided")
        ids = [call("POST", base + "/v1/jobs", {"text": texts[i % len(texts)]})[1]["id"]
               for i in range(args.jobs)]
        deadline = time.monotonic() + 600
        while time.monotonic() < deadline:
            states = [call("GET", f"{base}/v1/jobs/{i}")[1]["state"] for i in ids]
            if "succeeded" in states:  # the model is up and working through the queue
                break
            time.sleep(0.5)
        done_before = states.count("succeeded")
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        proc = start(port, env, "--strategy", "guided")
        try:
            while time.monotonic() < deadline:
                states = [call("GET", f"{base}/v1/jobs/{i}")[1]["state"] for i in ids]
                if all(s in ("succeeded", "failed") for s in states):
                    break
                time.sleep(0.5)
        finally:
            proc.send_signal(signal.SIGTERM)
            proc.wait(timeout=120)
        print(f"\nkill -9 with {args.jobs} jobs queued on the embedded model (guided): "
              f"{done_before} done before the kill; after the restart "
              f"{states.count('succeeded')} of {args.jobs} succeeded, "
              f"{states.count('failed')} failed; {time.perf_counter() - began:.0f} s in all")


if __name__ == "__main__":
    main()
