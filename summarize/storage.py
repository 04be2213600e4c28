"""One way to open the tool's SQLite files (the response cache, the run log)."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

from .errors import StorageError

__all__ = ["open_sqlite"]

# How long a connection waits for another to let go of the file (SQLite's busy timeout, and the
# retries below).
BUSY_SECONDS = 30.0


def open_sqlite(path: Path) -> sqlite3.Connection:
    """A connection shared by threads, in WAL mode, autocommitting; a failure is a StorageError
    naming the file."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        connection = sqlite3.connect(path, timeout=BUSY_SECONDS, check_same_thread=False,
                                     isolation_level=None)
        _write_ahead(connection)
        connection.execute("PRAGMA synchronous=NORMAL")
    except (OSError, sqlite3.Error) as exc:
        raise StorageError(f"cannot open {path}: {exc}") from exc
    return connection


def _write_ahead(connection: sqlite3.Connection) -> None:
    """Put the file in WAL mode, once. Switching needs the file to itself, and SQLite answers
    "database is locked" at once, without its busy timeout, when another connection opens the
    same new file at that moment (the service's first requests, side by side): wait and retry,
    as the busy timeout would."""
    deadline = time.monotonic() + BUSY_SECONDS
    delay = 0.005
    while True:
        try:
            if connection.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                connection.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() + delay > deadline:
                raise
            time.sleep(delay)
            delay = min(delay * 2, 0.2)
