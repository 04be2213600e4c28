"""Every error the library raises on purpose derives from :class:`SummarizeError`.

The tree, with the CLI exit code each maps to::

    SummarizeError                      1  (never raised bare)
    ├── InputError                      3  missing path, directory, empty, binary, undecodable
    ├── DocumentTooLongError            4  the document does not fit the model's context
    ├── ConfigError                     5  unknown prompt version, missing API key, bad option
    │   └── StorageError                5  the run log, cache or job store cannot be opened
    ├── BackendError                    6  the model backend could not be used
    │   ├── BackendStartError           7  the embedded model server failed to start
    │   ├── BackendUnavailableError     8  connection refused / unreachable / HTTP error
    │   └── BackendTimeoutError         9  the backend did not answer in time
    ├── ExtractionError                10  output still invalid after every retry
    └── OutputError                    11  the result could not be written

Exit code 2 is the CLI's own usage error (unknown option, missing argument).
Errors that wrap an SDK exception keep it as ``original`` (and as ``__cause__``).
"""

from __future__ import annotations

__all__ = [
    "BackendError",
    "BackendStartError",
    "BackendTimeoutError",
    "BackendUnavailableError",
    "ConfigError",
    "DocumentTooLongError",
    "ExtractionError",
    "InputError",
    "OutputError",
    "StorageError",
    "SummarizeError",
]


class SummarizeError(Exception):
    """Root of every error summarize raises on purpose."""

    exit_code = 1

    def __init__(self, message: str, *, original: BaseException | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.original = original

    def __str__(self) -> str:
        return self.message


def missing_extra(extra: str, what: str, original: BaseException | None = None) -> ConfigError:
    """The error for an optional part of the installation that is not installed: one line that
    names the command installing it."""
    return ConfigError(f"{what} needs the optional part summarize[{extra}], which is not "
                       f"installed: pip install 'summarize[{extra}]'", original=original)


class InputError(SummarizeError):
    """The input document cannot be used (missing, a directory, empty, binary, undecodable)."""

    exit_code = 3


class DocumentTooLongError(SummarizeError):
    """The document does not fit the model's context window."""

    exit_code = 4


class ConfigError(SummarizeError):
    """The configuration is incomplete or inconsistent."""

    exit_code = 5


class StorageError(ConfigError):
    """A database of the tool's own (the run log, the response cache, the job store) cannot be
    opened or used: the state or cache directory is unusable, or the file stayed locked. Exit 5
    on the command line, where the directories are configuration; 503 in the service, where it
    is the server's trouble, not the request's."""


class BackendError(SummarizeError):
    """The model backend could not be used."""

    exit_code = 6

    def __init__(
        self, message: str, *, backend: str = "", original: BaseException | None = None
    ) -> None:
        super().__init__(message, original=original)
        self.backend = backend


class BackendStartError(BackendError):
    """The embedded model server did not start."""

    exit_code = 7


class BackendUnavailableError(BackendError):
    """The backend refused the connection, is unreachable, or answered with an HTTP error."""

    exit_code = 8


class BackendTimeoutError(BackendError):
    """The backend did not answer within the time-out."""

    exit_code = 9


class ExtractionError(SummarizeError):
    """The model's output was still invalid after every retry."""

    exit_code = 10

    def __init__(
        self,
        message: str,
        *,
        attempts: int = 0,
        usage: dict[str, int] | None = None,
        original: BaseException | None = None,
    ) -> None:
        super().__init__(message, original=original)
        self.attempts = attempts
        self.usage = usage or {}


class OutputError(SummarizeError):
    """The result could not be written."""

    exit_code = 11
