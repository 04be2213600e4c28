"""Batches: many documents, a bounded number in flight, one JSON line each, resumable.

Each line of the output is written whole as soon as its document is done::

    {"id": "...", "status": "ok", "cached": false, "briefing": {...}}
    {"id": "...", "status": "error", "error": {"type": "...", "exit_code": 10, "message": "..."}}

Run the same batch again and it finishes what is left: ids with an ``ok`` line are skipped,
failed ones are tried again (their old line is removed first, so every id appears once), and a
line cut short by a crash is dropped. Documents are streamed from the inputs; only those in
flight are held in memory.
"""

from __future__ import annotations

import asyncio
import contextlib
import errno
import fcntl
import json
import logging
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from .backends import LazyBackend
from .cache import CachedBackend, ResponseCache, identity_of
from .config import Settings
from .document import Document
from .errors import OutputError, SummarizeError
from .inputs import InputFailure, iter_sources
from .output import check_output_path, default_mode, safe_text, write_atomic
from .pipeline import abrief
from .prompts import Prompt
from .runs import RunRecorder
from .schema import Briefing

__all__ = ["BatchStats", "error_record", "prepare_output", "run_batch"]

logger = logging.getLogger(__name__)


@dataclass
class BatchStats:
    """What a batch did so far; complete when :func:`run_batch` returns or is interrupted."""

    total: int | None = None
    already_done: int = 0
    succeeded: int = 0
    failed: int = 0
    cached: int = 0
    duplicates: int = 0
    in_flight: int = 0
    failures: list[str] = field(default_factory=list)

    @property
    def finished(self) -> int:
        return self.succeeded + self.failed

    def summary(self) -> str:
        parts = [f"{self.succeeded} succeeded", f"{self.failed} failed",
                 f"{self.cached} from the cache"]
        if self.already_done:
            parts.append(f"{self.already_done} already done")
        if self.duplicates:
            parts.append(f"{self.duplicates} duplicate id(s) skipped")
        return ", ".join(parts)


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


async def run_batch(
    sources: Iterable[str],
    output: Path,
    settings: Settings,
    *,
    concurrency: int = 4,
    cache: ResponseCache | None = None,
    prompt: Prompt | None = None,
    stats: BatchStats | None = None,
    recorder: RunRecorder | None = None,
    on_done: Callable[[BatchStats], None] | None = None,
    stdin: IO[str] | None = None,
    backend: Any = None,
) -> BatchStats:
    """Brief every document of ``sources`` into the JSONL file ``output``.

    At most ``concurrency`` documents are in flight. ``backend`` defaults to the one the
    settings describe, opened at the first answer the cache does not have. Cancelling the task
    (Ctrl-C) stops the documents in flight; every line already written is whole."""
    if concurrency < 1:
        raise OutputError("--concurrency must be at least 1")
    stats = stats or BatchStats()
    sources = list(sources)
    with OutputLock(output):
        return await _run_locked(sources, output, settings, concurrency, cache, prompt, stats,
                                 recorder, on_done, stdin, backend)


async def _run_locked(sources: list[str], output: Path, settings: Settings, concurrency: int,
                      cache: ResponseCache | None, prompt: Prompt | None, stats: BatchStats,
                      recorder: RunRecorder | None,
                      on_done: Callable[[BatchStats], None] | None, stdin: IO[str] | None,
                      backend: Any) -> BatchStats:
    done = prepare_output(output, sources)
    lazy = None
    if backend is None:
        lazy = backend = LazyBackend(settings)
    if cache is not None:
        backend = CachedBackend(backend, cache, identity_of(backend, settings))
    slots = asyncio.Semaphore(concurrency)
    seen: set[tuple[str, str]] = set()
    tasks: set[asyncio.Task[None]] = set()
    fd = os.open(output, os.O_WRONLY | os.O_CREAT | os.O_APPEND, default_mode())

    def write(record: dict[str, Any]) -> None:
        # One write of a whole line to a file opened for appending; a failed or short write
        # (disk full) is cut back, so the file never ends in half a line.
        data = _line(record)
        size = os.fstat(fd).st_size
        try:
            if os.write(fd, data) != len(data):
                raise OSError(errno.ENOSPC, "short write (disk full?)")
        except OSError as exc:
            with contextlib.suppress(OSError):
                os.ftruncate(fd, size)
            raise OutputError(f"{output}: cannot write ({exc.strerror or exc}); every line "
                              "before this one is whole: run again to finish") from exc

    def account(doc_id: str, briefing: Briefing | None, error: SummarizeError | None) -> None:
        if briefing is not None:
            write({"id": doc_id, "status": "ok", "cached": briefing.provenance.cached,
                   "briefing": briefing.model_dump(mode="json")})
            stats.succeeded += 1
            stats.cached += briefing.provenance.cached
        else:
            assert error is not None
            write(error_record(doc_id, error))
            stats.failed += 1
            stats.failures.append(safe_text(f"{doc_id}: {error}"))
            logger.warning("%s: %s", safe_text(doc_id), safe_text(str(error)))
        if recorder is not None:
            recorder.add(briefing)
        if on_done is not None:
            on_done(stats)

    async def one(document: Document) -> None:
        try:
            try:
                briefing = await abrief(document, settings=settings, backend=backend,
                                        prompt=prompt)
            except SummarizeError as exc:
                account(document.id, None, exc)
            else:
                account(document.id, briefing, None)
        finally:
            stats.in_flight -= 1
            slots.release()

    fatal: list[BaseException] = []

    def finished(task: asyncio.Task[None]) -> None:
        tasks.discard(task)
        if not task.cancelled() and task.exception() is not None:
            fatal.append(task.exception())  # type: ignore[arg-type]

    try:
        # The output (in an input folder, or matched by a glob) is never read as an input.
        for item in iter_sources(sources, stdin=stdin, exclude=output):
            locator = isinstance(item, InputFailure) and item.locator
            if not locator and item.id in done:
                stats.already_done += 1
                if on_done is not None:
                    on_done(stats)
                continue
            # A failure's locator ("feed.jsonl:3") and a record's id never collide.
            key = ("where" if locator else "id", item.id)
            if key in seen:
                stats.duplicates += 1
                logger.warning("%s: duplicate id, skipped", safe_text(item.id))
                continue
            seen.add(key)
            if isinstance(item, InputFailure):
                account(item.id, None, item.error)
                continue
            await slots.acquire()
            if fatal:  # the output cannot be written (disk full): stop taking documents
                slots.release()
                raise fatal[0]
            stats.in_flight += 1
            task = asyncio.create_task(one(item))
            tasks.add(task)
            task.add_done_callback(finished)
        if tasks:
            await asyncio.gather(*tasks)
        if fatal:
            raise fatal[0]
    finally:
        for task in tasks:
            task.cancel()
        if tasks:
            await asyncio.gather(*tasks, return_exceptions=True)
        os.close(fd)
        if lazy is not None:
            await lazy.aclose()
    return stats
