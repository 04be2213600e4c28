"""The backend registry: what each backend kind means, filled by the backend modules themselves.

A kind says which model names it serves (a prefix such as ``openai/`` or an exact name such as
``local``), how it turns a model name into settings, how it opens a ready backend, and what
identifies its answers for the response cache. The core knows no backend by name: a new backend
is a module that calls :func:`register`, listed in :data:`BUILTIN` or installed as a plugin under
the entry-point group ``summarize.backends`` (the entry point names the module to import).
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable, Mapping
from contextlib import AbstractContextManager
from dataclasses import dataclass
from importlib.metadata import entry_points
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..settings import Settings
    from .base import AsyncBackend

__all__ = ["BUILTIN", "BackendKind", "backend_identity", "kind_for_model", "kind_named", "kinds",
           "open_backend", "register", "token_counter"]

logger = logging.getLogger(__name__)

BUILTIN = ("summarize.backends.local", "summarize.backends.openai_compatible")
ENTRY_POINTS = "summarize.backends"
# The kind a server given by URL (--base-url, a configured server) is served by.
URL_KIND = "openai-compatible"


@dataclass(frozen=True)
class BackendKind:
    name: str
    # A ready backend for the settings, open for as long as the context.
    open: Callable[[Settings], AbstractContextManager[AsyncBackend]]
    # What decides the answers (model, where it runs, sampling), without secrets.
    identity: Callable[[Settings], dict[str, Any]]
    # Model name, environment and stored keys -> the settings' fields (``model``, ``base_url``,
    # ``api_key``, ...); None for a kind that is only reached by URL.
    configure: Callable[[str, Mapping[str, str], Mapping[str, str]], dict[str, Any]] | None = None
    # Model names it serves: ``openai/`` is a prefix, ``local`` an exact name.
    prefixes: tuple[str, ...] = ()
    # How it is named in messages ("openai/<model>").
    example: str = ""
    default_strategy: str = "generative"
    # The context assumed when the user gives none (None: the server knows).
    default_context_tokens: int | None = None
    # The model's own token count, when it can be had without a server.
    token_counter: Callable[[Settings], Callable[[str], int] | None] | None = None

    def serves(self, model: str) -> bool:
        return any(model.startswith(p) if p.endswith("/") else model == p
                   for p in self.prefixes)


_KINDS: dict[str, BackendKind] = {}
_loaded: set[str] = set()


def register(kind: BackendKind) -> None:
    """Make ``kind`` known (a module calls this when it is imported)."""
    _KINDS[kind.name] = kind


def _load(*, plugins: bool) -> None:
    """The built-in kinds; with ``plugins``, the installed plugins' too. Plugins are looked up
    only when a model or kind is not a built-in one: scanning the installed packages' entry
    points costs tens of milliseconds a process."""
    if "builtin" not in _loaded:
        _loaded.add("builtin")
        for module in BUILTIN:
            importlib.import_module(module)
    if plugins and "plugins" not in _loaded:
        _loaded.add("plugins")
        for point in entry_points(group=ENTRY_POINTS):
            try:
                importlib.import_module(point.value)
            except Exception as exc:  # noqa: BLE001 - a broken plugin must not break the tool
                logger.warning("backend plugin %s could not be loaded: %s", point.name, exc)


def _order(kind: BackendKind) -> int:
    """Built-in kinds first, in BUILTIN's order, whichever module was imported first."""
    module = getattr(kind.open, "__module__", "")
    return BUILTIN.index(module) if module in BUILTIN else len(BUILTIN)


def kinds() -> list[BackendKind]:
    """Every kind, the plugins' included."""
    _load(plugins=True)
    return sorted(_KINDS.values(), key=_order)


def kind_named(name: str) -> BackendKind:
    _load(plugins=False)
    if name not in _KINDS:
        _load(plugins=True)
    from ..errors import ConfigError

    try:
        return _KINDS[name]
    except KeyError:
        raise ConfigError(f"unknown backend {name!r}: known are {', '.join(_KINDS)}") from None


def kind_for_model(model: str) -> BackendKind | None:
    """The kind that serves the model name ``model``, if any (a plugin's only when no built-in
    kind does)."""
    _load(plugins=False)
    known = sorted(_KINDS.values(), key=_order)
    return next((k for k in known if k.serves(model)), None) or next(
        (k for k in kinds() if k.serves(model)), None)


def open_backend(settings: Settings) -> AbstractContextManager[AsyncBackend]:
    """A ready backend for ``settings``; an embedded server lives as long as the context."""
    return kind_named(settings.backend).open(settings)


def backend_identity(settings: Settings) -> dict[str, Any]:
    """What identifies the model behind ``settings`` for the response cache."""
    return kind_named(settings.backend).identity(settings)


def token_counter(settings: Settings) -> Callable[[str], int] | None:
    """The model's own token count (its vocabulary only: no weights, no server), if known."""
    count = kind_named(settings.backend).token_counter
    return count(settings) if count is not None else None
