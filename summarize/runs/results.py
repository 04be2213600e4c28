"""The result file of a batch (ordinary or through the Batch API): one JSON line a document,
written whole, resumable, locked against a second writer.

    {"id": "...", "status": "ok", "cached": false, "briefing": {...}}
    {"id": "...", "status": "error", "error": {"type": "...", "exit_code": 10, "message": "..."}}
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import json
import logging
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ..errors import OutputError, SummarizeError
from ..output import check_output_path, default_mode, write_atomic
from ..schema import Briefing

__all__ = ["OutputLock", "ResultWriter", "error_record", "prepare_output"]

logger = logging.getLogger(__name__)

def error_record(doc_id: str, error: SummarizeError) -> dict[str, Any]:
    return {"id": doc_id, "status": "error",
            "error": {"type": type(error).__name__, "exit_code": error.exit_code,
                      "message": str(error)}}


def _is_result(record: Any) -> bool:
    return (isinstance(record, dict) and "id" in record
            and (record.get("status") == "ok" and isinstance(record.get("briefing"), dict)
                 or record.get("status") == "error" and isinstance(record.get("error"), dict)))


def prepare_output(path: Path, inputs: Iterable[str] = ()) -> set[str]:
    """The ids already done in ``path``; failed and cut-off lines are removed (atomically).

    ``path`` must be a regular file that is not one of ``inputs`` and whose every line is a
    result line of ours (a last line cut off by a crash excepted); anything else is refused
    with :class:`OutputError` and left untouched."""
    check_output_path(path, [s for s in inputs if s != "-"])
    if not path.exists():
        if not path.parent.is_dir():
            raise OutputError(f"{path}: folder {path.parent} does not exist")
        return set()
    done: set[str] = set()
    kept: list[bytes] = []
    dropped = 0
    try:
        with path.open("rb") as fh:
            data = fh.read(_MAX_RESULTS_BYTES + 1)
    except OSError as exc:
        raise OutputError(f"{path}: cannot be read ({exc.strerror or exc})") from exc
    if len(data) > _MAX_RESULTS_BYTES:
        raise OutputError(f"{path}: over {_MAX_RESULTS_BYTES // 2**30} GiB; start a new file")
    lines = data.splitlines(keepends=True)
    for number, raw in enumerate(lines, start=1):
        try:
            record = json.loads(raw)
            complete = raw.endswith(b"\n") and isinstance(record, dict)
        except ValueError:
            complete = False
        last = number == len(lines) and not raw.endswith(b"\n")
        if not last and raw.strip() and not (complete and _is_result(record)):
            raise OutputError(f"{path}: line {number} is not a result line of summarize; "
                              "refusing to resume into (or overwrite) this file")
        if complete and record.get("status") == "ok" and "id" in record \
                and str(record["id"]) not in done:
            done.add(str(record["id"]))
            kept.append(raw)
        else:
            dropped += 1
    if dropped:
        logger.info("%s: %d failed or incomplete line(s) will be redone", path, dropped)
        write_atomic(path, b"".join(kept))
    return done


_MAX_RESULTS_BYTES = 4 * 2**30


class OutputLock:
    """An exclusive lock on a batch's output (a ``.NAME.lock`` file beside it, holding the
    holder's pid): a second batch on the same output says who holds it and stops."""

    def __init__(self, output: Path) -> None:
        self.path = output.with_name(f".{output.name}.lock")
        self.fd: int | None = None

    def __enter__(self) -> OutputLock:
        if not self.path.parent.is_dir():
            raise OutputError(f"{self.path.with_name(self.path.name[1:-5])}: folder "
                              f"{self.path.parent} does not exist")
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as exc:
            raise OutputError(f"{self.path}: cannot create the lock ({exc.strerror or exc})"
                              ) from exc
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.read(fd, 32).decode("ascii", "replace").strip() or "another process"
            os.close(fd)
            raise OutputError(f"{self.path.with_name(self.path.name[1:-5])}: another batch "
                              f"(pid {holder}) is writing it; wait for it or pick another "
                              "output") from None
        os.ftruncate(fd, 0)
        os.write(fd, str(os.getpid()).encode())
        self.fd = fd
        return self

    def __exit__(self, *exc: object) -> None:
        if self.fd is not None:
            # The lock file stays: unlinking it would let a waiting opener lock a dead inode.
            os.close(self.fd)
            self.fd = None


def _line(record: dict[str, Any]) -> bytes:
    return (json.dumps(record, ensure_ascii=False) + "\n").encode("utf-8")


class ResultWriter:
    """Appends result lines to ``output``: each in one write to a file opened for appending; a
    failed or short write (disk full) is cut back, so the file never ends in half a line."""

    def __init__(self, output: Path) -> None:
        self.output = output
        self.fd = os.open(output, os.O_WRONLY | os.O_CREAT | os.O_APPEND, default_mode())

    def write(self, record: dict[str, Any]) -> None:
        data = _line(record)
        size = os.fstat(self.fd).st_size
        try:
            if os.write(self.fd, data) != len(data):
                raise OSError(errno.ENOSPC, "short write (disk full?)")
        except OSError as exc:
            with contextlib.suppress(OSError):
                os.ftruncate(self.fd, size)
            raise OutputError(f"{self.output}: cannot write ({exc.strerror or exc}); every "
                              "line before this one is whole: run again to finish") from exc

    def ok(self, doc_id: str, briefing: Briefing) -> None:
        self.write({"id": doc_id, "status": "ok", "cached": briefing.provenance.cached,
                    "briefing": briefing.model_dump(mode="json")})

    def error(self, doc_id: str, error: SummarizeError) -> None:
        self.write(error_record(doc_id, error))

    def close(self) -> None:
        os.close(self.fd)

    def __enter__(self) -> ResultWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
