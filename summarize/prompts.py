"""Prompt versions: TOML files under ``prompts/<task>/`` rendered in a sandboxed Jinja environment.

A prompt file holds ``version``, ``description``, ``system`` and ``user`` (Jinja templates) and
nothing else. Its identity in a briefing is its version and the SHA-256 of the file's bytes, so
an edited prompt is visibly a different prompt even if someone forgets to bump the version.
"""

from __future__ import annotations

import functools
import hashlib
import logging
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jinja2 import StrictUndefined, TemplateError
from jinja2.sandbox import ImmutableSandboxedEnvironment
from pydantic import BaseModel, ConfigDict, ValidationError, field_validator

from .errors import ConfigError

__all__ = ["Prompt", "PromptFile", "list_prompts", "load_prompt", "prompts_dir"]

logger = logging.getLogger(__name__)

DEFAULT_PROMPT = "v1"
_ENV = ImmutableSandboxedEnvironment(undefined=StrictUndefined, autoescape=False,
                                     keep_trailing_newline=False)


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
        """Chat messages for the given template variables."""
        try:
            system = _template(self.file.system).render(**variables)
            user = _template(self.file.user).render(**variables)
        except TemplateError as exc:
            raise ConfigError(f"prompt {self.version}: cannot render: {exc}", original=exc) from exc
        return [{"role": "system", "content": system}, {"role": "user", "content": user}]


def prompts_dir() -> Path:
    """Where prompt files live: inside the installed package, or at the source checkout's top."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "_data" / "prompts", here.parent / "prompts"):
        if candidate.is_dir():
            return candidate
    raise ConfigError("no prompts directory found: the installation is incomplete")


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
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, ValidationError) as exc:
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
