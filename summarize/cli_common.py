"""What every command module of the CLI shares: how a failure is said."""

from __future__ import annotations

from typing import NoReturn

import typer

from .output import safe_text

__all__ = ["fail"]


def fail(message: str, code: int) -> NoReturn:
    """One line on stderr (control characters escaped), then exit with ``code``."""
    typer.echo(f"summarize: error: {safe_text(message)}", err=True)
    raise typer.Exit(code)
