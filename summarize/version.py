"""The installed package's version: what ``--version``, provenance and the service report."""

from __future__ import annotations

import functools
import hashlib
from pathlib import Path

__all__ = ["build_identity", "package_version"]


def package_version() -> str:
    # Imported here: importlib.metadata (and the email package under it) costs every command's
    # start-up about 25 ms, and only --version, provenance and the service ask.
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("summarize")
    except PackageNotFoundError:
        return "0+unknown"


# Files larger than this (the fitted models' CRFsuite files) are identified by their size: their
# JSON metadata beside them, read whole, changes whenever they are rebuilt.
_READ_WHOLE = 1 << 20


@functools.cache
def build_identity() -> str:
    """The SHA-256 of the installed package's own files (code, templates, fitted models): what
    a remembered result must have been made with to be reused. Computed once per process; any
    change to the code or a model gives another identity."""
    root = Path(__file__).resolve().parent
    digest = hashlib.sha256(package_version().encode())
    for path in sorted(p for p in root.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
        digest.update(str(path.relative_to(root)).encode())
        size = path.stat().st_size
        digest.update(path.read_bytes() if size <= _READ_WHOLE else str(size).encode())
    return digest.hexdigest()
