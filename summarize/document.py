"""Loading documents: a path or a string becomes a :class:`Document` (text, id, sha256)."""

from __future__ import annotations

import gzip
import hashlib
import io
import logging
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from .errors import DocumentTooLongError, InputError

__all__ = ["MAX_DOCUMENT_BYTES", "Document", "document_from_bytes", "document_from_text",
           "jsonl_lines", "load_document", "read_bounded"]

# The most a document may be (32 MiB): far beyond any model's context, and a bound on what a
# device or a runaway pipe can make us read.
MAX_DOCUMENT_BYTES = 32 * 2**20

logger = logging.getLogger(__name__)

# Control characters that never occur in text documents; their presence means binary data.
_BINARY_BYTES = frozenset(range(0, 9)) | {11, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26,
                                          27, 28, 29, 30, 31}


@dataclass(frozen=True)
class Document:
    """A loaded document. ``text`` is what every offset in a briefing refers to."""

    id: str
    text: str
    sha256: str

    @property
    def length(self) -> int:
        return len(self.text)


def document_from_text(text: str, doc_id: str = "-") -> Document:
    """Make a document from text already in memory; refuses empty or whitespace-only text.

    Line ends are normalised (CRLF and CR to LF) as for files, so the same bytes give the same
    offsets whichever way they came in."""
    if not text.strip():
        raise InputError(f"{doc_id}: the document is empty")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    # Lone surrogates cannot be encoded; replace them so hashing and output never fail.
    safe = text.encode("utf-8", "replace").decode("utf-8")
    digest = hashlib.sha256(safe.encode("utf-8")).hexdigest()
    return Document(id=doc_id, text=safe, sha256=digest)


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    if not sample:
        return False
    odd = sum(1 for b in sample if b in _BINARY_BYTES)
    return odd / len(sample) > 0.05  # a stray bell or ANSI escape in text is not binary


def read_bounded(stream: BinaryIO, name: str) -> bytes:
    """At most :data:`MAX_DOCUMENT_BYTES` of ``stream``; more is :class:`DocumentTooLongError`
    (a device such as /dev/zero never fills memory)."""
    data = stream.read(MAX_DOCUMENT_BYTES + 1)
    if len(data) > MAX_DOCUMENT_BYTES:
        raise DocumentTooLongError(f"{name}: longer than {MAX_DOCUMENT_BYTES // 2**20} MiB, the "
                                   "most a document may be")
    return data


def document_from_bytes(data: bytes, name: str, doc_id: str | None = None) -> Document:
    """The one decoder of every way in (file, stdin, JSONL): binary refused, UTF-16 named,
    UTF-8 (with or without a BOM) decoded, line ends normalised."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError(f"{name}: is UTF-16 (it starts with a UTF-16 byte-order mark); convert "
                         "it first, e.g. iconv -f utf-16 -t utf-8")
    if _looks_binary(data):
        raise InputError(f"{name}: looks like a binary file, not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{name}: is not valid UTF-8 (byte {exc.start}); convert it first, "
            "e.g. iconv -f latin1 -t utf-8",
            original=exc,
        ) from exc
    if not text.strip():
        raise InputError(f"{name}: the document is empty")
    return document_from_text(text, doc_id=doc_id or name)


def jsonl_lines(path: str | Path) -> Iterator[tuple[int, str]]:
    """``(line number, text)`` of a JSONL file's non-blank lines: UTF-8 with or without a BOM,
    gzip-compressed or not (``.jsonl.gz``, known by its first bytes); an unreadable file, a
    broken compression or a line that is not UTF-8 is an :class:`InputError` naming the line."""
    p = Path(path)
    if not p.is_file():
        raise InputError(f"{p}: no such file" if not p.exists() else f"{p}: not a regular file")
    try:
        with p.open("rb") as probe:
            compressed = probe.read(2) == b"\x1f\x8b"
        # Closed by the ``with`` below.
        handle: io.BufferedIOBase = gzip.open(p, "rb") if compressed else p.open("rb")  # noqa: SIM115
    except OSError as exc:
        raise InputError(f"{p}: cannot be read ({exc.strerror or exc})", original=exc) from exc
    n = 0
    with handle:
        try:
            for n, raw in enumerate(handle, start=1):
                if n == 1:
                    raw = raw.removeprefix(b"\xef\xbb\xbf")
                try:
                    line = raw.decode("utf-8")
                except UnicodeDecodeError as exc:
                    raise InputError(f"{p}:{n}: is not valid UTF-8 (byte {exc.start}); convert "
                                     "the file first, e.g. iconv -f latin1 -t utf-8",
                                     original=exc) from exc
                if line.strip():
                    yield n, line
        except (OSError, EOFError, zlib.error) as exc:  # a truncated or corrupt .gz
            raise InputError(f"{p}:{n + 1}: the compressed file is broken ({exc})",
                             original=exc) from exc


def load_document(path: str | Path) -> Document:
    """Read a UTF-8 text file. Raises :class:`InputError` with a one-line reason otherwise."""
    p = Path(path)
    if not p.exists():
        raise InputError(f"{p}: no such file")
    if p.is_dir():
        raise InputError(f"{p}: is a directory, not a document")
    if not p.is_file():
        raise InputError(f"{p}: is not a regular file (a device, FIFO or socket)")
    try:
        with p.open("rb") as fh:
            data = read_bounded(fh, str(p))
    except OSError as exc:
        raise InputError(f"{p}: cannot be read ({exc.strerror or exc})", original=exc) from exc
    document = document_from_bytes(data, str(p), doc_id=p.name)
    logger.debug("loaded %s: %d characters", p, document.length)
    return document
