"""Writing results atomically: a reader sees the old file or the whole new one, never half.

``-o`` writes only regular files: an existing device, FIFO, socket or symlink is refused, and so
is a path that is also one of the inputs. New files get the usual permissions (0666 less the
umask), an existing file keeps its own.
"""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Iterable
from pathlib import Path

from .errors import OutputError

__all__ = ["check_output_path", "default_mode", "safe_text", "write_atomic"]

_KINDS = {stat.S_IFCHR: "character device", stat.S_IFBLK: "block device", stat.S_IFIFO: "FIFO",
          stat.S_IFSOCK: "socket", stat.S_IFLNK: "symbolic link", stat.S_IFDIR: "directory"}


def default_mode() -> int:
    """0666 less the process's umask (read without changing it where /proc tells it)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return 0o666 & ~int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return 0o666 & ~mask


def check_output_path(path: str | Path, inputs: Iterable[str | Path] = ()) -> None:
    """Refuse an output that is not (or would not be) a regular file, or that is an input."""
    target = Path(path)
    try:
        st = os.lstat(target)
    except FileNotFoundError:
        st = None
    except OSError as exc:
        raise OutputError(f"{target}: cannot be written ({exc.strerror or exc})") from exc
    if st is not None and not stat.S_ISREG(st.st_mode):
        kind = _KINDS.get(stat.S_IFMT(st.st_mode), "special file")
        raise OutputError(f"{target}: is a {kind}; -o writes only regular files")
    if st is None:
        return
    for source in inputs:
        try:
            if os.path.samefile(source, target):
                raise OutputError(f"{target}: is also an input; write the output elsewhere")
        except OSError:
            continue


def write_atomic(path: str | Path, data: str | bytes,
                 inputs: Iterable[str | Path] = ()) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder and a rename."""
    target = Path(path)
    check_output_path(target, inputs)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise OutputError(f"{target}: folder {folder} does not exist")
    try:
        mode = stat.S_IMODE(target.stat().st_mode)
    except OSError:
        mode = default_mode()
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise OutputError(f"{target}: cannot write ({exc.strerror or exc})", original=exc) from exc
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data.encode("utf-8") if isinstance(data, str) else data)
            fh.flush()
            os.fchmod(fh.fileno(), mode)
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise OutputError(f"{target}: cannot write ({exc.strerror or exc})", original=exc) from exc


def safe_text(text: str) -> str:
    """``text`` for a terminal: control characters (ANSI escapes, bidi overrides, NUL) shown as
    escapes, never sent raw to stderr."""
    return "".join(c if c.isprintable() else c.encode("unicode_escape").decode("ascii")
                   for c in text)
