"""Durable jobs in SQLite: accepted work survives ``kill -9`` and is done once.

A job is ``queued``, then ``running`` (claimed by one worker, under a lease it renews), then
``succeeded`` (with the briefing) or ``failed`` (with the error's type and message); the last
two are final. A worker claims with one ``UPDATE … WHERE state = 'queued'`` inside an immediate
transaction, so several processes sharing the file never claim the same job. A ``running`` job
whose lease ran out, or whose owner process on this host is gone (killed, crashed), is queued
again and taken by the next free worker: nothing accepted is lost. A job that succeeded is never
run again. A finished job (its document's text, its briefing or error) is deleted once it is
older than the service's retention (:meth:`JobStore.purge`); deleted rows are overwritten in the
file (SQLite's ``secure_delete``, and the write-ahead log emptied), not just unlinked.
"""

from __future__ import annotations

import contextlib
import json
import os
import socket
import sqlite3
import threading
import time
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..runs.log import process_alive
from ..storage import open_sqlite

__all__ = ["Job", "JobStore"]

_TABLE = """
CREATE TABLE IF NOT EXISTS jobs (
    id TEXT PRIMARY KEY,
    state TEXT NOT NULL,
    request TEXT NOT NULL,
    result TEXT,
    error TEXT,
    created_at REAL NOT NULL,
    updated_at REAL NOT NULL,
    owner TEXT,
    lease_until REAL,
    attempts INTEGER NOT NULL DEFAULT 0
)
"""
STATES = ("queued", "running", "succeeded", "failed")


@dataclass(frozen=True)
class Job:
    id: str
    state: str
    request: dict[str, Any]
    result: dict[str, Any] | None
    error: dict[str, Any] | None
    created_at: float
    updated_at: float
    attempts: int


def _owner() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


def _alive(owner: str | None) -> bool:
    """Whether ``owner`` (host:pid) may still be running: always true for another host."""
    if not owner or ":" not in owner:
        return False
    host, _, pid = owner.rpartition(":")
    if host != socket.gethostname():
        return True
    return process_alive(int(pid)) if pid.isdigit() else True


class JobStore:
    """The job table. Thread-safe; several processes may share the file."""

    def __init__(self, path: str | Path, lease_seconds: float = 60.0) -> None:
        self.path = Path(path)
        self.lease_seconds = lease_seconds
        self.owner = _owner()
        self._lock = threading.Lock()
        self._db = open_sqlite(self.path)
        # A purged job's text is overwritten in the file, not left in its free pages.
        self._db.execute("PRAGMA secure_delete=ON")
        self._db.execute(_TABLE)
        self._db.execute("CREATE INDEX IF NOT EXISTS jobs_state ON jobs (state, created_at)")

    def close(self) -> None:
        with self._lock:
            self._db.close()

    def _row(self, row: tuple[Any, ...]) -> Job:
        return Job(id=row[0], state=row[1], request=json.loads(row[2]),
                   result=json.loads(row[3]) if row[3] else None,
                   error=json.loads(row[4]) if row[4] else None,
                   created_at=row[5], updated_at=row[6], attempts=row[7])

    def submit(self, request: dict[str, Any]) -> Job:
        now = time.time()
        job_id = uuid.uuid4().hex
        with self._lock:
            self._db.execute("INSERT INTO jobs (id, state, request, created_at, updated_at) "
                             "VALUES (?, 'queued', ?, ?, ?)",
                             (job_id, json.dumps(request), now, now))
        return Job(job_id, "queued", request, None, None, now, now, 0)

    def get(self, job_id: str) -> Job | None:
        with self._lock:
            row = self._db.execute(
                "SELECT id, state, request, result, error, created_at, updated_at, attempts "
                "FROM jobs WHERE id = ?", (job_id,)).fetchone()
        return self._row(row) if row else None

    def recover(self) -> int:
        """Queue again every ``running`` job whose owner is gone or whose lease ran out."""
        now = time.time()
        with self._lock:
            rows = self._db.execute(
                "SELECT id, owner, lease_until FROM jobs WHERE state = 'running'").fetchall()
            stale = [job_id for job_id, owner, lease in rows
                     if (lease or 0) < now or not _alive(owner)]
            for job_id in stale:
                self._db.execute("UPDATE jobs SET state = 'queued', owner = NULL, "
                                 "lease_until = NULL, updated_at = ? "
                                 "WHERE id = ? AND state = 'running'", (now, job_id))
        return len(stale)

    def claim(self) -> Job | None:
        """The oldest queued job, now ``running`` and ours; ``None`` when there is none."""
        now = time.time()
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                row = self._db.execute(
                    "SELECT id FROM jobs WHERE state = 'queued' ORDER BY created_at LIMIT 1"
                ).fetchone()
                if row is None:
                    self._db.execute("COMMIT")
                    return None
                self._db.execute(
                    "UPDATE jobs SET state = 'running', owner = ?, lease_until = ?, "
                    "updated_at = ?, attempts = attempts + 1 WHERE id = ? AND state = 'queued'",
                    (self.owner, now + self.lease_seconds, now, row[0]))
                self._db.execute("COMMIT")
            except BaseException:
                with contextlib.suppress(sqlite3.Error):
                    self._db.execute("ROLLBACK")
                raise
        return self.get(row[0])

    def renew(self, job_id: str) -> None:
        with self._lock:
            self._db.execute("UPDATE jobs SET lease_until = ? WHERE id = ? AND owner = ? "
                             "AND state = 'running'",
                             (time.time() + self.lease_seconds, job_id, self.owner))

    def finish(self, job_id: str, *, result: dict[str, Any] | None = None,
               error: dict[str, Any] | None = None) -> None:
        """Record the outcome of a job this process runs (final: never run again)."""
        state = "succeeded" if error is None else "failed"
        with self._lock:
            self._db.execute(
                "UPDATE jobs SET state = ?, result = ?, error = ?, updated_at = ?, owner = NULL, "
                "lease_until = NULL WHERE id = ? AND state = 'running' AND owner = ?",
                (state, json.dumps(result) if result is not None else None,
                 json.dumps(error) if error is not None else None, time.time(), job_id,
                 self.owner))

    def purge(self, older_than: float) -> int:
        """Delete the finished jobs (``succeeded`` or ``failed``) last updated more than
        ``older_than`` seconds ago, with their text and results; how many. Queued and running
        jobs are never deleted, however old."""
        cutoff = time.time() - older_than
        with self._lock:
            gone = self._db.execute(
                "DELETE FROM jobs WHERE state IN ('succeeded', 'failed') AND updated_at < ?",
                (cutoff,)).rowcount
            if gone:
                # The write-ahead log still holds the rows as written: fold it into the file
                # and empty it (best effort: another process reading the file may hold it).
                self._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        return gone

    def counts(self) -> dict[str, int]:
        with self._lock:
            rows = self._db.execute("SELECT state, COUNT(*) FROM jobs GROUP BY state").fetchall()
        out = dict.fromkeys(STATES, 0)
        out.update({state: n for state, n in rows})
        return out
