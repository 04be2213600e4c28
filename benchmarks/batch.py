"""Benchmark: batches and long documents, through the real command line.

    .venv/bin/python benchmarks/batch.py [--docs 8] [--cached 100] [--long-generative]

Rows (each a `summarize` subprocess, so start-up is included):

1. documents per minute at concurrency 1 and 8 against the embedded model (guided, no cache),
   on the first ``--docs`` FRANK dev articles, and the ratio between them;
2. a cached re-run of ``--cached`` distinct documents (the first run fills the cache and is
   timed too, for reference); target: the re-run under 2 s in all;
3. peak resident memory of a batch over 100 and over 1,000 documents (os.wait4's ru_maxrss of
   the batch process; generative strategy against an in-process OpenAI-compatible stub that
   answers at once, so every document goes through the HTTP client, the checks and the output
   writer); target: 1,000 no more than 1.2x 100;
4. a 200 KB document end to end on the embedded model (guided; with ``--long-generative`` also
   generative, which reads it in parts).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from news import news_text  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
FRANK = ROOT.parent / "shared" / "eval" / "articles-frank.jsonl"
SUMMARIZE = [sys.executable, "-m", "summarize.cli"]


def articles() -> list[str]:
    if FRANK.is_file():
        return [json.loads(line)["text"] for line in FRANK.read_text().splitlines() if line]
    return [(ROOT / "seeds" / "north-korean-troops-kursk.txt").read_text()]


def write_jsonl(path: Path, texts: list[str]) -> Path:
    with path.open("w", encoding="utf-8") as fh:
        for n, text in enumerate(texts):
            fh.write(json.dumps({"id": f"d{n}", "text": text}) + "\n")
    return path


def variants(count: int) -> list[str]:
    """``count`` distinct real documents: each dev article, then with its last paragraphs
    dropped one by one, then with a numbered dateline."""
    base = articles()
    out: list[str] = []
    for cut in range(8):
        for text in base:
            paragraphs = [p for p in text.split("\n") if p.strip()]
            if cut < len(paragraphs) - 2:
                out.append("\n".join(paragraphs[:len(paragraphs) - cut]))
    n = 0
    while len(out) < count:
        out.append(f"Dispatch {n}.\n" + base[n % len(base)])
        n += 1
    return out[:count]


def run(args: list[str], env: dict[str, str]) -> tuple[float, int, int]:
    """Seconds, exit code and peak RSS (KiB) of one `summarize` run."""
    began = time.perf_counter()
    process = subprocess.Popen([*SUMMARIZE, *args], env=env, stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - began
    stderr = process.stderr.read().decode() if process.stderr else ""
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 12):
        raise SystemExit(f"summarize {' '.join(args)} failed ({code}): {stderr[-500:]}")
    return seconds, code, usage.ru_maxrss


def stub_server() -> tuple[ThreadingHTTPServer, str]:
    text = variants(1)[0]
    quote = text.split(".")[0][:150]
    arguments = json.dumps({
        "title": "Stub briefing", "bottom_line": quote,
        "key_claims": [{"statement": quote, "attributed_to": None, "certainty": "likely",
                        "evidence": [quote]}],
        "actors": [], "figures": [], "uncertainties": []})
    body = json.dumps({
        "id": "x", "object": "chat.completion", "created": 0, "model": "stub",
        "choices": [{"index": 0, "finish_reason": "tool_calls", "message": {
            "role": "assistant", "content": None, "tool_calls": [{
                "id": "c", "type": "function",
                "function": {"name": "DraftBriefing", "arguments": arguments}}]}}],
        "usage": {"prompt_tokens": 100, "completion_tokens": 20, "total_tokens": 120}}).encode()

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_POST(self) -> None:  # noqa: N802
            self.rfile.read(int(self.headers.get("content-length", 0)))
            self.send_response(200)
            self.send_header("content-type", "application/json")
            self.send_header("content-length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/v1"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=8)
    ap.add_argument("--cached", type=int, default=100)
    ap.add_argument("--long-generative", action="store_true")
    ap.add_argument("--rows", default="concurrency,cached,memory,long",
                    help="which rows to measure (comma-separated)")
    args = ap.parse_args()
    wanted = set(args.rows.split(","))
    rows: list[tuple[str, str, str]] = []
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        env = {**os.environ, "SUMMARIZE_CACHE_DIR": str(tmp / "cache"),
               "SUMMARIZE_STATE_DIR": str(tmp / "state")}
        few = write_jsonl(tmp / "few.jsonl", articles()[:args.docs])
        per_minute = {}
        for c in (1, 8) if "concurrency" in wanted else ():
            seconds, _, _ = run(["batch", str(few), "-o", str(tmp / f"c{c}.jsonl"), "-c", str(c),
                                 "-s", "guided", "--no-cache", "-q"], env)
            per_minute[c] = args.docs / seconds * 60
            rows.append((f"{args.docs} articles, embedded guided, concurrency {c}",
                         f"{per_minute[c]:.1f} docs/min", f"{seconds:.1f} s"))
        if "concurrency" in wanted:
            rows.append(("ratio concurrency 8 / 1", f"{per_minute[8] / per_minute[1]:.2f}x",
                         ""))
            show(rows)
        if "cached" in wanted:
            cached_rows(args.cached, tmp, env, rows)
        if "memory" in wanted:
            memory_rows(tmp, env, rows)
        if "long" in wanted:
            long_rows(args.long_generative, tmp, env, rows)
    print(f"date: {time.strftime('%Y-%m-%d')}, {os.cpu_count()} cores")
    show(rows, final=True)


def cached_rows(count: int, tmp: Path, env: dict[str, str], rows: list[Any]) -> None:
    many = write_jsonl(tmp / "many.jsonl", variants(count))
    fill, _, _ = run(["batch", str(many), "-o", str(tmp / "fill.jsonl"), "-c", "4", "-q",
                      "-s", "guided"],
                     env)
    rows.append((f"{count} documents, first run (fills the cache)", f"{fill:.1f} s",
                 ""))
    again, _, _ = run(["batch", str(many), "-o", str(tmp / "again.jsonl"), "-c", "4", "-q",
                       "-s", "guided"],
                      env)
    cached = sum(json.loads(line)["cached"] for line in (tmp / "again.jsonl").open())
    rows.append((f"{count} documents, cached re-run (target < 2 s)", f"{again:.2f} s",
                 f"{cached} of {count} from the cache"))
    show(rows)


def memory_rows(tmp: Path, env: dict[str, str], rows: list[Any]) -> None:
    server, url = stub_server()
    peaks = {}
    for count in (100, 1000):
        docs = write_jsonl(tmp / f"mem{count}.jsonl", variants(count))
        seconds, _, rss = run(["batch", str(docs), "-o", str(tmp / f"mem{count}.out"),
                               "--base-url", url, "--model", "stub", "-c", "8",
                               "--no-cache", "-q"], env)
        peaks[count] = rss
        rows.append((f"{count} documents, stub server, concurrency 8: peak RSS",
                     f"{rss / 1024:.1f} MiB", f"{seconds:.1f} s"))
    server.shutdown()
    show(rows)
    rows.append(("peak RSS 1,000 / 100 (target <= 1.2x)", f"{peaks[1000] / peaks[100]:.2f}x",
                 ""))


def long_rows(long_generative: bool, tmp: Path, env: dict[str, str], rows: list[Any]) -> None:
    big = tmp / "big-report.txt"
    big.write_text(news_text(200_000), encoding="utf-8")
    strategies = ["guided", "generative"] if long_generative else ["guided"]
    for strategy in strategies:
        seconds, _, rss = run(["brief", str(big), "-s", strategy, "--no-cache", "-q",
                               "--timeout", "900",
                               "-f", "json", "-o", str(tmp / f"big-{strategy}.json")], env)
        result = json.loads((tmp / f"big-{strategy}.json").read_text())
        rows.append((f"200 KB document, embedded {strategy}, end to end", f"{seconds:.1f} s",
                     f"{result['provenance']['chunks']} part(s), peak RSS "
                     f"{rss / 1024:.0f} MiB"))


def show(rows: list[tuple[str, str, str]], final: bool = False) -> None:
    """The table so far (on stderr while running, on stdout at the end)."""
    width = max(len(r[0]) for r in rows)
    out = sys.stdout if final else sys.stderr
    print(f"{'measure'.ljust(width)}  {'result':>16}  note", file=out)
    for name, result, note in rows:
        print(f"{name.ljust(width)}  {result:>16}  {note}", file=out, flush=True)


if __name__ == "__main__":
    main()
