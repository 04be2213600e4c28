"""The run log: every ``brief``, ``batch`` and ``compare`` run, in one SQLite file.

It lives in ``$SUMMARIZE_STATE_DIR``, else ``$XDG_STATE_HOME/summarize``, else
``~/.local/state/summarize``. A run is recorded when it starts and updated when it ends, so a
crashed or interrupted run shows as such. No key, header or URL credentials are ever stored.
"""

from __future__ import annotations

import json
import os
import statistics
import threading
import time
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ..schema import Briefing
from ..settings import Settings, public_url
from ..storage import open_sqlite
from ..userconfig import xdg_dir

__all__ = ["RunLog", "RunRecorder", "process_alive", "recorded_run", "state_dir"]

_TABLE = """
CREATE TABLE IF NOT EXISTS runs (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    started_at TEXT NOT NULL,
    finished_at TEXT,
    command TEXT NOT NULL,
    status TEXT NOT NULL,
    strategy TEXT,
    model TEXT,
    backend TEXT,
    base_url TEXT,
    prompt_version TEXT,
    prompt_sha256 TEXT,
    inputs TEXT,
    output TEXT,
    documents INTEGER NOT NULL DEFAULT 0,
    succeeded INTEGER NOT NULL DEFAULT 0,
    failed INTEGER NOT NULL DEFAULT 0,
    cached INTEGER NOT NULL DEFAULT 0,
    prompt_tokens INTEGER NOT NULL DEFAULT 0,
    completion_tokens INTEGER NOT NULL DEFAULT 0,
    seconds REAL,
    latency_p50 REAL,
    latency_p95 REAL,
    grounding_rate REAL,
    pid INTEGER
)
"""

COLUMNS = ("id", "started_at", "finished_at", "command", "status", "strategy", "model",
           "backend", "base_url", "prompt_version", "prompt_sha256", "inputs", "output",
           "documents", "succeeded", "failed", "cached", "prompt_tokens", "completion_tokens",
           "seconds", "latency_p50", "latency_p95", "grounding_rate")


def process_alive(pid: int | None) -> bool:
    """Whether process ``pid`` of this machine may still be running."""
    if not pid:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process of that number
    return True


def state_dir(env: Mapping[str, str] | None = None) -> Path:
    """Where the run log lives (see the module's documentation)."""
    return xdg_dir(os.environ if env is None else env, "SUMMARIZE_STATE_DIR", "XDG_STATE_HOME",
                ".local/state")


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def percentile(values: Sequence[float], q: float) -> float | None:
    """The ``q`` quantile (0..1) of ``values``, interpolated; ``None`` when empty."""
    if not values:
        return None
    if len(values) == 1:
        return round(values[0], 3)
    cuts = statistics.quantiles(values, n=100, method="inclusive")
    return round(cuts[min(max(int(q * 100) - 1, 0), 98)], 3)


@dataclass
class RunRecorder:
    """Counts one run's documents as they finish; :meth:`finish` writes the totals."""

    log: RunLog
    run_id: int
    began: float = field(default_factory=time.perf_counter)
    documents: int = 0
    succeeded: int = 0
    failed: int = 0
    cached: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    evidence: int = 0
    grounded: int = 0
    latencies: list[float] = field(default_factory=list)
    strategy: str | None = None
    model: str | None = None
    prompt_version: str | None = None
    prompt_sha256: str | None = None

    def add(self, briefing: Briefing | None) -> None:
        """One more document: its briefing, or ``None`` when it failed."""
        self.documents += 1
        if briefing is None:
            self.failed += 1
            return
        self.succeeded += 1
        p = briefing.provenance
        self.cached += p.cached
        self.prompt_tokens += p.usage.prompt_tokens
        self.completion_tokens += p.usage.completion_tokens
        self.evidence += briefing.grounding.evidence_total
        self.grounded += briefing.grounding.grounded
        self.latencies.append(p.timings.total_s)
        self.strategy = p.strategy
        if p.model != "none":
            self.model = p.model
        if p.prompt is not None:
            self.prompt_version, self.prompt_sha256 = p.prompt.version, p.prompt.sha256

    def finish(self, status: str = "completed") -> None:
        self.log._update(self.run_id, {
            "finished_at": _now(),
            "status": status,
            "documents": self.documents,
            "succeeded": self.succeeded,
            "failed": self.failed,
            "cached": self.cached,
            "prompt_tokens": self.prompt_tokens,
            "completion_tokens": self.completion_tokens,
            "seconds": round(time.perf_counter() - self.began, 3),
            "latency_p50": percentile(self.latencies, 0.5),
            "latency_p95": percentile(self.latencies, 0.95),
            "grounding_rate": round(self.grounded / self.evidence, 4) if self.evidence else None,
            **({"strategy": self.strategy} if self.strategy else {}),
            **({"model": self.model} if self.model else {}),
            **({"prompt_version": self.prompt_version,
                "prompt_sha256": self.prompt_sha256} if self.prompt_version else {}),
        })


