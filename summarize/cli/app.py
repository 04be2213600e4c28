"""The command line's frame: the Typer app, logging, the one error handler and the entry point.

Data goes to stdout (or ``-o FILE``, written atomically); progress and errors go to stderr.
"""

from __future__ import annotations

import logging
import signal
import sys
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from ..errors import SummarizeError
from ..output import write_atomic
from ..version import package_version
from .common import fail

if TYPE_CHECKING:
    from ..backends.cache import ResponseCache

__all__ = ["app", "emit", "handled", "main", "open_cache", "setup_logging"]

# One paragraph (no line breaks): the help formatter wraps it to the terminal's width.
EXIT_CODES = (
    "Exit codes: 0 ok · 2 usage error · 3 bad input (missing, directory, empty, binary, not "
    "UTF-8) · 4 document too long for the model's context · 5 configuration (unknown prompt or "
    "model, missing API key, a missing extra) · 6 backend error · 7 embedded model server failed "
    "to start · 8 backend unreachable or HTTP error · 9 backend time-out · 10 output still "
    "invalid after retries · 11 cannot write the output · 12 batch finished with failed "
    "documents · 13 compare found a regression · 130 interrupted."
)

BATCH_FAILURES_EXIT = 12
REGRESSION_EXIT = 13

app = typer.Typer(
    name="summarize",
    help="Grounded, schema-valid briefings of documents.\n\n" + EXIT_CODES,
    no_args_is_help=True,
    # --install-completion / --show-completion for bash, zsh, fish and PowerShell.
    add_completion=True,
    pretty_exceptions_enable=False,
)
logger = logging.getLogger("summarize")


def _version(value: bool) -> None:
    if value:
        typer.echo(f"summarize {package_version()}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Print the version and exit.")] = False,
) -> None:
    """Grounded, schema-valid briefings of documents."""


def setup_logging(verbose: bool, quiet: bool, *, many: bool = False) -> None:
    """Messages to stderr; ``many``: a command over many documents (no line per document)."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("summarize: %(message)s"))
    ours = logging.getLogger("summarize")
    ours.handlers[:] = [handler]
    ours.propagate = False
    ours.setLevel(logging.DEBUG if verbose else logging.WARNING if quiet else logging.INFO)
    # Libraries' own messages (instructor logs each failed retry as an ERROR) would reach
    # stderr through logging's last-resort handler: keep them for -v only, so a failure stays
    # one line.
    root = logging.getLogger()
    root.handlers[:] = [handler if verbose else logging.NullHandler()]
    root.setLevel(logging.WARNING)
    if many and not verbose:  # one line per document would drown the progress
        logging.getLogger("summarize.pipeline").setLevel(logging.WARNING)


@contextmanager
def handled(interrupted: str | Callable[[], str] = "interrupted") -> Iterator[None]:
    """The one error handler of every command: a library failure is one line and its exit code;
    Ctrl-C says ``interrupted`` (what was done is kept: outputs are atomic) and exits 130."""
    try:
        yield
    except SummarizeError as exc:
        fail(str(exc), exc.exit_code)
    except KeyboardInterrupt:
        said = interrupted if isinstance(interrupted, str) else interrupted()
        typer.echo(f"summarize: {said}", err=True)
        raise typer.Exit(130) from None


def open_cache(stack: ExitStack) -> ResponseCache | None:
    """The response cache; one that cannot be opened (corrupt, unwritable) is a warning and the
    run goes on without it: a cache must never block work."""
    from ..backends.cache import ResponseCache  # here: `summarize analyze` needs no backend

    try:
        return stack.enter_context(ResponseCache.default())
    except SummarizeError as exc:
        logger.warning("the response cache is unusable, going on without it (%s); "
                       "`summarize doctor` says how to fix it", exc)
        return None


def emit(data: str | bytes, output: Path | None) -> None:
    """``data`` to stdout, or atomically to ``output``."""
    if output is None:
        if isinstance(data, bytes):
            sys.stdout.buffer.write(data)
        else:
            sys.stdout.write(data)
        sys.stdout.flush()
    else:
        write_atomic(output, data)
        logger.info("wrote %s", output)


class Terminated(BaseException):
    """SIGTERM or SIGHUP: unwinds like Ctrl-C, so every child (the embedded model server) is
    stopped and every run is recorded as interrupted."""

    def __init__(self, signum: int) -> None:
        super().__init__(signal.Signals(signum).name)
        self.signum = signum


def _terminate(signum: int, frame: Any) -> None:
    raise Terminated(signum)


def main() -> None:
    """Console entry point: one line on stderr and a distinct exit code for every failure."""
    for signum in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, _terminate)
    try:
        app()
    except Terminated as exc:
        typer.echo(f"summarize: terminated by {exc}", err=True)
        sys.exit(128 + exc.signum)
    except KeyboardInterrupt:
        typer.echo("summarize: interrupted", err=True)
        sys.exit(130)
    except Exception as exc:  # noqa: BLE001 - the last line of defence against a traceback
        typer.echo(f"summarize: internal error: {type(exc).__name__}: {exc}", err=True)
        sys.exit(1)
