"""Prompt versions: TOML files under ``prompts/<task>/`` rendered in a sandboxed Jinja environment.

A prompt file holds ``version``, ``description``, ``system`` and ``user`` (Jinja templates) and
nothing else. Its identity in a briefing is its version and the SHA-256 of the file's bytes, so
an edited prompt is visibly a different prompt even if someone forgets to bump the version.
"""

from __future__ import annotations

import contextvars
import functools
import hashlib
import logging
import time
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jinja2 import StrictUndefined, TemplateError, nodes
from jinja2.exceptions import SecurityError
from jinja2.sandbox import ImmutableSandboxedEnvironment
from pydantic import BaseModel, ConfigDict, ValidationError, field_validator

from ..errors import ConfigError
from ..settings import DEFAULT_PROMPT

__all__ = ["Prompt", "PromptFile", "list_prompts", "load_prompt", "prompts_dir"]

logger = logging.getLogger(__name__)

# Bounds on what a prompt file can make us do: items produced by range() in one rendering,
# the size of a string or list made by "*", exponents, the rendered text and the time taken.
RANGE_BUDGET = 100_000
MAX_REPEAT = 1_000_000
MAX_RENDER_SECONDS = 5.0
_budget: contextvars.ContextVar[list[int]] = contextvars.ContextVar("range_budget")


def _bounded_range(*args: int) -> range:
    items = range(*args)
    left = _budget.get([RANGE_BUDGET])
    left[0] -= len(items)
    if left[0] < 0:
        raise SecurityError(f"the template asks for more than {RANGE_BUDGET} range() items")
    return items


class _Environment(ImmutableSandboxedEnvironment):
    """The sandbox, plus bounds: no include/import/extends (no loader), bounded range(), "*"
    and "**"."""

    intercepted_binops = frozenset({"*", "**"})

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        if operator == "**" and isinstance(right, int | float) and abs(right) > 64:
            raise SecurityError("exponent too large in a prompt template")
        if operator == "*":
            for seq, n in ((left, right), (right, left)):
                if isinstance(seq, str | list | tuple) and isinstance(n, int) \
                        and len(seq) * n > MAX_REPEAT:
                    raise SecurityError("a repeated string or list too long in a template")
        return super().call_binop(context, operator, left, right)


_ENV = _Environment(undefined=StrictUndefined, autoescape=False, keep_trailing_newline=False)
_ENV.globals["range"] = _bounded_range
_FORBIDDEN = (nodes.Include, nodes.Import, nodes.FromImport, nodes.Extends)


class PromptFile(BaseModel):
    """The content of one prompt file."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    version: str
    description: str
    system: str
    user: str

    @field_validator("system", "user")
    @classmethod
    def _strip(cls, value: str) -> str:
        return value.strip()


@dataclass(frozen=True)
class Prompt:
    task: str
    file: PromptFile
    sha256: str
    path: Path

    @property
    def version(self) -> str:
        return self.file.version

    def render(self, **variables: Any) -> list[dict[str, str]]:
        """Chat messages for the given template variables, rendered within the bounds above."""
        given = sum(len(str(v)) for v in variables.values())
        limit = 2 * given + 1_000_000
        token = _budget.set([RANGE_BUDGET])
        began = time.monotonic()
        try:
            parts = []
            for source in (self.file.system, self.file.user):
                out: list[str] = []
                size = 0
                for piece in _template(source).generate(**variables):
                    out.append(piece)
                    size += len(piece)
                    if size > limit:
                        raise SecurityError(f"the rendered prompt exceeds {limit} characters")
                    if time.monotonic() - began > MAX_RENDER_SECONDS:
                        raise SecurityError(f"rendering took over {MAX_RENDER_SECONDS:g} s")
                parts.append("".join(out))
        except TemplateError as exc:
            raise ConfigError(f"prompt {self.version}: cannot render: {exc}", original=exc) from exc
        finally:
            _budget.reset(token)
        return [{"role": "system", "content": parts[0]}, {"role": "user", "content": parts[1]}]


def prompts_dir() -> Path:
    """Where prompt files live: inside the installed package, or at the source checkout's top."""
    here = Path(__file__).resolve().parent.parent
    for candidate in (here / "_data" / "prompts", here.parent / "prompts"):
        if candidate.is_dir():
            return candidate
    raise ConfigError("no prompts directory found: the installation is incomplete")


def check_template(source: str) -> None:
    """Parse ``source``; a syntax error, or an include/import/extends (prompts are whole files,
    nothing is loaded from elsewhere), is a :class:`ConfigError`."""
    try:
        tree = _ENV.parse(source)
    except TemplateError as exc:
        raise ConfigError(f"invalid template: {exc}", original=exc) from exc
    for node in tree.find_all(_FORBIDDEN):
        raise ConfigError(f"line {node.lineno}: {type(node).__name__.lower()} is not allowed in "
                          "a prompt (a prompt is one self-contained file)")


@functools.lru_cache(maxsize=64)
def _template(source: str) -> Any:
    return _ENV.from_string(source)


def _read(path: Path, task: str) -> Prompt:
    try:
        stat = path.stat()
    except OSError as exc:
        raise ConfigError(f"prompt file {path}: cannot be read ({exc})", original=exc) from exc
    # Parsed once per file version: a batch renders the same prompt thousands of times.
    return _read_version(path, task, stat.st_mtime_ns, stat.st_size)


@functools.lru_cache(maxsize=64)
def _read_version(path: Path, task: str, mtime_ns: int, size: int) -> Prompt:
    try:
        raw = path.read_bytes()
        data = tomllib.loads(raw.decode("utf-8"))
        file = PromptFile.model_validate(data)
        check_template(file.system)
        check_template(file.user)
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, ValidationError,
            ConfigError) as exc:
        first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise ConfigError(f"prompt file {path}: invalid ({first})", original=exc) from exc
    return Prompt(task=task, file=file, sha256=hashlib.sha256(raw).hexdigest(), path=path)


def list_prompts(task: str = "briefing") -> list[Prompt]:
    """Every prompt version shipped for ``task``, sorted by version."""
    folder = prompts_dir() / task
    return sorted((_read(p, task) for p in folder.glob("*.toml")), key=lambda p: p.version)


def load_prompt(version: str = DEFAULT_PROMPT, task: str = "briefing") -> Prompt:
    """A prompt by version id (``v1``) or by path to a ``.toml`` file of the same form."""
    if version.endswith(".toml"):
        path = Path(version)
        if not path.is_file():
            raise ConfigError(f"prompt file {path}: no such file")
        return _read(path, task)
    for prompt in list_prompts(task):
        if prompt.version == version:
            return prompt
    known = ", ".join(p.version for p in list_prompts(task)) or "none"
    raise ConfigError(f"unknown prompt version {version!r} (known: {known})")
