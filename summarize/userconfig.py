"""The user's configuration file and stored keys.

``$SUMMARIZE_CONFIG_DIR``, else ``$XDG_CONFIG_HOME/summarize``, else ``~/.config/summarize``
holds ``config.toml`` (defaults and named servers) and ``keys.json`` (API keys, mode 0600)::

    model = "openai/gpt-4o-mini"        # defaults for every command
    strategy = "generative"
    prompt = "v1"
    timeout = 300
    concurrency = 4
    base_url = "http://localhost:11434/v1"

    [servers.gpu]                        # used as --model gpu
    base_url = "http://gpu-box:8000/v1"
    model = "Qwen2.5-7B-Instruct"

Precedence, for every setting: flag, then environment, then this file, then the default. A
server's key is the stored key of the server's name (``summarize keys set gpu``); the OpenAI key
is ``OPENAI_API_KEY``, else the stored key ``openai``.
"""

from __future__ import annotations

import json
import os
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import ConfigError

__all__ = ["UserConfig", "config_dir", "load_user_config", "read_keys", "store_key", "xdg_dir"]

_SETTINGS: dict[str, type | tuple[type, ...]] = {
    "model": str, "base_url": str, "strategy": str, "prompt": str,
    "timeout": (int, float), "concurrency": int,
}
_SERVER: dict[str, type | tuple[type, ...]] = {"base_url": str, "model": str}
_KEY_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")


def xdg_dir(env: Mapping[str, str], own: str, xdg: str, fallback: str) -> Path:
    """``$own``, else ``$xdg/summarize``, else ``~/fallback/summarize``: the one rule for the
    configuration, cache and state directories."""
    if env.get(own):
        return Path(env[own]).expanduser()
    base = env.get(xdg) or str(Path(env.get("HOME") or Path.home()) / fallback)
    return Path(base).expanduser() / "summarize"


def config_dir(env: Mapping[str, str] | None = None) -> Path:
    """Where the configuration file and the stored keys live."""
    return xdg_dir(os.environ if env is None else env, "SUMMARIZE_CONFIG_DIR",
                   "XDG_CONFIG_HOME", ".config")


@dataclass(frozen=True)
class UserConfig:
    """What the configuration file says; empty when there is no file."""

    path: Path
    values: Mapping[str, Any] = field(default_factory=dict)
    servers: Mapping[str, Mapping[str, str]] = field(default_factory=dict)

    def get(self, name: str) -> Any:
        return self.values.get(name)


def _line_of(text: str, key: str) -> int:
    for number, line in enumerate(text.splitlines(), start=1):
        if re.match(rf"\s*\"?{re.escape(key)}\"?\s*=", line):
            return number
    return 1


def _check(path: Path, text: str, key: str, value: Any,
           kinds: type | tuple[type, ...]) -> None:
    if not isinstance(value, kinds) or isinstance(value, bool):
        names = kinds.__name__ if isinstance(kinds, type) else " or ".join(
            k.__name__ for k in kinds)
        raise ConfigError(f"{path}, line {_line_of(text, key)}: {key} must be {names}, "
                          f"not {type(value).__name__}")


def load_user_config(env: Mapping[str, str] | None = None) -> UserConfig:
    """Read ``config.toml``; a malformed file is a :class:`ConfigError` naming file and line."""
    path = config_dir(env) / "config.toml"
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return UserConfig(path)
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read the configuration file ({exc})") from exc
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        # tomllib's message ends "(at line N, column M)".
        raise ConfigError(f"{path}: not valid TOML: {exc}") from exc
    values: dict[str, Any] = {}
    servers: dict[str, dict[str, str]] = {}
    for key, value in data.items():
        if key == "servers":
            if not isinstance(value, dict):
                raise ConfigError(f"{path}, line {_line_of(text, key)}: [servers.NAME] tables "
                                  "expected")
            for name, server in value.items():
                if not isinstance(server, dict):
                    raise ConfigError(f"{path}: servers.{name} must be a table")
                unknown = set(server) - set(_SERVER)
                if unknown:
                    raise ConfigError(f"{path}, line {_line_of(text, sorted(unknown)[0])}: "
                                      f"unknown server setting {sorted(unknown)[0]!r} "
                                      f"(known: {', '.join(_SERVER)})")
                for k, v in server.items():
                    _check(path, text, k, v, _SERVER[k])
                if "base_url" not in server or "model" not in server:
                    raise ConfigError(f"{path}: servers.{name} needs base_url and model")
                servers[name] = dict(server)
        elif key in _SETTINGS:
            _check(path, text, key, value, _SETTINGS[key])
            values[key] = value
        else:
            raise ConfigError(f"{path}, line {_line_of(text, key)}: unknown setting {key!r} "
                              f"(known: {', '.join([*_SETTINGS, 'servers'])})")
    return UserConfig(path, values, servers)


def _keys_path(env: Mapping[str, str] | None) -> Path:
    return config_dir(env) / "keys.json"


def read_keys(env: Mapping[str, str] | None = None) -> dict[str, str]:
    """The stored keys by name (an unreadable or malformed file is a :class:`ConfigError`)."""
    path = _keys_path(env)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError) as exc:
        raise ConfigError(f"{path}: cannot read the stored keys ({type(exc).__name__})") from None
    if not isinstance(data, dict) or not all(isinstance(v, str) for v in data.values()):
        raise ConfigError(f"{path}: not a JSON object of names to keys")
    return data


def store_key(name: str, key: str, env: Mapping[str, str] | None = None) -> Path:
    """Store ``key`` under ``name`` in ``keys.json``, created 0600, replaced atomically."""
    if not _KEY_NAME.match(name):
        raise ConfigError(f"invalid key name {name!r}: letters, digits, '.', '_' or '-'")
    key = key.strip()
    if not key or any(c.isspace() for c in key):
        raise ConfigError("the key is empty or contains whitespace")
    keys = read_keys(env)
    keys[name] = key
    path = _keys_path(env)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".keys.{os.getpid()}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump(keys, f, indent=1, sort_keys=True)
        os.chmod(tmp, 0o600)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return path
