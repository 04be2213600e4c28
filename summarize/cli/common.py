"""What every command module of the CLI shares: how a failure is said.

The library names settings ("the max_tokens setting"); on the command line they are flags."""

from __future__ import annotations

import re
from typing import NoReturn

import typer

from ..output import safe_text

__all__ = ["fail"]


_SETTING = re.compile(r"\bthe (\w+) setting\b")


def as_flags(message: str) -> str:
    """A library message with its settings named as the flags that set them."""
    return _SETTING.sub(lambda m: "--" + m.group(1).replace("_", "-"), message)


def fail(message: str, code: int) -> NoReturn:
    """One line on stderr (control characters escaped), then exit with ``code``."""
    typer.echo(f"summarize: error: {safe_text(as_flags(message))}", err=True)
    raise typer.Exit(code)