@contextmanager
def recorded_run(command: str, settings: Settings, *, inputs: Sequence[str] = (),
                 output: str | None = None, single: bool = False,
                 folder: Path | None = None) -> Iterator[RunRecorder]:
    """Record one run in the run log of ``folder`` (by default :func:`state_dir`'s) around the
    block that does it.

    The run ends ``completed``, ``completed_with_failures`` (some documents failed),
    ``failed`` (the block raised) or ``interrupted`` (Ctrl-C). With ``single``, a run that
    raised before its one document was counted counts that document as failed."""
    log = RunLog(folder / "runs.sqlite") if folder is not None else RunLog.default()
    try:
        recorder = log.start(command, settings, inputs=inputs, output=output)
        try:
            yield recorder
        except BaseException as exc:
            if single and recorder.documents == 0:
                recorder.add(None)
            # Ctrl-C, SIGTERM or SIGHUP (the CLI raises a BaseException for those).
            interrupted = not isinstance(exc, Exception)
            recorder.finish("interrupted" if interrupted else "failed")
            raise
        recorder.finish("completed_with_failures" if recorder.failed else "completed")
    finally:
        log.close()


class RunLog:
    """The run log. Safe to share between threads and processes."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self._lock = threading.Lock()
        self._db = open_sqlite(self.path)
        self._db.execute(_TABLE)
        columns = {row[1] for row in self._db.execute("PRAGMA table_info(runs)")}
        if "pid" not in columns:  # a run log from before pids were kept
            self._db.execute("ALTER TABLE runs ADD COLUMN pid INTEGER")

    @classmethod
    def default(cls, env: Mapping[str, str] | None = None) -> RunLog:
        return cls(state_dir(env) / "runs.sqlite")

    def close(self) -> None:
        with self._lock:
            self._db.close()

    def start(self, command: str, settings: Settings, *, inputs: Sequence[str] = (),
              output: str | None = None) -> RunRecorder:
        """Record that a run began; the recorder counts its documents."""
        with self._lock:
            cursor = self._db.execute(
                "INSERT INTO runs (started_at, command, status, strategy, model, backend, "
                "base_url, prompt_version, inputs, output, pid) VALUES (?, ?, 'running', ?, ?, ?, "
                "?, ?, ?, ?, ?)",
                (_now(), command, settings.strategy,
                 settings.model if settings.strategy != "extractive" else "none",
                 settings.backend if settings.strategy != "extractive" else "none",
                 public_url(settings.base_url),
                 settings.prompt if settings.strategy != "extractive" else None,
                 json.dumps(list(inputs)), output, os.getpid()),
            )
            run_id = int(cursor.lastrowid or 0)
        return RunRecorder(self, run_id)

    def _update(self, run_id: int, values: dict[str, Any]) -> None:
        names = ", ".join(f"{k} = ?" for k in values)
        with self._lock:
            self._db.execute(f"UPDATE runs SET {names} WHERE id = ?",  # noqa: S608 - our names
                             (*values.values(), run_id))

    def mark_stale(self) -> int:
        """Runs still ``running`` whose process is gone (killed, the machine restarted) become
        ``interrupted``; returns how many."""
        with self._lock:
            rows = self._db.execute(
                "SELECT id, pid FROM runs WHERE status = 'running'").fetchall()
            stale = [run_id for run_id, pid in rows if not process_alive(pid)]
            for run_id in stale:
                self._db.execute("UPDATE runs SET status = 'interrupted', finished_at = ? "
                                 "WHERE id = ? AND status = 'running'", (_now(), run_id))
        return len(stale)

    def list(self, limit: int | None = None) -> list[dict[str, Any]]:
        """Runs, newest first (stale ``running`` runs marked ``interrupted`` first)."""
        self.mark_stale()
        query = f"SELECT {', '.join(COLUMNS)} FROM runs ORDER BY id DESC"
        params: tuple[Any, ...] = ()
        if limit:
            query += " LIMIT ?"
            params = (limit,)
        with self._lock:
            rows = self._db.execute(query, params).fetchall()
        out = []
        for row in rows:
            record = dict(zip(COLUMNS, row, strict=True))
            record["inputs"] = json.loads(record["inputs"] or "[]")
            out.append(record)
        return out

