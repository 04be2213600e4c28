"""Many documents from files, directories, globs, JSONL files of ``{id, text}`` and stdin.

Documents are yielded one at a time, so a batch holds only the ones in flight. A source that
cannot be read, or a JSONL line that is not a record, becomes an :class:`InputFailure` in the
stream: it is reported for its own id and the others go on.
"""

from __future__ import annotations

import glob
import json
import os
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, BinaryIO

from ..document import (
    MAX_DOCUMENT_BYTES,
    Document,
    document_from_bytes,
    document_from_text,
    jsonl_lines,
    load_document,
    read_bounded,
)
from ..errors import DocumentTooLongError, InputError, SummarizeError

__all__ = ["InputFailure", "count_sources", "iter_sources", "read_document", "read_jsonl_documents"]

_GLOB_CHARS = frozenset("*?[")


@dataclass(frozen=True)
class InputFailure:
    """A document that could not be read: its id and why."""

    id: str
    error: SummarizeError
    # True when ``id`` is where the failure is (``feed.jsonl:3``, ``stdin``), not a record's
    # own id: the two never collide in a batch's bookkeeping.
    locator: bool = False


def _paths(source: str) -> list[Path]:
    if source != "-" and _GLOB_CHARS & set(source) and not Path(source).exists():
        found = sorted(glob.glob(source, recursive=True))
        if not found:
            raise InputError(f"{source}: no file matches")
        return [Path(p) for p in found]
    return [Path(source)]


def _directory(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*")
                  if p.is_file() and not any(part.startswith(".")
                                             for part in p.relative_to(folder).parts))


def _records(lines: Iterable[tuple[int, str]], name: str) -> Iterator[Document | InputFailure]:
    for n, line in lines:
        where = f"{name}:{n}"
        try:
            record = json.loads(line)
            doc_id = str(record["id"])
            text = record["text"]
        except (ValueError, KeyError, TypeError):
            yield InputFailure(where, InputError(f"{where}: not a JSON object with \"id\" and "
                                                 "\"text\""), locator=True)
            continue
        if not isinstance(text, str):
            yield InputFailure(doc_id, InputError(f"{where}: \"text\" is not a string"))
            continue
        try:
            yield document_from_text(text, doc_id=doc_id)
        except SummarizeError as exc:
            yield InputFailure(doc_id, exc)


def _file(path: Path) -> Iterator[Document | InputFailure]:
    if path.suffix == ".jsonl":
        lines = jsonl_lines(path)
        while True:
            try:
                item = next(lines)
            except StopIteration:
                return
            except SummarizeError as exc:
                # Unreadable, or a line that is not UTF-8: the rest of the file is not read.
                yield InputFailure(str(path), exc, locator=True)
                return
            yield from _records([item], str(path))
    try:
        document = load_document(path)
    except SummarizeError as exc:
        yield InputFailure(str(path), exc)
        return
    # The path as given is the id: two files called report.txt in two folders stay apart.
    yield Document(id=str(path), text=document.text, sha256=document.sha256)


def _stdin(stream: IO[str]) -> Iterator[Document | InputFailure]:
    """Stdin through the same checks as a file: bounded, binary refused, UTF-8 (BOM allowed)."""
    try:
        raw = getattr(stream, "buffer", None)
        data = (read_bounded(raw, "stdin") if raw is not None
                else stream.read(MAX_DOCUMENT_BYTES + 1).encode("utf-8", "surrogatepass"))
        if len(data) > MAX_DOCUMENT_BYTES:
            raise DocumentTooLongError(f"stdin: longer than {MAX_DOCUMENT_BYTES // 2**20} MiB")
        if data.removeprefix(b"\xef\xbb\xbf").lstrip().startswith(b"{") \
                and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
            try:
                text = data.decode("utf-8-sig")
            except UnicodeDecodeError as exc:
                raise InputError(f"stdin: is not valid UTF-8 (byte {exc.start}); convert it "
                                 "first, e.g. iconv -f latin1 -t utf-8") from exc
            yield from _records(((n, line) for n, line in
                                 enumerate(text.splitlines(), start=1) if line.strip()), "stdin")
            return
        yield document_from_bytes(data, "stdin")
    except SummarizeError as exc:
        yield InputFailure("stdin", exc, locator=True)


def _same(path: Path, other: Path | None) -> bool:
    if other is None:
        return False
    try:
        return os.path.samefile(path, other)
    except OSError:
        return path.resolve() == other.resolve()


def iter_sources(sources: Iterable[str], stdin: IO[str] | None = None,
                 exclude: Path | None = None) -> Iterator[Document | InputFailure]:
    """Every document of ``sources``, in order. ``-`` reads stdin: JSONL when it starts with
    ``{``, one document otherwise. Directories are read recursively, hidden files skipped;
    the file ``exclude`` (a batch's own output) is never read."""
    for source in sources:
        if source == "-":
            yield from _stdin(stdin or sys.stdin)
            continue
        try:
            paths = _paths(source)
        except SummarizeError as exc:
            yield InputFailure(source, exc)
            continue
        for path in paths:
            if path.is_dir():
                for inner in _directory(path):
                    if not _same(inner, exclude):
                        yield from _file(inner)
            elif not _same(path, exclude):
                yield from _file(path)


def count_sources(sources: Iterable[str]) -> int | None:
    """How many documents ``sources`` hold, cheaply (JSONL lines are counted, not parsed);
    ``None`` when stdin is among them."""
    total = 0
    for source in sources:
        if source == "-":
            return None
        try:
            paths = _paths(source)
        except SummarizeError:
            total += 1
            continue
        for path in paths:
            for file in (_directory(path) if path.is_dir() else [path]):
                if file.suffix == ".jsonl":
                    try:
                        with file.open("rb") as fh:
                            total += sum(1 for line in fh if line.strip())
                    except OSError:
                        total += 1
                else:
                    total += 1
    return total


def read_document(source: str, stdin: BinaryIO | None = None) -> Document:
    """One document: a file's path, or ``-`` for standard input (bytes, bounded)."""
    if source == "-":
        stream = stdin if stdin is not None else sys.stdin.buffer
        return document_from_bytes(read_bounded(stream, "stdin"), "stdin")
    return load_document(source)


def read_jsonl_documents(path: str | Path) -> Iterator[Document]:
    """Documents from a JSONL file of ``{"id", "text"}`` records, one at a time; the first bad
    record is an :class:`InputError` naming its line."""
    p = Path(path)
    for n, line in jsonl_lines(p):
        try:
            record = json.loads(line)
            doc_id, text = str(record["id"]), record["text"]
        except (ValueError, KeyError, TypeError) as exc:
            raise InputError(f"{p}:{n}: not a JSON object with \"id\" and \"text\"",
                             original=exc) from exc
        if not isinstance(text, str):
            raise InputError(f"{p}:{n}: \"text\" is not a string")
        yield document_from_text(text, doc_id=doc_id)
