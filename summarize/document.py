"""Loading documents: a path or a string becomes a :class:`Document` (text, id, sha256)."""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass
from pathlib import Path

from .errors import InputError

__all__ = ["Document", "load_document", "document_from_text"]

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
    """Make a document from text already in memory; refuses empty or whitespace-only text."""
    if not text.strip():
        raise InputError(f"{doc_id}: the document is empty")
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


def load_document(path: str | Path) -> Document:
    """Read a UTF-8 text file. Raises :class:`InputError` with a one-line reason otherwise."""
    p = Path(path)
    if not p.exists():
        raise InputError(f"{p}: no such file")
    if p.is_dir():
        raise InputError(f"{p}: is a directory, not a document")
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise InputError(f"{p}: cannot be read ({exc.strerror or exc})", original=exc) from exc
    if _looks_binary(data):
        raise InputError(f"{p}: looks like a binary file, not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{p}: is not valid UTF-8 (byte {exc.start}); convert it first, "
            "e.g. iconv -f latin1 -t utf-8",
            original=exc,
        ) from exc
    # Offsets are into the text as read, with line endings normalised as Python's text mode does.
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise InputError(f"{p}: the document is empty")
    logger.debug("loaded %s: %d characters", p, len(text))
    return document_from_text(text, doc_id=p.name)
