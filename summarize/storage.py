"""One way to open the tool's SQLite files (the response cache, the run log)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from .errors import ConfigError

__all__ = ["open_sqlite"]


def open_sqlite(path: Path) -> sqlite3.Connection:
    """A connection shared by threads, in WAL mode, autocommitting; a failure is a ConfigError
    naming the file."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        connection = sqlite3.connect(path, timeout=30, check_same_thread=False,
                                     isolation_level=None)
        connection.execute("PRAGMA journal_mode=WAL")
        connection.execute("PRAGMA synchronous=NORMAL")
    except (OSError, sqlite3.Error) as exc:
        raise ConfigError(f"cannot open {path}: {exc}") from exc
    return connection
