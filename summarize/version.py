"""The installed package's version: what ``--version``, provenance and the service report."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

__all__ = ["package_version"]


def package_version() -> str:
    try:
        return version("summarize")
    except PackageNotFoundError:
        return "0+unknown"
