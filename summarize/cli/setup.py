"""CLI commands about the installation itself: ``config``, ``keys``, ``models``, ``doctor``."""

from __future__ import annotations

import getpass
import sys
from typing import Annotated

import typer

from .. import errors
from ..config import resolve_settings
from ..userconfig import config_dir, read_keys, store_key
from .common import fail

__all__ = ["register"]

config_app = typer.Typer(help="The user configuration file: where it is, what it resolves to.",
                         no_args_is_help=True)
keys_app = typer.Typer(help="API keys stored in the configuration directory (mode 0600).",
                       no_args_is_help=True)


def _table(rows: list[tuple[str, ...]]) -> str:
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    return "".join("  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() + "\n"
                   for r in rows)


@config_app.command("path")
def config_path() -> None:
    """Print the path of the configuration file (it need not exist)."""
    typer.echo(str(config_dir() / "config.toml"))


@config_app.command("show")
def config_show(
    model: Annotated[str | None, typer.Option("--model", "-m", help="As for `brief`.")] = None,
    base_url: Annotated[str | None, typer.Option(help="As for `brief`.")] = None,
    strategy: Annotated[str | None, typer.Option("--strategy", "-s")] = None,
) -> None:
    """The resolved settings, each with where it came from (flag, env, config, default)."""
    from ..installation import settings_table  # its imports (urllib, sqlite3) only when asked

    try:
        settings = resolve_settings(model=model, base_url=base_url, strategy=strategy)
    except errors.SummarizeError as exc:
        fail(str(exc), exc.exit_code)
    typer.echo(_table([("setting", "value", "from"), *settings_table(settings)]), nl=False)


@keys_app.command("set")
def keys_set(name: Annotated[str, typer.Argument(help="openai, or a server's name from the "
                                                 "configuration file.")]) -> None:
    """Store a key, read from a hidden prompt or from stdin (never from an argument)."""
    try:
        tty = sys.stdin.isatty()
        key = getpass.getpass(f"Key for {name}: ") if tty else sys.stdin.readline()
        path = store_key(name, key)
    except errors.SummarizeError as exc:
        fail(str(exc), exc.exit_code)
    except (EOFError, KeyboardInterrupt):
        fail("no key given", 5)
    typer.echo(f"summarize: stored key {name!r} in {path}", err=True)


@keys_app.command("list")
def keys_list() -> None:
    """The names of the stored keys (never the keys)."""
    try:
        names = sorted(read_keys())
    except errors.SummarizeError as exc:
        fail(str(exc), exc.exit_code)
    typer.echo("".join(f"{n}\n" for n in names), nl=False)


def models(probe: Annotated[bool, typer.Option(help="Ask each configured server's /models "
                                                "route (2 s each).")] = False) -> None:
    """What can be used as --model, and how."""
    from ..installation import list_models

    try:
        rows = list_models(probe=probe)
    except errors.SummarizeError as exc:
        fail(str(exc), exc.exit_code)
    typer.echo(_table([("model", "kind", "detail", "status"),
                       *((r.name, r.kind, r.detail, r.status) for r in rows)]), nl=False)


def doctor(start: Annotated[bool, typer.Option(help="Start the embedded model to time it.")]
           = True) -> None:
    """Check what this installation needs, one line each with the fix. Exit 0 if all pass,
    5 otherwise (Chromium, only for the browser tests, warns)."""
    from ..installation import doctor as run_doctor

    checks = run_doctor(start_model=start)
    for c in checks:
        mark = "ok  " if c.ok else "FAIL" if c.required else "warn"
        line = f"{mark} {c.name}: {c.detail}"
        typer.echo(line + (f" -> fix: {c.fix}" if c.fix and not c.ok else ""))
    if not all(c.ok for c in checks if c.required):
        raise typer.Exit(5)


def register(app: typer.Typer) -> None:
    app.add_typer(config_app, name="config")
    app.add_typer(keys_app, name="keys")
    app.command()(models)
    app.command()(doctor)
